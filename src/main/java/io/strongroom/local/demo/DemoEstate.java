package io.strongroom.local.demo;

import io.strongroom.local.LocalStore;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The demo estate: on an empty store, a realistic, clearly labelled set of secrets and KMS keys
 * across the store's three default accounts and four regions, so that a newcomer's first window
 * is populated within seconds, and removable again in one action.
 *
 * <p>The estate goes to accounts by their {@link Accounts#DEFAULT_ALIASES aliases}, whatever their
 * IDs. A store started with chosen IDs ({@code serve --account-id}) aliases its first three
 * accounts so (see {@link io.strongroom.local.iam.AccountIds#aliasAt}): with one ID, that account
 * gets the first profile's estate (security-audit, in all four regions); with two, the first two
 * profiles'; with more than three, the accounts past the third ({@code account-4}, ...) stay empty.
 *
 * <p>Every demo secret, demo KMS key and demo IAM role carries the tag
 * {@value #TAG_KEY}={@value #TAG_VALUE}: that tag is how the console labels demo data and the
 * only thing {@link #remove} goes by. The roles, and the resource policies that name them, are
 * {@link DemoPrincipals}'s. The estate itself (names, values, tags, dates) comes from
 * {@link DemoCatalog} and is the same on every run.
 *
 * <p>Everything is written through {@link LocalStore#invoke}, the store's in-process
 * administrative path: the same Secrets Manager and KMS operation handlers as over HTTP, so what
 * is stored is real (validated, envelope-encrypted, versioned with staging labels), but at
 * backdated times (creation over two years, reads over the last ~120 days, deletions in the last
 * days) and without an audit event for each write.
 *
 * <p>The estate comes with ninety days of audit history, clock-shifted and labelled, with an
 * incident planted in it ({@link DemoHistory}, {@link DemoIncident}), written once the estate
 * stands. {@link #remove} leaves that history in the trail: an audit trail is not edited, so it
 * ages out with the 90-day retention.
 *
 * <p>Seeding and removal are serialized within the process; neither is meant to race the
 * console's own writes to the same store.
 */
public final class DemoEstate {

    /** The tag every demo secret and demo KMS key carries. */
    public static final String TAG_KEY = "strongroom:demo";
    public static final String TAG_VALUE = "true";

    /** The regions the demo estate spreads over, in each of the default accounts. */
    public static final List<String> REGIONS = DemoCatalog.REGIONS;

    /** The shortest waiting period KMS allows: removed demo keys are gone a week later. */
    private static final int KEY_PENDING_WINDOW_DAYS = 7;

    private static final Object LOCK = new Object();
    private static final System.Logger LOG = System.getLogger(DemoEstate.class.getName());

    /** What a call did, or why it did nothing. */
    public enum Outcome {
        /** {@link #seed}: the demo estate was created. */
        SEEDED,
        /** {@link #seed}: nothing done, the demo estate is already there. */
        ALREADY_PRESENT,
        /** {@link #seed}: nothing done, the store holds secrets that are not demo secrets. */
        STORE_NOT_EMPTY,
        /** {@link #seed}: nothing done, none of the store's default accounts exists. */
        NO_DEFAULT_ACCOUNTS,
        /** {@link #remove}: demo secrets, keys or roles were removed. */
        REMOVED,
        /** {@link #remove}: there was no demo secret, key or role to remove. */
        NOTHING_TO_REMOVE
    }

    /**
     * What a call did in one account and region. For {@link #seed}: what it created, of which
     * {@code secretsScheduledForDeletion} secrets and {@code keysScheduledForDeletion} keys are in
     * their deletion window. For {@link #remove}: the secrets (and their versions) it deleted,
     * {@code secretsScheduledForDeletion} of which were already in their recovery window, and the
     * demo keys it dealt with: {@code keysScheduledForDeletion} it scheduled for deletion now (and
     * took their aliases off), one already pending deletion whose aliases it took off, and
     * {@code keysKept} it left in place (untagged, so no longer demo) because a secret that is not
     * a demo secret is encrypted under them.
     */
    public record ScopeCounts(String accountId, String accountAlias, String region, int secrets, int versions, int keys,
                              int secretsScheduledForDeletion, int keysScheduledForDeletion, int keysKept) {}

    /**
     * The outcome, per-scope counts (only scopes where something happened), the demo IAM roles
     * created ({@link #seed}, also when the estate was already present but had no roles yet) or
     * removed ({@link #remove}), how long it took, and the audit history {@link #seed} wrote with
     * the estate (null when it wrote none: see {@link DemoHistory}).
     */
    public record Summary(Outcome outcome, List<ScopeCounts> scopes, int roles, Duration elapsed, DemoHistory.Seeded history) {

        public Summary {
            scopes = List.copyOf(scopes);
        }

        public Summary(Outcome outcome, List<ScopeCounts> scopes, int roles, Duration elapsed) {
            this(outcome, scopes, roles, elapsed, null);
        }

        public boolean changed() {
            return outcome == Outcome.SEEDED || outcome == Outcome.REMOVED;
        }

        public int secrets() {
            return sum(ScopeCounts::secrets);
        }

        public int versions() {
            return sum(ScopeCounts::versions);
        }

        public int keys() {
            return sum(ScopeCounts::keys);
        }

        public int secretsScheduledForDeletion() {
            return sum(ScopeCounts::secretsScheduledForDeletion);
        }

        public int keysScheduledForDeletion() {
            return sum(ScopeCounts::keysScheduledForDeletion);
        }

        public int keysKept() {
            return sum(ScopeCounts::keysKept);
        }

        private int sum(ToIntFunction<ScopeCounts> count) {
            return scopes.stream().mapToInt(count).sum();
        }

        /** Secrets and keys in (or put into) their deletion window. */
        public int scheduledForDeletion() {
            return secretsScheduledForDeletion() + keysScheduledForDeletion();
        }

        public long accounts() {
            return scopes.stream().map(ScopeCounts::accountId).distinct().count();
        }

        public long regions() {
            return scopes.stream().map(ScopeCounts::region).distinct().count();
        }
    }

    private DemoEstate() {}

    // ---- Present -------------------------------------------------------------------------------

    /**
     * Whether the store holds any demo secret (including one scheduled for deletion) or a demo KMS
     * key that is not already pending deletion, in any account and region.
     */
    public static boolean present(LocalStore store) {
        Instant now = store.clock().instant();
        for (LocalAccount account : store.accounts().list()) {
            for (String region : store.regionsInUse(account.accountId())) {
                Scope scope = new Scope(store, account, region);
                if (scope.anySecret(now, true, DemoEstate::isDemo)) {
                    return true;
                }
                if (scope.demoKeys(now).stream().anyMatch(k -> k.keyState() != KeyState.PENDING_DELETION)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- Seed ----------------------------------------------------------------------------------

    /**
     * Seeds the demo estate if the store has no secrets at all. Does nothing (and says why in the
     * outcome) if the demo estate is already there or if the store holds any secret of its own, in
     * any account and region: demo data is never mixed into a real estate. If seeding fails
     * midway, what it had created is removed again before the failure is thrown.
     */
    public static Summary seed(LocalStore store) {
        synchronized (LOCK) {
            long started = System.nanoTime();
            Instant now = store.clock().instant();
            Outcome refusal = survey(store, now);
            Map<String, LocalAccount> accounts = new LinkedHashMap<>();
            for (String alias : Accounts.DEFAULT_ALIASES) {
                store.accounts().find(alias).ifPresent(a -> accounts.put(alias, a));
            }
            if (refusal == Outcome.ALREADY_PRESENT) {
                // Seeded by a version without principals: they are added now, and nothing else changes.
                int roles = store.bulk(() -> DemoPrincipals.ensure(store, accounts, now));
                return new Summary(refusal, List.of(), roles, Duration.ofNanos(System.nanoTime() - started));
            }
            if (refusal != null) {
                return new Summary(refusal, List.of(), 0, Duration.ofNanos(System.nanoTime() - started));
            }
            if (accounts.isEmpty()) {
                return new Summary(Outcome.NO_DEFAULT_ACCOUNTS, List.of(), 0, Duration.ofNanos(System.nanoTime() - started));
            }
            List<ScopeCounts> counts = new ArrayList<>();
            List<DemoCatalog.ScopePlan> plans = DemoCatalog.plan();
            int roles;
            try {
                // Some 800 small transactions: synced once at the end rather than once each.
                roles = store.bulk(() -> {
                    for (DemoCatalog.ScopePlan plan : plans) {
                        LocalAccount account = accounts.get(plan.accountAlias());
                        if (account != null) {
                            counts.add(new Scope(store, account, plan.region()).seed(plan, now));
                        }
                    }
                    return DemoPrincipals.ensure(store, accounts, now);
                });
            } catch (RuntimeException e) {
                try {
                    removeLocked(store);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            try {
                DemoReplication.seed(store, accounts, now);
            } catch (RuntimeException e) {
                try {
                    removeLocked(store);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            return new Summary(Outcome.SEEDED, counts, roles, Duration.ofNanos(System.nanoTime() - started),
                    history(store, accounts, plans, now));
        }
    }

    /**
     * The estate's audit history, written once the estate stands. A failure there costs only the
     * history: the estate is complete and stays.
     */
    private static DemoHistory.Seeded history(LocalStore store, Map<String, LocalAccount> accounts, List<DemoCatalog.ScopePlan> plans,
                                              Instant now) {
        try {
            return DemoHistory.seed(store, accounts, plans, now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the demo estate was seeded without its audit history: " + e.getClass().getSimpleName());
            return null;
        }
    }

    /** Why seeding must not go ahead, or null if the store holds no secret at all. */
    private static Outcome survey(LocalStore store, Instant now) {
        for (LocalAccount account : store.accounts().list()) {
            for (String region : store.regionsInUse(account.accountId())) {
                if (new Scope(store, account, region).anySecret(now, false, s -> !isDemo(s))) {
                    return Outcome.STORE_NOT_EMPTY;
                }
            }
        }
        return present(store) ? Outcome.ALREADY_PRESENT : null;
    }

    // ---- Remove --------------------------------------------------------------------------------

    /**
     * Removes the demo estate: every demo IAM role goes ({@link DemoPrincipals#remove}); every
     * secret tagged {@value #TAG_KEY}={@value #TAG_VALUE}, in every account and region, is deleted
     * at once without a recovery window; every demo KMS key loses its aliases and is scheduled
     * for deletion (7 days, the shortest KMS allows). A demo key that
     * a secret outside the demo estate is encrypted under (current or older versions) is kept and
     * untagged instead, so removing the demo never makes anyone's own secret unreadable. Nothing
     * else is touched.
     */
    public static Summary remove(LocalStore store) {
        synchronized (LOCK) {
            long started = System.nanoTime();
            Removed removed = store.bulk(() -> removeLocked(store));
            return new Summary(removed.scopes().isEmpty() && removed.roles() == 0 ? Outcome.NOTHING_TO_REMOVE : Outcome.REMOVED,
                    removed.scopes(), removed.roles(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private record Removed(List<ScopeCounts> scopes, int roles) {}

    private static Removed removeLocked(LocalStore store) {
        Instant now = store.clock().instant();
        // Roles first: the shared CI key's policy loses the demo's statement before the key is scheduled for deletion.
        int roles = DemoPrincipals.remove(store, now);
        // Replicas next: AWS deletes neither a primary that has replicas nor a replica.
        for (LocalAccount account : store.accounts().list()) {
            for (String region : store.regionsInUse(account.accountId())) {
                DemoReplication.detach(store, account.accountId(), region, now);
            }
        }
        List<ScopeCounts> counts = new ArrayList<>();
        for (LocalAccount account : store.accounts().list()) {
            for (String region : store.regionsInUse(account.accountId())) {
                ScopeCounts c = new Scope(store, account, region).remove(now);
                if (c.secrets() > 0 || c.keys() > 0) {
                    counts.add(c);
                }
            }
        }
        return new Removed(counts, roles);
    }

    // ---- One account and region ----------------------------------------------------------------

    static boolean isDemo(SecretListEntry s) {
        return s.hasTags() && s.tags().stream().anyMatch(t -> TAG_KEY.equals(t.key()) && TAG_VALUE.equals(t.value()));
    }

    /** The in-process calls of one account (as its admin) and region. */
    private record Scope(LocalStore store, LocalAccount account, String region) {

        private <R extends SdkPojo> R secretsManager(Instant at, String operation, SdkPojo request) {
            return store.invoke(account.accountId(), region, at, "secretsmanager", operation, request);
        }

        private <R extends SdkPojo> R kms(Instant at, String operation, SdkPojo request) {
            return store.invoke(account.accountId(), region, at, "kms", operation, request);
        }

        // -- seeding

        ScopeCounts seed(DemoCatalog.ScopePlan plan, Instant now) {
            Duration oldest = plan.secrets().stream().map(DemoCatalog.SecretPlan::age).max(Duration::compareTo).orElse(Duration.ZERO);
            // The account's AWS managed key for Secrets Manager, as old as the account's use of Secrets Manager.
            kms(now.minus(oldest).minus(Duration.ofDays(1)), "DescribeKey",
                    DescribeKeyRequest.builder().keyId("alias/aws/secretsmanager").build());

            Map<String, String> keyRefs = new HashMap<>();         // alias -> how secrets name the key
            Map<String, String> keyArns = new HashMap<>();
            int keysScheduled = 0;
            for (DemoCatalog.KeyPlan k : plan.keys()) {
                Instant created = now.minus(k.age());
                CreateKeyResponse key = kms(created, "CreateKey", CreateKeyRequest.builder().description(k.description())
                        .tags(k.tags().entrySet().stream().map(e -> software.amazon.awssdk.services.kms.model.Tag.builder()
                                .tagKey(e.getKey()).tagValue(e.getValue()).build()).toList())
                        .build());
                String arn = key.keyMetadata().arn();
                keyArns.put(k.alias(), arn);
                keyRefs.put(k.alias(), createAlias(created, k.alias(), key.keyMetadata().keyId()) ? k.alias() : arn);
                if (k.rotation()) {
                    // Turned on within the last year, so the next rotation is ahead, where a key rotated
                    // yearly since its creation would have it (not overdue, rotated by the first maintenance pass).
                    Duration sinceEnabled = Duration.ofDays(k.age().toDays() % 365).plusHours(1);
                    kms(now.minus(sinceEnabled), "EnableKeyRotation",
                            EnableKeyRotationRequest.builder().keyId(key.keyMetadata().keyId()).build());
                }
                if (k.pendingDeletion()) {
                    kms(now.minus(k.deletionScheduledAgo()), "ScheduleKeyDeletion", ScheduleKeyDeletionRequest.builder()
                            .keyId(key.keyMetadata().keyId()).pendingWindowInDays(k.pendingWindowDays()).build());
                    keysScheduled++;
                }
            }

            int versions = 0;
            int scheduled = 0;
            List<DemoRotation.Seeded> seeded = new ArrayList<>();
            for (DemoCatalog.SecretPlan s : plan.secrets()) {
                String keyId = s.keyAlias() == null ? null : s.keyByArn() ? keyArns.get(s.keyAlias()) : keyRefs.get(s.keyAlias());
                DemoCatalog.VersionPlan first = s.versions().get(0);
                CreateSecretRequest.Builder create = CreateSecretRequest.builder().name(s.name()).description(s.description())
                        .kmsKeyId(keyId).clientRequestToken(first.versionId())
                        .tags(s.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList());
                if (first.binary() != null) {
                    create.secretBinary(SdkBytes.fromByteArray(first.binary()));
                } else {
                    create.secretString(first.string());
                }
                CreateSecretResponse created = secretsManager(now.minus(first.age()), "CreateSecret", create.build());
                versions++;
                for (DemoCatalog.VersionPlan v : s.versions().subList(1, s.versions().size())) {
                    PutSecretValueRequest.Builder put = PutSecretValueRequest.builder().secretId(created.arn())
                            .clientRequestToken(v.versionId());
                    if (v.binary() != null) {
                        put.secretBinary(SdkBytes.fromByteArray(v.binary()));
                    } else {
                        put.secretString(v.string());
                    }
                    secretsManager(now.minus(v.age()), "PutSecretValue", put.build());
                    versions++;
                }
                if (s.lastAccessedAgo() != null) {
                    // A real read (decrypted, then dropped) is what sets LastAccessedDate.
                    secretsManager(now.minus(s.lastAccessedAgo()), "GetSecretValue",
                            GetSecretValueRequest.builder().secretId(created.arn()).build());
                }
                if (s.deletionScheduledAgo() != null) {
                    secretsManager(now.minus(s.deletionScheduledAgo()), "DeleteSecret", DeleteSecretRequest.builder()
                            .secretId(created.arn()).recoveryWindowInDays((long) s.recoveryWindowDays()).build());
                    scheduled++;
                } else {
                    seeded.add(new DemoRotation.Seeded(created.arn(), s.name(), s.versions().get(s.versions().size() - 1).string()));
                }
            }
            versions += DemoRotation.configure(store, account.accountId(), region, now, seeded);
            return new ScopeCounts(account.accountId(), account.alias(), region, plan.secrets().size(), versions,
                    plan.keys().size(), scheduled, keysScheduled, 0);
        }

        /** Creates the alias; false if the name is already taken (by a key that is not the demo's), so the key is named by ARN. */
        private boolean createAlias(Instant at, String alias, String keyId) {
            try {
                kms(at, "CreateAlias", CreateAliasRequest.builder().aliasName(alias).targetKeyId(keyId).build());
                return true;
            } catch (AwsException e) {
                if ("AlreadyExistsException".equals(e.code())) {
                    return false;
                }
                throw e;
            }
        }

        // -- removing

        ScopeCounts remove(Instant now) {
            int secrets = 0;
            int versions = 0;
            int wereScheduled = 0;
            for (SecretListEntry s : secrets(now, true)) {
                if (!isDemo(s)) {
                    continue;
                }
                versions += versionsOf(now, s.arn()).size();
                if (s.deletedDate() != null) {
                    wereScheduled++;
                }
                secretsManager(now, "DeleteSecret", DeleteSecretRequest.builder().secretId(s.arn()).forceDeleteWithoutRecovery(true).build());
                secrets++;
            }

            List<KeyMetadata> demoKeys = demoKeys(now);
            int handled = 0;
            int scheduled = 0;
            int kept = 0;
            if (!demoKeys.isEmpty()) {
                Set<String> inUse = keysUsedByOthers(now, secrets(now, false));
                List<AliasListEntry> aliases = aliases(now);
                for (KeyMetadata key : demoKeys) {
                    if (inUse.contains(key.keyId())) {
                        kms(now, "UntagResource", UntagResourceRequest.builder().keyId(key.keyId()).tagKeys(TAG_KEY).build());
                        kept++;
                        handled++;
                        continue;
                    }
                    boolean touched = false;
                    for (AliasListEntry a : aliases) {
                        if (key.keyId().equals(a.targetKeyId())) {
                            kms(now, "DeleteAlias", DeleteAliasRequest.builder().aliasName(a.aliasName()).build());
                            touched = true;
                        }
                    }
                    if (key.keyState() != KeyState.PENDING_DELETION) {
                        kms(now, "ScheduleKeyDeletion", ScheduleKeyDeletionRequest.builder().keyId(key.keyId())
                                .pendingWindowInDays(KEY_PENDING_WINDOW_DAYS).build());
                        scheduled++;
                        touched = true;
                    }
                    if (touched) {
                        handled++;      // a key already pending deletion, without aliases, was removed before
                    }
                }
            }
            return new ScopeCounts(account.accountId(), account.alias(), region, secrets, versions, handled,
                    wereScheduled, scheduled, kept);
        }

        /**
         * The key IDs that secrets outside the demo estate depend on: the key each names for new
         * versions, and the keys its existing versions (labelled or not) were encrypted under.
         */
        private Set<String> keysUsedByOthers(Instant now, List<SecretListEntry> all) {
            Set<String> used = new HashSet<>();
            Map<String, String> resolved = new HashMap<>();
            for (SecretListEntry s : all) {
                if (isDemo(s)) {
                    continue;
                }
                if (s.kmsKeyId() != null) {
                    String keyId = resolved.computeIfAbsent(s.kmsKeyId(), ref -> {
                        try {
                            return this.<DescribeKeyResponse>kms(now, "DescribeKey", DescribeKeyRequest.builder().keyId(ref).build())
                                    .keyMetadata().keyId();
                        } catch (AwsException gone) {
                            return "";
                        }
                    });
                    used.add(keyId);
                }
                for (SecretVersionsListEntry v : versionsOf(now, s.arn())) {
                    if (v.hasKmsKeyIds()) {
                        for (String arn : v.kmsKeyIds()) {
                            used.add(arn.substring(arn.lastIndexOf('/') + 1));
                        }
                    }
                }
            }
            return used;
        }

        // -- reading

        /**
         * The secrets of this scope, including those scheduled for deletion; with {@code demoOnly},
         * narrowed by ListSecrets' tag filters (which may still let through a secret with the key
         * and the value on different tags: callers check {@link #isDemo}).
         */
        List<SecretListEntry> secrets(Instant now, boolean demoOnly) {
            List<SecretListEntry> out = new ArrayList<>();
            pages(now, demoOnly, page -> {
                out.addAll(page);
                return false;
            });
            return out;
        }

        /** Whether a secret of this scope (see {@link #secrets}) matches; stops at the first page that has one. */
        boolean anySecret(Instant now, boolean demoOnly, java.util.function.Predicate<SecretListEntry> test) {
            boolean[] found = {false};
            pages(now, demoOnly, page -> found[0] = page.stream().anyMatch(test));
            return found[0];
        }

        /** Feeds pages of ListSecrets to {@code consumer} until it returns true or the pages end. */
        private void pages(Instant now, boolean demoOnly, java.util.function.Predicate<List<SecretListEntry>> consumer) {
            String token = null;
            do {
                ListSecretsRequest.Builder request = ListSecretsRequest.builder().includePlannedDeletion(true).maxResults(100)
                        .nextToken(token);
                if (demoOnly) {
                    request.filters(Filter.builder().key(FilterNameStringType.TAG_KEY).values(TAG_KEY).build(),
                            Filter.builder().key(FilterNameStringType.TAG_VALUE).values(TAG_VALUE).build());
                }
                ListSecretsResponse page = secretsManager(now, "ListSecrets", request.build());
                if (consumer.test(page.secretList())) {
                    return;
                }
                token = page.nextToken();
            } while (token != null);
        }

        private List<SecretVersionsListEntry> versionsOf(Instant now, String arn) {
            List<SecretVersionsListEntry> out = new ArrayList<>();
            String token = null;
            do {
                ListSecretVersionIdsResponse page = secretsManager(now, "ListSecretVersionIds", ListSecretVersionIdsRequest.builder()
                        .secretId(arn).includeDeprecated(true).maxResults(100).nextToken(token).build());
                out.addAll(page.versions());
                token = page.nextToken();
            } while (token != null);
            return out;
        }

        /** The customer managed keys of this scope tagged as demo keys, whatever their state. */
        List<KeyMetadata> demoKeys(Instant now) {
            List<KeyMetadata> out = new ArrayList<>();
            String marker = null;
            do {
                ListKeysResponse page = kms(now, "ListKeys", ListKeysRequest.builder().limit(1000).marker(marker).build());
                for (KeyListEntry k : page.keys()) {
                    KeyMetadata meta = this.<DescribeKeyResponse>kms(now, "DescribeKey",
                            DescribeKeyRequest.builder().keyId(k.keyId()).build()).keyMetadata();
                    if (meta.keyManager() == KeyManagerType.CUSTOMER && demoTagged(now, k.keyId())) {
                        out.add(meta);
                    }
                }
                marker = page.nextMarker();
            } while (marker != null);
            return out;
        }

        private boolean demoTagged(Instant now, String keyId) {
            String marker = null;
            do {
                ListResourceTagsResponse page = kms(now, "ListResourceTags",
                        ListResourceTagsRequest.builder().keyId(keyId).marker(marker).build());
                if (page.tags().stream().anyMatch(t -> TAG_KEY.equals(t.tagKey()) && TAG_VALUE.equals(t.tagValue()))) {
                    return true;
                }
                marker = page.nextMarker();
            } while (marker != null);
            return false;
        }

        private List<AliasListEntry> aliases(Instant now) {
            List<AliasListEntry> out = new ArrayList<>();
            String marker = null;
            do {
                ListAliasesResponse page = kms(now, "ListAliases", ListAliasesRequest.builder().limit(100).marker(marker).build());
                out.addAll(page.aliases());
                marker = page.nextMarker();
            } while (marker != null);
            return out;
        }
    }
}
