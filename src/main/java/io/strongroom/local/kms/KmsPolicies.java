package io.strongroom.local.kms;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKeyFinder.Naming;
import io.strongroom.local.policy.Decision;
import io.strongroom.local.policy.NamedPolicy;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyResponse;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import static io.strongroom.local.kms.KmsPaging.validPage;
import static io.strongroom.local.kms.KmsKeyFinder.validKeyId;

/**
 * The key policy of a key: GetKeyPolicy, PutKeyPolicy and ListKeyPolicies. A key has one policy,
 * named {@code default}; a new one is parsed as a resource policy and must pass KMS's lock-out
 * safety check. Every operation on a key evaluates its policy ({@link KmsKeyAccess}).
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
        KmsKey key = parts.finder().key(ctx, "PutKeyPolicy", request.keyId(), Naming.KEY);
        if (request.policyName() != null && !DEFAULT_POLICY_NAME.equals(request.policyName())) {
            throw KmsErrors.unsupported("Only the " + DEFAULT_POLICY_NAME + " key policy is supported.");
        }
        KmsKeyAccess access = parts.finder().access();
        requireAcceptable(request.policy(), request.bypassPolicyLockoutSafetyCheck(),
                policy -> access.decideUnder(ctx, "PutKeyPolicy", key, policy));
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
     * A key policy as PutKeyPolicy and CreateKey accept it: a valid policy document
     * ({@link KmsKeyAccess#requireValidPolicy}) that, unless the caller bypasses KMS's lock-out
     * safety check, still lets the caller call PutKeyPolicy on the key ({@code lockoutCheck} decides
     * that under the new policy, with the caller's identity policies), else
     * MalformedPolicyDocumentException with AWS's message.
     */
    static void requireAcceptable(String text, Boolean bypassLockoutCheck, Function<NamedPolicy, Decision> lockoutCheck) {
        NamedPolicy policy = KmsKeyAccess.requireValidPolicy(DEFAULT_POLICY_NAME, text);
        if (!Boolean.TRUE.equals(bypassLockoutCheck) && !lockoutCheck.apply(policy).allowed()) {
            throw KmsErrors.malformedPolicy(KmsKeyAccess.LOCKOUT);
        }
    }
}
