package io.strongroom.local.analyzer;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AccessAnalyzerException;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFindingType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResponse;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access Analyzer's ValidatePolicy through the SDK's own client, over REST-JSON to the embedded
 * store: findings carry AWS's finding types and issue codes, and each is located by path and
 * by its span in the text as sent; bad requests are ValidationException; paging walks every finding.
 */
class ValidatePolicyTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static AccessAnalyzerClient analyzer;

    @BeforeAll
    static void client() {
        analyzer = RunningStore.client(AccessAnalyzerClient.builder(), store.store().endpoint(), store.adminKey(0), RunningStore.REGION);
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    static final String SOUND = """
            {"Version":"2012-10-17","Statement":[{"Sid":"ReadOrdersDb","Effect":"Allow",
             "Action":"secretsmanager:GetSecretValue",
             "Resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/orders-db-*"}]}""";

    private static ValidatePolicyResponse validate(String policy, PolicyType type) {
        return analyzer.validatePolicy(b -> b.policyDocument(policy).policyType(type));
    }

    @Test
    void aSoundIdentityPolicyHasNoFindings() {
        assertEquals(List.of(), validate(SOUND, PolicyType.IDENTITY_POLICY).findings());
    }

    @Test
    void aBadEffectIsAnErrorLocatedAtItsValue() {
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allowed","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
        ValidatePolicyFinding f = validate(policy, PolicyType.IDENTITY_POLICY).findings().stream()
                .filter(x -> x.issueCode().equals("INVALID_EFFECT")).findFirst().orElseThrow();
        assertEquals(ValidatePolicyFindingType.ERROR, f.findingType());
        Location at = f.locations().get(0);
        assertEquals(List.of(PathElement.fromValue("Statement"), PathElement.fromIndex(0), PathElement.fromValue("Effect")), at.path());
        int start = at.span().start().offset();
        int end = at.span().end().offset();
        assertEquals("\"Allowed\"", policy.substring(start, end), "the span covers the value as written");
        assertEquals(1, at.span().start().line());
        assertEquals(start, at.span().start().column(), "on the first line the column is the offset");
        assertTrue(f.learnMoreLink().startsWith("https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#"));
    }

    @Test
    void aMissingElementSpansTheStatementThatLacksIt() {
        String policy = "{\"Version\":\"2012-10-17\",\n \"Statement\":[{\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        ValidatePolicyFinding f = validate(policy, PolicyType.IDENTITY_POLICY).findings().stream()
                .filter(x -> x.issueCode().equals("MISSING_EFFECT")).findFirst().orElseThrow();
        Location at = f.locations().get(0);
        assertEquals(2, at.span().start().line());
        String spanned = policy.substring(at.span().start().offset(), at.span().end().offset());
        assertTrue(spanned.startsWith("{\"Action\"") && spanned.endsWith("}"), spanned);
    }

    @Test
    void textThatIsNotJsonIsOneSyntaxErrorOverTheWholeDocument() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[";
        List<ValidatePolicyFinding> findings = validate(policy, PolicyType.IDENTITY_POLICY).findings();
        assertEquals(1, findings.size());
        assertEquals("JSON_SYNTAX_ERROR", findings.get(0).issueCode());
        assertEquals(List.of(), findings.get(0).locations().get(0).path());
        assertEquals(policy.length(), findings.get(0).locations().get(0).span().end().offset());
    }

    @Test
    void aResourcePolicyMustNameItsPrincipalAnIdentityPolicyMustNot() {
        List<String> asResource = validate(SOUND, PolicyType.RESOURCE_POLICY).findings().stream().map(ValidatePolicyFinding::issueCode).toList();
        assertTrue(asResource.contains("MISSING_PRINCIPAL"), asResource.toString());
    }

    @Test
    void aPolicyTypeAwsDoesNotKnowIsAValidationException() {
        AccessAnalyzerException e = assertThrows(ValidationException.class,
                () -> analyzer.validatePolicy(b -> b.policyDocument(SOUND).policyType("ROLE_POLICY")));
        assertEquals(400, e.statusCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("policyType"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void pagingReturnsEveryFindingOnce() {
        String policy = """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allowed","Action":"secretsmanager:GetSecretValue","Resource":"*"},
                 {"Effect":"Permit","Action":"secretsmanager:GetSecretValue","Resource":"*"},
                 {"Effect":"Yes","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
        int all = validate(policy, PolicyType.IDENTITY_POLICY).findings().size();
        assertTrue(all >= 3, "one finding per bad Effect at least: " + all);
        ValidatePolicyResponse first = analyzer.validatePolicy(b -> b.policyDocument(policy).policyType(PolicyType.IDENTITY_POLICY).maxResults(2));
        assertEquals(2, first.findings().size());
        assertNotNull(first.nextToken());
        int seen = first.findings().size();
        String token = first.nextToken();
        while (token != null) {
            String t = token;
            ValidatePolicyResponse next = analyzer.validatePolicy(b -> b.policyDocument(policy).policyType(PolicyType.IDENTITY_POLICY)
                    .maxResults(2).nextToken(t));
            seen += next.findings().size();
            token = next.nextToken();
        }
        assertEquals(all, seen);
        assertThrows(ValidationException.class, () -> analyzer.validatePolicy(b -> b.policyDocument(policy)
                .policyType(PolicyType.IDENTITY_POLICY).nextToken("not-a-token")));
    }

    @Test
    void aPathTheServiceDoesNotServeIsAClientError() {
        AccessAnalyzerException e = assertThrows(AccessAnalyzerException.class,
                () -> analyzer.listAnalyzers(b -> b.maxResults(1)));
        assertTrue(e.statusCode() >= 400 && e.statusCode() < 500, "never a 5xx: " + e.statusCode());
    }
}
