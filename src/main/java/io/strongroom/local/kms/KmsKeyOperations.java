package io.strongroom.local.kms;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKeyFinder.Naming;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.TagResourceResponse;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceResponse;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static io.strongroom.local.kms.KmsKeyFinder.KEY_RESOURCE;
import static io.strongroom.local.kms.KmsKeyFinder.now;
import static io.strongroom.local.kms.KmsKeyFinder.requireNotPendingDeletion;
import static io.strongroom.local.kms.KmsKeyFinder.validKeyId;
import static io.strongroom.local.kms.KmsPaging.validPage;
import static io.strongroom.local.kms.KmsPolicies.POLICY_CHARACTERS;

/**
 * KMS's calls on keys themselves: CreateKey, DescribeKey, ListKeys, UpdateKeyDescription, the key
 * state (EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion) and the tags of a key
 * (TagResource, UntagResource, ListResourceTags). Rotation is {@link KmsRotations}, aliases
 * {@link KmsAliases}, the key policy {@link KmsPolicies}.
 */
final class KmsKeyOperations {

    private static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    private static final Pattern XKS_KEY_ID = Pattern.compile("^[a-zA-Z0-9-_.]+$");

    private static final int MAX_TAGS_PER_KEY = 50;
    private static final int KEY_LIMIT_DEFAULT = 100;
    private static final int TAG_PAGE_MAX = 50;

    private final KmsParts parts;

    KmsKeyOperations(KmsParts parts) {
        this.parts = parts;
    }

    SdkPojo createKey(RequestContext ctx, CreateKeyRequest request) {
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
        if (tags.size() > MAX_TAGS_PER_KEY) {
            throw tooManyTags();
        }
        if (request.policy() != null) {
            KmsPolicies.requireAcceptable(request.policy(), request.bypassPolicyLockoutSafetyCheck(),
                    policy -> parts.finder().access().decideForNewKey(ctx, "PutKeyPolicy", specName, usage, tags, policy));
        }
        KmsKey key = parts.keys().createCustomerKey(ctx.accountId(), ctx.region(), request.description(), request.policy(), tags, spec, usage,
                ctx.now());
        ctx.touched(KEY_RESOURCE, key.arn());
        return CreateKeyResponse.builder().keyMetadata(metadata(key)).build();
    }

