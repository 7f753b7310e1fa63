package io.strongroom.local.kms;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.PolicyCache;
import io.strongroom.local.policy.Decision;
import io.strongroom.local.policy.NamedPolicy;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a caller may perform a KMS action on a key, as KMS decides it: the key policy always
 * takes part (it allows the principal itself, or names the account so that IAM policies may), and
 * a principal of another account needs both the key policy and its own identity policy. Only the
 * operations AWS lets other accounts perform are evaluated across accounts; any other one on a key
 * of another account is refused whatever the policies say, as the API Reference has it for each
 * operation ("Cross-account use: No").
 *
 * <p>The condition keys KMS sets on every request on a key are added here ({@code kms:CallerAccount},
 * {@code kms:KeyOrigin}, {@code kms:KeySpec}, {@code kms:KeyUsage}, their legacy
 * {@code kms:CustomerMasterKey...} names, {@code kms:MultiRegion}, {@code aws:ResourceTag/...} and
 * {@code kms:RequestAlias} when the key was named by an alias); the operation adds the keys of its
 * request (encryption context, algorithms) through {@link #crypto} and {@link #with}.
 */
final class KmsKeyAccess {

    /**
     * The operations whose API Reference entry says "Cross-account use: Yes" (with ReEncrypt's two
     * permissions); the grant operations, which this store does not have, are left out.
     */
    static final Set<String> CROSS_ACCOUNT_ACTIONS = Set.of("DescribeKey", "GetKeyRotationStatus", "GetPublicKey",
            "Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "Sign", "Verify", "GenerateMac", "VerifyMac");

    /** AWS's message when a new key policy would lock its writer out (PutKeyPolicy and CreateKey). */
    static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";

    private final KmsKeys keys;
    private final PolicyCache policies = new PolicyCache();

    KmsKeyAccess(KmsKeys keys) {
        this.keys = keys;
    }

    static boolean crossAccount(String action) {
        return CROSS_ACCOUNT_ACTIONS.contains(action);
    }

    /**
     * Refuses the request with AWS's AccessDeniedException unless the caller may perform
     * {@code kms:ACTION} on {@code key}. {@code requestAlias} is the alias name the caller named
     * the key by, or null.
     */
    void authorize(RequestContext ctx, String action, KmsKey key, String requestAlias, Map<String, List<String>> requestConditions) {
        if (!key.accountId().equals(ctx.accountId()) && !crossAccount(action)) {
            throw KmsKeyFinder.denied(ctx, action, key);
        }
        ctx.authorize("kms:" + action, target(ctx, key, keyPolicy(key), requestAlias, requestConditions));
    }

    /**
     * Refuses the request unless the caller's identity policies allow {@code kms:ACTION} on an
     * alias of its own account (CreateAlias, UpdateAlias, DeleteAlias): aliases have no policy of
     * their own, and KMS checks the alias as well as its key.
     */
    void authorizeAlias(RequestContext ctx, String action, String aliasArn) {
        ctx.authorize("kms:" + action, AccessTarget.resource(aliasArn, ctx.accountId(), null,
                Map.of("kms:CallerAccount", List.of(ctx.accountId()))));
    }

    /**
     * Whether the caller could perform {@code kms:ACTION} on {@code key} if its key policy were
     * {@code policy} (the lock-out check of PutKeyPolicy).
     */
    Decision decideUnder(RequestContext ctx, String action, KmsKey key, NamedPolicy policy) {
        return ctx.decide("kms:" + action, target(ctx, key, policy, null, Map.of()));
    }

    /** As {@link #decideUnder} for a key not made yet (CreateKey with a policy): only its account and Region are known. */
    Decision decideForNewKey(RequestContext ctx, String action, String keySpec, String keyUsage, Map<String, String> tags,
                             NamedPolicy policy) {
        String arn = "arn:aws:kms:" + ctx.region() + ":" + ctx.accountId() + ":key/*";
        Map<String, List<String>> conditions = new HashMap<>();
        conditions.put("kms:CallerAccount", List.of(ctx.accountId()));
        conditions.put("kms:KeySpec", List.of(keySpec));
        conditions.put("kms:KeyUsage", List.of(keyUsage));
        conditions.put("kms:KeyOrigin", List.of("AWS_KMS"));
        tags.forEach((k, v) -> conditions.put("aws:ResourceTag/" + k, List.of(v)));
        return ctx.decide("kms:" + action, AccessTarget.kmsKey(arn, ctx.accountId(), policy, conditions));
    }

    private AccessTarget target(RequestContext ctx, KmsKey key, NamedPolicy policy, String requestAlias,
                                Map<String, List<String>> requestConditions) {
        Map<String, List<String>> conditions = new HashMap<>(requestConditions);
        conditions.put("kms:CallerAccount", List.of(ctx.accountId()));
        conditions.put("kms:KeyOrigin", List.of(key.origin()));
        conditions.put("kms:KeySpec", List.of(key.keySpec()));
        conditions.put("kms:KeyUsage", List.of(key.keyUsage()));
        conditions.put("kms:CustomerMasterKeySpec", List.of(key.keySpec()));
        conditions.put("kms:CustomerMasterKeyUsage", List.of(key.keyUsage()));
        conditions.put("kms:MultiRegion", List.of("false"));
        if (requestAlias != null) {
            conditions.put("kms:RequestAlias", List.of(requestAlias));
        }
        keys.tags(key.keyId()).forEach((k, v) -> conditions.put("aws:ResourceTag/" + k, List.of(v)));
        return AccessTarget.kmsKey(key.arn(), key.accountId(), policy, conditions);
    }

    /** The key's policy, parsed once per text. */
    NamedPolicy keyPolicy(KmsKey key) {
        return policies.resourcePolicy(key.arn(), key.policy());
    }

    /**
     * A key policy as PutKeyPolicy and CreateKey accept it: valid under the resource-policy grammar,
     * where a repeated Sid is allowed (AWS's own policies for AWS managed keys repeat one). Refused
     * with MalformedPolicyDocumentException naming the first problem.
     */
    static NamedPolicy requireValidPolicy(String name, String text) {
        ParsedPolicy parsed = PolicyParser.parse(text, PolicyType.RESOURCE_POLICY);
        if (!PolicyCache.evaluable(parsed)) {
            var first = parsed.errors().stream().filter(f -> !"UNIQUE_SIDS_REQUIRED".equals(f.issueCode())).findFirst();
            throw KmsErrors.malformedPolicy(first.map(f -> (f.location().isEmpty() ? "" : f.location() + ": ") + f.message())
                    .orElse("The key policy is not a valid policy document."));
        }
        return new NamedPolicy(name, parsed.document());
    }

    /**
     * The condition keys of a cryptographic request: {@code kms:EncryptionContext:KEY} for each
     * pair of its encryption context and {@code kms:EncryptionContextKeys} (absent when it has none),
     * and the algorithm under {@code algorithmKey} ({@code kms:EncryptionAlgorithm},
     * {@code kms:SigningAlgorithm}, {@code kms:MacAlgorithm}) when there is one.
     */
    static Map<String, List<String>> crypto(Map<String, String> encryptionContext, String algorithmKey, String algorithm) {
        Map<String, List<String>> conditions = new HashMap<>();
        if (encryptionContext != null && !encryptionContext.isEmpty()) {
            encryptionContext.forEach((k, v) -> conditions.put("kms:EncryptionContext:" + k, List.of(v)));
            conditions.put("kms:EncryptionContextKeys", List.copyOf(encryptionContext.keySet()));
        }
        if (algorithm != null) {
            conditions.put(algorithmKey, List.of(algorithm));
        }
        return conditions;
    }

    /** One condition key, or none when {@code value} is null. */
    static Map<String, List<String>> with(String key, String value) {
        return value == null ? Map.of() : Map.of(key, List.of(value));
    }
}
