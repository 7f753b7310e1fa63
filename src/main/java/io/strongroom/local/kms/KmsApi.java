package io.strongroom.local.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.http.BoundTokens;
import io.strongroom.local.http.JsonCodec;
import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.VerifyRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.VerifyMacRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasResponse;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasResponse;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyResponse;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.TagResourceResponse;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceResponse;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasResponse;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import io.strongroom.local.kms.KmsKeyFinder.Naming;

import static io.strongroom.local.kms.KmsKeyFinder.aliasNotFound;
import static io.strongroom.local.kms.KmsKeyFinder.inScope;
import static io.strongroom.local.kms.KmsKeyFinder.requireEnabled;
import static io.strongroom.local.kms.KmsKeyFinder.requireNotPendingDeletion;
import static io.strongroom.local.kms.KmsKeyFinder.validKeyId;
import static io.strongroom.local.kms.KmsKeyFinder.validOptionalKeyId;

/**
 * The KMS API (JSON 1.1, {@code X-Amz-Target: TrentService.<Operation>}) over {@link KmsKeys},
 * with KMS's validation, key states and error codes.
 *
 * <p>The rules that shape every operation, as KMS applies them:
 * <ul>
 *   <li>Keys are named by key ID or key ARN everywhere, and also by alias name or alias ARN where
 *       KMS accepts aliases (DescribeKey and the cryptographic operations).</li>
 *   <li>The key state decides what a key can do: a {@code Disabled} key refuses cryptography
 *       with {@code DisabledException}, a key {@code PendingDeletion} refuses nearly everything
 *       with {@code KMSInvalidStateException} (see KMS's key-state table).</li>
 *   <li>AWS managed keys carry a key policy that lets the account read their metadata and lets
 *       only the owning service use them; every other call a principal makes on them directly is
 *       refused with {@code AccessDeniedException}, as that policy makes KMS refuse it.</li>
 *   <li>Nothing secret appears in an error message: plaintexts, ciphertexts and key material never;
 *       messages name keys, aliases and limits.</li>
 * </ul>
 * This endpoint creates single-Region keys with {@code AWS_KMS} material: symmetric encryption
 * keys, RSA keys (encryption or signing), ECC keys over the NIST curves (signing) and HMAC keys;
 * the cryptography of each lives in {@link KmsEncryption} and {@link KmsSigning}, key lookup in
 * {@link KmsKeyFinder}. Other kinds ({@code ECC_SECG_P256K1}, which the JDK lacks, imported,
 * external and multi-Region keys) are refused with {@code UnsupportedOperationException}.
 */
public final class KmsApi {

    private static final String KEY_RESOURCE = "AWS::KMS::Key";
    private static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    private static final String ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT";
    private static final String DEFAULT_POLICY_NAME = "default";
    private static final String ALIAS_PREFIX = "alias/";
    private static final String RESERVED_ALIAS_PREFIX = "alias/aws/";

