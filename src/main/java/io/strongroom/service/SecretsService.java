package io.strongroom.service;

import io.strongroom.domain.BatchValues;
import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.PasswordSpec;
import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretFilter;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.SecretValue;
import io.strongroom.domain.SecretVersion;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Secrets Manager for the console and the CLI. Listing fans out over scopes and streams pages;
 * every other operation works on one secret in one scope, blocks, and throws
 * {@link ScopeException} with the scope, AWS error code, message and request ID.
 *
 * <p>{@code secretId} is a name or an ARN, as AWS accepts. Values go in and come out as
 * {@link SecretPayload}, which never prints itself.
 */
public final class SecretsService {

    /** ListSecrets' largest page: fewer calls, and each call is billed. */
    static final int LIST_PAGE_SIZE = 100;
    /** BatchGetSecretValue's most secrets per call by ID list. */
    static final int BATCH_SIZE = 20;

    private final ClientRegistry clients;
    private final FanOut fanOut;
    private final RateLimiters limiters;

    public SecretsService(ClientRegistry clients, FanOut fanOut) {
        this.clients = Objects.requireNonNull(clients);
        this.fanOut = Objects.requireNonNull(fanOut);
        this.limiters = fanOut.rateLimiters();
    }

    /** A fresh idempotency token for one user action (reuse it when retrying that same action). */
    public static String newRequestToken() {
        return UUID.randomUUID().toString();
    }

    // ---- Listing across scopes ----------------------------------------------------------------

    /**
     * Lists secrets in every scope, 100 per page, with the query's filters applied by Secrets
     * Manager. Pages reach the listener as they arrive; per-scope failures reach
     * {@link FanOut.Listener#failed} and do not stop the other scopes.
     */
    public FanOut.Handle list(Collection<Scope> scopes, SecretQuery query, FanOut.Listener<SecretSummary> listener) {
        List<Filter> filters = query.filters().stream().map(SecretsService::toFilter).toList();
        return fanOut.run(scopes, (scope, pages) -> {
            SecretsManagerClient sm = clients.secretsManager(scope);
            String token = null;
            do {
                pages.acquire(QuotaClass.SECRETS_LIST);
                ListSecretsRequest.Builder req = ListSecretsRequest.builder()
                        .maxResults(LIST_PAGE_SIZE)
                        .includePlannedDeletion(query.includePlannedDeletion())
                        .nextToken(token);
                if (!filters.isEmpty()) {
                    req.filters(filters);
                }
                ListSecretsResponse page = sm.listSecrets(req.build());
                pages.emit(page.secretList().stream().map(e -> summary(scope, e)).toList());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }, listener);
    }

    static Filter toFilter(SecretFilter f) {
        return Filter.builder().key(f.key().wireName()).values(f.wireValues()).build();
    }

    // ---- Reading one secret -------------------------------------------------------------------

    /** DescribeSecret: metadata, rotation, versions and replicas, never the value. */
    public SecretSummary describe(Scope scope, String secretId) {
        return Calls.call(limiters, scope, QuotaClass.SECRETS_READ, () -> {
            DescribeSecretResponse d = clients.secretsManager(scope).describeSecret(b -> b.secretId(secretId));
            return new SecretSummary(scope, d.arn(), d.name(), d.description(), d.kmsKeyId(),
                    rotation(d.rotationEnabled(), d.rotationLambdaARN(), d.rotationRules(), d.lastRotatedDate(), d.nextRotationDate()),
                    d.lastAccessedDate(), d.lastChangedDate(), d.createdDate(), d.deletedDate(),
                    tags(d.hasTags() ? d.tags() : null), d.owningService(), d.primaryRegion(),
                    d.hasVersionIdsToStages() ? d.versionIdsToStages() : null,
                    d.hasReplicationStatus() ? d.replicationStatus().stream()
                            .map(r -> new ReplicaStatus(r.region(), r.kmsKeyId(), r.statusAsString(), r.statusMessage(), r.lastAccessedDate()))
                            .toList() : null);
        });
    }

    /** GetSecretValue of the selected version (AWSCURRENT when the selector is empty). */
    public SecretValue getValue(Scope scope, String secretId, VersionSelector version) {
        return Calls.call(limiters, scope, QuotaClass.SECRETS_READ, () -> {
            GetSecretValueResponse r = clients.secretsManager(scope).getSecretValue(b -> b.secretId(secretId)
                    .versionId(version.versionId()).versionStage(version.stage()));
            return new SecretValue(r.arn(), r.name(), r.versionId(), r.versionStages(), r.createdDate(),
                    payload(r.secretString(), r.secretBinary()));
        });
    }

    /**
     * BatchGetSecretValue for many secrets, 20 per call. Secrets that cannot be read (not found,
     * denied, scheduled for deletion) come back as failures rather than failing the batch; a
     * failure of a whole call throws.
     */
    public BatchValues getValues(Scope scope, Collection<String> secretIds) {
        List<String> ids = List.copyOf(secretIds);
        List<SecretValue> values = new ArrayList<>();
        List<BatchValues.Failure> failures = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE));
            String token = null;
            do {
                String next = token;
                BatchGetSecretValueResponse r = Calls.call(limiters, scope, QuotaClass.SECRETS_BATCH,
                        () -> clients.secretsManager(scope).batchGetSecretValue(b -> b.secretIdList(chunk).nextToken(next)));
                r.secretValues().forEach(v -> values.add(new SecretValue(v.arn(), v.name(), v.versionId(), v.versionStages(),
                        v.createdDate(), payload(v.secretString(), v.secretBinary()))));
                r.errors().forEach(e -> failures.add(new BatchValues.Failure(e.secretId(), e.errorCode(), e.message())));
                token = r.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return new BatchValues(values, failures);
    }

