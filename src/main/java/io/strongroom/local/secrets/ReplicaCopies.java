package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKey;
import io.strongroom.local.kms.KmsKeys;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The secrets side of multi-Region replication, for {@code local.replication}: finding the
 * secret a replication operation names (authorized as every operation is), and copying a primary
 * into its replica in another region in one transaction. A replica is a secret of its own: the
 * primary's ARN with the region replaced, its metadata (description, tags, resource policy) and
 * every version of the primary, each value opened with the primary's key and sealed again, with a
 * fresh data key, under the replica region's KMS key and the replica's ARN as encryption context.
 */
public final class ReplicaCopies {

    /** A secret as replication sees it: never a value. */
    public record Secret(String arn, String accountId, String region, String name, String primaryRegion, boolean deleted,
                         Instant lastAccessedAt) {
        /** Whether it is a replica: its primary lives in another region. */
        public boolean isReplica() {
            return primaryRegion != null && !primaryRegion.equals(region);
        }
    }

    /** Why a copy could not be made; the replica region's status says it in AWS's words. */
    public enum Failure { NAME_TAKEN, REPLICA_KEY_NOT_FOUND, REPLICA_KEY_UNUSABLE, PRIMARY_KEY_UNUSABLE, PRIMARY_GONE }

    /** A copy that could not be made; nothing of it was written. {@code keyArn} names the key at fault, when one is. */
    public static final class CopyFailed extends RuntimeException {
        private final Failure failure;
        private final String key;

        CopyFailed(Failure failure, String key) {
            super(failure.name(), null, false, false);
            this.failure = failure;
            this.key = key;
        }

        public Failure failure() {
            return failure;
        }

        /** The key at fault (its ARN, or the reference given when it names nothing), or null. */
        public String key() {
            return key;
        }
    }

    private final SecretStore store;
    private final KmsKeys keys;
    private final SecretFinder finder;

    public ReplicaCopies(SecretStore store, KmsKeys keys) {
        this.store = store;
        this.keys = keys;
        this.finder = new SecretFinder(store, keys);
    }

    /**
     * The secret {@code secretId} names, with {@code secretsmanager:ACTION} authorized on it, as
     * every operation finds its secret (a replica refuses the operations that write). A secret
     * marked for deletion is refused with AWS's error.
     */
    public Secret find(RequestContext ctx, String secretId, String action) {
        Validation.secretId(secretId);
        SecretRecord s = finder.find(ctx, secretId, action);
        SecretFinder.requireNotDeleted(s);
        return view(s);
    }

    public Optional<Secret> byArn(String arn) {
        return store.read(rows -> rows.byArn(arn).map(ReplicaCopies::view));
    }

    private static Secret view(SecretRecord s) {
        return new Secret(s.arn(), s.accountId(), s.region(), s.name(), s.primaryRegion(), s.scheduledForDeletion(), s.lastAccessedAt());
    }

    /** A replica's ARN: the primary's, with the region replaced (the random suffix stays). */
    public static String replicaArn(String primaryArn, String region) {
        String[] parts = primaryArn.split(":", 5);
        return parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + region + ":" + parts[4];
    }

    /** Marks a secret as the primary of multi-Region replication (PrimaryRegion its own region), or as a secret of one region again. */
    public void markPrimary(String arn, boolean multiRegion) {
        store.write(rows -> {
            Optional<SecretRecord> s = rows.byArn(arn);
            if (s.isPresent() && !SecretFinder.isReplica(s.get())) {
                rows.updateSecret(s.get().toBuilder().primaryRegion(multiRegion ? s.get().region() : null).build());
            }
            return null;
        });
    }

    /** A replica promoted to a standalone secret of its region (StopReplicationToReplica). */
    public void promote(String replicaArn, Instant now) {
        store.write(rows -> {
            Optional<SecretRecord> s = rows.byArn(replicaArn);
            if (s.isPresent()) {
                rows.updateSecret(s.get().toBuilder().primaryRegion(null).lastChangedAt(now).build());
            }
            return null;
        });
    }

    /** Deletes a primary's replica in {@code region}, if there is one (RemoveRegionsFromReplication: at once, no recovery window). */
    public void deleteReplica(String primaryArn, String region) {
        String arn = replicaArn(primaryArn, region);
        store.write(rows -> {
            Optional<SecretRecord> s = rows.byArn(arn);
            if (s.isPresent() && SecretFinder.isReplica(s.get())) {
                rows.deleteSecret(arn);
            }
            return null;
        });
    }

