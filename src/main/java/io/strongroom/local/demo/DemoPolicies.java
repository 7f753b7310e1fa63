package io.strongroom.local.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The policy documents of the demo principals, as an account's administrators would write them:
 * trust policies, the roles' identity policies, the secrets' resource policies and the statement
 * the shared CI key's policy gains. Built as JSON trees, so a name never breaks a document.
 */
final class DemoPolicies {

    /** The Sid of the key policy statement that lets the security-audit account decrypt the shared CI secrets. */
    static final String CI_KEY_STATEMENT = "StrongroomDemoCiReadsFromSecurityAudit";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIA_SECRETS_MANAGER = "secretsmanager.*.amazonaws.com";

    private DemoPolicies() {}

    // ---- Trust policies ----------------------------------------------------------------------

    /** Trusted by the services named (e.g. {@code ecs-tasks.amazonaws.com}) and by {@code account}'s principals. */
    static String trust(String account, String... services) {
        ObjectNode principal = JSON.createObjectNode();
        principal.put("AWS", root(account));
        if (services.length == 1) {
            principal.put("Service", services[0]);
        } else if (services.length > 1) {
            ArrayNode list = principal.putArray("Service");
            for (String s : services) {
                list.add(s);
            }
        }
        ObjectNode statement = statement("Allow", "TrustedToAssume");
        statement.set("Principal", principal);
        statement.put("Action", "sts:AssumeRole");
        return document(statement);
    }

    /**
     * Trusted by {@code account}'s principals only in sessions signed in with MFA: the condition
     * AWS documents for requiring MFA on AssumeRole, {@code "Bool": {"aws:MultiFactorAuthPresent": "true"}}
     * (a caller without MFA has the key absent or false, and Bool is then not met).
     */
    static String trustWithMfa(String account) {
        ObjectNode statement = statement("Allow", "TrustedToAssumeWithMfa");
        statement.putObject("Principal").put("AWS", root(account));
        statement.put("Action", "sts:AssumeRole");
        statement.putObject("Condition").putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
        return document(statement);
    }

    // ---- Identity policies -------------------------------------------------------------------

