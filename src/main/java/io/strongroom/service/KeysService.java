package io.strongroom.service;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import software.amazon.awssdk.services.kms.KmsClient;
import io.strongroom.domain.KeyRotation;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.OriginType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * KMS keys across scopes: ListKeys, then per key DescribeKey and GetKeyRotationStatus, with the
 * aliases from ListAliases attached. A key that cannot be described (its key policy denies the
 * caller) still appears, with {@link KeyInfo#detailError()} saying why; a rotation status that
 * does not apply or cannot be read is null. Only a failure of the listing itself fails a scope.
 */
public final class KeysService {

    /** ListKeys/ListAliases page size (AWS allows up to 1000; 100 keeps pages streaming early). */
    static final int PAGE_SIZE = 100;

    private final ClientRegistry clients;
    private final FanOut fanOut;
    private final RateLimiters limiters;

    public KeysService(ClientRegistry clients, FanOut fanOut) {
        this.clients = Objects.requireNonNull(clients);
        this.fanOut = Objects.requireNonNull(fanOut);
        this.limiters = fanOut.rateLimiters();
    }

    /** Lists every key in every scope; one listener page per ListKeys page, each key fully described. */
    public FanOut.Handle list(Collection<Scope> scopes, FanOut.Listener<KeyInfo> listener) {
        return fanOut.run(scopes, (scope, pages) -> {
            KmsClient kms = clients.kms(scope);
            Map<String, List<String>> aliases = aliases(kms, pages);
            String marker = null;
            do {
                pages.acquire(QuotaClass.KMS_LIST);
                String m = marker;
                ListKeysResponse page = kms.listKeys(b -> b.limit(PAGE_SIZE).marker(m));
                List<KeyInfo> keys = new ArrayList<>();
                for (KeyListEntry k : page.keys()) {
                    keys.add(describe(scope, kms, k.keyId(), k.keyArn(), aliases.getOrDefault(k.keyId(), List.of()), pages));
                }
                pages.emit(keys);
                marker = Boolean.TRUE.equals(page.truncated()) ? page.nextMarker() : null;
            } while (marker != null);
        }, listener);
    }

    /** One key, described (by key ID, ARN or alias name). Throws {@link ScopeException} if DescribeKey fails. */
    public KeyInfo describe(Scope scope, String keyId) {
        KmsClient kms = clients.kms(scope);
        KeyMetadata m = Calls.call(limiters, scope, QuotaClass.KMS_DESCRIBE, () -> kms.describeKey(b -> b.keyId(keyId)).keyMetadata());
        List<String> aliases = new ArrayList<>();
        String marker = null;
        do {
            String mk = marker;
            ListAliasesResponse r = Calls.call(limiters, scope, QuotaClass.KMS_LIST,
                    () -> kms.listAliases(b -> b.keyId(m.keyId()).limit(PAGE_SIZE).marker(mk)));
            r.aliases().forEach(a -> aliases.add(a.aliasName()));
            marker = Boolean.TRUE.equals(r.truncated()) ? r.nextMarker() : null;
        } while (marker != null);
        Rotation rotationEnabled;
        try {
            rotationEnabled = rotation(scope, kms, m, () -> limiters.acquire(scope, QuotaClass.KMS_KEY_SETTINGS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ScopeErrors.exception(scope, e);
        } catch (RuntimeException e) {
            throw ScopeErrors.exception(scope, e);
        }
        return info(scope, m, aliases, rotationEnabled);
    }

    // ---- Key state and rotation (the console calls these through the journaled mutations) ------

    /** EnableKey. */
    public void enable(Scope scope, String keyId) {
        Calls.run(limiters, scope, QuotaClass.KMS_KEY_WRITE, () -> clients.kms(scope).enableKey(b -> b.keyId(keyId)));
    }

    /** DisableKey: what the key encrypted cannot be decrypted until it is enabled again. */
    public void disable(Scope scope, String keyId) {
        Calls.run(limiters, scope, QuotaClass.KMS_KEY_WRITE, () -> clients.kms(scope).disableKey(b -> b.keyId(keyId)));
    }

    /** ScheduleKeyDeletion after {@code pendingWindowDays} (7 to 30). Returns the deletion date KMS set. */
    public Instant scheduleDeletion(Scope scope, String keyId, int pendingWindowDays) {
        return Calls.call(limiters, scope, QuotaClass.KMS_KEY_WRITE, () -> clients.kms(scope)
                .scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(pendingWindowDays)).deletionDate());
    }

    /** CancelKeyDeletion: the key stays, Disabled (as KMS leaves it). */
    public void cancelDeletion(Scope scope, String keyId) {
        Calls.run(limiters, scope, QuotaClass.KMS_KEY_WRITE, () -> clients.kms(scope).cancelKeyDeletion(b -> b.keyId(keyId)));
    }

    /** EnableKeyRotation every {@code rotationPeriodDays} (90 to 2560; null: KMS's default of 365). */
    public void enableRotation(Scope scope, String keyId, Integer rotationPeriodDays) {
        Calls.run(limiters, scope, QuotaClass.KMS_KEY_WRITE, () -> clients.kms(scope)
                .enableKeyRotation(b -> b.keyId(keyId).rotationPeriodInDays(rotationPeriodDays)));
    }

    /** DisableKeyRotation. */
    public void disableRotation(Scope scope, String keyId) {
        Calls.run(limiters, scope, QuotaClass.KMS_KEY_WRITE, () -> clients.kms(scope).disableKeyRotation(b -> b.keyId(keyId)));
    }

    /** RotateKeyOnDemand: new key material now; older ciphertexts stay decryptable. */
    public void rotateNow(Scope scope, String keyId) {
        Calls.run(limiters, scope, QuotaClass.KMS_KEY_WRITE, () -> clients.kms(scope).rotateKeyOnDemand(b -> b.keyId(keyId)));
    }

    private Map<String, List<String>> aliases(KmsClient kms, FanOut.Pages<KeyInfo> pages) throws InterruptedException {
        Map<String, List<String>> byKey = new HashMap<>();
        String marker = null;
        do {
            pages.acquire(QuotaClass.KMS_LIST);
            String m = marker;
            ListAliasesResponse r = kms.listAliases(b -> b.limit(PAGE_SIZE).marker(m));
            r.aliases().stream().filter(a -> a.targetKeyId() != null)
                    .forEach(a -> byKey.computeIfAbsent(a.targetKeyId(), k -> new ArrayList<>()).add(a.aliasName()));
            marker = Boolean.TRUE.equals(r.truncated()) ? r.nextMarker() : null;
        } while (marker != null);
        return byKey;
    }

    private KeyInfo describe(Scope scope, KmsClient kms, String keyId, String keyArn, List<String> aliases,
                             FanOut.Pages<KeyInfo> pages) throws InterruptedException {
        pages.acquire(QuotaClass.KMS_DESCRIBE);
        KeyMetadata m;
        try {
            m = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
        } catch (RuntimeException e) {
            ScopeError err = ScopeErrors.of(scope, e);
            if (isScopeWide(err)) {
                throw e;
            }
            return new KeyInfo(scope, keyId, keyArn, aliases, null, null, null, null, null, null, null, null, null, null,
                    null, err.errorCode());
        }
        return info(scope, m, aliases, rotation(scope, kms, m, () -> pages.acquire(QuotaClass.KMS_KEY_SETTINGS)));
    }

    /** Errors that are about the scope, not the key: they fail the scope instead of marking one key. */
    private static boolean isScopeWide(ScopeError e) {
        return switch (e.errorCode()) {
            case ScopeError.UNREACHABLE, ScopeError.TIMEOUT, ScopeError.CANCELLED, ScopeError.CREDENTIALS_UNAVAILABLE,
                    "ThrottlingException", "UnrecognizedClientException", "InvalidClientTokenId",
                    "ExpiredTokenException", "SignatureDoesNotMatch" -> true;
            default -> false;
        };
    }

    private interface Pace {
        void acquire() throws InterruptedException;
    }

    /** Whether automatic rotation is on (null: not known) and its detail. */
    private record Rotation(Boolean enabled, KeyRotation detail) {
        static final Rotation UNKNOWN = new Rotation(null, KeyRotation.NONE);
    }

    /**
     * Rotation status where it applies: symmetric keys with KMS-generated material that are not being
     * deleted. GetKeyRotationStatus gives the period and next date; for customer managed keys the last
     * completed rotation comes from ListKeyRotations (oldest first, so the last page's last entry).
     */
    private static Rotation rotation(Scope scope, KmsClient kms, KeyMetadata m, Pace pace) throws InterruptedException {
        boolean applies = m.keySpec() == KeySpec.SYMMETRIC_DEFAULT && m.origin() == OriginType.AWS_KMS
                && m.keyState() != KeyState.PENDING_DELETION && m.keyState() != KeyState.PENDING_IMPORT;
        if (!applies) {
            return Rotation.UNKNOWN;
        }
        pace.acquire();
        GetKeyRotationStatusResponse status;
        try {
            status = kms.getKeyRotationStatus(b -> b.keyId(m.keyId()));
        } catch (RuntimeException e) {
            if (isScopeWide(ScopeErrors.of(scope, e))) {
                throw e;
            }
            return Rotation.UNKNOWN;
        }
        RotationsListEntry last = null;
        if (m.keyManager() == KeyManagerType.CUSTOMER && m.keyState() == KeyState.ENABLED) {
            try {
                String marker = null;
                do {
                    pace.acquire();
                    String mk = marker;
                    ListKeyRotationsResponse page = kms.listKeyRotations(b -> b.keyId(m.keyId()).limit(1000).marker(mk));
                    for (RotationsListEntry r : page.rotations()) {
                        if (r.rotationDate() != null && (last == null || !r.rotationDate().isBefore(last.rotationDate()))) {
                            last = r;
                        }
                    }
                    marker = Boolean.TRUE.equals(page.truncated()) ? page.nextMarker() : null;
                } while (marker != null);
            } catch (RuntimeException e) {
                if (isScopeWide(ScopeErrors.of(scope, e))) {
                    throw e;
                }
                last = null;
            }
        }
        return new Rotation(status.keyRotationEnabled(), new KeyRotation(status.rotationPeriodInDays(),
                status.nextRotationDate(), status.onDemandRotationStartDate(),
                last == null ? null : last.rotationDate(), last == null ? null : last.rotationTypeAsString()));
    }

    private static KeyInfo info(Scope scope, KeyMetadata m, List<String> aliases, Rotation rotation) {
        return new KeyInfo(scope, m.keyId(), m.arn(), aliases, m.description(), m.keyStateAsString(), m.enabled(),
                m.keyManagerAsString(), m.keyUsageAsString(), m.keySpecAsString(), m.originAsString(), m.creationDate(),
                m.deletionDate(), m.multiRegion(), rotation.enabled(), null, rotation.detail());
    }
}
