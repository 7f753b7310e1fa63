package io.strongroom.local.identitycenter;

import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.AwsManagedPolicies;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.Sessions;
import io.strongroom.local.wire.AwsException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A permission set in an account, as AWS provisions it: an IAM role
 * {@code /aws-reserved/sso.amazonaws.com/AWSReservedSSO_<set>_<16 hex>} with the set's AWS
 * managed policy, trusting the account's Identity Center SAML provider (so nobody can assume it
 * with AssumeRole), created the first time the set is used in the account. Its sessions are
 * named after the signed-in user and last the permission set's session duration, one hour.
 */
final class SsoRoles {

    static final String PATH = "/aws-reserved/sso.amazonaws.com/";
    static final Duration SESSION = Duration.ofHours(1);

    private final Accounts accounts;

    SsoRoles(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Whether the store can provision a permission set of this name: one named after an AWS managed policy it knows. */
    static boolean known(String permissionSet) {
        return permissionSet != null && AwsManagedPolicies.byArn(AwsManagedPolicies.ARN_PREFIX + permissionSet).isPresent();
    }

    Sessions.Issued credentials(String accountId, String permissionSet, String userName, Instant now) {
        IamRole role = provision(accountId, permissionSet);
        String sessionArn = "arn:aws:sts::" + accountId + ":assumed-role/" + role.roleName() + "/" + userName;
        Instant expiration = now.truncatedTo(ChronoUnit.SECONDS).plus(SESSION);
        return accounts.issueSession(new Sessions.Grant(accountId, sessionArn, role.roleId() + ":" + userName, role.arn(), userName,
                "arn:aws:sso:::user/" + userName, Map.of(), false, false), expiration);
    }

    static String roleName(String accountId, String permissionSet) {
        byte[] digest = Tokens.sha256(accountId + "/" + permissionSet);
        return "AWSReservedSSO_" + permissionSet + "_" + HexFormat.of().formatHex(digest, 0, 8);
    }

    private IamRole provision(String accountId, String permissionSet) {
        String name = roleName(accountId, permissionSet);
        Optional<IamRole> existing = accounts.iam().role(accountId, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        String provider = "arn:aws:iam::" + accountId + ":saml-provider/AWSSSO_" + name.substring(name.length() - 16) + "_DO_NOT_DELETE";
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + provider
                + "\"},\"Action\":[\"sts:AssumeRoleWithSAML\",\"sts:TagSession\"],"
                + "\"Condition\":{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}}]}";
        try {
            IamRole role = accounts.iam().createRole(accountId, name, PATH, trust,
                    "Provisioned by the local IAM Identity Center for permission set " + permissionSet, null, Map.of());
            accounts.iam().attach(role.arn(), AwsManagedPolicies.ARN_PREFIX + permissionSet);
            return role;
        } catch (AwsException raced) {
            // provisioned by a concurrent request
            return accounts.iam().role(accountId, name).orElseThrow(() -> raced);
        }
    }

}
