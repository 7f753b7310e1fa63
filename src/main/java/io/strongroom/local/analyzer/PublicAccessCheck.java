package io.strongroom.local.analyzer;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.policy.PolicyDocument;
import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.policy.PublicAccess;
import io.strongroom.local.policy.Statement;
import io.strongroom.local.validation.Validator;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckResourceType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoPublicAccessRequest;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoPublicAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoPublicAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CheckNoPublicAccess ({@code POST /policy/check-no-public-access}): whether a resource policy
 * can grant public access to a resource of the given type.
 *
 * <p>Every {@code resourceType} of the model's {@code AccessCheckResourceType} is accepted and
 * answered with the same principal-based rule, the one BlockPublicPolicy applies to a secret and
 * that a KMS key policy shares ({@link PublicAccess#principalIsPublic}, statement by statement): an
 * Allow whose principal is everyone ({@code "*"}, {@code {"AWS": "*"}}, or a NotPrincipal) and which
 * no positive condition on a known narrowing key ({@code aws:PrincipalOrgID},
 * {@code aws:PrincipalAccount}, {@code aws:SourceAccount}, {@code aws:SourceVpce},
 * {@code kms:CallerAccount}...) limits to named accounts, organizations or networks. Each such
 * statement is a reason. The rule is the same for every type, so what some services add on top
 * (S3 ACLs and access point network origins, Lambda function URLs, a trust policy's federated
 * principals) is not modelled; Deny statements are not used to excuse an Allow.
 *
 * <p>The document is read as a resource policy; a statement without Resource is accepted, as a
 * resource policy's statements apply to the resource it is attached to (AWS's own example for
 * this operation omits it). Other grammar errors are a ValidationException.
 */
final class PublicAccessCheck {

    static final String PUBLIC = "The resource policy grants public access for the given resource type.";
    static final String NOT_PUBLIC = "The resource policy does not grant public access for the given resource type.";
    private static final List<String> RESOURCE_TYPES = AccessCheckResourceType.knownValues().stream().map(Object::toString).sorted().toList();

    CheckNoPublicAccessResponse check(RequestContext ctx, CheckNoPublicAccessRequest r) {
        Validator.check()
                .notNull("policyDocument", r.policyDocument())
                .notNull("resourceType", r.resourceTypeAsString())
                .oneOf("resourceType", r.resourceTypeAsString(), RESOURCE_TYPES)
                .orThrow();
        PolicyDocument document = CheckedPolicy.parse("policyDocument", r.policyDocument(), PolicyType.RESOURCE_POLICY,
                Set.of("MISSING_RESOURCE"));
        List<ReasonSummary> reasons = new ArrayList<>();
        for (Statement s : document.statements()) {
            if (PublicAccess.principalIsPublic(new PolicyDocument(document.version(), document.id(), List.of(s)))) {
                reasons.add(ReasonSummary.builder()
                        .description("Public access granted in the statement with index: " + s.index() + ".")
                        .statementIndex(s.index())
                        .statementId(s.sid() == null || s.sid().isEmpty() ? null : s.sid())
                        .build());
            }
        }
        return CheckNoPublicAccessResponse.builder()
                .result(reasons.isEmpty() ? CheckNoPublicAccessResult.PASS : CheckNoPublicAccessResult.FAIL)
                .message(reasons.isEmpty() ? NOT_PUBLIC : PUBLIC)
                .reasons(reasons.isEmpty() ? null : reasons)
                .build();
    }
}
