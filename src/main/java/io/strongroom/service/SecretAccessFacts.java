package io.strongroom.service;

import io.strongroom.domain.Scope;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * What deciding who can read a secret needs from the secret's own scope: its ARN, account and
 * region, its resource policy (null when it has none), and its KMS key: the AWS managed key
 * {@code aws/secretsmanager} (DescribeSecret names no key, or that alias), or a customer managed
 * key with its ARN, account and key policy (DescribeKey, GetKeyPolicy).
 */
final class SecretAccessFacts {

    static final String AWS_MANAGED_ALIAS = "alias/aws/secretsmanager";

    /** The facts of one secret. For the AWS managed key, the key's ARN, account and policy are null. */
    record Facts(String secretArn, String account, String region, String resourcePolicy, boolean awsManagedKey,
                 String keyArn, String keyAccount, String keyPolicy) {}

    private final ClientRegistry clients;
    private final RateLimiters limiters;

    SecretAccessFacts(ClientRegistry clients, RateLimiters limiters) {
        this.clients = clients;
        this.limiters = limiters;
    }

    /** Reads the facts; throws {@link ScopeException} when any of them cannot be read. */
    Facts of(Scope scope, String secretId) {
        SecretsManagerClient sm = clients.secretsManager(scope);
        DescribeSecretResponse secret = Calls.call(limiters, scope, QuotaClass.SECRETS_READ,
                () -> sm.describeSecret(b -> b.secretId(secretId)));
        String arn = secret.arn();
        String policy = Calls.call(limiters, scope, QuotaClass.SECRETS_POLICY,
                () -> sm.getResourcePolicy(b -> b.secretId(arn)).resourcePolicy());
        String account = arn.split(":", 6)[4];
        String region = arn.split(":", 6)[3];
        String keyId = secret.kmsKeyId();
        if (keyId == null || keyId.isEmpty() || keyId.endsWith(AWS_MANAGED_ALIAS)) {
            return new Facts(arn, account, region, policy, true, null, null, null);
        }
        KmsClient kms = clients.kms(scope);
        KeyMetadata key = Calls.call(limiters, scope, QuotaClass.KMS_DESCRIBE, () -> kms.describeKey(b -> b.keyId(keyId)).keyMetadata());
        if (key.keyManager() == KeyManagerType.AWS) {
            return new Facts(arn, account, region, policy, true, null, null, null);
        }
        String keyPolicy = Calls.call(limiters, scope, QuotaClass.KMS_KEY_SETTINGS,
                () -> kms.getKeyPolicy(b -> b.keyId(key.arn()).policyName(PolicyService.KEY_POLICY_NAME)).policy());
        return new Facts(arn, account, region, policy, false, key.arn(), key.awsAccountId(), keyPolicy);
    }
}