    private static final Pattern ALIAS_NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    private static final Pattern POLICY_CHARACTERS = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w]+");
    private static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]*");
    private static final Pattern XKS_KEY_ID = Pattern.compile("^[a-zA-Z0-9-_.]+$");

    private static final int MAX_TAGS_PER_KEY = 50;
    private static final int DEFAULT_ROTATION_DAYS = 365;
    private static final int KEY_LIMIT_DEFAULT = 100;
    private static final int ALIAS_PAGE_MAX = 100;
    private static final int ALIAS_LIMIT_DEFAULT = 50;
    private static final int TAG_PAGE_MAX = 50;
    private static final int ROTATION_PAGE_DEFAULT = 100;

    private final KmsKeys keys;
    private final KmsKeyFinder finder;
    private final KmsEncryption encryption;
    private final KmsSigning signing;
    private final BoundTokens markers = new BoundTokens(KmsApi::invalidMarker);

    public KmsApi(KmsKeys keys) {
        this.keys = keys;
        this.finder = new KmsKeyFinder(keys);
        this.encryption = new KmsEncryption(keys, finder);
        this.signing = new KmsSigning(keys, finder);
    }

    private KmsKey key(RequestContext ctx, String action, String reference, Naming naming) {
        return finder.key(ctx, action, reference, naming);
    }

    private KmsKey customerKey(RequestContext ctx, String action, String reference) {
        return finder.customerKey(ctx, action, reference);
    }

    private KmsKey change(KmsKey key, UnaryOperator<KmsKey> change) {
        return finder.change(key, change);
    }

    public JsonService service() {
        return JsonService.builder("kms", "TrentService", "kms.amazonaws.com")
                .quota("kms:describe")
                .read("DescribeKey", DescribeKeyRequest::builder, this::describeKey)
                .quota("kms:list")
                .read("ListKeys", ListKeysRequest::builder, this::listKeys)
                .read("ListAliases", ListAliasesRequest::builder, this::listAliases)
                .read("ListResourceTags", ListResourceTagsRequest::builder, this::listResourceTags)
                .read("ListKeyPolicies", ListKeyPoliciesRequest::builder, this::listKeyPolicies)
                .quota("kms:policy")
                .read("GetKeyPolicy", GetKeyPolicyRequest::builder, this::getKeyPolicy)
                .read("GetKeyRotationStatus", GetKeyRotationStatusRequest::builder, this::getKeyRotationStatus)
                .read("ListKeyRotations", ListKeyRotationsRequest::builder, this::listKeyRotations)
                .quota("kms:crypto")
                .read("Encrypt", EncryptRequest::builder, encryption::encrypt)
                .read("Decrypt", DecryptRequest::builder, encryption::decrypt)
                .read("ReEncrypt", ReEncryptRequest::builder, encryption::reEncrypt)
                .read("GenerateDataKey", GenerateDataKeyRequest::builder, encryption::generateDataKey)
                .read("GenerateDataKeyWithoutPlaintext", GenerateDataKeyWithoutPlaintextRequest::builder,
                        encryption::generateDataKeyWithoutPlaintext)
                .read("GenerateRandom", GenerateRandomRequest::builder, encryption::generateRandom)
                .read("Sign", SignRequest::builder, signing::sign)
                .read("Verify", VerifyRequest::builder, signing::verify)
                .read("GenerateMac", GenerateMacRequest::builder, signing::generateMac)
                .read("VerifyMac", VerifyMacRequest::builder, signing::verifyMac)
                .read("GetPublicKey", GetPublicKeyRequest::builder, signing::getPublicKey)
                .quota("kms:manage")
                .write("CreateKey", CreateKeyRequest::builder, this::createKey)
                .write("UpdateKeyDescription", UpdateKeyDescriptionRequest::builder, this::updateKeyDescription)
                .write("EnableKey", EnableKeyRequest::builder, this::enableKey)
                .write("DisableKey", DisableKeyRequest::builder, this::disableKey)
                .write("ScheduleKeyDeletion", ScheduleKeyDeletionRequest::builder, this::scheduleKeyDeletion)
                .write("CancelKeyDeletion", CancelKeyDeletionRequest::builder, this::cancelKeyDeletion)
                .write("EnableKeyRotation", EnableKeyRotationRequest::builder, this::enableKeyRotation)
                .write("DisableKeyRotation", DisableKeyRotationRequest::builder, this::disableKeyRotation)
                .write("RotateKeyOnDemand", RotateKeyOnDemandRequest::builder, this::rotateKeyOnDemand)
                .write("PutKeyPolicy", PutKeyPolicyRequest::builder, this::putKeyPolicy)
                .write("CreateAlias", CreateAliasRequest::builder, this::createAlias)
                .write("UpdateAlias", UpdateAliasRequest::builder, this::updateAlias)
                .write("DeleteAlias", DeleteAliasRequest::builder, this::deleteAlias)
                .write("TagResource", TagResourceRequest::builder, this::tagResource)
                .write("UntagResource", UntagResourceRequest::builder, this::untagResource)
                .build();
    }

    // ---- Keys ---------------------------------------------------------------------------------

    private SdkPojo createKey(RequestContext ctx, CreateKeyRequest request) {
        Validator v = Validator.check()
                .unshownLength("policy", request.policy(), 1, 131_072)
                .unshownPattern("policy", request.policy(), POLICY_CHARACTERS)
                .length("description", request.description(), 0, 8192)
                .oneOf("keyUsage", request.keyUsageAsString(), KeyUsageType.knownValues())
                .oneOf("customerMasterKeySpec", request.customerMasterKeySpecAsString(), CustomerMasterKeySpec.knownValues())
                .oneOf("keySpec", request.keySpecAsString(), KeySpec.knownValues())
                .oneOf("origin", request.originAsString(), OriginType.knownValues())
                .length("customKeyStoreId", request.customKeyStoreId(), 1, 64)
                .length("xksKeyId", request.xksKeyId(), 1, 128)
                .pattern("xksKeyId", request.xksKeyId(), XKS_KEY_ID);
        Map<String, String> tags = request.hasTags() ? validTags(v, request.tags()) : Map.of();
        v.orThrow();

        if (request.keySpecAsString() != null && request.customerMasterKeySpecAsString() != null) {
            throw AwsException.validation("You cannot specify KeySpec and CustomerMasterKeySpec in the same request. "
                    + "CustomerMasterKeySpec is deprecated.");
        }
        String specName = request.keySpecAsString() != null ? request.keySpecAsString()
                : request.customerMasterKeySpecAsString() != null ? request.customerMasterKeySpecAsString() : SYMMETRIC_DEFAULT;
        String usage = request.keyUsageAsString() == null ? KmsKeySpec.defaultUsage() : request.keyUsageAsString();
        KmsKeySpec spec = KmsKeySpec.of(specName).orElseThrow(() -> KmsErrors.unsupported("KeySpec " + specName
                + " is not supported by this endpoint."));
        if ("KEY_AGREEMENT".equals(usage) && spec.family() == KmsKeySpec.Family.ECC && spec != KmsKeySpec.ECC_SECG_P256K1) {
            // A valid pair on KMS (CreateKey's table: ECC_NIST_* keys may derive shared secrets); not made here.
            throw KmsErrors.unsupported("KeyUsage KEY_AGREEMENT (DeriveSharedSecret) is not supported by this endpoint.");
        }
        if (!spec.allows(usage)) {
            // As KMS refuses a pair that CreateKey's table does not list (KMS's wording is not established).
            throw AwsException.validation("KeyUsage " + usage + " is not compatible with KeySpec " + specName + ".");
        }
        if (spec == KmsKeySpec.ECC_SECG_P256K1) {
            throw KmsErrors.unsupported("KeySpec ECC_SECG_P256K1 is not supported by this endpoint: the Java runtime it runs on "
                    + "has no secp256k1 curve.");
        }
        if (request.originAsString() != null && !"AWS_KMS".equals(request.originAsString())) {
            throw KmsErrors.unsupported("Origin " + request.originAsString() + " is not supported by this endpoint, which creates "
                    + "keys with AWS_KMS key material only.");
        }
        if (request.customKeyStoreId() != null) {
            throw new AwsException("CustomKeyStoreNotFoundException", 400,
                    "Custom key store '" + request.customKeyStoreId() + "' does not exist.");
        }
        if (request.xksKeyId() != null) {
            throw KmsErrors.unsupported("XksKeyId applies to keys in an external key store, which this endpoint does not have.");
        }
        if (Boolean.TRUE.equals(request.multiRegion())) {
            throw KmsErrors.unsupported("Multi-Region keys are not supported by this endpoint.");
        }
        if (request.policy() != null) {
            requireWellFormedPolicy(request.policy());
        }
        if (tags.size() > MAX_TAGS_PER_KEY) {
            throw tooManyTags();
        }
        KmsKey key = keys.createCustomerKey(ctx.accountId(), ctx.region(), request.description(), request.policy(), tags, spec, usage,
                ctx.now());
        ctx.touched(KEY_RESOURCE, key.arn());
        return CreateKeyResponse.builder().keyMetadata(metadata(key)).build();
    }

    private SdkPojo describeKey(RequestContext ctx, DescribeKeyRequest request) {
        validKeyId(request.keyId()).size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        KmsKey key = key(ctx, "DescribeKey", request.keyId(), Naming.KEY_OR_ALIAS_CREATING_PREDEFINED);
        return DescribeKeyResponse.builder().keyMetadata(metadata(key)).build();
    }

    private SdkPojo listKeys(RequestContext ctx, ListKeysRequest request) {
        Validator.check().range("limit", request.limit(), 1, 1000).length("marker", request.marker(), 1, 1024)
                .pattern("marker", request.marker(), MARKER).orThrow();
        Page<KmsKey> page = page(ctx, "ListKeys", List.of(), keys.list(ctx.accountId(), ctx.region()), KmsApi::listingPosition,
                request.marker(), request.limit() == null ? KEY_LIMIT_DEFAULT : request.limit());
        return ListKeysResponse.builder()
                .keys(page.items().stream().map(k -> KeyListEntry.builder().keyId(k.keyId()).keyArn(k.arn()).build()).toList())
                .nextMarker(page.nextMarker())
                .truncated(page.nextMarker() != null)
                .build();
    }

    private static String listingPosition(KmsKey key) {
        // Keys are listed oldest first; the creation time is padded so that positions sort as text.
        return String.format("%015d", key.createdAt().toEpochMilli()) + "/" + key.keyId();
    }

    private SdkPojo updateKeyDescription(RequestContext ctx, UpdateKeyDescriptionRequest request) {
        validKeyId(request.keyId()).notNull("description", request.description())
                .length("description", request.description(), 0, 8192).orThrow();
        KmsKey key = customerKey(ctx, "UpdateKeyDescription", request.keyId());
        change(key, k -> {
            requireNotPendingDeletion(k);
            return k.withDescription(request.description());
        });
        return UpdateKeyDescriptionResponse.builder().build();
    }

    private SdkPojo enableKey(RequestContext ctx, EnableKeyRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = customerKey(ctx, "EnableKey", request.keyId());
        change(key, k -> {
            requireNotPendingDeletion(k);
            return k.usable() ? k : k.withState(KmsKey.ENABLED, null);
        });
        return EnableKeyResponse.builder().build();
    }

    private SdkPojo disableKey(RequestContext ctx, DisableKeyRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = customerKey(ctx, "DisableKey", request.keyId());
        change(key, k -> {
            requireNotPendingDeletion(k);
            return k.usable() ? k.withState(KmsKey.DISABLED, null) : k;
        });
        return DisableKeyResponse.builder().build();
    }

    private SdkPojo scheduleKeyDeletion(RequestContext ctx, ScheduleKeyDeletionRequest request) {
        // The service model allows 1 to 365 days; KMS itself accepts 7 to 30.
        validKeyId(request.keyId()).range("pendingWindowInDays", request.pendingWindowInDays(), 7, 30).orThrow();
        int days = request.pendingWindowInDays() == null ? 30 : request.pendingWindowInDays();
        KmsKey key = customerKey(ctx, "ScheduleKeyDeletion", request.keyId());
        Instant deletion = now(ctx).plus(Duration.ofDays(days));
        KmsKey scheduled = change(key, k -> {
            requireNotPendingDeletion(k);
            return k.withState(KmsKey.PENDING_DELETION, deletion);
        });
        return ScheduleKeyDeletionResponse.builder()
                .keyId(scheduled.arn())
                .deletionDate(scheduled.deletionAt())
                .keyState(scheduled.keyState())
                .pendingWindowInDays(days)
                .build();
    }

    private SdkPojo cancelKeyDeletion(RequestContext ctx, CancelKeyDeletionRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = customerKey(ctx, "CancelKeyDeletion", request.keyId());
        KmsKey cancelled = change(key, k -> {
            if (!k.pendingDeletion()) {
                throw KmsErrors.invalidState(k.arn() + " is not pending deletion.");
            }
            // As in KMS, a key whose deletion is cancelled comes back disabled, not enabled.
            return k.withState(KmsKey.DISABLED, null);
        });
        return CancelKeyDeletionResponse.builder().keyId(cancelled.arn()).build();
    }

    // ---- Rotation -----------------------------------------------------------------------------

    private SdkPojo enableKeyRotation(RequestContext ctx, EnableKeyRotationRequest request) {
        validKeyId(request.keyId()).range("rotationPeriodInDays", request.rotationPeriodInDays(), 90, 2560).orThrow();
        int period = request.rotationPeriodInDays() == null ? DEFAULT_ROTATION_DAYS : request.rotationPeriodInDays();
        KmsKey key = customerKey(ctx, "EnableKeyRotation", request.keyId());
        requireRotatable(key, "EnableKeyRotation");
        Instant now = now(ctx);
        change(key, k -> {
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

    private SdkPojo disableKeyRotation(RequestContext ctx, DisableKeyRotationRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = customerKey(ctx, "DisableKeyRotation", request.keyId());
        requireRotatable(key, "DisableKeyRotation");
        change(key, k -> {
            requireEnabled(k);
            return k.rotationEnabled() ? k.withRotation(false, null, null) : k;
        });
        return DisableKeyRotationResponse.builder().build();
    }

    private SdkPojo getKeyRotationStatus(RequestContext ctx, GetKeyRotationStatusRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = key(ctx, "GetKeyRotationStatus", request.keyId(), Naming.KEY);
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
     * first material is listed too. Which rotations were automatic and which on demand is not kept
     * by this store yet, so {@code RotationType} is left out.
     */
    private SdkPojo listKeyRotations(RequestContext ctx, ListKeyRotationsRequest request) {
        validKeyId(request.keyId()).range("limit", request.limit(), 1, 1000).length("marker", request.marker(), 1, 1024)
                .pattern("marker", request.marker(), MARKER)
                .oneOf("includeKeyMaterial", request.includeKeyMaterialAsString(), IncludeKeyMaterial.knownValues()).orThrow();
        KmsKey key = key(ctx, "ListKeyRotations", request.keyId(), Naming.KEY);
        requireRotatable(key, "ListKeyRotations");
        List<KmsKeys.Rotation> rotations = keys.rotations(key.keyId());
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
                    .rotationDate(r.rotatedAt()).build()));
        }
        int limit = request.limit() == null ? ROTATION_PAGE_DEFAULT : request.limit();
        Page<Map.Entry<Integer, RotationsListEntry>> page = page(ctx, "ListKeyRotations", List.of(key.arn()), entries,
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

    private SdkPojo rotateKeyOnDemand(RequestContext ctx, RotateKeyOnDemandRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = customerKey(ctx, "RotateKeyOnDemand", request.keyId());
        requireRotatable(key, "RotateKeyOnDemand");
        Instant now = now(ctx);
        change(key, k -> {
            requireEnabled(k);
            // On-demand rotation leaves the automatic schedule as it was.
            keys.rotateMaterial(k.keyId(), now);
            return k;
        });
        return RotateKeyOnDemandResponse.builder().keyId(key.keyId()).build();
    }

    // ---- Policies -----------------------------------------------------------------------------

    private SdkPojo getKeyPolicy(RequestContext ctx, GetKeyPolicyRequest request) {
        validKeyId(request.keyId()).length("policyName", request.policyName(), 1, 128)
                .pattern("policyName", request.policyName(), POLICY_NAME).orThrow();
        KmsKey key = key(ctx, "GetKeyPolicy", request.keyId(), Naming.KEY);
        if (request.policyName() != null && !DEFAULT_POLICY_NAME.equals(request.policyName())) {
            throw KmsErrors.notFound("No such policy exists: " + request.policyName()
                    + ". The only key policy name is " + DEFAULT_POLICY_NAME + ".");
        }
        return GetKeyPolicyResponse.builder().policy(key.policy()).policyName(DEFAULT_POLICY_NAME).build();
    }

    private SdkPojo putKeyPolicy(RequestContext ctx, PutKeyPolicyRequest request) {
        validKeyId(request.keyId()).length("policyName", request.policyName(), 1, 128)
                .pattern("policyName", request.policyName(), POLICY_NAME)
                .notNull("policy", request.policy())
                .unshownLength("policy", request.policy(), 1, 131_072)
                .unshownPattern("policy", request.policy(), POLICY_CHARACTERS).orThrow();
        KmsKey key = customerKey(ctx, "PutKeyPolicy", request.keyId());
        if (request.policyName() != null && !DEFAULT_POLICY_NAME.equals(request.policyName())) {
            throw KmsErrors.unsupported("Only the " + DEFAULT_POLICY_NAME + " key policy is supported.");
        }
        requireWellFormedPolicy(request.policy());
        change(key, k -> k.withPolicy(request.policy()));
        return PutKeyPolicyResponse.builder().build();
    }

    private SdkPojo listKeyPolicies(RequestContext ctx, ListKeyPoliciesRequest request) {
        validKeyId(request.keyId()).range("limit", request.limit(), 1, 1000).length("marker", request.marker(), 1, 1024)
                .pattern("marker", request.marker(), MARKER).orThrow();
        KmsKey key = key(ctx, "ListKeyPolicies", request.keyId(), Naming.KEY);
        if (request.marker() != null) {
            // One policy, one page: no marker is ever handed out for this listing, so none is good for it.
            markers.open(ctx, "ListKeyPolicies", List.of(key.arn()), request.marker());
        }
        return ListKeyPoliciesResponse.builder().policyNames(DEFAULT_POLICY_NAME).truncated(false).build();
    }

    /**
     * A key policy must be a JSON object with at least one statement, each allowing or denying.
     * KMS checks more (principals must exist, the caller must not lock itself out); those checks
     * belong with policy evaluation, which this store does not do for key policies yet.
     */
    private static void requireWellFormedPolicy(String policy) {
        JsonNode root;
        try {
            root = JsonCodec.mapper().readTree(policy);
        } catch (IOException e) {
            throw KmsErrors.malformedPolicy("The key policy is not a valid JSON document.");
        }
        if (root == null || !root.isObject()) {
            throw KmsErrors.malformedPolicy("The key policy must be a JSON object.");
        }
        JsonNode statements = root.get("Statement");
        if (statements == null || !(statements.isObject() || statements.isArray() && !statements.isEmpty())) {
            throw KmsErrors.malformedPolicy("The key policy must contain at least one statement.");
        }
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            JsonNode effect = statement.get("Effect");
            if (!statement.isObject() || effect == null || !Set.of("Allow", "Deny").contains(effect.asText())) {
                throw KmsErrors.malformedPolicy("Every statement of a key policy must have an Effect of Allow or Deny.");
            }
        }
    }

    // ---- Aliases ------------------------------------------------------------------------------

    private SdkPojo createAlias(RequestContext ctx, CreateAliasRequest request) {
        validAliasName(request.aliasName()).notNull("targetKeyId", request.targetKeyId())
                .length("targetKeyId", request.targetKeyId(), 1, 2048).orThrow();
        requireCustomerAliasName(request.aliasName());
        String aliasArn = aliasArn(ctx, request.aliasName());
        if (keys.alias(ctx.accountId(), ctx.region(), request.aliasName()).isPresent()) {
            throw KmsErrors.alreadyExists("An alias with the name " + aliasArn + " already exists");
        }
        KmsKey target = aliasTarget(ctx, "CreateAlias", request.targetKeyId());
        if (!keys.createAlias(ctx.accountId(), ctx.region(), request.aliasName(), target.keyId(), now(ctx))) {
            throw KmsErrors.alreadyExists("An alias with the name " + aliasArn + " already exists");
        }
        return CreateAliasResponse.builder().build();
    }

    private SdkPojo updateAlias(RequestContext ctx, UpdateAliasRequest request) {
        validAliasName(request.aliasName()).notNull("targetKeyId", request.targetKeyId())
                .length("targetKeyId", request.targetKeyId(), 1, 2048).orThrow();
        requireCustomerAliasName(request.aliasName());
        if (keys.alias(ctx.accountId(), ctx.region(), request.aliasName()).isEmpty()) {
            throw aliasNotFound(aliasArn(ctx, request.aliasName()));
        }
        KmsKey target = aliasTarget(ctx, "UpdateAlias", request.targetKeyId());
        if (!keys.updateAlias(ctx.accountId(), ctx.region(), request.aliasName(), target.keyId(), now(ctx))) {
            throw aliasNotFound(aliasArn(ctx, request.aliasName()));
        }
        return UpdateAliasResponse.builder().build();
    }

    private SdkPojo deleteAlias(RequestContext ctx, DeleteAliasRequest request) {
        validAliasName(request.aliasName()).orThrow();
        requireCustomerAliasName(request.aliasName());
        Optional<KmsKeys.Alias> alias = keys.alias(ctx.accountId(), ctx.region(), request.aliasName());
        alias.flatMap(a -> keys.byId(a.targetKeyId())).filter(k -> inScope(k, ctx)).ifPresent(k -> ctx.touched(KEY_RESOURCE, k.arn()));
        if (alias.isEmpty() || !keys.deleteAlias(ctx.accountId(), ctx.region(), request.aliasName())) {
            throw aliasNotFound(aliasArn(ctx, request.aliasName()));
        }
        return DeleteAliasResponse.builder().build();
    }

    private SdkPojo listAliases(RequestContext ctx, ListAliasesRequest request) {
        validOptionalKeyId(request.keyId()).range("limit", request.limit(), 1, 1000).length("marker", request.marker(), 1, 1024)
                .pattern("marker", request.marker(), MARKER).orThrow();
        List<AliasListEntry> entries = new ArrayList<>();
        String listedKey = null;
        if (request.keyId() != null) {
            KmsKey key = key(ctx, "ListAliases", request.keyId(), Naming.KEY_OR_ALIAS);
            listedKey = key.arn();
            for (KmsKeys.Alias a : keys.aliases(ctx.accountId(), ctx.region())) {
                if (a.targetKeyId().equals(key.keyId())) entries.add(entry(a));
            }
        } else {
            boolean predefinedInUse = false;
            for (KmsKeys.Alias a : keys.aliases(ctx.accountId(), ctx.region())) {
                entries.add(entry(a));
                predefinedInUse |= KmsKeys.SECRETS_MANAGER_ALIAS.equals(a.aliasName());
            }
            if (!predefinedInUse) {
                // As in KMS, a predefined AWS alias is listed before its AWS managed key exists, without a target.
                entries.add(AliasListEntry.builder().aliasName(KmsKeys.SECRETS_MANAGER_ALIAS)
                        .aliasArn(aliasArn(ctx, KmsKeys.SECRETS_MANAGER_ALIAS)).build());
            }
        }
        entries.sort(Comparator.comparing(AliasListEntry::aliasName));
        int limit = Math.min(request.limit() == null ? ALIAS_LIMIT_DEFAULT : request.limit(), ALIAS_PAGE_MAX);
        List<String> binding = new ArrayList<>(1);
        binding.add(listedKey);                 // null (all aliases) is distinct from any key
        Page<AliasListEntry> page = page(ctx, "ListAliases", binding, entries, AliasListEntry::aliasName, request.marker(), limit);
        return ListAliasesResponse.builder().aliases(page.items()).nextMarker(page.nextMarker())
                .truncated(page.nextMarker() != null).build();
    }

    private static AliasListEntry entry(KmsKeys.Alias a) {
        return AliasListEntry.builder().aliasName(a.aliasName()).aliasArn(a.arn()).targetKeyId(a.targetKeyId())
                .creationDate(a.createdAt()).lastUpdatedDate(a.updatedAt()).build();
    }

    private static Validator validAliasName(String aliasName) {
        return Validator.check().notNull("aliasName", aliasName).length("aliasName", aliasName, 1, 256)
                .pattern("aliasName", aliasName, ALIAS_NAME);
    }

    /** Alias names as CreateAlias, UpdateAlias and DeleteAlias accept them: customer aliases only. */
    private static void requireCustomerAliasName(String aliasName) {
        if (!aliasName.startsWith(ALIAS_PREFIX)) {
            throw AwsException.validation("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (aliasName.startsWith(RESERVED_ALIAS_PREFIX)) {
            throw KmsErrors.notAuthorized("The alias " + aliasName + " begins with alias/aws/, which is reserved for AWS managed keys.");
        }
        if (aliasName.length() == ALIAS_PREFIX.length()) {
            throw KmsErrors.invalidAliasName("Alias must include a name after the prefix \"alias/\".");
        }
        if (aliasName.indexOf(':') >= 0) {
            throw KmsErrors.invalidAliasName(aliasName + " contains invalid characters for an alias");
        }
    }

    /** The key an alias is pointed at: a customer managed key of this account and Region, named by key ID or key ARN. */
    private KmsKey aliasTarget(RequestContext ctx, String action, String reference) {
        if (reference.startsWith(ALIAS_PREFIX) || reference.startsWith("arn:") && reference.contains(":alias/")) {
            throw AwsException.validation("Aliases must refer to keys. Not aliases");
        }
        KmsKey target = customerKey(ctx, action, reference);
        requireNotPendingDeletion(target);
        return target;
    }

    private static String aliasArn(RequestContext ctx, String aliasName) {
        return "arn:aws:kms:" + ctx.region() + ":" + ctx.accountId() + ":" + aliasName;
    }

    // ---- Tags ---------------------------------------------------------------------------------

    private SdkPojo tagResource(RequestContext ctx, TagResourceRequest request) {
        Validator v = validKeyId(request.keyId()).notNull("tags", request.hasTags() ? request.tags() : null);
        Map<String, String> tags = request.hasTags() ? validTags(v, request.tags()) : Map.of();
        v.orThrow();
        KmsKey key = customerKey(ctx, "TagResource", request.keyId());
        change(key, k -> {
            requireNotPendingDeletion(k);
            Map<String, String> merged = new LinkedHashMap<>(keys.tags(k.keyId()));
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS_PER_KEY) {
                throw tooManyTags();
            }
            keys.putTags(k.keyId(), tags);
            return k;
        });
        return TagResourceResponse.builder().build();
    }

    private SdkPojo untagResource(RequestContext ctx, UntagResourceRequest request) {
        Validator v = validKeyId(request.keyId()).notNull("tagKeys", request.hasTagKeys() ? request.tagKeys() : null);
        if (request.hasTagKeys()) {
            for (int i = 0; i < request.tagKeys().size(); i++) {
                v.length("tagKeys." + (i + 1) + ".member", request.tagKeys().get(i), 1, 128);
            }
        }
        v.orThrow();
        KmsKey key = customerKey(ctx, "UntagResource", request.keyId());
        change(key, k -> {
            requireNotPendingDeletion(k);
            keys.removeTags(k.keyId(), request.tagKeys());
            return k;
        });
        return UntagResourceResponse.builder().build();
    }

    private SdkPojo listResourceTags(RequestContext ctx, ListResourceTagsRequest request) {
        validKeyId(request.keyId()).range("limit", request.limit(), 1, 1000).length("marker", request.marker(), 1, 1024)
                .pattern("marker", request.marker(), MARKER).orThrow();
        KmsKey key = key(ctx, "ListResourceTags", request.keyId(), Naming.KEY);
        List<Tag> tags = keys.tags(key.keyId()).entrySet().stream()
                .map(e -> Tag.builder().tagKey(e.getKey()).tagValue(e.getValue()).build()).toList();
        int limit = Math.min(request.limit() == null ? TAG_PAGE_MAX : request.limit(), TAG_PAGE_MAX);
        Page<Tag> page = page(ctx, "ListResourceTags", List.of(key.arn()), tags, Tag::tagKey, request.marker(), limit);
        return ListResourceTagsResponse.builder().tags(page.items()).nextMarker(page.nextMarker())
                .truncated(page.nextMarker() != null).build();
    }

    /** Checks tags as the service model and KMS do; returns them in order, or collects what is wrong in {@code v}. */
    private static Map<String, String> validTags(Validator v, List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String member = "tags." + (i + 1) + ".member.";
            v.notNull(member + "tagKey", tag.tagKey()).length(member + "tagKey", tag.tagKey(), 1, 128)
                    .notNull(member + "tagValue", tag.tagValue()).length(member + "tagValue", tag.tagValue(), 0, 256);
        }
        if (v.failed()) {
            return out;
        }
        for (Tag tag : tags) {
            if (tag.tagKey().regionMatches(true, 0, "aws:", 0, 4)) {
                throw KmsErrors.tag("Tag keys beginning with aws: are reserved for AWS use.");
            }
            if (out.put(tag.tagKey(), tag.tagValue()) != null) {
                throw KmsErrors.tag("Duplicate tag keys: a tag key may appear only once in a request.");
            }
        }
        return out;
    }

    private static AwsException tooManyTags() {
        return KmsErrors.limitExceeded("A KMS key can have at most " + MAX_TAGS_PER_KEY + " tags.");
    }

    private static Instant now(RequestContext ctx) {
        return ctx.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static KeyMetadata metadata(KmsKey key) {
        KmsKeySpec spec = KmsKeySpec.of(key);
        KeyMetadata.Builder metadata = KeyMetadata.builder()
                .awsAccountId(key.accountId())
                .keyId(key.keyId())
                .arn(key.arn())
                .creationDate(key.createdAt())
                .enabled(key.usable())
                .description(key.description())
                .keyUsage(key.keyUsage())
                .keyState(key.keyState())
                .deletionDate(key.pendingDeletion() ? key.deletionAt() : null)
                .origin(key.origin())
                .keyManager(key.keyManager())
                .customerMasterKeySpec(key.keySpec())
                .keySpec(key.keySpec())
                .multiRegion(false);
        // Each list appears only for the usage it belongs to, as DescribeKey shows it.
        List<String> encryption = spec.encryptionAlgorithms(key.keyUsage());
        List<String> signing = spec.signingAlgorithms(key.keyUsage());
        if (!encryption.isEmpty()) {
            metadata.encryptionAlgorithmsWithStrings(encryption);
        }
        if (!signing.isEmpty()) {
            metadata.signingAlgorithmsWithStrings(signing);
        }
        if (!spec.macAlgorithms().isEmpty()) {
            metadata.macAlgorithmsWithStrings(spec.macAlgorithms());
        }
        return metadata.build();
    }

    // ---- Paging -------------------------------------------------------------------------------

    private record Page<T>(List<T> items, String nextMarker) {}

    /**
     * One page of {@code sorted} items after the position a marker names. A marker is opaque to
     * callers; it names the last item returned, so paging survives items added or removed
     * between pages. It is good only for {@code operation}, the caller's account and Region, and
     * {@code binding} (the key a per-key listing is of); not for the page size, which may change.
     */
    private <T> Page<T> page(RequestContext ctx, String operation, List<String> binding, List<T> sorted,
                             Function<T, String> position, String marker, int limit) {
        List<T> rest = sorted;
        if (marker != null) {
            String after = markers.open(ctx, operation, binding, marker);
            rest = sorted.stream().filter(item -> position.apply(item).compareTo(after) > 0).toList();
        }
        if (rest.size() <= limit) {
            return new Page<>(rest, null);
        }
        List<T> items = rest.subList(0, limit);
        String last = position.apply(items.get(items.size() - 1));
        return new Page<>(items, markers.issue(ctx, operation, binding, last));
    }

    private static AwsException invalidMarker() {
        return KmsErrors.invalidMarker("The marker is not valid. Use the NextMarker value of the previous response.");
    }
}
