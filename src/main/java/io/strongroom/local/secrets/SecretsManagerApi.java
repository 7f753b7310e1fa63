package io.strongroom.local.secrets;

import io.strongroom.local.http.JsonOperation;
import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKeys;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.*;


/**
 * The Secrets Manager API (JSON 1.1, {@code X-Amz-Target: secretsmanager.<Operation>}) with
 * AWS's semantics and error codes. Every mutating operation runs in one database transaction,
 * so a refused request changes nothing.
 *
 * <p>This class only routes each operation to the class of its concern: a secret's lifecycle
 * ({@link SecretLifecycle}), its values ({@link SecretValues}), its versions and staging labels
 * ({@link SecretVersions}), listings ({@link SecretListing}) and tags ({@link SecretTagging}); the
 * secret a SecretId names and the KMS key its values are sealed with are found by
 * {@link SecretFinder}.
 */
public final class SecretsManagerApi {

    private final SecretParts parts;
    private final SecretLifecycle lifecycle;
    private final SecretValues values;
    private final SecretVersions versions;
    private final SecretListing listing;
    private final SecretTagging tagging;
    private final SecretPolicies policies;
    private final SecretRotation rotation;

    public SecretsManagerApi(SecretStore store, KmsKeys keys, Rotations rotations) {
        this(store, keys, rotations, ReplicationPort.NONE);
    }

    public SecretsManagerApi(SecretStore store, KmsKeys keys, Rotations rotations, ReplicationPort replication) {
        this.parts = new SecretParts(store, new SecretFinder(store, keys), new PageTokens(), rotations, replication);
        this.lifecycle = new SecretLifecycle(parts);
        this.values = new SecretValues(parts);
        this.versions = new SecretVersions(parts);
        this.listing = new SecretListing(parts);
        this.tagging = new SecretTagging(parts);
        this.policies = new SecretPolicies(parts);
        this.rotation = new SecretRotation(parts);
    }

    public JsonService service() {
        return JsonService.builder("secretsmanager", "secretsmanager", "secretsmanager.amazonaws.com")
                .quota("secretsmanager:read")
                .readOn("DescribeSecret", DescribeSecretRequest::builder, lifecycle::describeSecret)
                .readOn("GetSecretValue", GetSecretValueRequest::builder, values::getSecretValue)
                .quota("secretsmanager:list")
                .read("ListSecrets", ListSecretsRequest::builder, listing::listSecrets)
                .readOn("ListSecretVersionIds", ListSecretVersionIdsRequest::builder, versions::listSecretVersionIds)
                .quota("secretsmanager:batch")
                .read("BatchGetSecretValue", BatchGetSecretValueRequest::builder, values::batchGetSecretValue)
                .quota("secretsmanager:create")
                .writeOn("CreateSecret", CreateSecretRequest::builder, lifecycle::createSecret)
                .quota("secretsmanager:write")
                .writeOn("PutSecretValue", PutSecretValueRequest::builder, replicated(values::putSecretValue))
                .writeOn("UpdateSecret", UpdateSecretRequest::builder, replicated(lifecycle::updateSecret))
                .writeOn("UpdateSecretVersionStage", UpdateSecretVersionStageRequest::builder, replicated(versions::updateSecretVersionStage))
                .writeOn("ReplicateSecretToRegions", ReplicateSecretToRegionsRequest::builder, parts.replication()::replicateSecretToRegions)
                .writeOn("RemoveRegionsFromReplication", RemoveRegionsFromReplicationRequest::builder,
                        parts.replication()::removeRegionsFromReplication)
                .writeOn("StopReplicationToReplica", StopReplicationToReplicaRequest::builder, parts.replication()::stopReplicationToReplica)
                .quota("secretsmanager:delete")
                .writeOn("DeleteSecret", DeleteSecretRequest::builder, lifecycle::deleteSecret)
                .quota("secretsmanager:restore")
                .writeOn("RestoreSecret", RestoreSecretRequest::builder, replicated(lifecycle::restoreSecret))
                .quota("secretsmanager:tag")
                .writeOn("TagResource", TagResourceRequest::builder, replicated(tagging::tagResource))
                .writeOn("UntagResource", UntagResourceRequest::builder, replicated(tagging::untagResource))
                .quota("secretsmanager:other")
                .read("GetRandomPassword", GetRandomPasswordRequest::builder, SecretsManagerApi::getRandomPassword)
                .quota("secretsmanager:rotate")
                .writeOn("RotateSecret", RotateSecretRequest::builder, replicated(rotation::rotateSecret))
                .writeOn("CancelRotateSecret", CancelRotateSecretRequest::builder, replicated(rotation::cancelRotateSecret))
                .quota("secretsmanager:policy")
                .readOn("GetResourcePolicy", GetResourcePolicyRequest::builder, policies::getResourcePolicy)
                .writeOn("PutResourcePolicy", PutResourcePolicyRequest::builder, replicated(policies::putResourcePolicy))
                .writeOn("DeleteResourcePolicy", DeleteResourcePolicyRequest::builder, replicated(policies::deleteResourcePolicy))
                .readOn("ValidateResourcePolicy", ValidateResourcePolicyRequest::builder, policies::validateResourcePolicy)
                .build();
    }

    /**
     * A write whose change a primary's replicas must get: once it is committed, every secret it
     * touched is reported to replication, which brings the replicas up to date asynchronously.
     */
    private <Q> JsonOperation.Handler<Q> replicated(JsonOperation.Handler<Q> handler) {
        return (ctx, request) -> {
            SdkPojo answer = handler.handle(ctx, request);
            for (RequestContext.Resource r : ctx.resources()) {
                if (SecretFinder.RESOURCE_TYPE.equals(r.type())) {
                    parts.replication().changed(r.name());
                }
            }
            return answer;
        };
    }

    private static SdkPojo getRandomPassword(RequestContext ctx, GetRandomPasswordRequest r) {
        Validation.range(r.passwordLength(), "passwordLength", 1, 4096);
        Validation.length(r.excludeCharacters(), "excludeCharacters", 0, 4096);
        String password = PasswordGenerator.generate(new PasswordGenerator.Options(
                r.passwordLength() == null ? 32 : r.passwordLength().intValue(), r.excludeCharacters(),
                Boolean.TRUE.equals(r.excludeNumbers()), Boolean.TRUE.equals(r.excludePunctuation()),
                Boolean.TRUE.equals(r.excludeUppercase()), Boolean.TRUE.equals(r.excludeLowercase()),
                Boolean.TRUE.equals(r.includeSpace()), !Boolean.FALSE.equals(r.requireEachIncludedType())));
        return GetRandomPasswordResponse.builder().randomPassword(password).build();
    }
}