    /** ListSecretVersionIds, every page; deprecated versions (no staging label) only when asked. */
    public List<SecretVersion> listVersions(Scope scope, String secretId, boolean includeDeprecated) {
        List<SecretVersion> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListSecretVersionIdsResponse r = Calls.call(limiters, scope, QuotaClass.SECRETS_LIST,
                    () -> clients.secretsManager(scope).listSecretVersionIds(b -> b.secretId(secretId).includeDeprecated(includeDeprecated)
                            .maxResults(LIST_PAGE_SIZE).nextToken(next)));
            r.versions().forEach(v -> out.add(new SecretVersion(v.versionId(), v.versionStages(), v.createdDate(),
                    v.lastAccessedDate(), v.hasKmsKeyIds() ? v.kmsKeyIds() : null)));
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    // ---- Writing ------------------------------------------------------------------------------

    /** CreateSecret. */
    public VersionWritten create(Scope scope, NewSecret secret) {
        return Calls.call(limiters, scope, QuotaClass.SECRETS_OTHER, () -> {
            CreateSecretRequest.Builder b = CreateSecretRequest.builder()
                    .name(secret.name())
                    .description(secret.description())
                    .kmsKeyId(secret.kmsKeyId())
                    .clientRequestToken(secret.clientRequestToken());
            if (secret.value() != null) {
                setValue(secret.value(), b::secretString, b::secretBinary);
            }
            if (!secret.tags().isEmpty()) {
                b.tags(toTags(secret.tags()));
            }
            CreateSecretResponse r = clients.secretsManager(scope).createSecret(b.build());
            return new VersionWritten(r.arn(), r.name(), r.versionId(),
                    r.versionId() == null ? List.of() : List.of(VersionSelector.AWSCURRENT));
        });
    }

    /**
     * PutSecretValue: a new version, labelled AWSCURRENT unless {@code stages} says otherwise. The
     * same token with the same value is a no-op; with a different value AWS refuses it.
     */
    public VersionWritten putValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken,
                                   List<String> stages) {
        Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        return Calls.call(limiters, scope, QuotaClass.SECRETS_WRITE, () -> {
            PutSecretValueRequest.Builder b = PutSecretValueRequest.builder().secretId(secretId).clientRequestToken(clientRequestToken);
            setValue(value, b::secretString, b::secretBinary);
            if (stages != null && !stages.isEmpty()) {
                b.versionStages(stages);
            }
            PutSecretValueResponse r = clients.secretsManager(scope).putSecretValue(b.build());
            return new VersionWritten(r.arn(), r.name(), r.versionId(), r.versionStages());
        });
    }

    /** PutSecretValue labelled AWSCURRENT. */
    public VersionWritten putValue(Scope scope, String secretId, SecretPayload value, String clientRequestToken) {
        return putValue(scope, secretId, value, clientRequestToken, null);
    }

    /** UpdateSecret: description, KMS key and/or a new current value. */
    public VersionWritten update(Scope scope, String secretId, SecretUpdate update) {
        return Calls.call(limiters, scope, QuotaClass.SECRETS_WRITE, () -> {
            UpdateSecretRequest.Builder b = UpdateSecretRequest.builder().secretId(secretId)
                    .description(update.description()).kmsKeyId(update.kmsKeyId());
            if (update.value() != null) {
                b.clientRequestToken(update.clientRequestToken());
                setValue(update.value(), b::secretString, b::secretBinary);
            }
            UpdateSecretResponse r = clients.secretsManager(scope).updateSecret(b.build());
            return new VersionWritten(r.arn(), r.name(), r.versionId(),
                    r.versionId() == null ? List.of() : List.of(VersionSelector.AWSCURRENT));
        });
    }

    /**
     * UpdateSecretVersionStage: moves a staging label to {@code toVersionId} (null to only remove
     * it) from {@code fromVersionId} (required by AWS when another version holds the label).
     */
    public void moveStage(Scope scope, String secretId, String stage, String toVersionId, String fromVersionId) {
        Calls.run(limiters, scope, QuotaClass.SECRETS_WRITE, () -> clients.secretsManager(scope).updateSecretVersionStage(b -> b
                .secretId(secretId).versionStage(stage).moveToVersionId(toVersionId).removeFromVersionId(fromVersionId)));
    }