    /**
     * Brings the primary's replica in {@code region} up to date with the primary, creating it when
     * it does not exist yet, in one transaction: all of it or nothing.
     *
     * @param kmsKeyRef the key asked for in that region, as named; null for its aws/secretsmanager
     * @param overwrite whether a secret of the same name in that region (not this replica) is replaced
     * @return whether anything changed in the replica
     * @throws CopyFailed when the copy cannot be made
     */
    public boolean copy(String primaryArn, String region, String kmsKeyRef, boolean overwrite, Instant now) {
        return store.write(rows -> {
            SecretRecord p = rows.byArn(primaryArn).filter(x -> !SecretFinder.isReplica(x))
                    .orElseThrow(() -> new CopyFailed(Failure.PRIMARY_GONE, null));
            String arn = replicaArn(primaryArn, region);
            Optional<SecretRecord> existing = rows.byName(p.accountId(), region, p.name());
            if (existing.isPresent() && !(existing.get().arn().equals(arn) && p.region().equals(existing.get().primaryRegion()))) {
                if (!overwrite) {
                    throw new CopyFailed(Failure.NAME_TAKEN, null);
                }
                rows.deleteSecret(existing.get().arn());
                existing = Optional.empty();
            }
            KmsKey key = replicaKey(p.accountId(), region, kmsKeyRef, now);
            boolean changed = existing.isEmpty();
            SecretRecord replica = existing.orElse(null);
            SecretRecord wanted = (replica == null ? SecretRecord.builder().arn(arn).accountId(p.accountId()).region(region)
                    .name(p.name()).createdAt(now).owningService(p.owningService()) : replica.toBuilder())
                    .description(p.description()).kmsKeyRef(kmsKeyRef).primaryRegion(p.region())
                    .resourcePolicy(p.resourcePolicy()).lastChangedAt(p.lastChangedAt()).deletionAt(null)
                    .build();
            if (replica == null) {
                rows.insertSecret(wanted);
            } else if (!wanted.equals(replica)) {
                rows.updateSecret(wanted);
                changed = true;
            }
            changed |= copyVersions(rows, p, arn, key);
            changed |= copyStages(rows, p.arn(), arn);
            changed |= copyTags(rows, p.arn(), arn);
            return changed;
        });
    }

    private KmsKey replicaKey(String accountId, String region, String kmsKeyRef, Instant now) {
        KmsKey key;
        if (kmsKeyRef == null || kmsKeyRef.isEmpty() || isSecretsManagerAlias(kmsKeyRef, accountId, region)) {
            // the AWS managed key is created on first use, named or not, as KMS does for its predefined alias
            key = keys.secretsManagerKey(accountId, region, now);
        } else {
            key = keys.resolve(accountId, region, kmsKeyRef).orElseThrow(() -> new CopyFailed(Failure.REPLICA_KEY_NOT_FOUND, kmsKeyRef));
        }
        if (!key.usable()) {
            throw new CopyFailed(Failure.REPLICA_KEY_UNUSABLE, key.arn());
        }
        return key;
    }

    private static boolean isSecretsManagerAlias(String ref, String accountId, String region) {
        return KmsKeys.SECRETS_MANAGER_ALIAS.equals(ref)
                || ("arn:aws:kms:" + region + ":" + accountId + ":" + KmsKeys.SECRETS_MANAGER_ALIAS).equals(ref);
    }

    /** Every version of the primary in the replica, sealed under the replica's key; versions the primary no longer has are gone. */
    private boolean copyVersions(SecretStore.Rows rows, SecretRecord p, String arn, KmsKey key) throws SQLException {
        Map<String, VersionRecord> have = new HashMap<>();
        for (VersionRecord v : rows.versions(arn)) {
            have.put(v.versionId(), v);
        }
        boolean changed = false;
        Set<String> keep = new HashSet<>();
        List<VersionRecord> versions = new ArrayList<>(rows.versions(p.arn()));
        java.util.Collections.reverse(versions);        // oldest first, so the replica's rows keep the primary's order
        for (VersionRecord v : versions) {
            keep.add(v.versionId());
            VersionRecord old = have.get(v.versionId());
            if (old != null && key.arn().equals(old.kmsKeyArn())) {
                continue;
            }
            SecretValue value;
            try {
                value = store.open(p.arn(), v);
            } catch (SealingException e) {
                throw new CopyFailed(Failure.PRIMARY_KEY_UNUSABLE, v.kmsKeyArn());
            }
            VersionRecord sealed;
            try {
                sealed = store.seal(key, arn, v.versionId(), value, v.createdAt());
            } catch (SealingException e) {
                throw new CopyFailed(Failure.REPLICA_KEY_UNUSABLE, key.arn());
            }
            if (old == null) {
                rows.insertVersion(arn, sealed);
            } else {
                rows.replaceVersionCrypto(arn, sealed);
            }
            changed = true;
        }
        for (String versionId : have.keySet()) {
            if (!keep.contains(versionId)) {
                rows.deleteVersion(arn, versionId);
                changed = true;
            }
        }
        return changed;
    }

    /** The primary's staging labels, in the primary's order. */
    private static boolean copyStages(SecretStore.Rows rows, String primaryArn, String arn) throws SQLException {
        Map<String, String> wanted = rows.stages(primaryArn);
        Map<String, String> have = rows.stages(arn);
        if (new ArrayList<>(wanted.entrySet()).equals(new ArrayList<>(have.entrySet()))) {
            return false;
        }
        for (String stage : have.keySet()) {
            rows.removeStage(arn, stage);
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            rows.setStage(arn, e.getKey(), e.getValue());
        }
        return true;
    }

    /** The primary's tags (and whether it was ever untagged, which decides between no Tags and an empty list). */
    private static boolean copyTags(SecretStore.Rows rows, String primaryArn, String arn) throws SQLException {
        List<SecretStore.Tag> wanted = rows.tags(primaryArn);
        List<SecretStore.Tag> have = rows.tags(arn);
        boolean markerWanted = rows.tagsChanged(primaryArn);
        if (wanted.equals(have) && markerWanted == rows.tagsChanged(arn)) {
            return false;
        }
        Set<String> keys = new HashSet<>();
        wanted.forEach(t -> keys.add(t.key()));
        List<String> gone = have.stream().map(SecretStore.Tag::key).filter(k -> !keys.contains(k)).toList();
        if (!gone.isEmpty() || markerWanted) {
            rows.removeTags(arn, gone);
        }
        rows.putTags(arn, wanted);
        return true;
    }
}
