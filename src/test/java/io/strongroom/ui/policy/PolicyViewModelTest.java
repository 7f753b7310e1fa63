package io.strongroom.ui.policy;

import io.strongroom.domain.PolicyFinding;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.journal.ActingIdentity;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.JournaledSecrets;
import io.strongroom.service.journal.ResultState;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Policy tab's view model against the embedded store over the real SDK, without the FX
 * thread: loading, validation findings, templates, the diff, the new-access check before Apply
 * (and the question it asks), Delete, and read-only mode, with every write in the action journal.
 */
class PolicyViewModelTest {

    static ServiceStack stack;
    static Scope scope;

    @TempDir
    Path dir;
    ActionJournal journal;
    SecretMutations mutations;
    final SimpleBooleanProperty readOnly = new SimpleBooleanProperty();
    final SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final AtomicInteger changes = new AtomicInteger();
    PolicyViewModel vm;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        scope = stack.scope(0, "us-east-1");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void wire() {
        journal = ActionJournal.open(dir.resolve(ActionJournal.FILE_NAME), Clock.systemUTC(), "alice");
        mutations = JournaledSecrets.wrap(stack.secrets(), stack.policies(), journal, ActingIdentity.cached(stack.identities()),
                readOnly::get);
        vm = new PolicyViewModel(PolicyTarget.secretOf(shown), readOnly, stack.policies(), mutations, new DirectUiExecutor(), dialogs,
                Texts.load().in(PolicyFeature.BUNDLE), changes::incrementAndGet);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private SecretSummary newSecret() {
        String name = "app/policy-vm-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = stack.store().secrets().createSecret(b -> b.name(name).secretString("never-shown")).arn();
        return stack.secrets().describe(scope, arn);
    }

    private String readersFrom(String account) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Readers\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + account + ":root\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
    }

    @Test
    void aSecretWithoutAPolicyLoadsAsNoneWithAnEmptyDraftAndNothingToApplyOrDelete() {
        shown.set(newSecret());
        assertNull(vm.storedProperty().get());
        assertEquals("", vm.draftProperty().get());
        assertFalse(vm.canApplyProperty().get());
        assertFalse(vm.canDeleteProperty().get());
    }

    @Test
    void anInvalidDraftHasLocatedErrorFindingsAndCannotBeApplied() {
        shown.set(newSecret());
        vm.draftProperty().set("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"secretsmanager:GetSecretValue\"}]}");
        vm.validate();
        assertTrue(vm.hasErrorsProperty().get());
        PolicyFinding missing = vm.findings().stream().filter(f -> f.issueCode().equals("MISSING_RESOURCE")).findFirst().orElseThrow();
        assertEquals(PolicyFinding.Severity.ERROR, missing.severity());
        assertNotNull(missing.span(), "the finding is located in the text");
        assertFalse(vm.canApplyProperty().get());
    }