    /**
     * Makes {@code versionId} current again: moves AWSCURRENT to it from whichever version holds
     * it now (AWS then moves AWSPREVIOUS to that one). A no-op if it is already current.
     */
    public void rollback(Scope scope, String secretId, String versionId) {
        String current = describe(scope, secretId).currentVersionId();
        if (versionId.equals(current)) {
            return;
        }
        moveStage(scope, secretId, VersionSelector.AWSCURRENT, versionId, current);
    }

    /** DeleteSecret with a recovery window, or forced without recovery. */
    public SecretDeletion delete(Scope scope, String secretId, DeletionMode mode) {
        return Calls.call(limiters, scope, QuotaClass.SECRETS_OTHER, () -> {
            DeleteSecretResponse r = clients.secretsManager(scope).deleteSecret(b -> {
                b.secretId(secretId);
                if (mode.force()) {
                    b.forceDeleteWithoutRecovery(true);
                } else {
                    b.recoveryWindowInDays((long) mode.recoveryWindowDays());
                }
            });
            return new SecretDeletion(r.arn(), r.name(), r.deletionDate());
        });
    }

    /** RestoreSecret: cancels a scheduled deletion. Returns the secret's ARN. */
    public String restore(Scope scope, String secretId) {
        return Calls.call(limiters, scope, QuotaClass.SECRETS_RESTORE, () -> {
            RestoreSecretResponse r = clients.secretsManager(scope).restoreSecret(b -> b.secretId(secretId));
            return r.arn();
        });
    }

    /** TagResource: adds or overwrites tags. */
    public void tag(Scope scope, String secretId, Map<String, String> tags) {
        Calls.run(limiters, scope, QuotaClass.SECRETS_TAG,
                () -> clients.secretsManager(scope).tagResource(b -> b.secretId(secretId).tags(toTags(tags))));
    }

    /** UntagResource. */
    public void untag(Scope scope, String secretId, Collection<String> tagKeys) {
        Calls.run(limiters, scope, QuotaClass.SECRETS_TAG,
                () -> clients.secretsManager(scope).untagResource(b -> b.secretId(secretId).tagKeys(tagKeys)));
    }

    /** GetRandomPassword, generated by the backend (AWS or the embedded store). */
    public SecretPayload randomPassword(Scope scope, PasswordSpec spec) {
        return Calls.call(limiters, scope, QuotaClass.SECRETS_OTHER, () -> SecretPayload.ofText(
                clients.secretsManager(scope).getRandomPassword(b -> b.passwordLength(spec.length())
                        .excludeCharacters(spec.excludeCharacters()).excludeNumbers(spec.excludeNumbers())
                        .excludePunctuation(spec.excludePunctuation()).excludeUppercase(spec.excludeUppercase())
                        .excludeLowercase(spec.excludeLowercase()).includeSpace(spec.includeSpace())
                        .requireEachIncludedType(spec.requireEachIncludedType())).randomPassword()));
    }

    // ---- Mapping ------------------------------------------------------------------------------

    static SecretSummary summary(Scope scope, SecretListEntry e) {
        return new SecretSummary(scope, e.arn(), e.name(), e.description(), e.kmsKeyId(),
                rotation(e.rotationEnabled(), e.rotationLambdaARN(), e.rotationRules(), e.lastRotatedDate(), e.nextRotationDate()),
                e.lastAccessedDate(), e.lastChangedDate(), e.createdDate(), e.deletedDate(),
                tags(e.hasTags() ? e.tags() : null), e.owningService(), e.primaryRegion(),
                e.hasSecretVersionsToStages() ? e.secretVersionsToStages() : null, null);
    }

    private static SecretSummary.Rotation rotation(Boolean enabled, String lambdaArn, RotationRulesType rules,
                                                   Instant lastRotated, Instant nextRotation) {
        // With a schedule expression AWS also returns the AutomaticallyAfterDays it calculates from it:
        // the schedule is the expression, and the days are left out so the two are never taken as both given.
        return new SecretSummary.Rotation(Boolean.TRUE.equals(enabled), lambdaArn,
                rules == null || rules.scheduleExpression() != null ? null : rules.automaticallyAfterDays(),
                rules == null ? null : rules.scheduleExpression(),
                rules == null ? null : rules.duration(),
                lastRotated, nextRotation);
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach(t -> out.put(t.key(), t.value()));
        }
        return out;
    }

    private static List<Tag> toTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static SecretPayload payload(String text, SdkBytes binary) {
        if (text != null) {
            return SecretPayload.ofText(text);
        }
        return SecretPayload.ofBinary(binary == null ? new byte[0] : binary.asByteArrayUnsafe());
    }

    private static void setValue(SecretPayload value, java.util.function.Consumer<String> text,
                                 java.util.function.Consumer<SdkBytes> binary) {
        if (value.isBinary()) {
            binary.accept(SdkBytes.fromByteArray(value.bytes()));
        } else {
            text.accept(value.text());
        }
    }
}
