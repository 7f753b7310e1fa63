package io.strongroom.ui.policy;

import io.strongroom.domain.PolicyKind;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Starting points for a secret's resource policy or a KMS key's key policy, each written for the
 * resource shown (its ARN, account and region filled in) with placeholders in angle brackets where only the user knows the value
 * ({@code <break-glass-role-arn>}, {@code <o-orgid>}). Access Analyzer flags a placeholder left in
 * place, so a template cannot be applied half filled.
 */
public final class PolicyTemplates {

    /** One template: its id (for texts: {@code template.<id>}) and how it is written for a secret. */
    public enum Template {
        /** Everyone is denied every Secrets Manager action except one break-glass role. */
        LOCKDOWN_EXCEPT_BREAK_GLASS(PolicyKind.SECRET),
        /** Principals of one other account may read the current value. */
        CROSS_ACCOUNT_READ(PolicyKind.SECRET),
        /** Only principals of the organization may use the secret. */
        ORGANIZATION_ONLY(PolicyKind.SECRET),
        /** Reads only by principals carrying a tag (attribute-based access). */
        REQUIRE_PRINCIPAL_TAG(PolicyKind.SECRET),
        /** KMS's default key policy: the account's IAM policies decide. */
        KEY_DEFAULT(PolicyKind.KEY),
        /** The account's IAM policies decide, and one role may decrypt through Secrets Manager only. */
        KEY_ONE_ROLE_THROUGH_SECRETS_MANAGER(PolicyKind.KEY),
        /** Another account may decrypt through Secrets Manager (for cross-account reads of secrets). */
        KEY_CROSS_ACCOUNT_DECRYPT(PolicyKind.KEY);

        private final PolicyKind kind;

        Template(PolicyKind kind) {
            this.kind = kind;
        }

        public PolicyKind kind() {
            return kind;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private PolicyTemplates() {
    }

    public static List<Template> all() {
        return List.of(Template.values());
    }

    /** The templates for a secret's resource policy, or for a key policy. */
    public static List<Template> forKind(PolicyKind kind) {
        return Arrays.stream(Template.values()).filter(t -> t.kind() == kind).toList();
    }

    /** The template written for the resource {@code arn} (a secret or a key) in {@code accountId} and {@code region}. */
    public static String write(Template template, String arn, String accountId, String region) {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        String secretArn = arn;
        return switch (template) {
            case LOCKDOWN_EXCEPT_BREAK_GLASS -> """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Sid": "DenyEveryoneButBreakGlass",
                          "Effect": "Deny",
                          "Principal": "*",
                          "Action": "secretsmanager:*",
                          "Resource": "*",
                          "Condition": {
                            "StringNotEquals": {
                              "aws:PrincipalArn": "arn:aws:iam::%s:role/<break-glass-role-name>"
                            }
                          }
                        }
                      ]
                    }
                    """.formatted(accountId);
            case CROSS_ACCOUNT_READ -> """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Sid": "ReadFromOneAccount",
                          "Effect": "Allow",
                          "Principal": { "AWS": "arn:aws:iam::<other-account-id>:root" },
                          "Action": "secretsmanager:GetSecretValue",
                          "Resource": "%s",
                          "Condition": {
                            "ForAnyValue:StringEquals": { "secretsmanager:VersionStage": "AWSCURRENT" }
                          }
                        }
                      ]
                    }
                    """.formatted(secretArn);
            case ORGANIZATION_ONLY -> """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Sid": "DenyOutsideTheOrganization",
                          "Effect": "Deny",
                          "Principal": "*",
                          "Action": "secretsmanager:*",
                          "Resource": "*",
                          "Condition": {
                            "StringNotEquals": { "aws:PrincipalOrgID": "<o-orgid>" }
                          }
                        }
                      ]
                    }
                    """;
            case REQUIRE_PRINCIPAL_TAG -> """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Sid": "ReadOnlyWithTheTeamTag",
                          "Effect": "Deny",
                          "Principal": "*",
                          "Action": "secretsmanager:GetSecretValue",
                          "Resource": "%s",
                          "Condition": {
                            "StringNotEquals": { "aws:PrincipalTag/team": "<team>" }
                          }
                        }
                      ]
                    }
                    """.formatted(secretArn);
            case KEY_DEFAULT -> keyPolicy(accountId, "");
            case KEY_ONE_ROLE_THROUGH_SECRETS_MANAGER -> keyPolicy(accountId, """
                    ,
                        {
                          "Sid": "OneRoleThroughSecretsManager",
                          "Effect": "Allow",
                          "Principal": { "AWS": "arn:aws:iam::%s:role/<role-name>" },
                          "Action": ["kms:Decrypt", "kms:DescribeKey"],
                          "Resource": "*",
                          "Condition": { "StringEquals": { "kms:ViaService": "secretsmanager.%s.amazonaws.com" } }
                        }""".formatted(accountId, region));
            case KEY_CROSS_ACCOUNT_DECRYPT -> keyPolicy(accountId, """
                    ,
                        {
                          "Sid": "OtherAccountThroughSecretsManager",
                          "Effect": "Allow",
                          "Principal": { "AWS": "arn:aws:iam::<other-account-id>:root" },
                          "Action": ["kms:Decrypt", "kms:DescribeKey"],
                          "Resource": "*",
                          "Condition": { "StringEquals": { "kms:ViaService": "secretsmanager.%s.amazonaws.com" } }
                        }""".formatted(region));
        };
    }

    /** KMS's default statement (the account's IAM policies decide), then {@code more} statements. */
    private static String keyPolicy(String accountId, String more) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "EnableIamPolicies",
                      "Effect": "Allow",
                      "Principal": { "AWS": "arn:aws:iam::%s:root" },
                      "Action": "kms:*",
                      "Resource": "*"
                    }%s
                  ]
                }
                """.formatted(accountId, more.stripTrailing());
    }
}
