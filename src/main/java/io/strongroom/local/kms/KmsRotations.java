package io.strongroom.local.kms;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKeyFinder.Naming;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandResponse;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.strongroom.local.kms.KmsPaging.validPage;
import static io.strongroom.local.kms.KmsKeyFinder.now;
import static io.strongroom.local.kms.KmsKeyFinder.requireEnabled;
import static io.strongroom.local.kms.KmsKeyFinder.validKeyId;

/**
 * The rotation of a key's material: EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus,
 * ListKeyRotations and RotateKeyOnDemand. Only symmetric encryption keys rotate.
 */
final class KmsRotations {

    private static final int DEFAULT_ROTATION_DAYS = 365;
    private static final int ROTATION_PAGE_DEFAULT = 100;

    private final KmsParts parts;

    KmsRotations(KmsParts parts) {
        this.parts = parts;
    }

    SdkPojo enableKeyRotation(RequestContext ctx, EnableKeyRotationRequest request) {
        validKeyId(request.keyId()).range("rotationPeriodInDays", request.rotationPeriodInDays(), 90, 2560).orThrow();
        int period = request.rotationPeriodInDays() == null ? DEFAULT_ROTATION_DAYS : request.rotationPeriodInDays();
        KmsKey key = parts.finder().key(ctx, "EnableKeyRotation", request.keyId(), Naming.KEY);
        requireRotatable(key, "EnableKeyRotation");
        Instant now = now(ctx);
        parts.finder().change(key, k -> {
            requireEnabled(k);
            if (!k.rotationEnabled() || k.nextRotationAt() == null || k.rotationPeriodDays() == null) {
                return k.withRotation(true, period, now.plus(Duration.ofDays(period)));
            }
            if (k.rotationPeriodDays() == period) {
                return k;
            }
            // A new period keeps the schedule's anchor (the last rotation, or when rotation was turned on).
            Instant anchor = k.nextRotationAt().minus(Duration.ofDays(k.rotationPeriodDays()));
            Instant next = anchor.plus(Duration.ofDays(period));
            return k.withRotation(true, period, next.isAfter(now) ? next : now);
        });
        return EnableKeyRotationResponse.builder().build();
    }

    SdkPojo disableKeyRotation(RequestContext ctx, DisableKeyRotationRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = parts.finder().key(ctx, "DisableKeyRotation", request.keyId(), Naming.KEY);
        requireRotatable(key, "DisableKeyRotation");
        parts.finder().change(key, k -> {
            requireEnabled(k);
            return k.rotationEnabled() ? k.withRotation(false, null, null) : k;
        });
        return DisableKeyRotationResponse.builder().build();
    }

    SdkPojo getKeyRotationStatus(RequestContext ctx, GetKeyRotationStatusRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = parts.finder().key(ctx, "GetKeyRotationStatus", request.keyId(), Naming.KEY);
        requireRotatable(key, "GetKeyRotationStatus");
        // While a key is pending deletion KMS reports rotation off; cancelling brings the setting back.
        boolean on = key.rotationEnabled() && !key.pendingDeletion();
        return GetKeyRotationStatusResponse.builder()
                .keyId(key.keyId())
                .keyRotationEnabled(on)
                .rotationPeriodInDays(on ? key.rotationPeriodDays() : null)
                .nextRotationDate(on ? key.nextRotationAt() : null)
                .build();
    }

    /**
     * Only symmetric encryption keys rotate (API reference, GetKeyRotationStatus and EnableKeyRotation:
     * UnsupportedOperationException for asymmetric and HMAC keys). KMS's wording is not established;
     * this follows its key usage message.
     */
    private static void requireRotatable(KmsKey key, String operation) {
        if (KmsKeySpec.of(key) != KmsKeySpec.SYMMETRIC_DEFAULT) {
            throw KmsErrors.unsupported(key.arn() + " key spec is " + key.keySpec() + " which is not valid for " + operation + ".");
        }
    }

    /**
     * The completed rotations of a key, oldest first, as ListKeyRotations reports them: a key never
     * rotated has none ({@code Rotations: []}). With {@code IncludeKeyMaterial=ALL_KEY_MATERIAL} the
     * first material is listed too. {@code RotationType} says whether a rotation was automatic or on
     * demand (rotations made before schema 7 did not record it and are listed without one).
     */
    SdkPojo listKeyRotations(RequestContext ctx, ListKeyRotationsRequest request) {
        validPage(validKeyId(request.keyId()), request.limit(), request.marker())
                .oneOf("includeKeyMaterial", request.includeKeyMaterialAsString(), IncludeKeyMaterial.knownValues()).orThrow();
        KmsKey key = parts.finder().key(ctx, "ListKeyRotations", request.keyId(), Naming.KEY);
        requireRotatable(key, "ListKeyRotations");
        List<KmsKeys.Rotation> rotations = parts.keys().rotations(key.keyId());
        int current = rotations.isEmpty() ? 1 : rotations.get(rotations.size() - 1).generation();
        List<Map.Entry<Integer, RotationsListEntry>> entries = new ArrayList<>();
        if (IncludeKeyMaterial.ALL_KEY_MATERIAL.toString().equals(request.includeKeyMaterialAsString())) {
            entries.add(Map.entry(1, RotationsListEntry.builder().keyId(key.keyId()).keyMaterialId(materialId(key, 1))
                    .keyMaterialState(current == 1 ? "CURRENT" : "NON_CURRENT").build()));
        }
        for (KmsKeys.Rotation r : rotations) {
            entries.add(Map.entry(r.generation(), RotationsListEntry.builder().keyId(key.keyId())
                    .keyMaterialId(materialId(key, r.generation()))
                    .keyMaterialState(r.generation() == current ? "CURRENT" : "NON_CURRENT")
                    .rotationDate(r.rotatedAt()).rotationType(r.type() == null ? null : r.type().name()).build()));
        }
        int limit = request.limit() == null ? ROTATION_PAGE_DEFAULT : request.limit();
        KmsPaging.Page<Map.Entry<Integer, RotationsListEntry>> page = parts.paging().page(ctx, "ListKeyRotations", List.of(key.arn()), entries,
                e -> String.format("%010d", e.getKey()), request.marker(), limit);
        return ListKeyRotationsResponse.builder().rotations(page.items().stream().map(Map.Entry::getValue).toList())
                .nextMarker(page.nextMarker()).truncated(page.nextMarker() != null).build();
    }

    /** A stable, non-secret name for one generation of a key's material (KMS's are 64 hex digits too). */
    private static String materialId(KmsKey key, int generation) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((key.keyId() + "#" + generation).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    SdkPojo rotateKeyOnDemand(RequestContext ctx, RotateKeyOnDemandRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = parts.finder().key(ctx, "RotateKeyOnDemand", request.keyId(), Naming.KEY);
        requireRotatable(key, "RotateKeyOnDemand");
        Instant now = now(ctx);
        parts.finder().change(key, k -> {
            requireEnabled(k);
            // On-demand rotation leaves the automatic schedule as it was.
            parts.keys().rotateMaterial(k.keyId(), now, KmsKeys.RotationType.ON_DEMAND);
            return k;
        });
        return RotateKeyOnDemandResponse.builder().keyId(key.keyId()).build();
    }
}