    SdkPojo describeKey(RequestContext ctx, DescribeKeyRequest request) {
        validKeyId(request.keyId()).size("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 10).orThrow();
        KmsKey key = parts.finder().key(ctx, "DescribeKey", request.keyId(), Naming.KEY_OR_ALIAS_CREATING_PREDEFINED);
        return DescribeKeyResponse.builder().keyMetadata(metadata(key)).build();
    }

    SdkPojo listKeys(RequestContext ctx, ListKeysRequest request) {
        validPage(Validator.check(), request.limit(), request.marker()).orThrow();
        KmsPaging.Page<KmsKey> page = parts.paging().page(ctx, "ListKeys", List.of(), parts.keys().list(ctx.accountId(), ctx.region()),
                KmsKeyOperations::listingPosition, request.marker(), request.limit() == null ? KEY_LIMIT_DEFAULT : request.limit());
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

    SdkPojo updateKeyDescription(RequestContext ctx, UpdateKeyDescriptionRequest request) {
        validKeyId(request.keyId()).notNull("description", request.description())
                .length("description", request.description(), 0, 8192).orThrow();
        changeUnlessPendingDeletion(ctx, "UpdateKeyDescription", request.keyId(), k -> k.withDescription(request.description()));
        return UpdateKeyDescriptionResponse.builder().build();
    }

    SdkPojo enableKey(RequestContext ctx, EnableKeyRequest request) {
        validKeyId(request.keyId()).orThrow();
        changeUnlessPendingDeletion(ctx, "EnableKey", request.keyId(), k -> k.usable() ? k : k.withState(KmsKey.ENABLED, null));
        return EnableKeyResponse.builder().build();
    }

    SdkPojo disableKey(RequestContext ctx, DisableKeyRequest request) {
        validKeyId(request.keyId()).orThrow();
        changeUnlessPendingDeletion(ctx, "DisableKey", request.keyId(), k -> k.usable() ? k.withState(KmsKey.DISABLED, null) : k);
        return DisableKeyResponse.builder().build();
    }

    /**
     * Changes a customer managed key the caller named, refused as KMS refuses it while the key is
     * pending deletion (checked on the key as it is when the change is made).
     */
    private void changeUnlessPendingDeletion(RequestContext ctx, String action, String keyId, UnaryOperator<KmsKey> change) {
        KmsKey key = parts.finder().key(ctx, action, keyId, Naming.KEY);
        parts.finder().change(key, k -> {
            requireNotPendingDeletion(k);
            return change.apply(k);
        });
    }

    SdkPojo scheduleKeyDeletion(RequestContext ctx, ScheduleKeyDeletionRequest request) {
        // The service model allows 1 to 365 days; KMS itself accepts 7 to 30.
        validKeyId(request.keyId()).range("pendingWindowInDays", request.pendingWindowInDays(), 7, 30).orThrow();
        int days = request.pendingWindowInDays() == null ? 30 : request.pendingWindowInDays();
        KmsKey key = parts.finder().key(ctx, "ScheduleKeyDeletion", request.keyId(), Naming.KEY);
        Instant deletion = now(ctx).plus(Duration.ofDays(days));
        KmsKey scheduled = parts.finder().change(key, k -> {
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

    SdkPojo cancelKeyDeletion(RequestContext ctx, CancelKeyDeletionRequest request) {
        validKeyId(request.keyId()).orThrow();
        KmsKey key = parts.finder().key(ctx, "CancelKeyDeletion", request.keyId(), Naming.KEY);
        KmsKey cancelled = parts.finder().change(key, k -> {
            if (!k.pendingDeletion()) {
                throw KmsErrors.invalidState(k.arn() + " is not pending deletion.");
            }
            // As in KMS, a key whose deletion is cancelled comes back disabled, not enabled.
            return k.withState(KmsKey.DISABLED, null);
        });
        return CancelKeyDeletionResponse.builder().keyId(cancelled.arn()).build();
    }

    SdkPojo tagResource(RequestContext ctx, TagResourceRequest request) {
        Validator v = validKeyId(request.keyId()).notNull("tags", request.hasTags() ? request.tags() : null);
        Map<String, String> tags = request.hasTags() ? validTags(v, request.tags()) : Map.of();
        v.orThrow();
        KmsKey key = parts.finder().key(ctx, "TagResource", request.keyId(), Naming.KEY);
        parts.finder().change(key, k -> {
            requireNotPendingDeletion(k);
            Map<String, String> merged = new LinkedHashMap<>(parts.keys().tags(k.keyId()));
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS_PER_KEY) {
                throw tooManyTags();
            }
            parts.keys().putTags(k.keyId(), tags);
            return k;
        });
        return TagResourceResponse.builder().build();
    }

    SdkPojo untagResource(RequestContext ctx, UntagResourceRequest request) {
        Validator v = validKeyId(request.keyId()).notNull("tagKeys", request.hasTagKeys() ? request.tagKeys() : null);
        if (request.hasTagKeys()) {
            for (int i = 0; i < request.tagKeys().size(); i++) {
                v.length("tagKeys." + (i + 1) + ".member", request.tagKeys().get(i), 1, 128);
            }
        }
        v.orThrow();
        KmsKey key = parts.finder().key(ctx, "UntagResource", request.keyId(), Naming.KEY);
        parts.finder().change(key, k -> {
            requireNotPendingDeletion(k);
            parts.keys().removeTags(k.keyId(), request.tagKeys());
            return k;
        });
        return UntagResourceResponse.builder().build();
    }

    SdkPojo listResourceTags(RequestContext ctx, ListResourceTagsRequest request) {
        validPage(validKeyId(request.keyId()), request.limit(), request.marker()).orThrow();
        KmsKey key = parts.finder().key(ctx, "ListResourceTags", request.keyId(), Naming.KEY);
        List<Tag> tags = parts.keys().tags(key.keyId()).entrySet().stream()
                .map(e -> Tag.builder().tagKey(e.getKey()).tagValue(e.getValue()).build()).toList();
        int limit = Math.min(request.limit() == null ? TAG_PAGE_MAX : request.limit(), TAG_PAGE_MAX);
        KmsPaging.Page<Tag> page = parts.paging().page(ctx, "ListResourceTags", List.of(key.arn()), tags, Tag::tagKey, request.marker(), limit);
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
}
