package io.strongroom.local.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies the store knows, under their real ARNs
 * ({@code arn:aws:iam::aws:policy/NAME}). Their documents keep AWS's intent for the services this
 * store serves (Secrets Manager, KMS, STS, IAM, CloudTrail, Access Analyzer) and leave the rest of
 * AWS's action lists out; ReadOnlyAccess, like AWS's, does not read secret values.
 */
public final class AwsManagedPolicies {

    public static final String ARN_PREFIX = "arn:aws:iam::aws:policy/";
    public static final String ADMINISTRATOR_ACCESS = ARN_PREFIX + "AdministratorAccess";
    public static final String READ_ONLY_ACCESS = ARN_PREFIX + "ReadOnlyAccess";
    public static final String SECURITY_AUDIT = ARN_PREFIX + "SecurityAudit";
    public static final String SECRETS_MANAGER_READ_WRITE = ARN_PREFIX + "SecretsManagerReadWrite";
    public static final String IAM_READ_ONLY_ACCESS = ARN_PREFIX + "IAMReadOnlyAccess";

    private static final Instant PUBLISHED = Instant.parse("2015-02-06T18:39:46Z");
    private static final Map<String, ManagedPolicy> BY_ARN = new LinkedHashMap<>();

    static {
        add("AdministratorAccess", "ANPAIWMBCKSKIEE64ZLYK", "Provides full access to AWS services and resources.",
                statement("\"*\""));
        add("ReadOnlyAccess", "ANPAILL3HVNFSB6DCOWYQ", "Provides read-only access to AWS services and resources.",
                statement(actions("secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy",
                        "secretsmanager:ListSecretVersionIds", "secretsmanager:ListSecrets", "kms:Describe*", "kms:Get*",
                        "kms:List*", "iam:Get*", "iam:List*", "cloudtrail:LookupEvents", "cloudtrail:Get*",
                        "cloudtrail:Describe*", "cloudtrail:List*", "access-analyzer:Get*", "access-analyzer:List*",
                        "access-analyzer:ValidatePolicy")));
        add("SecurityAudit", "ANPAIX2T3QCXHR2OGGCTO", "The security audit template grants access to read security configuration metadata.",
                statement(actions("secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy",
                        "secretsmanager:ListSecretVersionIds", "secretsmanager:ListSecrets", "kms:Describe*", "kms:Get*",
                        "kms:List*", "iam:Get*", "iam:List*", "cloudtrail:LookupEvents", "cloudtrail:Describe*",
                        "access-analyzer:ValidatePolicy")));
        add("SecretsManagerReadWrite", "ANPAJRKZ5JDSD6IVKCRIA", "Provides read/write access to AWS Secrets Manager.",
                statement(actions("secretsmanager:*", "kms:DescribeKey", "kms:ListAliases", "kms:ListKeys",
                        "tag:GetResources")));
        add("IAMReadOnlyAccess", "ANPAJKSO7NDY4T57MWDSQ", "Provides read only access to IAM via the AWS Management Console.",
                statement(actions("iam:GenerateCredentialReport", "iam:Get*", "iam:List*", "iam:SimulateCustomPolicy",
                        "iam:SimulatePrincipalPolicy")));
    }

    private AwsManagedPolicies() {
    }

    public static Optional<ManagedPolicy> byArn(String arn) {
        return Optional.ofNullable(BY_ARN.get(arn));
    }

    public static List<ManagedPolicy> all() {
        return List.copyOf(BY_ARN.values());
    }

    private static void add(String name, String id, String description, String statement) {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
        BY_ARN.put(ARN_PREFIX + name, new ManagedPolicy(ARN_PREFIX + name, null, name, id, "/", description, document,
                PUBLISHED, PUBLISHED, 0));
    }

    private static String statement(String actionJson) {
        return "{\"Effect\":\"Allow\",\"Action\":" + actionJson + ",\"Resource\":\"*\"}";
    }

    private static String actions(String... actions) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < actions.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(actions[i]).append('"');
        }
        return sb.append(']').toString();
    }
}
