package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.PolicyCache;
import io.strongroom.local.kms.KmsKey;
import io.strongroom.local.kms.KmsKeys;
import io.strongroom.local.wire.AwsException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the Secrets Manager operations find the secret a caller named and the KMS key its versions
 * are sealed with, and the checks every operation makes on them, with AWS's errors for each.
 */
final class SecretFinder {

    static final String RESOURCE_TYPE = "AWS::SecretsManager::Secret";

    /** What the fields of an ARN may hold: {@code aws}, {@code aws-cn}…; lower-case words and digits joined by hyphens; 12 digits. */
    private static final Pattern ARN_PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern ARN_REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ARN_ACCOUNT = Pattern.compile("[0-9]{12}");

    private final SecretStore store;
    private final KmsKeys keys;
    private final PolicyCache policies = new PolicyCache();

    SecretFinder(SecretStore store, KmsKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /**
     * Finds a secret by name, full ARN or partial ARN (without the random suffix) and authorizes
     * {@code secretsmanager:ACTION} on it with its resource policy. A name or partial ARN is looked
     * up in the caller's own account and region; a full ARN may name another local account's
     * secret in the caller's region, which is then reached only if both its resource policy and
     * the caller's identity policies allow (cross-account access). An ARN is
     * {@code arn:partition:secretsmanager:region:account:secret:name}; one whose partition, region
     * or account field holds characters those fields never have names no secret. Secrets past
     * their recovery window are gone even before the maintenance pass removes them.
     *
     * <p>Whatever the lookup lands on must live in the account and region it was looked up in (the
     * ARN's text is not trusted to say so: a region name could once smuggle another account's ARN
     * prefix in). In the caller's own account, a miss is ResourceNotFoundException; in another
     * account it is AccessDeniedException, as AWS answers it, so that a caller cannot probe another
     * account for the names of its secrets.
     */
    SecretRecord find(SecretStore.Rows rows, RequestContext ctx, String secretId, String action) throws SQLException {
        return find(rows, ctx, secretId, action, Map.of());
    }

    /** As {@link #find(SecretStore.Rows, RequestContext, String, String)}, with condition keys of the request ({@code secretsmanager:VersionStage}). */
    SecretRecord find(SecretStore.Rows rows, RequestContext ctx, String secretId, String action,
                      Map<String, List<String>> requestConditions) throws SQLException {
        Optional<SecretRecord> found;
        String owner = ctx.accountId();
        if (secretId.startsWith("arn:")) {
            String[] parts = secretId.split(":", 7);
            if (parts.length < 7 || !"secretsmanager".equals(parts[2]) || !"secret".equals(parts[5])) {
                throw AwsException.invalidParameter("Invalid secret ARN: " + secretId);
            }
            if (!ARN_PARTITION.matcher(parts[1]).matches() || !ARN_REGION.matcher(parts[3]).matches()
                    || !ARN_ACCOUNT.matcher(parts[4]).matches()) {
                throw notFound();
            }
            owner = parts[4];
            found = parts[3].equals(ctx.region()) ? rows.byArn(secretId) : Optional.empty();
            if (found.isEmpty() && parts[3].equals(ctx.region())) {
                found = rows.byName(owner, ctx.region(), parts[6]);
            }
        } else {
            found = rows.byName(owner, ctx.region(), secretId);
        }
        String account = owner;
        Optional<SecretRecord> live = found.filter(x -> x.accountId().equals(account) && x.region().equals(ctx.region())
                && !dueForDeletion(x, ctx.now()));
        if (live.isEmpty()) {
            if (!account.equals(ctx.accountId())) {
                throw AwsException.accessDenied("User: " + ctx.caller().arn() + " is not authorized to perform: secretsmanager:"
                        + action + " on resource: " + secretId + " because no resource-based policy allows the secretsmanager:"
                        + action + " action");
            }
            throw notFound();
        }
        SecretRecord s = live.get();
        ctx.touched(RESOURCE_TYPE, s.arn());
        ctx.authorize("secretsmanager:" + action, target(ctx, rows, s, requestConditions));
        if (isReplica(s) && READ_ONLY_ON_REPLICAS.contains(action)) {
            throw SecretErrors.replicaReadOnly();
        }
        return s;
    }

    /**
     * The operations a replica refuses: it changes only by replication from its primary (AWS:
     * "A replica secret can't be updated independently from its primary secret"); reads work on
     * it, and StopReplicationToReplica is made on it.
     */
    private static final java.util.Set<String> READ_ONLY_ON_REPLICAS = java.util.Set.of("PutSecretValue", "UpdateSecret",
            "UpdateSecretVersionStage", "TagResource", "UntagResource", "PutResourcePolicy", "DeleteResourcePolicy", "RotateSecret",
            "CancelRotateSecret", "DeleteSecret", "RestoreSecret", "ReplicateSecretToRegions", "RemoveRegionsFromReplication");

    /** Whether a secret is a replica: its primary lives in another region. */
    static boolean isReplica(SecretRecord s) {
        return s.primaryRegion() != null && !s.primaryRegion().equals(s.region());
    }

    /** What the evaluator needs of a secret: its ARN, account, resource policy and the condition keys it carries. */
    AccessTarget target(RequestContext ctx, SecretStore.Rows rows, SecretRecord s, Map<String, List<String>> requestConditions)
            throws SQLException {
        Map<String, List<String>> conditions = new HashMap<>(requestConditions);
        conditions.put("secretsmanager:SecretId", List.of(s.arn()));
        PolicyCache.Resource policy = policies.resource(s.arn(), s.resourcePolicy());
        // Tags cost a query: read only when some policy in play tests them.
        List<SecretStore.Tag> tags = ctx.needsResourceTags(policy.testsResourceTags()) ? rows.tags(s.arn()) : List.of();
        for (SecretStore.Tag tag : tags) {
            conditions.put("secretsmanager:ResourceTag/" + tag.key(), List.of(tag.value()));
            conditions.put("aws:ResourceTag/" + tag.key(), List.of(tag.value()));
        }
        return AccessTarget.resource(s.arn(), s.accountId(), policy.policy(), conditions);
    }

    /**
     * Refuses the request unless the caller may use the KMS key a secret's value is sealed with,
     * as Secrets Manager asks KMS on the caller's behalf: {@code kms:Decrypt} to read,
     * {@code kms:GenerateDataKey} to write, evaluated with the key's policy, {@code kms:ViaService}
     * and the secret's encryption context. An AWS managed key's policy lets only its own account use
     * it, so another account's caller is refused with the message AWS gives for that case.
     */
    void requireKeyUse(RequestContext ctx, String secretArn, String keyArn, String kmsAction) {
        KmsKey key = keys.byId(keyArn.substring(keyArn.lastIndexOf('/') + 1)).orElse(null);
        if (key == null) {
            return;         // a key gone from the store fails the decryption itself, with DecryptionFailure
        }
        Map<String, List<String>> conditions = new HashMap<>();
        conditions.put("kms:ViaService", List.of("secretsmanager." + ctx.region() + ".amazonaws.com"));
        conditions.put("kms:CallerAccount", List.of(ctx.accountId()));
        conditions.put("kms:EncryptionContext:SecretARN", List.of(secretArn));
        conditions.put("kms:EncryptionContextKeys", List.of("SecretARN", "SecretVersionId"));
        AccessTarget target = AccessTarget.kmsKey(key.arn(), key.accountId(), policies.resourcePolicy(key.arn(), key.policy()), conditions);
        if (!ctx.decide(kmsAction, target).allowed()) {
            throw AwsException.accessDenied(key.awsManaged() && !key.accountId().equals(ctx.accountId())
                    ? "You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key."
                    : "Access to KMS is not allowed");
        }
    }

    /** {@link #find} in a read of its own, for operations that look a secret up before they write. */
    SecretRecord find(RequestContext ctx, String secretId, String action) {
        return store.read(rows -> find(rows, ctx, secretId, action));
    }

    private static AwsException notFound() {
        return SecretErrors.notFound();
    }

    /** Whether a secret lives in the caller's own account and region, by its record, never by its ARN's text. */
    static boolean inScope(SecretRecord s, RequestContext ctx) {
        return s.accountId().equals(ctx.accountId()) && s.region().equals(ctx.region());
    }

    static boolean dueForDeletion(SecretRecord s, Instant now) {
        return s.deletionAt() != null && !s.deletionAt().isAfter(now);
    }

    static void requireNotDeleted(SecretRecord s) {
        if (s.scheduledForDeletion()) {
            throw SecretErrors.markedForDeletion();
        }
    }

    /**
     * The key new versions of a secret in {@code accountId} are sealed with: the named customer
     * key, or that account's aws/secretsmanager key.
     */
    KmsKey encryptionKey(RequestContext ctx, String accountId, String keyRef) {
        if (keyRef == null || keyRef.isEmpty()) {
            return keys.secretsManagerKey(accountId, ctx.region(), ctx.now());
        }
        return keys.resolve(accountId, ctx.region(), keyRef)
                .orElseThrow(() -> SecretErrors.unusableKmsKey(accountId, ctx.region(), keyRef));
    }

    String encryptionKeyArnOf(RequestContext ctx, String accountId, String keyRef) {
        if (keyRef == null || keyRef.isEmpty()) {
            return keys.secretsManagerKey(accountId, ctx.region(), ctx.now()).arn();
        }
        return keys.resolve(accountId, ctx.region(), keyRef).map(KmsKey::arn).orElse(null);
    }

    /** The store's {@link SecretStore#seal}, its failure answered as AWS does (EncryptionFailure). */
    VersionRecord seal(KmsKey key, String arn, String versionId, SecretValue value, Instant now) {
        try {
            return store.seal(key, arn, versionId, value, now);
        } catch (SealingException e) {
            throw SecretErrors.sealing(e);
        }
    }

    /** The store's {@link SecretStore#open}, its failure answered as AWS does (DecryptionFailure). */
    SecretValue open(String arn, VersionRecord version) {
        try {
            return store.open(arn, version);
        } catch (SealingException e) {
            throw SecretErrors.sealing(e);
        }
    }
}
