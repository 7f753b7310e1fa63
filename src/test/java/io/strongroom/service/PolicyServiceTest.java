package io.strongroom.service;

import io.strongroom.domain.PolicyCheckResult;
import io.strongroom.domain.PolicyFinding;
import io.strongroom.domain.PolicyKind;
import io.strongroom.domain.ResourcePolicy;
import io.strongroom.domain.Scope;
import io.strongroom.service.journal.ActingIdentity;
import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.JournaledSecrets;
import io.strongroom.service.journal.PolicyDigest;
import io.strongroom.service.journal.ReadOnlyGuard;
import io.strongroom.service.journal.ResultState;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PolicyService} through the real SDK against the embedded store over HTTP, with its writes
 * journaled and guarded as the composition root wires them.
 */
class PolicyServiceTest {

    static ServiceStack stack;
    static PolicyService policies;
    static Scope scope;
    static String accountId;

    @TempDir
    Path dir;
    ActionJournal journal;
    final AtomicBoolean readOnly = new AtomicBoolean();
    SecretMutations mutations;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        policies = stack.policies();
        scope = stack.scope(0, "us-east-1");
        accountId = scope.accountId();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void wire() {
        journal = ActionJournal.open(dir.resolve(ActionJournal.FILE_NAME), Clock.systemUTC(), "alice");
        mutations = JournaledSecrets.wrap(stack.secrets(), policies, journal, ActingIdentity.cached(stack.identities()), readOnly::get);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private static String newSecret() {
        String name = "prod/orders/db-" + UUID.randomUUID().toString().substring(0, 8);
        return stack.store().secrets().createSecret(b -> b.name(name).secretString("never-printed")).arn();
    }

    private String readers(String principals) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Sid": "Readers",
                    "Effect": "Allow",
                    "Principal": {"AWS": %s},
                    "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                    "Resource": "*"
                  }]
                }""".formatted(principals);
    }

    private JournalEntry latest() {
        return journal.query(JournalQuery.all().limit(1)).entries().get(0);
    }

    @Test
    void aSecretPolicyIsPutReadAndDeletedAndEachWriteIsJournaled() {
        String arn = newSecret();
        assertEquals(new ResourcePolicy(arn, PolicyKind.SECRET, null), policies.secretPolicy(scope, arn));

        String document = readers("\"arn:aws:iam::" + accountId + ":root\"");
        assertEquals(arn, mutations.apply(new SecretMutation.PutSecretPolicy(scope, arn, document, true)));
        ResourcePolicy read = policies.secretPolicy(scope, arn);
        assertTrue(read.exists());
        assertEquals(document, read.document());

        JournalEntry put = latest();
        assertEquals(ActionKind.PUT_SECRET_POLICY, put.action());
        assertEquals(new ActionDetails.PutSecretPolicy(PolicyDigest.of(document), true), put.details());
        assertEquals(ResultState.OK, put.result());
        assertEquals(arn, put.outcome().targetArn());

        mutations.apply(new SecretMutation.DeleteSecretPolicy(scope, arn));
        assertNull(policies.secretPolicy(scope, arn).document());
        assertEquals(ActionKind.DELETE_SECRET_POLICY, latest().action());
        assertEquals(ResultState.OK, latest().result());
    }

    @Test
    void blockPublicPolicyRefusesAPublicDocumentAsAScopeExceptionWithTheAwsCode() {
        String arn = newSecret();
        String everyone = readers("\"*\"").replace("{\"AWS\": \"*\"}", "\"*\"");
        ScopeException e = assertThrows(ScopeException.class,
                () -> mutations.apply(new SecretMutation.PutSecretPolicy(scope, arn, everyone, true)));
        assertEquals("PublicPolicyException", e.errorCode());
        assertEquals(scope, e.error().scope());
        assertNotNull(e.error().requestId());
        assertTrue(e.getMessage().contains("PublicPolicyException") && e.getMessage().contains(e.error().requestId()));
        assertNull(policies.secretPolicy(scope, arn).document(), "nothing was stored");
        assertEquals("PublicPolicyException", latest().outcome().errorCode());
        assertEquals(e.error().requestId(), latest().outcome().requestId());
    }

    @Test
    void readOnlyModeRefusesAPolicyWriteWithoutSendingItAndJournalsTheRefusal() {
        String arn = newSecret();
        readOnly.set(true);
        String document = readers("\"" + accountId + "\"");
        ScopeException e = assertThrows(ScopeException.class,
                () -> mutations.apply(new SecretMutation.PutSecretPolicy(scope, arn, document, false)));
        assertEquals(ReadOnlyGuard.READ_ONLY, e.errorCode());
        assertThrows(ScopeException.class, () -> mutations.apply(new SecretMutation.PutKeyPolicy(scope, "any-key", document)));
        readOnly.set(false);
        assertNull(policies.secretPolicy(scope, arn).document(), "the write never reached the store");

        List<JournalEntry> entries = journal.query(JournalQuery.all().limit(2)).entries();
        assertEquals(List.of(ActionKind.PUT_KEY_POLICY, ActionKind.PUT_SECRET_POLICY), entries.stream().map(JournalEntry::action).toList());
        for (JournalEntry entry : entries) {
            assertEquals(ResultState.FAILED, entry.result());
            assertEquals(ReadOnlyGuard.READ_ONLY, entry.outcome().errorCode());
            assertEquals(0, entry.outcome().httpStatus());
            assertNull(entry.outcome().requestId());
        }
        assertEquals(arn, entries.get(1).target());
    }

    @Test
    void aKeyPolicyIsReadAndReplacedThroughTheJournal() {
        String keyArn = stack.store().kms().createKey(b -> b.description("policy test")).keyMetadata().arn();
        ResourcePolicy before = policies.keyPolicy(scope, keyArn);
        assertEquals(PolicyKind.KEY, before.kind());
        assertTrue(before.exists(), "a key always has a policy");

        String document = """
                {"Version":"2012-10-17","Statement":[{"Sid":"Root","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"kms:*","Resource":"*"}]}""".formatted(accountId);
        mutations.apply(new SecretMutation.PutKeyPolicy(scope, keyArn, document));
        assertEquals(document, policies.keyPolicy(scope, keyArn).document());
        assertEquals(new ActionDetails.PutKeyPolicy(PolicyDigest.of(document)), latest().details());
        assertEquals(keyArn, latest().target());
        assertEquals(ResultState.OK, latest().result());
    }

    @Test
    void validateReturnsEveryFindingLocatedByPathAndSpan() {
        String document = readers("\"" + accountId + "\"").replace("\"Allow\"", "\"Permit\"");
        List<PolicyFinding> findings = policies.validate(scope, document, PolicyKind.SECRET);
        PolicyFinding effect = findings.stream().filter(f -> f.issueCode().equals("INVALID_EFFECT")).findFirst().orElseThrow();
        assertEquals(PolicyFinding.Severity.ERROR, effect.severity());
        assertEquals("Statement[0].Effect", effect.path());
        assertEquals(5, effect.span().start().line());
        assertEquals("\"Permit\"", document.substring(effect.span().start().offset(), effect.span().end().offset()));
        assertNotNull(effect.learnMoreLink());

        List<PolicyFinding> notJson = policies.validate(scope, "{\"Version\":", PolicyKind.KEY);
        assertEquals("JSON_SYNTAX_ERROR", notJson.get(0).issueCode());
        assertEquals(PolicyFinding.Severity.ERROR, notJson.get(0).severity());
    }

    @Test
    void validateWalksEveryPage() {
        StringBuilder statements = new StringBuilder();
        int count = PolicyService.PAGE_SIZE + 30;
        for (int i = 0; i < count; i++) {
            statements.append(i == 0 ? "" : ",").append("{\"Effect\":\"Permit\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
        }
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
        List<PolicyFinding> findings = policies.validate(scope, document, PolicyKind.IDENTITY);
        assertEquals(count, findings.stream().filter(f -> f.issueCode().equals("INVALID_EFFECT")).count());
        assertEquals("Statement[" + (count - 1) + "].Effect", findings.get(findings.size() - 1).path());
    }

    @Test
    void checkNoNewAccessFailsWhenAPrincipalIsAddedAndPassesWhenNarrowed() {
        String existing = readers("\"arn:aws:iam::" + accountId + ":role/orders-app\"");
        String added = readers("[\"arn:aws:iam::" + accountId + ":role/orders-app\", \"444455556666\"]");
        PolicyCheckResult fail = policies.checkNoNewAccess(scope, existing, added, PolicyKind.SECRET);
        assertEquals(PolicyCheckResult.Outcome.FAIL, fail.outcome());
        assertEquals(List.of(new PolicyCheckResult.Reason("New access in the statement with index: 0.", 0, "Readers")), fail.reasons());

        String narrowed = existing.replace("[\"secretsmanager:GetSecretValue\", \"secretsmanager:DescribeSecret\"]",
                "\"secretsmanager:DescribeSecret\"");
        PolicyCheckResult pass = policies.checkNoNewAccess(scope, existing, narrowed, PolicyKind.SECRET);
        assertTrue(pass.passed(), String.valueOf(pass.reasons()));
        assertEquals(List.of(), pass.reasons());
    }

    @Test
    void publicAccessAndAccessNotGrantedChecks() {
        String everyone = readers("\"*\"");
        assertFalse(policies.checkNoPublicAccess(scope, everyone, PolicyKind.SECRET).passed());
        assertTrue(policies.checkNoPublicAccess(scope, readers("\"" + accountId + "\""), PolicyKind.KEY).passed());
        assertThrows(IllegalArgumentException.class, () -> policies.checkNoPublicAccess(scope, everyone, PolicyKind.IDENTITY));

        PolicyCheckResult granted = policies.checkAccessNotGranted(scope, everyone, PolicyKind.SECRET,
                List.of("secretsmanager:GetSecretValue"), List.of());
        assertEquals(PolicyCheckResult.Outcome.FAIL, granted.outcome());
        assertEquals("Readers", granted.reasons().get(0).statementId());
        assertTrue(policies.checkAccessNotGranted(scope, everyone, PolicyKind.SECRET, List.of("secretsmanager:DeleteSecret"), null).passed());
    }

    @Test
    void failuresNameTheScopeTheAwsCodeAndTheRequestId() {
        ScopeException missing = assertThrows(ScopeException.class, () -> policies.secretPolicy(scope, "prod/does-not-exist"));
        assertEquals("ResourceNotFoundException", missing.errorCode());
        assertEquals(scope, missing.error().scope());
        assertNotNull(missing.error().requestId());

        ScopeException refused = assertThrows(ScopeException.class,
                () -> policies.checkNoNewAccess(scope, "{\"Version\":", readers("\"" + accountId + "\""), PolicyKind.SECRET));
        assertEquals("ValidationException", refused.errorCode());
        assertNotNull(refused.error().requestId());
    }
}
