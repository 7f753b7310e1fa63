package io.strongroom.local.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.http.JsonCodec;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKeyFinder.Naming;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyResponse;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static io.strongroom.local.kms.KmsPaging.validPage;
import static io.strongroom.local.kms.KmsKeyFinder.validKeyId;
import static io.strongroom.local.kms.KmsPolicies.requireWellFormedPolicy;

/**
 * The key policy of a key: GetKeyPolicy, PutKeyPolicy and ListKeyPolicies. A key has one policy,
 * named {@code default}; a policy is checked for its shape, not evaluated.
 */
final class KmsPolicies {

    static final Pattern POLICY_CHARACTERS = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");

    private static final String DEFAULT_POLICY_NAME = "default";
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w]+");

    private final KmsParts parts;

    KmsPolicies(KmsParts parts) {
        this.parts = parts;
    }

    SdkPojo getKeyPolicy(RequestContext ctx, GetKeyPolicyRequest request) {
        validKeyId(request.keyId()).length("policyName", request.policyName(), 1, 128)
                .pattern("policyName", request.policyName(), POLICY_NAME).orThrow();
        KmsKey key = parts.finder().key(ctx, "GetKeyPolicy", request.keyId(), Naming.KEY);
        if (request.policyName() != null && !DEFAULT_POLICY_NAME.equals(request.policyName())) {
            throw KmsErrors.notFound("No such policy exists: " + request.policyName()
                    + ". The only key policy name is " + DEFAULT_POLICY_NAME + ".");
        }
        return GetKeyPolicyResponse.builder().policy(key.policy()).policyName(DEFAULT_POLICY_NAME).build();
    }

    SdkPojo putKeyPolicy(RequestContext ctx, PutKeyPolicyRequest request) {
        validKeyId(request.keyId()).length("policyName", request.policyName(), 1, 128)
                .pattern("policyName", request.policyName(), POLICY_NAME)
                .notNull("policy", request.policy())
                .unshownLength("policy", request.policy(), 1, 131_072)
                .unshownPattern("policy", request.policy(), POLICY_CHARACTERS).orThrow();
        KmsKey key = parts.finder().customerKey(ctx, "PutKeyPolicy", request.keyId());
        if (request.policyName() != null && !DEFAULT_POLICY_NAME.equals(request.policyName())) {
            throw KmsErrors.unsupported("Only the " + DEFAULT_POLICY_NAME + " key policy is supported.");
        }
        requireWellFormedPolicy(request.policy());
        parts.finder().change(key, k -> k.withPolicy(request.policy()));
        return PutKeyPolicyResponse.builder().build();
    }

    SdkPojo listKeyPolicies(RequestContext ctx, ListKeyPoliciesRequest request) {
        validPage(validKeyId(request.keyId()), request.limit(), request.marker()).orThrow();
        KmsKey key = parts.finder().key(ctx, "ListKeyPolicies", request.keyId(), Naming.KEY);
        if (request.marker() != null) {
            // One policy, one page: no marker is ever handed out for this listing, so none is good for it.
            parts.paging().open(ctx, "ListKeyPolicies", List.of(key.arn()), request.marker());
        }
        return ListKeyPoliciesResponse.builder().policyNames(DEFAULT_POLICY_NAME).truncated(false).build();
    }

    /**
     * A key policy must be a JSON object with at least one statement, each allowing or denying.
     * KMS checks more (principals must exist, the caller must not lock itself out); those checks
     * belong with policy evaluation, which this store does not do for key policies yet.
     */
    static void requireWellFormedPolicy(String policy) {
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
}