    /**
     * An application role's own secrets, by ARN pattern ({@code prefix/*}, or an exact name with
     * the six characters Secrets Manager appends), and the key use reading them needs, only
     * through Secrets Manager.
     */
    static String readOwnSecrets(String account, List<String> secretNames) {
        ObjectNode read = statement("Allow", "ReadOwnSecrets");
        actions(read, "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
        ArrayNode resources = read.putArray("Resource");
        for (String name : secretNames) {
            resources.add(secretArn("*", account, name.endsWith("/*") ? name : name + "-??????"));
        }
        return document(read, decryptViaSecretsManager(account));
    }

    /** The CI deployer: every {@code ci/} secret it is given, in any account, and the keys behind them. */
    static String ciDeployer() {
        ObjectNode read = statement("Allow", "ReadCiSecretsInAnyAccount");
        actions(read, "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
        read.put("Resource", secretArn("*", "*", DemoCatalog.CI_PREFIX + "*"));
        return document(read, decryptViaSecretsManager("*"));
    }

    private static ObjectNode decryptViaSecretsManager(String account) {
        ObjectNode decrypt = statement("Allow", "DecryptThroughSecretsManager");
        decrypt.put("Action", "kms:Decrypt");
        decrypt.put("Resource", "arn:aws:kms:*:" + account + ":key/*");
        decrypt.putObject("Condition").putObject("StringLike").put("kms:ViaService", VIA_SECRETS_MANAGER);
        return decrypt;
    }

    // ---- Resource policies -------------------------------------------------------------------

    /** A {@code ci/} secret the CI deployer of another account reads. */
    static String ciSecret(String ciDeployerArn) {
        ObjectNode allow = statement("Allow", "CiDeployerReads");
        allow.putObject("Principal").put("AWS", ciDeployerArn);
        actions(allow, "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
        allow.put("Resource", "*");
        return document(allow);
    }

    /** A secret whose metadata and policy the security auditor of another account reviews, without its value. */
    static String auditorReview(String auditorArn) {
        ObjectNode allow = statement("Allow", "SecurityAuditorReviews");
        allow.putObject("Principal").put("AWS", auditorArn);
        actions(allow, "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy", "secretsmanager:ListSecretVersionIds");
        allow.put("Resource", "*");
        return document(allow);
    }

    /** Everything denied to everyone but the principals named, whatever their own policies allow. */
    static String lockdown(List<String> exceptPrincipalArns) {
        ObjectNode deny = statement("Deny", "DenyAllButBreakGlass");
        deny.put("Principal", "*");
        deny.put("Action", "secretsmanager:*");
        deny.put("Resource", "*");
        ArrayNode exempt = deny.putObject("Condition").putObject("StringNotEquals").putArray("aws:PrincipalArn");
        exceptPrincipalArns.forEach(exempt::add);
        return document(deny);
    }

    // ---- The shared CI key -------------------------------------------------------------------

    /**
     * {@code keyPolicy} with a statement that lets {@code trustedAccount} decrypt the {@code ci/}
     * secrets of {@code owner} in {@code region} through Secrets Manager and nothing else; the
     * same document if the statement is already there.
     */
    static String withCiStatement(String keyPolicy, String owner, String region, String trustedAccount) {
        ObjectNode policy = parse(keyPolicy);
        if (hasCiStatement(policy)) {
            return keyPolicy;
        }
        ObjectNode allow = statement("Allow", CI_KEY_STATEMENT);
        allow.putObject("Principal").put("AWS", root(trustedAccount));
        actions(allow, "kms:Decrypt", "kms:DescribeKey");
        allow.put("Resource", "*");
        ObjectNode condition = allow.putObject("Condition");
        condition.putObject("StringEquals").put("kms:ViaService", "secretsmanager." + region + ".amazonaws.com");
        condition.putObject("StringLike").put("kms:EncryptionContext:SecretARN",
                secretArn(region, owner, DemoCatalog.CI_PREFIX + "*"));
        statements(policy).add(allow);
        return write(policy);
    }

    /** {@code keyPolicy} without that statement, or null if it has none. */
    static String withoutCiStatement(String keyPolicy) {
        ObjectNode policy = parse(keyPolicy);
        if (!hasCiStatement(policy)) {
            return null;
        }
        ArrayNode kept = JSON.createArrayNode();
        statements(policy).forEach(s -> {
            if (!CI_KEY_STATEMENT.equals(s.path("Sid").asText())) {
                kept.add(s);
            }
        });
        policy.set("Statement", kept);
        return write(policy);
    }

    private static boolean hasCiStatement(ObjectNode policy) {
        for (JsonNode s : statements(policy)) {
            if (CI_KEY_STATEMENT.equals(s.path("Sid").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The Statement of a policy as an array (a lone statement object becomes an array of one). */
    private static ArrayNode statements(ObjectNode policy) {
        JsonNode statement = policy.get("Statement");
        if (statement instanceof ArrayNode array) {
            return array;
        }
        ArrayNode array = JSON.createArrayNode();
        if (statement != null) {
            array.add(statement);
        }
        policy.set("Statement", array);
        return array;
    }

    // ---- Shared ------------------------------------------------------------------------------

    static String root(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    private static String secretArn(String region, String account, String name) {
        return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + name;
    }

    private static ObjectNode statement(String effect, String sid) {
        ObjectNode s = JSON.createObjectNode();
        s.put("Sid", sid);
        s.put("Effect", effect);
        return s;
    }

    private static void actions(ObjectNode statement, String... actions) {
        ArrayNode list = statement.putArray("Action");
        for (String a : actions) {
            list.add(a);
        }
    }

    private static String document(ObjectNode... statements) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode list = policy.putArray("Statement");
        for (ObjectNode s : statements) {
            list.add(s);
        }
        return write(policy);
    }

    private static ObjectNode parse(String policy) {
        try {
            if (JSON.readTree(policy) instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("a key policy that is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a key policy that is not JSON", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
