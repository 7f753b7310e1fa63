package io.strongroom.local.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.crypto.Aead;
import io.strongroom.local.crypto.CryptoException;
import io.strongroom.local.http.AwsException;
import io.strongroom.local.http.BoundTokens;
import io.strongroom.local.http.JsonCodec;
import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.RequestContext;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasResponse;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
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
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
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
 * This endpoint creates symmetric encryption keys only ({@code SYMMETRIC_DEFAULT}, {@code
 * ENCRYPT_DECRYPT}, origin {@code AWS_KMS}, single-Region); other kinds are refused with
 * {@code UnsupportedOperationException}.
 */
public final class KmsApi {

    private static final String KEY_RESOURCE = "AWS::KMS::Key";
    private static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    private static final String ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT";
    private static final String DEFAULT_POLICY_NAME = "default";
    private static final String ALIAS_PREFIX = "alias/";
    private static final String RESERVED_ALIAS_PREFIX = "alias/aws/";

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
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

    private final KmsKeys keys;
    private final BoundTokens markers = new BoundTokens(KmsApi::invalidMarker);

    public KmsApi(KmsKeys keys) {
        this.keys = keys;
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
                .quota("kms:crypto")
                .read("Encrypt", EncryptRequest::builder, this::encrypt)
                .read("Decrypt", DecryptRequest::builder, this::decrypt)
                .read("GenerateDataKey", GenerateDataKeyRequest::builder, this::generateDataKey)
                .read("GenerateDataKeyWithoutPlaintext", GenerateDataKeyWithoutPlaintextRequest::builder,
                        this::generateDataKeyWithoutPlaintext)
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
        KmsValidation v = KmsValidation.check()
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
        String spec = request.keySpecAsString() != null ? request.keySpecAsString()
                : request.customerMasterKeySpecAsString() != null ? request.customerMasterKeySpecAsString() : SYMMETRIC_DEFAULT;
        String usage = request.keyUsageAsString() == null ? ENCRYPT_DECRYPT : request.keyUsageAsString();
        if (!SYMMETRIC_DEFAULT.equals(spec)) {
            throw KmsErrors.unsupported("KeySpec " + spec + " is not supported by this endpoint, which creates "
                    + SYMMETRIC_DEFAULT + " keys only.");
        }
        if (!ENCRYPT_DECRYPT.equals(usage)) {
            throw AwsException.validation("KeyUsage " + usage + " is not compatible with KeySpec " + spec + ".");
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
        KmsKey key = keys.createCustomerKey(ctx.accountId(), ctx.region(), request.description(), request.policy(), tags, ctx.now());
        ctx.touched(KEY_RESOURCE, key.arn());
        return CreateKeyResponse.builder().keyMetadata(metadata(key)).build();
    }

    private SdkPojo describeKey(RequestContext ctx, DescribeKeyRequest request) {
        validKeyId(request.keyId()).size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        KmsKey key = key(ctx, "DescribeKey", request.keyId(), Naming.KEY_OR_ALIAS_CREATING_PREDEFINED);
        return DescribeKeyResponse.builder().keyMetadata(metadata(key)).build();
    }

    private SdkPojo listKeys(RequestContext ctx, ListKeysRequest request) {
        KmsValidation.check().range("limit", request.limit(), 1, 1000).length("marker", request.marker(), 1, 1024)
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
        change(key, k -> {
            requireEnabled(k);
            return k.rotationEnabled() ? k.withRotation(false, null, null) : k;
        });
        return DisableKeyRotationResponse.builder().build();
    }

    private SdkPojo getKeyRotationStatus(RequestContext ctx, GetKeyRotationStatusRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = key(ctx, "GetKeyRotationStatus", request.keyId(), Naming.KEY);
        // While a key is pending deletion KMS reports rotation off; cancelling brings the setting back.
        boolean on = key.rotationEnabled() && !key.pendingDeletion();
        return GetKeyRotationStatusResponse.builder()
                .keyId(key.keyId())
                .keyRotationEnabled(on)
                .rotationPeriodInDays(on ? key.rotationPeriodDays() : null)
                .nextRotationDate(on ? key.nextRotationAt() : null)
                .build();
    }

    private SdkPojo rotateKeyOnDemand(RequestContext ctx, RotateKeyOnDemandRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = customerKey(ctx, "RotateKeyOnDemand", request.keyId());
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

    private static KmsValidation validAliasName(String aliasName) {
        return KmsValidation.check().notNull("aliasName", aliasName).length("aliasName", aliasName, 1, 256)
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

    private static AwsException aliasNotFound(String aliasArn) {
        return KmsErrors.notFound("Alias " + aliasArn + " is not found.");
    }

    // ---- Tags ---------------------------------------------------------------------------------

    private SdkPojo tagResource(RequestContext ctx, TagResourceRequest request) {
        KmsValidation v = validKeyId(request.keyId()).notNull("tags", request.hasTags() ? request.tags() : null);
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
        KmsValidation v = validKeyId(request.keyId()).notNull("tagKeys", request.hasTagKeys() ? request.tagKeys() : null);
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
    private static Map<String, String> validTags(KmsValidation v, List<Tag> tags) {
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

    // ---- Cryptography -------------------------------------------------------------------------

    private SdkPojo encrypt(RequestContext ctx, EncryptRequest request) {
        validKeyId(request.keyId()).notNull("plaintext", request.plaintext()).length("plaintext", request.plaintext(), 1, 4096)
                .oneOf("encryptionAlgorithm", request.encryptionAlgorithmAsString(), EncryptionAlgorithmSpec.knownValues())
                .size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        KmsKey key = key(ctx, "Encrypt", request.keyId(), Naming.KEY_OR_ALIAS);
        requireDirectUse(ctx, "Encrypt", key);
        requireEnabled(key);
        requireSymmetricAlgorithm(key, request.encryptionAlgorithmAsString(), "Encrypt");
        if (Boolean.TRUE.equals(request.dryRun())) {
            throw KmsErrors.dryRun();
        }
        byte[] blob = keys.encrypt(key, request.plaintext().asByteArrayUnsafe(), request.encryptionContext());
        return EncryptResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(blob))
                .keyId(key.arn())
                .encryptionAlgorithm(SYMMETRIC_DEFAULT)
                .build();
    }

    private SdkPojo decrypt(RequestContext ctx, DecryptRequest request) {
        validOptionalKeyId(request.keyId()).notNull("ciphertextBlob", request.ciphertextBlob())
                .length("ciphertextBlob", request.ciphertextBlob(), 1, 6144)
                .oneOf("encryptionAlgorithm", request.encryptionAlgorithmAsString(), EncryptionAlgorithmSpec.knownValues())
                .size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        if (request.recipient() != null) {
            throw KmsErrors.unsupported("Recipient (attested environments) is not supported by this endpoint.");
        }
        byte[] blob = request.ciphertextBlob().asByteArrayUnsafe();
        // Only a well-formed key ID from the blob may reach a message; anything else is a damaged blob.
        String blobKeyId = KmsKeys.keyIdOf(blob).filter(id -> KEY_ID.matcher(id).matches())
                .orElseThrow(KmsApi::invalidCiphertext);
        KmsKey key;
        if (request.keyId() != null) {
            key = key(ctx, "Decrypt", request.keyId(), Naming.KEY_OR_ALIAS);
            if (!key.keyId().equals(blobKeyId)) {
                throw KmsErrors.incorrectKey("The key ID in the request does not identify a CMK that can perform this operation.");
            }
        } else {
            // A blob made under another account's key names that key: refused as KMS refuses it without a key policy grant.
            Optional<KmsKey> owner = keys.byId(blobKeyId);
            if (owner.isPresent() && owner.get().region().equals(ctx.region()) && !owner.get().accountId().equals(ctx.accountId())) {
                throw denied(ctx, "Decrypt", owner.get());
            }
            key = key(ctx, "Decrypt", blobKeyId, Naming.KEY);
        }
        requireDirectUse(ctx, "Decrypt", key);
        requireEnabled(key);
        requireSymmetricAlgorithm(key, request.encryptionAlgorithmAsString(), "Decrypt");
        if (Boolean.TRUE.equals(request.dryRun())) {
            throw KmsErrors.dryRun();
        }
        byte[] plaintext;
        try {
            plaintext = keys.decrypt(key, blob, request.encryptionContext());
        } catch (CryptoException e) {
            throw invalidCiphertext();
        }
        return DecryptResponse.builder()
                .plaintext(SdkBytes.fromByteArrayUnsafe(plaintext))
                .keyId(key.arn())
                .encryptionAlgorithm(SYMMETRIC_DEFAULT)
                .build();
    }

    private static AwsException invalidCiphertext() {
        // Which check failed (blob damaged, wrong context, unknown generation) is deliberately not told.
        return KmsErrors.invalidCiphertext("The ciphertext is not valid for this key, or the encryption context does not match "
                + "the one it was encrypted with.");
    }

    private SdkPojo generateDataKey(RequestContext ctx, GenerateDataKeyRequest request) {
        if (request.recipient() != null) {
            throw KmsErrors.unsupported("Recipient (attested environments) is not supported by this endpoint.");
        }
        DataKey dataKey = dataKey(ctx, "GenerateDataKey", request.keyId(), request.keySpecAsString(), request.numberOfBytes(),
                request.encryptionContext(), request.hasGrantTokens() ? request.grantTokens() : null, request.dryRun());
        return GenerateDataKeyResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(dataKey.ciphertext()))
                .plaintext(SdkBytes.fromByteArrayUnsafe(dataKey.plaintext()))
                .keyId(dataKey.key().arn())
                .build();
    }

    private SdkPojo generateDataKeyWithoutPlaintext(RequestContext ctx, GenerateDataKeyWithoutPlaintextRequest request) {
        DataKey dataKey = dataKey(ctx, "GenerateDataKeyWithoutPlaintext", request.keyId(), request.keySpecAsString(),
                request.numberOfBytes(), request.encryptionContext(), request.hasGrantTokens() ? request.grantTokens() : null,
                request.dryRun());
        return GenerateDataKeyWithoutPlaintextResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(dataKey.ciphertext()))
                .keyId(dataKey.key().arn())
                .build();
    }

    private record DataKey(KmsKey key, byte[] plaintext, byte[] ciphertext) {}

    private DataKey dataKey(RequestContext ctx, String action, String keyId, String keySpec, Integer numberOfBytes,
                            Map<String, String> context, List<String> grantTokens, Boolean dryRun) {
        validKeyId(keyId).oneOf("keySpec", keySpec, DataKeySpec.knownValues()).range("numberOfBytes", numberOfBytes, 1, 1024)
                .size("grantTokens", grantTokens, 10).orThrow();
        if ((keySpec == null) == (numberOfBytes == null)) {
            throw AwsException.validation("Please specify either number of bytes or key spec.");
        }
        int length = numberOfBytes != null ? numberOfBytes : "AES_128".equals(keySpec) ? 16 : 32;
        KmsKey key = key(ctx, action, keyId, Naming.KEY_OR_ALIAS);
        requireDirectUse(ctx, action, key);
        requireEnabled(key);
        if (Boolean.TRUE.equals(dryRun)) {
            throw KmsErrors.dryRun();
        }
        byte[] plaintext = Aead.randomBytes(length);
        return new DataKey(key, plaintext, keys.encrypt(key, plaintext, context));
    }

    private static void requireSymmetricAlgorithm(KmsKey key, String algorithm, String action) {
        if (algorithm != null && !SYMMETRIC_DEFAULT.equals(algorithm)) {
            throw KmsErrors.invalidKeyUsage("The encryption algorithm " + algorithm + " is not valid for " + action + " with "
                    + key.arn() + ", whose key spec is " + key.keySpec() + ".");
        }
    }

    // ---- Finding keys -------------------------------------------------------------------------

    /** How an operation lets its caller name a key. */
    private enum Naming {
        /** Key ID or key ARN. */
        KEY,
        /** Key ID, key ARN, alias name or alias ARN. */
        KEY_OR_ALIAS,
        /** As {@link #KEY_OR_ALIAS}; a predefined AWS alias with no key yet gets its AWS managed key (DescribeKey). */
        KEY_OR_ALIAS_CREATING_PREDEFINED
    }

    /** A key or alias reference, parsed: alias references have an alias name, key references a key ID. */
    private record Reference(String accountId, String region, String keyId, String aliasName) {
        String arn() {
            return "arn:aws:kms:" + region + ":" + accountId + ":" + (aliasName != null ? aliasName : "key/" + keyId);
        }
    }

    /**
     * Finds the key a caller named, or fails as KMS does: a malformed key ID or an ARN of another
     * Region is {@code NotFoundException}, a malformed ARN {@code InvalidArnException}, a key that
     * does not exist {@code NotFoundException} naming its ARN. A key of another account is refused
     * with {@code AccessDeniedException}: cross-account use needs a key policy that allows it, and
     * this store does not evaluate key policies yet. The key found is named in the audit event.
     *
     * <p>The account and Region are taken from the key's record, never from the text of an ARN
     * (a Region name could once smuggle another account's ARN prefix in): a key whose record does
     * not match the reference and the caller's Region, or an alias whose key is not the caller's
     * own, is not found.
     */
    private KmsKey key(RequestContext ctx, String action, String reference, Naming naming) {
        Reference ref = parse(ctx, reference, naming != Naming.KEY);
        KmsKey key;
        if (ref.aliasName() != null) {
            if (!ref.accountId().equals(ctx.accountId())) {
                throw aliasNotFound(ref.arn());
            }
            Optional<KmsKeys.Alias> alias = keys.alias(ctx.accountId(), ctx.region(), ref.aliasName());
            if (alias.isEmpty() && naming == Naming.KEY_OR_ALIAS_CREATING_PREDEFINED
                    && KmsKeys.SECRETS_MANAGER_ALIAS.equals(ref.aliasName())) {
                key = keys.secretsManagerKey(ctx.accountId(), ctx.region(), ctx.now());
            } else {
                key = alias.flatMap(a -> keys.byId(a.targetKeyId())).orElseThrow(() -> aliasNotFound(ref.arn()));
            }
            if (!inScope(key, ctx)) {
                throw aliasNotFound(ref.arn());     // an alias leads only to a key of its own account and Region
            }
        } else {
            key = keys.byId(ref.keyId())
                    .filter(k -> k.accountId().equals(ref.accountId()) && k.region().equals(ref.region()))
                    .filter(k -> k.region().equals(ctx.region()))
                    .orElseThrow(() -> keyNotFound(ref.arn()));
            if (!key.accountId().equals(ctx.accountId())) {
                // Named by its own, well-formed ARN in the caller's Region: another account's key, as KMS refuses it.
                throw denied(ctx, action, key);
            }
        }
        ctx.touched(KEY_RESOURCE, key.arn());
        return key;
    }

    private static Reference parse(RequestContext ctx, String reference, boolean aliases) {
        if (reference.startsWith("arn:")) {
            String[] parts = reference.split(":", 6);
            if (parts.length < 6 || !parts[1].startsWith("aws") || !"kms".equals(parts[2]) || parts[3].isEmpty()
                    || !ACCOUNT_ID.matcher(parts[4]).matches()) {
                throw KmsErrors.invalidArn("Invalid arn " + reference);
            }
            String resource = parts[5];
            boolean keyArn = resource.startsWith("key/") && resource.length() > 4;
            boolean aliasArn = resource.startsWith(ALIAS_PREFIX) && resource.length() > ALIAS_PREFIX.length();
            if (!keyArn && !aliasArn) {
                throw KmsErrors.invalidArn("Invalid arn " + reference);
            }
            if (aliasArn && !aliases) {
                throw KmsErrors.invalidArn("Key Aliases are not supported for this operation");
            }
            if (!REGION.matcher(parts[3]).matches() || !parts[3].equals(ctx.region())) {
                throw KmsErrors.notFound("Invalid arn " + parts[3]);
            }
            return keyArn ? new Reference(parts[4], parts[3], resource.substring(4), null)
                    : new Reference(parts[4], parts[3], null, resource);
        }
        if (aliases && reference.startsWith(ALIAS_PREFIX)) {
            return new Reference(ctx.accountId(), ctx.region(), null, reference);
        }
        if (!KEY_ID.matcher(reference).matches()) {
            throw KmsErrors.notFound("Invalid keyId '" + reference + "'");
        }
        return new Reference(ctx.accountId(), ctx.region(), reference, null);
    }

    /** Whether a key lives in the caller's own account and Region, by its record. */
    private static boolean inScope(KmsKey key, RequestContext ctx) {
        return key.accountId().equals(ctx.accountId()) && key.region().equals(ctx.region());
    }

    /** A key named by key ID or ARN that the caller may manage: customer managed keys only. */
    private KmsKey customerKey(RequestContext ctx, String action, String reference) {
        KmsKey key = key(ctx, action, reference, Naming.KEY);
        if (key.awsManaged()) {
            throw denied(ctx, action, key);
        }
        return key;
    }

    /** AWS managed keys are used by their service on a principal's behalf, never by the principal directly. */
    private static void requireDirectUse(RequestContext ctx, String action, KmsKey key) {
        if (key.awsManaged()) {
            throw denied(ctx, action, key);
        }
    }

    private static AwsException denied(RequestContext ctx, String action, KmsKey key) {
        return AwsException.accessDenied("User: " + ctx.caller().arn() + " is not authorized to perform: kms:" + action
                + " on resource: " + key.arn() + " because no resource-based policy allows the kms:" + action + " action");
    }

    private static AwsException keyNotFound(String keyArn) {
        return KmsErrors.notFound("Key '" + keyArn + "' does not exist");
    }

    private static void requireEnabled(KmsKey key) {
        requireNotPendingDeletion(key);
        if (!key.usable()) {
            throw KmsErrors.disabled(key.arn() + " is disabled.");
        }
    }

    private static void requireNotPendingDeletion(KmsKey key) {
        if (key.pendingDeletion()) {
            throw KmsErrors.invalidState(key.arn() + " is pending deletion.");
        }
    }

    /** Applies a change to the key's current record (state checks inside run under the engine's lock). */
    private KmsKey change(KmsKey key, UnaryOperator<KmsKey> change) {
        return keys.change(key.keyId(), change).orElseThrow(() -> keyNotFound(key.arn()));
    }

    private static KmsValidation validKeyId(String keyId) {
        return KmsValidation.check().notNull("keyId", keyId).length("keyId", keyId, 1, 2048);
    }

    private static KmsValidation validOptionalKeyId(String keyId) {
        return KmsValidation.check().length("keyId", keyId, 1, 2048);
    }

    private static Instant now(RequestContext ctx) {
        return ctx.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static KeyMetadata metadata(KmsKey key) {
        return KeyMetadata.builder()
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
                .encryptionAlgorithmsWithStrings(SYMMETRIC_DEFAULT)
                .multiRegion(false)
                .build();
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
