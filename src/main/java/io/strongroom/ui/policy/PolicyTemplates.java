package io.strongroom.ui.policy;

import java.util.List;
import java.util.Objects;

/**
 * Starting points for a secret's resource policy, each written for the secret shown (its ARN and
 * account filled in) with placeholders in angle brackets where only the user knows the value
 * ({@code <break-glass-role-arn>}, {@code <o-orgid>}). Access Analyzer flags a placeholder left in
 * place, so a template cannot be applied half filled.
 */
public final class PolicyTemplates {

    /** One template: its id (for texts: {@code template.<id>}) and how it is written for a secret. */
    public enum Template {
        /** Everyone is denied every Secrets Manager action except one break-glass role. */
        LOCKDOWN_EXCEPT_BREAK_GLASS,
        /** Principals of one other account may read the current value. */
        CROSS_ACCOUNT_READ,
        /** Only principals of the organization may use the secret. */
        ORGANIZATION_ONLY,
        /** Reads only by principals carrying a tag (attribute-based access). */
        REQUIRE_PRINCIPAL_TAG;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private PolicyTemplates() {
    }

    public static List<Template> all() {
        return List.of(Template.values());
    }

    /** The template written for the secret {@code secretArn} in {@code accountId}. */
    public static String write(Template template, String secretArn, String accountId) {
        Objects.requireNonNull(secretArn, "secretArn");
        Objects.requireNonNull(accountId, "accountId");
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
        };
    }
}