    @Test
    void aTemplateIsWrittenForTheSecretShownAndShowsAsADiffAgainstTheStoredPolicy() {
        SecretSummary s = newSecret();
        shown.set(s);
        vm.useTemplate(PolicyTemplates.Template.CROSS_ACCOUNT_READ);
        assertTrue(vm.draftProperty().get().contains(s.arn()));
        assertTrue(vm.dirtyProperty().get());
        assertTrue(LineDiff.differs(vm.diff()));
        assertTrue(vm.diff().stream().allMatch(r -> r.change() == LineDiff.Change.ADDED), "nothing stored: every line is new");
        vm.revert();
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void applyChecksForNewAccessAsksBeforeApplyingAPolicyThatAddsAPrincipalAndJournalsTheWrite() {
        SecretSummary s = newSecret();
        String own = s.scope().accountId();
        String other = stack.accounts().get(1).accountId();
        mutations.apply(new io.strongroom.service.journal.SecretMutation.PutSecretPolicy(scope, s.arn(), readersFrom(own), true));
        shown.set(s);
        assertEquals(readersFrom(own), vm.storedProperty().get());

        String widened = readersFrom(own).replace("\"arn:aws:iam::" + own + ":root\"",
                "[\"arn:aws:iam::" + own + ":root\",\"arn:aws:iam::" + other + ":root\"]");
        vm.draftProperty().set(widened);
        vm.validate();
        dialogs.answer = false;
        vm.apply();
        assertEquals(1, dialogs.shown.size(), "the user was asked");
        assertFalse(vm.checkProperty().get().passed());
        assertEquals(readersFrom(own), stack.policies().secretPolicy(scope, s.arn()).document(), "declined: nothing sent");

        dialogs.answer = true;
        vm.apply();
        assertEquals(widened, stack.policies().secretPolicy(scope, s.arn()).document());
        assertEquals(widened, vm.storedProperty().get());
        assertFalse(vm.dirtyProperty().get());
        assertEquals(1, changes.get(), "the detail heard of the change");
        var entry = journal.query(JournalQuery.all().limit(1)).entries().get(0);
        assertEquals(ActionKind.PUT_SECRET_POLICY, entry.action());
        assertEquals(ResultState.OK, entry.result());
    }

    @Test
    void aNarrowingPolicyPassesTheCheckAndIsAppliedWithoutAQuestion() {
        SecretSummary s = newSecret();
        String own = s.scope().accountId();
        String other = stack.accounts().get(1).accountId();
        String both = readersFrom(own).replace("\"arn:aws:iam::" + own + ":root\"",
                "[\"arn:aws:iam::" + own + ":root\",\"arn:aws:iam::" + other + ":root\"]");
        mutations.apply(new io.strongroom.service.journal.SecretMutation.PutSecretPolicy(scope, s.arn(), both, true));
        shown.set(s);
        vm.draftProperty().set(readersFrom(own));
        vm.validate();
        vm.apply();
        assertTrue(dialogs.shown.isEmpty());
        assertTrue(vm.checkProperty().get().passed());
        assertEquals(readersFrom(own), stack.policies().secretPolicy(scope, s.arn()).document());
    }

    @Test
    void deleteAsksThenRemovesThePolicy() {
        SecretSummary s = newSecret();
        mutations.apply(new io.strongroom.service.journal.SecretMutation.PutSecretPolicy(scope, s.arn(), readersFrom(s.scope().accountId()), true));
        shown.set(s);
        assertTrue(vm.canDeleteProperty().get());
        vm.delete();
        assertEquals(1, dialogs.shown.size());
        assertNull(stack.policies().secretPolicy(scope, s.arn()).document());
        assertNull(vm.storedProperty().get());
    }

    @Test
    void theKeyPolicyOfASecretsCustomerKeyIsEditedThroughTheSameCheckAndJournaled() {
        String keyId = stack.store().kms().createKey(r -> r.description("policy-vm key")).keyMetadata().keyId();
        String name = "app/key-policy-vm-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = stack.store().secrets().createSecret(b -> b.name(name).secretString("x").kmsKeyId(keyId)).arn();
        shown.set(stack.secrets().describe(scope, arn));
        SecretKeyTarget key = new SecretKeyTarget(shown, stack.policies(), new DirectUiExecutor());
        PolicyViewModel keyVm = new PolicyViewModel(key.targetProperty(), readOnly, stack.policies(), mutations, new DirectUiExecutor(),
                dialogs, Texts.load().in(PolicyFeature.BUNDLE), changes::incrementAndGet);
        assertTrue(key.targetProperty().get().arn().endsWith(keyId));
        assertFalse(key.targetProperty().get().awsManaged());
        assertTrue(keyVm.storedProperty().get().contains(":root"), "the default key policy delegates to the account");
        assertFalse(keyVm.canDeleteProperty().get(), "a key always has its one policy");
        assertTrue(keyVm.templates().stream().allMatch(t -> t.kind() == io.strongroom.domain.PolicyKind.KEY));

        keyVm.useTemplate(PolicyTemplates.Template.KEY_DEFAULT);
        String narrowed = keyVm.draftProperty().get();
        keyVm.validate();
        assertFalse(keyVm.hasErrorsProperty().get(), String.valueOf(keyVm.findings()));
        keyVm.apply();
        assertEquals(narrowed, stack.policies().keyPolicy(scope, key.targetProperty().get().arn()).document());
        assertEquals(ActionKind.PUT_KEY_POLICY, journal.query(JournalQuery.all().limit(1)).entries().get(0).action());
    }

    @Test
    void theAwsManagedKeysPolicyIsShownButNeverApplied() {
        SecretSummary s = newSecret();
        shown.set(s);
        SecretKeyTarget key = new SecretKeyTarget(shown, stack.policies(), new DirectUiExecutor());
        PolicyViewModel keyVm = new PolicyViewModel(key.targetProperty(), readOnly, stack.policies(), mutations, new DirectUiExecutor(),
                dialogs, Texts.load().in(PolicyFeature.BUNDLE), changes::incrementAndGet);
        assertTrue(key.targetProperty().get().awsManaged());
        assertTrue(keyVm.storedProperty().get().contains("kms:ViaService"));
        keyVm.useTemplate(PolicyTemplates.Template.KEY_DEFAULT);
        assertFalse(keyVm.canApplyProperty().get(), "only AWS changes an AWS managed key's policy");
    }

    @Test
    void readOnlyModeOffersNeitherApplyNorDeleteButStillValidates() {
        SecretSummary s = newSecret();
        mutations.apply(new io.strongroom.service.journal.SecretMutation.PutSecretPolicy(scope, s.arn(), readersFrom(s.scope().accountId()), true));
        readOnly.set(true);
        shown.set(s);
        vm.useTemplate(PolicyTemplates.Template.LOCKDOWN_EXCEPT_BREAK_GLASS);
        assertFalse(vm.canApplyProperty().get());
        assertFalse(vm.canDeleteProperty().get());
        vm.apply();
        vm.delete();
        assertTrue(dialogs.shown.isEmpty());
        assertEquals(readersFrom(s.scope().accountId()), stack.policies().secretPolicy(scope, s.arn()).document());
        assertFalse(vm.findings().isEmpty() && vm.validationErrorProperty().get() != null, "validation still ran");
    }
}
