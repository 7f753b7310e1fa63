package io.strongroom.ui.secret;

import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretVersion;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.JsonValues;
import io.strongroom.ui.editor.RecordingClipboard;
import io.strongroom.ui.editor.RecordingMutations;
import io.strongroom.ui.editor.ScriptedDialogs;
import io.strongroom.ui.editor.StoreFixture;
import io.strongroom.ui.secret.ValueViewModel.BinaryView;
import io.strongroom.ui.secret.ValueViewModel.ValueKind;
import io.strongroom.ui.secret.ValueViewModel.ValueState;
import io.strongroom.service.journal.SecretMutations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail view model against a real embedded store, with a same-thread executor. */
class SecretDetailViewModelTest {

    static StoreFixture fx;

    RecordingMutations mutations;
    ScriptedDialogs dialogs;
    RecordingClipboard clipboard;
    SecretDetailViewModel vm;

    @BeforeAll
    static void start() {
        fx = new StoreFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void newViewModel() {
        mutations = new RecordingMutations(SecretMutations.of(fx.secrets));
        dialogs = new ScriptedDialogs();
        clipboard = new RecordingClipboard();
        vm = new SecretDetailViewModel(fx.secrets, mutations, new DirectUiExecutor(), dialogs, clipboard, Texts.load());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    SecretSummary show(String name) {
        SecretSummary s = fx.secrets.describe(fx.scope, name);
        vm.secretProperty().set(s);
        return s;
    }

    // ---- Value ----------------------------------------

    @Test
    void isMaskedByDefaultAndReadOnlyWhenRevealed() {
        String name = unique("demo/masked");
        VersionWritten w = fx.createText(name, "fake-demo-value-1");
        show(name);

        assertEquals(ValueState.MASKED, vm.value().valueStateProperty().get());
        assertNull(vm.value().valueTextProperty().get());
        assertNull(vm.value().valueKindProperty().get());
        assertEquals(0, fx.calls(w.arn(), "GetSecretValue"), "showing the secret must not read its value");

        assertTrue(vm.value().reveal());
        assertEquals(ValueState.REVEALED, vm.value().valueStateProperty().get());
        assertEquals(ValueKind.TEXT, vm.value().valueKindProperty().get());
        assertEquals("fake-demo-value-1", vm.value().valueTextProperty().get());
        assertEquals(17, vm.value().valueSizeProperty().get());
        assertEquals(1, fx.calls(w.arn(), "GetSecretValue"));
    }

    @Test
    void hidingDropsTheValue() {
        String name = unique("demo/hide");
        fx.createText(name, "{\"user\":\"app\",\"password\":\"fake-pw\"}");
        show(name);
        vm.value().reveal();
        assertEquals(2, vm.value().jsonEntries().size());

        vm.value().hide();
        assertEquals(ValueState.MASKED, vm.value().valueStateProperty().get());
        assertNull(vm.value().valueTextProperty().get());
        assertTrue(vm.value().jsonEntries().isEmpty());
        assertEquals(0, vm.value().valueSizeProperty().get());
        assertFalse(vm.value().copyEntry(new JsonValues.Entry("password", "fake-pw", false)), "nothing left to copy from");
    }

    @Test
    void choosingAnotherSecretMasksAgain() {
        String a = unique("demo/a");
        String b = unique("demo/b");
        fx.createText(a, "fake-a");
        VersionWritten wb = fx.createText(b, "fake-b");
        show(a);
        vm.value().reveal();
        show(b);
        assertEquals(ValueState.MASKED, vm.value().valueStateProperty().get());
        assertNull(vm.value().valueTextProperty().get());
        assertEquals(0, fx.calls(wb.arn(), "GetSecretValue"));
    }

    @Test
    void theSameSecretListedAgainKeepsTheRevealedValue() {
        String name = unique("demo/relisted");
        fx.createText(name, "fake-stay");
        show(name);
        vm.value().reveal();
        vm.secretProperty().set(fx.secrets.describe(fx.scope, name));     // an inventory refresh
        assertEquals(ValueState.REVEALED, vm.value().valueStateProperty().get());
        assertEquals("fake-stay", vm.value().valueTextProperty().get());
    }

    @Test
    void jsonValuesShowAsAKeyValueGridWithPerKeyCopy() {
        String name = unique("demo/db");
        fx.createText(name, "{\"username\":\"etl_user\",\"password\":\"fake-Pa55\",\"port\":5432,\"options\":{\"ssl\":true}}");
        show(name);
        vm.value().reveal();

        assertEquals(ValueKind.JSON, vm.value().valueKindProperty().get());
        List<JsonValues.Entry> entries = vm.value().jsonEntries();
        assertEquals(List.of("username", "password", "port", "options"), entries.stream().map(JsonValues.Entry::key).toList());
        assertEquals("5432", entries.get(2).value());
        assertEquals("{\"ssl\":true}", entries.get(3).value());
        assertTrue(entries.get(3).nested());

        assertTrue(vm.value().copyEntry(entries.get(1)));
        RecordingClipboard.Put put = clipboard.last();
        assertEquals("fake-Pa55", put.text());
        assertTrue(put.sensitive());
        assertEquals(30, put.clearAfterSeconds());
    }

    @Test
    void binaryShowsItsSizeAndHexOrBase64OnDemand() {
        String name = unique("demo/keystore");
        byte[] bytes = new byte[40];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        fx.createBinary(name, bytes);
        show(name);
        vm.value().reveal();

        assertEquals(ValueKind.BINARY, vm.value().valueKindProperty().get());
        assertEquals(40, vm.value().valueSizeProperty().get());
        assertNull(vm.value().binaryTextProperty().get(), "hex and Base64 only on demand");
        assertEquals(BinaryView.NONE, vm.value().binaryViewProperty().get());

        assertTrue(vm.value().showHex());
        assertEquals(BinaryView.HEX, vm.value().binaryViewProperty().get());
        String hex = vm.value().binaryTextProperty().get();
        assertTrue(hex.startsWith("00000000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69"), hex.lines().findFirst().orElse(""));
        assertEquals(3, hex.lines().count());

        assertTrue(vm.value().showBase64());
        assertEquals(Base64.getEncoder().encodeToString(bytes), vm.value().binaryTextProperty().get());

        vm.value().copyValue();
        assertEquals(Base64.getEncoder().encodeToString(bytes), clipboard.last().text());
        assertEquals(30, clipboard.last().clearAfterSeconds());
    }

    @Test
    void copyingAMaskedValueReadsItForTheCopyButDoesNotShowOrKeepIt() {
        String name = unique("demo/copy");
        VersionWritten w = fx.createText(name, "fake-copy-me");
        show(name);

        assertTrue(vm.value().copyValue());
        assertEquals(new RecordingClipboard.Put("fake-copy-me", true, 30), clipboard.last());
        assertEquals(ValueState.MASKED, vm.value().valueStateProperty().get());
        assertNull(vm.value().valueTextProperty().get());
        assertEquals(1, fx.calls(w.arn(), "GetSecretValue"));
    }

    @Test
    void theArnIsCopiedAsOrdinaryText() {
        String name = unique("demo/arn");
        VersionWritten w = fx.createText(name, "fake");
        show(name);
        vm.copyArn();
        assertEquals(new RecordingClipboard.Put(w.arn(), false, 0), clipboard.last());
    }

    // ---- Versions ----------------------------------------

    @Test
    void everyVersionWithItsLabelsNewestFirstAndDeprecatedOnRequest() {
        String name = unique("demo/versions");
        VersionWritten v1 = fx.createText(name, "fake-one");
        VersionWritten v2 = fx.secrets.putValue(fx.scope, name, SecretPayload.ofText("fake-two"), SecretsService.newRequestToken());
        VersionWritten v3 = fx.secrets.putValue(fx.scope, name, SecretPayload.ofText("fake-three"), SecretsService.newRequestToken());
        show(name);

        List<SecretVersion> listed = vm.versionsPart().versions();
        assertEquals(List.of(v3.versionId(), v2.versionId()), listed.stream().map(SecretVersion::versionId).toList());
        assertEquals(List.of(VersionSelector.AWSCURRENT), listed.get(0).stages());
        assertEquals(List.of(VersionSelector.AWSPREVIOUS), listed.get(1).stages());

        vm.versionsPart().includeDeprecatedProperty().set(true);
        assertEquals(3, vm.versionsPart().versions().size());
        assertTrue(vm.versionsPart().versions().stream().anyMatch(v -> v.versionId().equals(v1.versionId()) && v.isDeprecated()));
    }

    @Test
    void anOlderVersionsValueIsMaskedUntilRevealed() {
        String name = unique("demo/older");
        VersionWritten v1 = fx.createText(name, "fake-old");
        fx.secrets.putValue(fx.scope, name, SecretPayload.ofText("fake-new"), SecretsService.newRequestToken());
        show(name);
        vm.value().reveal();
        assertEquals("fake-new", vm.value().valueTextProperty().get());

        SecretVersion previous = vm.versionsPart().versions().stream().filter(v -> v.versionId().equals(v1.versionId())).findFirst().orElseThrow();
        vm.versionsPart().selectedVersionProperty().set(previous);
        vm.versionsPart().viewSelectedVersion();
        assertEquals(ValueState.MASKED, vm.value().valueStateProperty().get());
        assertNull(vm.value().valueTextProperty().get());
        assertTrue(vm.value().viewedVersionLabelProperty().get().contains("AWSPREVIOUS"));

        vm.value().reveal();
        assertEquals("fake-old", vm.value().valueTextProperty().get());
    }

    @Test
    void rollbackMovesAwsCurrentOnlyAfterConfirmation() {
        String name = unique("demo/rollback");
        VersionWritten v1 = fx.createText(name, "fake-good");
        VersionWritten v2 = fx.secrets.putValue(fx.scope, name, SecretPayload.ofText("fake-bad"), SecretsService.newRequestToken());
        show(name);
        SecretVersion previous = vm.versionsPart().versions().stream().filter(v -> v.versionId().equals(v1.versionId())).findFirst().orElseThrow();
        vm.versionsPart().selectedVersionProperty().set(previous);
        assertTrue(vm.versionsPart().canRollbackSelectedProperty().get());

        dialogs.confirmAnswer = false;
        assertFalse(vm.versionsPart().rollbackSelected());
        assertEquals(1, dialogs.confirmations.size());
        assertTrue(mutations.applied().isEmpty());
        assertEquals("fake-bad", fx.secrets.getValue(fx.scope, name, VersionSelector.current()).payload().text());

        dialogs.confirmAnswer = true;
        assertTrue(vm.versionsPart().rollbackSelected());
        assertEquals(List.of("UpdateSecretVersionStage"), mutations.actions());
        assertEquals("fake-good", fx.secrets.getValue(fx.scope, name, VersionSelector.current()).payload().text());
        assertEquals(v1.versionId(), vm.summaryProperty().get().currentVersionId());
        SecretVersion nowPrevious = vm.versionsPart().versions().stream().filter(v -> v.versionId().equals(v2.versionId())).findFirst().orElseThrow();
        assertEquals(List.of(VersionSelector.AWSPREVIOUS), nowPrevious.stages());
        assertNotNull(vm.noticeProperty().get());
    }

    @Test
    void theCurrentVersionCannotBeRolledBackTo() {
        String name = unique("demo/current");
        fx.createText(name, "fake");
        show(name);
        vm.versionsPart().selectedVersionProperty().set(vm.versionsPart().versions().get(0));
        assertFalse(vm.versionsPart().canRollbackSelectedProperty().get());
        assertFalse(vm.versionsPart().rollbackSelected());
        assertTrue(dialogs.confirmations.isEmpty());
    }

    // ---- Tags ----------------------------------------

    @Test
    void addEditRenameAndRemoveRoundTrip() {
        String name = unique("demo/tags");
        fx.createText(name, "fake");
        show(name);

        vm.tagsPart().beginAddTag();
        vm.tagsPart().tagKeyProperty().set("cost-center");
        vm.tagsPart().tagValueProperty().set("cc-4711");
        assertTrue(vm.tagsPart().saveTag());
        assertEquals("cc-4711", fx.secrets.describe(fx.scope, name).tags().get("cost-center"));
        assertTrue(vm.tagsPart().tags().contains(new TagRow("cost-center", "cc-4711")));
        assertFalse(vm.tagsPart().editingTagProperty().get());

        vm.tagsPart().beginEditTag(new TagRow("cost-center", "cc-4711"));
        vm.tagsPart().tagValueProperty().set("cc-0815");
        assertTrue(vm.tagsPart().saveTag());
        assertEquals("cc-0815", fx.secrets.describe(fx.scope, name).tags().get("cost-center"));

        vm.tagsPart().beginEditTag(new TagRow("cost-center", "cc-0815"));
        vm.tagsPart().tagKeyProperty().set("costcenter");
        assertTrue(vm.tagsPart().saveTag());
        Map<String, String> tags = fx.secrets.describe(fx.scope, name).tags();
        assertEquals("cc-0815", tags.get("costcenter"));
        assertFalse(tags.containsKey("cost-center"));

        assertTrue(vm.tagsPart().removeTag(new TagRow("costcenter", "cc-0815")));
        assertFalse(fx.secrets.describe(fx.scope, name).tags().containsKey("costcenter"));
        assertFalse(vm.tagsPart().tags().stream().anyMatch(t -> t.key().equals("costcenter")));
        assertEquals(List.of("TagResource", "TagResource", "TagResource", "UntagResource", "UntagResource"), mutations.actions());
    }

    @Test
    void invalidTagsAreCaughtBeforeAnyCall() {
        String name = unique("demo/badtag");
        fx.createText(name, "fake");
        show(name);
        vm.tagsPart().beginAddTag();
        vm.tagsPart().tagKeyProperty().set("aws:reserved");
        assertNotNull(vm.tagsPart().tagProblemProperty().get());
        assertFalse(vm.tagsPart().canSaveTagProperty().get());
        assertFalse(vm.tagsPart().saveTag());

        vm.tagsPart().tagKeyProperty().set("owner");      // exists already on the fixture's secrets
        assertTrue(vm.tagsPart().tagProblemProperty().get().contains("exists"));
        vm.tagsPart().tagKeyProperty().set("team");
        vm.tagsPart().tagValueProperty().set("x".repeat(257));
        assertNotNull(vm.tagsPart().tagProblemProperty().get());
        assertTrue(mutations.applied().isEmpty());
    }

    // ---- ReadOnlyMode ----------------------------------------

    @Test
    void disablesEveryChangeAndCommandsRefuse() {
        String name = unique("demo/readonly");
        VersionWritten v1 = fx.createText(name, "fake-1");
        fx.secrets.putValue(fx.scope, name, SecretPayload.ofText("fake-2"), SecretsService.newRequestToken());
        show(name);
        vm.versionsPart().selectedVersionProperty().set(vm.versionsPart().versions().stream().filter(v -> v.versionId().equals(v1.versionId())).findFirst().orElseThrow());
        assertTrue(vm.canMutateProperty().get());
        assertTrue(vm.versionsPart().canRollbackSelectedProperty().get());

        vm.readOnlyProperty().set(true);
        assertFalse(vm.canMutateProperty().get());
        assertFalse(vm.versionsPart().canRollbackSelectedProperty().get());
        assertFalse(vm.tagsPart().canSaveTagProperty().get());
        assertFalse(vm.canRestoreProperty().get());

        assertFalse(vm.versionsPart().rollbackSelected());
        assertTrue(dialogs.confirmations.isEmpty(), "not even asked");
        vm.tagsPart().beginAddTag();
        assertFalse(vm.tagsPart().editingTagProperty().get());
        assertFalse(vm.tagsPart().saveTag());
        assertFalse(vm.tagsPart().removeTag(new TagRow("owner", "team-test")));
        assertFalse(vm.restore());
        assertTrue(mutations.applied().isEmpty());
        assertTrue(vm.errorProperty().get().startsWith("Read-only"));
        assertEquals("fake-2", fx.secrets.getValue(fx.scope, name, VersionSelector.current()).payload().text());
        assertEquals("team-test", fx.secrets.describe(fx.scope, name).tags().get("owner"));

        assertTrue(vm.value().canRevealProperty().get(), "auditors may still read");
        vm.readOnlyProperty().set(false);
        assertTrue(vm.canMutateProperty().get());
    }

    // ---- Lifecycle ----------------------------------------

    @Test
    void aScheduledDeletionShowsAndCanBeRestored() {
        String name = unique("demo/planned");
        fx.createText(name, "fake");
        fx.secrets.delete(fx.scope, name, DeletionMode.withRecovery(7));
        show(name);

        assertTrue(vm.plannedForDeletionProperty().get());
        assertTrue(vm.overview().deletionProperty().get().contains("in 7 day"), vm.overview().deletionProperty().get());
        assertFalse(vm.canMutateProperty().get());
        assertTrue(vm.canRestoreProperty().get());

        assertTrue(vm.restore());
        assertFalse(vm.plannedForDeletionProperty().get());
        assertNull(fx.secrets.describe(fx.scope, name).deletedDate());
        assertTrue(vm.canMutateProperty().get());
    }

    @Test
    void errorsNameScopeCodeAndRequestId() {
        String name = unique("demo/gone");
        fx.createText(name, "fake");
        SecretSummary s = show(name);
        fx.secrets.delete(fx.scope, name, DeletionMode.forceWithoutRecovery());

        vm.value().reveal();
        String error = vm.errorProperty().get();
        assertNotNull(error);
        assertTrue(error.startsWith(s.scope().label() + ": ResourceNotFoundException"), error);
        assertTrue(error.contains("request ID"), error);
        assertEquals(ValueState.MASKED, vm.value().valueStateProperty().get());
    }

    @Test
    void overviewShowsWhatDescribeSaid() {
        String name = unique("demo/overview");
        VersionWritten w = fx.createText(name, "fake");
        show(name);
        assertEquals(name, vm.nameProperty().get());
        assertEquals(w.arn(), vm.overview().arnProperty().get());
        assertEquals("test secret " + name, vm.overview().descriptionProperty().get());
        assertEquals("aws/secretsmanager (AWS managed)", vm.overview().kmsKeyProperty().get());
        assertEquals("never", vm.overview().lastAccessedProperty().get());
        assertTrue(vm.overview().createdProperty().get().endsWith("UTC"));
        assertEquals(fx.scope.label(), vm.scopeLabelProperty().get());

        vm.secretProperty().set(null);
        assertEquals(ValueState.NONE, vm.value().valueStateProperty().get());
        assertNull(vm.nameProperty().get());
        assertFalse(vm.canMutateProperty().get());
    }
}
