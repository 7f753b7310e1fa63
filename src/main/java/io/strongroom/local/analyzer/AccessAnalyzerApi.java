package io.strongroom.local.analyzer;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.RestJsonService;
import io.strongroom.local.policy.Finding;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedRequest;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessRequest;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoPublicAccessRequest;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyRequest;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResponse;

import java.util.List;
import java.util.Locale;

/**
 * The embedded store's IAM Access Analyzer: the policy checks people run in pipelines before a
 * policy ships, over Access Analyzer's REST-JSON protocol ({@code POST /policy/validation}…).
 * ValidatePolicy reports the policy parser's findings with Access Analyzer's finding types and
 * issue codes, each located by path and span in the document as given. The custom policy checks
 * each live in a class of their own: {@link NoNewAccessCheck}, {@link AccessNotGrantedCheck} and
 * {@link PublicAccessCheck}.
 */
public final class AccessAnalyzerApi {

    /** The largest page of findings ValidatePolicy returns when the caller sets none. */
    static final int DEFAULT_PAGE = 100;

    private static final List<String> POLICY_TYPES = List.of("IDENTITY_POLICY", "RESOURCE_POLICY",
            "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY");
    private static final String LEARN_MORE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

    public RestJsonService service() {
        return RestJsonService.builder("access-analyzer", "access-analyzer.amazonaws.com")
                .quota("access-analyzer:policy-checks")
                .read("POST", "/policy/validation", "ValidatePolicy", ValidatePolicyRequest::builder, this::validatePolicy)
                .read("POST", "/policy/check-no-new-access", "CheckNoNewAccess", CheckNoNewAccessRequest::builder,
                        new NoNewAccessCheck()::check)
                .read("POST", "/policy/check-access-not-granted", "CheckAccessNotGranted", CheckAccessNotGrantedRequest::builder,
                        new AccessNotGrantedCheck()::check)
                .read("POST", "/policy/check-no-public-access", "CheckNoPublicAccess", CheckNoPublicAccessRequest::builder,
                        new PublicAccessCheck()::check)
                .build();
    }

    private ValidatePolicyResponse validatePolicy(RequestContext ctx, ValidatePolicyRequest r) {
        Validator.check()
                .notNull("policyDocument", r.policyDocument())
                .notNull("policyType", r.policyTypeAsString())
                .oneOf("policyType", r.policyTypeAsString(), POLICY_TYPES)
                .range("maxResults", r.maxResults(), 1, Integer.MAX_VALUE)
                .orThrow();
        int from = startOf(r.nextToken());
        int page = r.maxResults() == null ? DEFAULT_PAGE : r.maxResults();
        String text = r.policyDocument();
        PolicyType grammar = r.policyTypeAsString().startsWith("RESOURCE") ? PolicyType.RESOURCE_POLICY : PolicyType.IDENTITY_POLICY;
        List<Finding> found = PolicyParser.parse(text, grammar).findings();
        if (from > found.size()) {
            throw AwsException.validation("The pagination token is not valid for this request.");
        }
        PolicySpans spans = PolicySpans.of(text);
        List<ValidatePolicyFinding> findings = found.subList(from, Math.min(found.size(), from + page)).stream()
                .map(f -> finding(f, spans)).toList();
        int next = from + findings.size();
        return ValidatePolicyResponse.builder().findings(findings).nextToken(next < found.size() ? Integer.toString(next) : null).build();
    }

    private static int startOf(String nextToken) {
        if (nextToken == null) {
            return 0;
        }
        try {
            int from = Integer.parseInt(nextToken);
            if (from >= 0) {
                return from;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AwsException.validation("The pagination token is not valid for this request.");
    }

    private static ValidatePolicyFinding finding(Finding f, PolicySpans spans) {
        String type = f.severity().name();
        return ValidatePolicyFinding.builder()
                .findingType(type)
                .issueCode(f.issueCode())
                .findingDetails(f.message())
                .learnMoreLink(LEARN_MORE + "#access-analyzer-reference-policy-checks-" + type.toLowerCase(Locale.ROOT).replace('_', '-')
                        + "-" + f.issueCode().toLowerCase(Locale.ROOT).replace('_', '-'))
                .locations(Location.builder().path(PolicySpans.path(f.location())).span(spans.span(f.location())).build())
                .build();
    }
}
