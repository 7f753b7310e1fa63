package io.strongroom.ui.shell;

import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretVersion;
import io.strongroom.domain.VersionSelector;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.ResultState;
import io.strongroom.ui.common.FxDialogService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.EditorContext;
import io.strongroom.ui.editor.InventoryActions;
import io.strongroom.ui.inventory.InventoryView;
import io.strongroom.ui.inventory.InventoryViewModel.DeletionFilter;
import io.strongroom.ui.inventory.SecretRow;
import io.strongroom.ui.journal.JournalRow;
import io.strongroom.ui.secret.SecretDetailView;
import io.strongroom.ui.secret.SecretDetailViewModel;
import io.strongroom.ui.secret.ValueViewModel.ValueState;
import io.strongroom.ui.secret.TagRow;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.strongroom.ui.shell.ConsoleHarness.onFx;
import static io.strongroom.ui.shell.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret's life through the integrated console (the {@link ShellView} that {@code AppContext}
 * builds, as the user gets it), headless under Monocle, over a real embedded store seeded with
 * three accounts × two regions: create, reveal, new value, rollback, delete and restore, and
 * read-only mode, by clicking and typing.
 *
 * <p>The console's own {@link FxDialogService} answers confirmations here, so a confirmation is an
 * Alert that the test clicks through like a user. What the user depends on is checked where it
 * lives: the store through a separate SDK client (never the console), the action journal, and
 * what the window shows. Secret values are throwaway canaries and never appear in assertion
 * messages.
 */
@ExtendWith(ApplicationExtension.class)
class SecretLifecycleFlowTest {

    /** The editor dialogs' texts, as the console shows them. */
    private static final Texts EDITOR = Texts.load().in(EditorContext.MESSAGES);

    /** Generous: the build machine is a shared 2-core box. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final List<String> ALIASES = List.of("security-audit", "payments-prod", "analytics-dev");

    static ConsoleHarness console;
    static final Map<String, CloudTrailClient> trails = new HashMap<>();
    Stage stage;

    @BeforeAll
    static void seed() {
        console = new ConsoleHarness(List.of(US, EU));
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(false);
    }

    /** Opens the console's window over a freshly built graph, as {@code strongroom} (with --read-only) would. */
    private void show(boolean readOnly) {
        ShellView view = console.build(readOnly, new FxDialogService(() -> stage, Texts.load()));
        // Monocle's headless screen is 1280×800; a bigger window overflows its buffer
        stage.setScene(new Scene(view, 1280, 800));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        console.context.shell().start();
    }

    @BeforeEach
    void loaded() {
        console.awaitLoaded();
    }

    /** Dialogs, alerts and the scheduled deletions window a failed test may have left open. */
    @AfterEach
    void closeOtherWindows() {
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            return null;
        });
    }

    // ---- 1. create ------------------------------------------------------------------------------

    @Test
    void aSecretCreatedFromTheToolbarIsListedShownAndRevealsItsValue(FxRobot robot) {
        String name = unique("flows/created");
        String value = canary();
        Scope scope = scope("payments-prod", EU);

        // New secret: one submenu per account shown, one item per region
        MenuButton newSecret = robot.lookup("#" + InventoryActions.CREATE_ID).queryAs(MenuButton.class);
        assertShownInFull(newSecret, EDITOR.format("actions.create"));
        robot.clickOn(newSecret);
        Menu account = onFx(() -> newSecret.getItems().stream().filter(i -> i instanceof Menu && scope.accountAlias().equals(i.getText()))
                .map(Menu.class::cast).findFirst().orElseThrow());
        MenuItem region = onFx(() -> account.getItems().stream().filter(i -> scope.region().equals(i.getText())).findFirst().orElseThrow());
        Point2D from = robot.point(shown(account)).query();
        robot.clickOn(shown(account));
        // across into the submenu first, as a user does: a diagonal would pass over other accounts
        robot.moveTo(new Point2D(robot.point(shown(region)).query().getX(), from.getY()));
        robot.clickOn(shown(region));
        DialogPane dialog = dialog(robot, ".sr-dialog");
        assertFalse(onFx(newSecret::isShowing), "the menu closes when the dialog opens");
        Button create = robot.from(dialog).lookup("#dialog-primary").queryButton();
        assertTrue(create.isDisabled(), "nothing to create yet");
        assertEquals(scope.label(), robot.from(dialog).lookup("#dialog-scope").queryAs(Label.class).getText());

        robot.clickOn("#create-name").write(name);
        robot.clickOn("#value-text-masked").write(value);
        Button addTag = robot.from(dialog).lookup("#tags-add").queryButton();
        scrollIntoView(robot, addTag);
        robot.clickOn(addTag);
        TextField tagKey = textField(robot, dialog, EDITOR.format("tags.keyPrompt"));
        scrollIntoView(robot, tagKey);
        robot.clickOn(tagKey).write("team");
        robot.clickOn(textField(robot, dialog, EDITOR.format("tags.valuePrompt"))).write("flows");
        assertEquals("team", tagKey.getText());
        waitFor(WAIT, () -> onFx(() -> !create.isDisabled()));
        robot.clickOn(create);
        awaitClosed(dialog);

        // the store has it, in the chosen account and region, with its tag
        SecretsManagerClient sm = console.sdk("payments-prod", EU);
        assertTrue(value.equals(sm.getSecretValue(b -> b.secretId(name)).secretString()), "the store holds the value typed");
        assertTrue(sm.describeSecret(b -> b.secretId(name)).tags().contains(Tag.builder().key("team").value("flows").build()));

        // the inventory lists it again by itself; the user finds it and opens it
        waitFor(WAIT, () -> listed(name));
        SecretDetailViewModel detail = openSecret(robot, name);
        assertNameShownInFull(robot, name);
        assertEquals(scope.label(), robot.lookup("#detail-scope").queryAs(Label.class).getText());
        assertTrue(onFx(() -> detail.tagsPart().tags().contains(new TagRow("team", "flows"))));
        assertTrue(robot.lookup("#value-masked").query().isVisible(), "masked until revealed");

        assertTrue(value.equals(reveal(robot)), "Reveal shows the value typed at creation");
        assertEquals(List.of(ActionKind.CREATE_SECRET), journaled(name).stream().map(JournalEntry::action).toList());
        assertEquals(ResultState.OK, journaled(name).get(0).result());
    }

    // ---- 2. new value -----------------------------------------------------------------------------

    @Test
    void aNewValueFromTheDetailPaneBecomesCurrentAndTheOldOneIsPrevious(FxRobot robot) {
        String name = unique("flows/new-value");
        String first = canary();
        String second = canary();
        SecretsManagerClient sm = console.sdk("security-audit", US);
        String firstVersion = sm.createSecret(b -> b.name(name).secretString(first)).versionId();
        refreshUntilListed(robot, name);
        openSecret(robot, name);

        robot.clickOn("#detail-new-value");
        DialogPane dialog = dialog(robot, ".sr-dialog");
        robot.clickOn("#value-text-masked").write(second);
        Button save = robot.from(dialog).lookup("#dialog-primary").queryButton();
        waitFor(WAIT, () -> onFx(() -> !save.isDisabled()));
        robot.clickOn(save);
        awaitClosed(dialog);

        // the versions list: the new version current, the first one previous
        SecretDetailViewModel detail = detail(robot);
        waitFor(WAIT, () -> onFx(() -> detail.versionsPart().versions().size() == 2 && !detail.busyProperty().get()));
        TableView<SecretVersion> table = versionsTable(robot);
        List<SecretVersion> versions = onFx(() -> List.copyOf(table.getItems()));
        SecretVersion current = versions.stream().filter(SecretVersion::isCurrent).findFirst().orElseThrow();
        SecretVersion previous = versions.stream().filter(v -> !v.isCurrent()).findFirst().orElseThrow();
        assertEquals(List.of(VersionSelector.AWSCURRENT), current.stages());
        assertEquals(List.of(VersionSelector.AWSPREVIOUS), previous.stages());
        assertEquals(firstVersion, previous.versionId());
        scrollIntoView(robot, versionsTable(robot));
        assertEquals(Set.of(VersionSelector.AWSCURRENT, VersionSelector.AWSPREVIOUS), shownStages(robot));

        assertTrue(second.equals(reveal(robot)), "Reveal shows the new value");
        assertTrue(second.equals(sm.getSecretValue(b -> b.secretId(name)).secretString()), "the store serves the new value");
        assertTrue(first.equals(sm.getSecretValue(b -> b.secretId(name).versionStage(VersionSelector.AWSPREVIOUS)).secretString()),
                "the first value is AWSPREVIOUS in the store");
        assertEquals(List.of(ActionKind.PUT_VALUE), journaled(name).stream().map(JournalEntry::action).toList());
    }

    // ---- 3. rollback ------------------------------------------------------------------------------

    @Test
    void rollingBackMovesAwsCurrentToTheEarlierVersionOnlyAfterConfirmation(FxRobot robot) {
        String name = unique("flows/rollback");
        String good = canary();
        String bad = canary();
        SecretsManagerClient sm = console.sdk("analytics-dev", EU);
        String goodVersion = sm.createSecret(b -> b.name(name).secretString(good)).versionId();
        String badVersion = sm.putSecretValue(b -> b.secretId(name).secretString(bad)).versionId();
        refreshUntilListed(robot, name);
        SecretDetailViewModel detail = openSecret(robot, name);
        waitFor(WAIT, () -> onFx(() -> detail.versionsPart().versions().size() == 2));

        TableView<SecretVersion> versions = versionsTable(robot);
        scrollIntoView(robot, versions);
        robot.clickOn(versionRow(robot, goodVersion));
        Button rollback = robot.lookup("#versions-rollback").queryButton();
        waitFor(WAIT, () -> onFx(() -> !rollback.isDisabled()));

        // the first time the user thinks better of it: nothing moves
        robot.clickOn(rollback);
        DialogPane confirm = dialog(robot, ".alert");
        assertEquals(Texts.load().in(SecretDetailViewModel.BUNDLE).format("rollback.title"), confirm.getHeaderText());
        assertEquals(badVersion, currentVersion(sm, name), "nothing is sent before the user confirms");
        robot.clickOn(confirm.lookupButton(ButtonType.CANCEL));
        awaitClosed(confirm);
        assertEquals(badVersion, currentVersion(sm, name));
        assertTrue(journaled(name).isEmpty());

        robot.clickOn(rollback);
        confirm = dialog(robot, ".alert");
        robot.clickOn(confirm.lookupButton(ButtonType.OK));
        awaitClosed(confirm);

        waitFor(WAIT, () -> goodVersion.equals(currentVersion(sm, name)));
        assertTrue(good.equals(sm.getSecretValue(b -> b.secretId(name)).secretString()), "GetSecretValue serves the earlier value again");
        assertEquals(badVersion, sm.getSecretValue(b -> b.secretId(name).versionStage(VersionSelector.AWSPREVIOUS)).versionId());
        waitFor(WAIT, () -> onFx(() -> detail.versionsPart().versions().stream()
                .anyMatch(v -> v.versionId().equals(goodVersion) && v.isCurrent())));

        // the journal records it, in the store and in the Journal section
        List<JournalEntry> entries = journaled(name);
        assertEquals(List.of(ActionKind.ROLLBACK), entries.stream().map(JournalEntry::action).toList());
        assertEquals(ResultState.OK, entries.get(0).result());
        robot.clickOn("#nav-journal");
        @SuppressWarnings("unchecked")
        TableView<JournalRow> journal = robot.lookup("#journal-table").queryAs(TableView.class);
        waitFor(WAIT, () -> onFx(() -> journal.getItems().stream()
                .anyMatch(r -> r.entry().target().contains(name) && r.entry().action() == ActionKind.ROLLBACK
                        && r.entry().result() == ResultState.OK)));
        robot.clickOn("#nav-inventory");
    }

    // ---- 4. delete and restore --------------------------------------------------------------------

    @Test
    void aScheduledDeletionLeavesTheTableAndARestoreFromTheScheduledListBringsItBack(FxRobot robot) {
        String name = unique("flows/deleted");
        String value = canary();
        SecretsManagerClient sm = console.sdk("security-audit", EU);
        sm.createSecret(b -> b.name(name).secretString(value));
        refreshUntilListed(robot, name);
        openSecret(robot, name);

        robot.clickOn("#detail-delete");
        DialogPane dialog = dialog(robot, ".sr-dialog");
        Button delete = robot.from(dialog).lookup("#dialog-primary").queryButton();
        assertEquals(EDITOR.format("delete.button.schedule"), delete.getText());
        Spinner<?> days = robot.from(dialog).lookup("#delete-days").queryAs(Spinner.class);
        robot.clickOn(days.getEditor()).push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN))
                .write("7").type(KeyCode.ENTER);
        waitFor(WAIT, () -> onFx(() -> Integer.valueOf(7).equals(days.getValue())));
        Instant before = Instant.now();
        robot.clickOn(delete);
        awaitClosed(dialog);

        DescribeSecretResponse deleted = sm.describeSecret(b -> b.secretId(name));
        assertNotNull(deleted.deletedDate(), "the store has it scheduled for deletion");
        Duration window = Duration.between(before, deleted.deletedDate());
        assertTrue(window.compareTo(Duration.ofDays(7).minusHours(1)) > 0 && window.compareTo(Duration.ofDays(7).plusHours(1)) < 0,
                "a 7-day recovery window, not " + window);
        assertThrows(InvalidRequestException.class, () -> sm.getSecretValue(b -> b.secretId(name)));
        // as in AWS, a listing leaves out secrets scheduled for deletion: the row goes away
        waitFor(WAIT, () -> !listed(name) && onFx(() -> !console.inventory().isLoading()));

        robot.clickOn("#" + InventoryActions.PLANNED_ID);
        @SuppressWarnings("unchecked")
        TableView<SecretSummary> planned = (TableView<SecretSummary>) waitForNode(robot, "#planned-table");
        waitFor(WAIT, () -> onFx(() -> planned.getItems().stream().anyMatch(s -> s.name().equals(name))));
        robot.clickOn(rowOf(robot, planned, s -> s.name().equals(name)));
        robot.clickOn("#planned-restore");
        waitFor(WAIT, () -> onFx(() -> planned.getItems().stream().noneMatch(s -> s.name().equals(name))));

        assertNull(sm.describeSecret(b -> b.secretId(name)).deletedDate(), "the store says it is not deleted");
        assertTrue(value.equals(sm.getSecretValue(b -> b.secretId(name)).secretString()), "it can be read again");
        waitFor(WAIT, () -> listed(name));
        onFx(() -> {
            planned.getScene().getWindow().hide();
            return null;
        });
        assertEquals(List.of(ActionKind.DELETE_SECRET, ActionKind.RESTORE_SECRET),
                journaled(name).stream().map(JournalEntry::action).toList());
    }

    // ---- 5. read-only -------------------------------------------------------------------------------

    @Test
    void startedReadOnlyNoControlCanChangeAnythingAndNothingReachesTheStore(FxRobot robot) {
        String name = unique("flows/audited");
        String planned = unique("flows/audited-planned");
        SecretsManagerClient sm = console.sdk("payments-prod", US);
        seedSecretAndPlannedDeletion(sm, name, planned);

        // what --read-only does: the console starts read-only, and the flag cannot be turned off from the UI
        onFx(() -> {
            show(true);
            return null;
        });
        console.awaitLoaded();
        assertTrue(console.context.readOnlyMode().isForcedByFlag());
        AssertionError refused = assertThrows(AssertionError.class, () -> onFx(() -> {
            console.context.readOnlyMode().setSetting(false);
            return null;
        }));
        assertTrue(rootCause(refused) instanceof IllegalStateException, "the flag cannot be turned off from the UI");
        assertTrue(onFx(() -> console.context.readOnlyProperty().get()));
        Map<String, StoredSecret> storeBefore = describe(sm, name, planned);
        Map<String, Long> writesBefore = storeWrites();
        long journalBefore = journalSize();

        assertTrue(robot.lookup("#" + ShellView.READ_ONLY_BADGE_ID).query().isVisible(), "the read-only badge shows");
        assertEveryMutatingControlRefuses(robot, name, planned);

        assertEquals(storeBefore, describe(sm, name, planned), "the store is unchanged");
        assertEquals(writesBefore, storeWrites(), "no changing call reached the store (CloudTrail, ReadOnly=false)");
        assertEquals(journalBefore, journalSize(), "the action journal has no new entry");
    }

    @Test
    void turningReadOnlyOnAtRuntimeDisablesEveryMutatingControlUntilItIsTurnedOff(FxRobot robot) {
        String name = unique("flows/toggled");
        String planned = unique("flows/toggled-planned");
        SecretsManagerClient sm = console.sdk("analytics-dev", US);
        seedSecretAndPlannedDeletion(sm, name, planned);
        refreshUntilListed(robot, name);
        SecretDetailViewModel detail = openSecret(robot, name);
        waitFor(WAIT, () -> onFx(() -> detail.versionsPart().versions().size() == 2));
        TableView<SecretVersion> versions = versionsTable(robot);
        scrollIntoView(robot, versions);
        String earlier = onFx(() -> detail.versionsPart().versions().stream().filter(v -> !v.isCurrent()).findFirst().orElseThrow().versionId());
        robot.clickOn(versionRow(robot, earlier));
        List<String> changing = List.of("#" + InventoryActions.CREATE_ID, "#detail-new-value", "#detail-edit", "#detail-delete",
                "#tags-add", "#versions-rollback");
        for (String id : changing) {
            assertFalse(robot.lookup(id).query().isDisabled(), id + " is enabled while the console may change things");
        }
        assertTrue(robot.lookup("#tags-list .sr-tag-action").tryQuery().isPresent(), "tags can be edited and removed");
        assertFalse(robot.lookup("#" + ShellView.READ_ONLY_BADGE_ID).query().isVisible());

        Map<String, StoredSecret> storeBefore = describe(sm, name, planned);
        Map<String, Long> writesBefore = storeWrites();
        long journalBefore = journalSize();
        // The settings toggle (being built on another branch) calls exactly this; the shell has no
        // control for it yet, so the test flips the setting the way that toggle will.
        onFx(() -> {
            console.context.readOnlyMode().setSetting(true);
            return null;
        });
        try {
            assertTrue(robot.lookup("#" + ShellView.READ_ONLY_BADGE_ID).query().isVisible(), "the read-only badge shows");
            assertEveryMutatingControlRefuses(robot, name, planned);
            assertEquals(storeBefore, describe(sm, name, planned), "the store is unchanged");
            assertEquals(writesBefore, storeWrites(), "no changing call reached the store (CloudTrail, ReadOnly=false)");
            assertEquals(journalBefore, journalSize(), "the action journal has no new entry");
        } finally {
            onFx(() -> {
                console.context.readOnlyMode().setSetting(false);
                return null;
            });
        }

        assertFalse(robot.lookup("#" + ShellView.READ_ONLY_BADGE_ID).query().isVisible());
        openSecret(robot, name);
        for (String id : List.of("#" + InventoryActions.CREATE_ID, "#detail-new-value", "#detail-edit", "#detail-delete", "#tags-add")) {
            String control = id;
            waitFor(WAIT, () -> onFx(() -> !robot.lookup(control).query().isDisabled()));
        }
    }

    /**
     * In read-only mode: every changing control of the inventory, the detail pane (a live secret
     * and one scheduled for deletion) and the scheduled deletions window is disabled, clicking
     * it does nothing, and the view models' commands refuse when called anyway.
     */
    private void assertEveryMutatingControlRefuses(FxRobot robot, String name, String planned) {
        MenuButton create = robot.lookup("#" + InventoryActions.CREATE_ID).queryAs(MenuButton.class);
        assertTrue(create.isDisabled(), "New secret is disabled");
        robot.clickOn(create);
        assertFalse(onFx(create::isShowing), "a disabled New secret opens no menu");

        SecretDetailViewModel detail = openSecret(robot, name);
        waitFor(WAIT, () -> onFx(() -> detail.versionsPart().versions().size() == 2));
        assertTrue(robot.lookup("#detail-read-only").query().isVisible(), "the detail pane says read-only");
        openTab(robot, "overview");
        for (String id : List.of("#detail-new-value", "#detail-edit", "#detail-delete", "#tags-add")) {
            assertTrue(robot.lookup(id).query().isDisabled(), id + " must be disabled in read-only mode");
            robot.clickOn(id);
        }
        assertTrue(robot.lookup(".sr-dialog").tryQuery().isEmpty(), "no editor dialog opened");
        assertTrue(robot.lookup("#tags-list .sr-tag-action").tryQuery().isEmpty(), "tags show no edit or remove buttons");
        assertFalse(robot.lookup("#value-reveal").query().isDisabled(), "reading stays possible");

        TableView<SecretVersion> versions = versionsTable(robot);
        scrollIntoView(robot, versions);
        SecretVersion earlier = onFx(() -> detail.versionsPart().versions().stream().filter(v -> !v.isCurrent()).findFirst().orElseThrow());
        robot.clickOn(versionRow(robot, earlier.versionId()));
        waitFor(WAIT, () -> onFx(() -> earlier.equals(detail.versionsPart().selectedVersionProperty().get())));
        Button rollback = robot.lookup("#versions-rollback").queryButton();
        assertTrue(rollback.isDisabled(), "Rollback is disabled");
        robot.clickOn(rollback);
        assertTrue(robot.lookup(".alert").tryQuery().isEmpty(), "no confirmation is even asked");
        // the commands behind the controls refuse too (a control someone forgot to disable)
        assertFalse(onFx(() -> detail.versionsPart().rollback(earlier)));
        assertFalse(onFx(() -> detail.tagsPart().removeTag(new TagRow("team", "flows"))));
        assertFalse(onFx(detail.tagsPart()::saveTag));

        // a secret scheduled for deletion: listed on request, Restore disabled in its pane
        robot.clickOn(robot.lookup(".toggle-button").match((ToggleButton t) -> Texts.load().get("inventory.filters").equals(t.getText()))
                .queryAs(ToggleButton.class));
        @SuppressWarnings("unchecked")
        ComboBox<Object> deletion = robot.lookup(".combo-box").match((ComboBox<?> c) -> c.getItems().size() == 3
                && c.getItems().get(0) instanceof DeletionFilter).queryAs(ComboBox.class);
        robot.clickOn(deletion);
        robot.clickOn(Texts.load().get("deletion.INCLUDE"));
        waitFor(WAIT, () -> onFx(() -> !console.inventory().isLoading()));
        SecretDetailViewModel plannedDetail = openSecret(robot, planned);
        assertTrue(onFx(() -> plannedDetail.plannedForDeletionProperty().get()));
        assertTrue(robot.lookup("#detail-restore").query().isDisabled(), "Restore is disabled in the detail pane");
        robot.clickOn("#detail-restore");
        assertFalse(onFx(plannedDetail::restore));

        // the scheduled deletions window lists, and its Restore is disabled
        robot.clickOn("#" + InventoryActions.PLANNED_ID);
        @SuppressWarnings("unchecked")
        TableView<SecretSummary> list = (TableView<SecretSummary>) waitForNode(robot, "#planned-table");
        waitFor(WAIT, () -> onFx(() -> list.getItems().stream().anyMatch(s -> s.name().equals(planned))));
        robot.clickOn(rowOf(robot, list, s -> s.name().equals(planned)));
        Button restore = robot.lookup("#planned-restore").queryButton();
        assertTrue(restore.isDisabled(), "Restore is disabled in the scheduled deletions window");
        robot.clickOn(restore);
        assertTrue(onFx(() -> list.getItems().stream().anyMatch(s -> s.name().equals(planned))));
        onFx(() -> {
            list.getScene().getWindow().hide();
            return null;
        });
    }

    // ---- the window ---------------------------------------------------------------------------------

    /** Types the name in the search box, clicks its row, and waits for the detail pane to show it. */
    private SecretDetailViewModel openSecret(FxRobot robot, String name) {
        robot.clickOn("#" + InventoryView.SEARCH_ID).push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN)).write(name);
        waitFor(WAIT, () -> rows().size() == 1 && rows().get(0).name().equals(name));
        robot.clickOn(rowNode(robot, name));
        SecretDetailViewModel detail = detail(robot);
        waitFor(WAIT, () -> onFx(() -> detail.summaryProperty().get() != null && name.equals(detail.summaryProperty().get().name())
                && !detail.busyProperty().get() && !detail.versionsPart().versions().isEmpty()));
        return detail;
    }

    /** Lists again until the inventory shows {@code name} (created behind the console's back). */
    private void refreshUntilListed(FxRobot robot, String name) {
        robot.clickOn(robot.lookup(".button").match((Button b) -> Texts.load().get("inventory.refresh").equals(b.getText())).queryButton());
        waitFor(WAIT, () -> listed(name));
        console.awaitLoaded();
    }

    /** Clicks Reveal and returns what the value area shows once revealed (never printed). */
    private String reveal(FxRobot robot) {
        SecretDetailViewModel detail = detail(robot);
        openTab(robot, "value");
        Node reveal = robot.lookup("#value-reveal").query();
        scrollIntoView(robot, reveal);
        robot.clickOn(reveal);
        waitFor(WAIT, () -> onFx(() -> detail.value().valueStateProperty().get() == ValueState.REVEALED));
        TextArea shown = robot.lookup("#value-card #value-text").queryAs(TextArea.class);
        return onFx(() -> {
            assertTrue(shown.getParent().isVisible(), "the revealed text is shown");
            return shown.getText();
        });
    }

    /** The detail pane's title: the whole name, wrapped if need be, never cut to an ellipsis. */
    private static void assertNameShownInFull(FxRobot robot, String name) {
        assertShownInFull(robot.lookup("#detail-name").queryAs(Label.class), name);
    }

    /** {@code labeled} reads {@code text}, all of it: not cut to an ellipsis in a 1280 px window. */
    private static void assertShownInFull(Labeled labeled, String text) {
        assertEquals(text, labeled.getText());
        assertTrue(onFx(() -> shownInTree(labeled) && text.equals(((Text) labeled.lookup(".text")).getText())),
                "\"" + text + "\" is shown in full");
    }

    private SecretDetailViewModel detail(FxRobot robot) {
        return robot.lookup(".sr-secret-detail").queryAs(SecretDetailView.class).viewModel();
    }

    /** The versions table, on the Versions tab (brought to the front first, as a user would). */
    @SuppressWarnings("unchecked")
    private static TableView<SecretVersion> versionsTable(FxRobot robot) {
        openTab(robot, "versions");
        return robot.lookup("#versions-table").queryAs(TableView.class);
    }

    /** Clicks the header of the detail's tab {@code id} unless that tab is already in front. */
    private static void openTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#" + SecretDetailView.TABS_ID).queryAs(TabPane.class);
        if (!onFx(() -> (SecretDetailView.TAB_ID_PREFIX + id).equals(tabs.getSelectionModel().getSelectedItem().getId()))) {
            robot.clickOn("#" + SecretDetailView.TAB_ID_PREFIX + id);
            waitFor(WAIT, () -> onFx(() -> (SecretDetailView.TAB_ID_PREFIX + id).equals(tabs.getSelectionModel().getSelectedItem().getId())));
        }
    }

    private static Node versionRow(FxRobot robot, String versionId) {
        return rowOf(robot, versionsTable(robot), v -> v.versionId().equals(versionId));
    }

    /** The staging labels the versions table renders. */
    private static Set<String> shownStages(FxRobot robot) {
        TableView<SecretVersion> table = versionsTable(robot);
        return onFx(() -> {
            Set<String> shown = new HashSet<>();
            for (Node n : table.lookupAll(".sr-stage")) {
                if (n.isVisible() && n instanceof Label l) {
                    shown.add(l.getText());
                }
            }
            return shown;
        });
    }

    /** The rendered row of {@code table} whose item matches (cells appear a pulse after the items). */
    @SuppressWarnings("unchecked")
    private static <T> Node rowOf(FxRobot robot, TableView<T> table, Predicate<T> item) {
        Predicate<Node> matches = n -> n instanceof TableRow<?> r && r.getItem() != null && item.test((T) r.getItem()) && r.isVisible();
        waitFor(WAIT, () -> onFx(() -> table.lookupAll(".table-row-cell").stream().anyMatch(matches)));
        return onFx(() -> table.lookupAll(".table-row-cell").stream().filter(matches).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Node rowNode(FxRobot robot, String name) {
        TableView<SecretRow> table = robot.lookup("#" + InventoryView.TABLE_ID).queryAs(TableView.class);
        return rowOf(robot, table, r -> r.name().equals(name));
    }

    /**
     * Scrolls the scroll pane around {@code node} (the detail pane, a dialog's body) until the
     * node is inside its viewport, by dragging the scroll bar's thumb as a user can: Monocle's
     * headless mouse wheel scrolls one pixel per notch, and upwards.
     */
    private static void scrollIntoView(FxRobot robot, Node node) {
        ScrollPane scroll = onFx(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane sp) {
                    return sp;
                }
            }
            throw new AssertionError("not in a scroll pane: " + node);
        });
        for (int i = 0; i < 20 && offViewport(scroll, node) != 0; i++) {
            Node thumb = onFx(() -> scroll.getChildrenUnmodifiable().stream()
                    .filter(b -> b instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
                    .map(b -> b.lookup(".thumb")).findFirst().orElseThrow());
            robot.drag(thumb, MouseButton.PRIMARY).dropBy(0, 40 * offViewport(scroll, node));
        }
        assertEquals(0, offViewport(scroll, node), "scrolled into view");
    }

    /** -1 when {@code node} is above the scroll pane's viewport, 1 below it, 0 inside. */
    private static int offViewport(ScrollPane scroll, Node node) {
        return onFx(() -> {
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            Bounds shown = node.localToScene(node.getLayoutBounds());
            if (shown.getMinY() < viewport.getMinY()) {
                return -1;
            }
            return Math.min(shown.getMaxY(), shown.getMinY() + 120) > viewport.getMaxY() ? 1 : 0;
        });
    }

    /** Where a menu item is drawn, once its menu is open. */
    private static Node shown(MenuItem item) {
        waitFor(WAIT, () -> onFx(() -> item.getStyleableNode() != null && item.getStyleableNode().getScene() != null
                && item.getStyleableNode().getScene().getWindow().isShowing()));
        return onFx(item::getStyleableNode);
    }

    private static TextField textField(FxRobot robot, Node in, String prompt) {
        // the value editor's hidden key/value rows have the same prompts: only a field the user sees
        return robot.from(in).lookup(".text-field").match((TextField t) -> prompt.equals(t.getPromptText()) && shownInTree(t))
                .queryAs(TextField.class);
    }

    /** Visible, and so is every parent. */
    private static boolean shownInTree(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The dialog pane that opens (an editor dialog: {@code .sr-dialog}; a confirmation: {@code .alert}). */
    private static DialogPane dialog(FxRobot robot, String selector) {
        return (DialogPane) waitForNode(robot, selector, n -> n instanceof DialogPane && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing());
    }

    private static Node waitForNode(FxRobot robot, String selector) {
        return waitForNode(robot, selector, n -> true);
    }

    private static Node waitForNode(FxRobot robot, String selector, Predicate<Node> which) {
        waitFor(WAIT, () -> onFx(() -> robot.lookup(selector).match(which::test).tryQuery().isPresent()));
        return onFx(() -> robot.lookup(selector).match(which::test).query());
    }

    private static void awaitClosed(Node inWindow) {
        waitFor(WAIT, () -> onFx(() -> inWindow.getScene() == null || inWindow.getScene().getWindow() == null
                || !inWindow.getScene().getWindow().isShowing()));
    }

    // ---- the store, through its own SDK clients --------------------------------------------------

    private List<SecretRow> rows() {
        return onFx(() -> new ArrayList<>(console.inventory().visibleRows()));
    }

    private boolean listed(String name) {
        return onFx(() -> console.inventory().visibleRows().stream().anyMatch(r -> r.name().equals(name)));
    }

    private Scope scope(String alias, String region) {
        return onFx(() -> console.inventory().scopes().stream()
                .filter(s -> s.accountAlias().equals(alias) && s.region().equals(region)).findFirst().orElseThrow());
    }

    private static String currentVersion(SecretsManagerClient sm, String name) {
        return sm.describeSecret(b -> b.secretId(name)).versionIdsToStages().entrySet().stream()
                .filter(e -> e.getValue().contains(VersionSelector.AWSCURRENT)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** What a change would alter about a secret, as the store describes it (no value: never printed). */
    private record StoredSecret(String description, String kmsKeyId, Instant lastChanged, Instant deleted, List<Tag> tags,
                                Map<String, List<String>> versionStages) {}

    private static Map<String, StoredSecret> describe(SecretsManagerClient sm, String... names) {
        Map<String, StoredSecret> out = new HashMap<>();
        for (String n : names) {
            DescribeSecretResponse r = sm.describeSecret(b -> b.secretId(n));
            out.put(n, new StoredSecret(r.description(), r.kmsKeyId(), r.lastChangedDate(), r.deletedDate(), List.copyOf(r.tags()),
                    Map.copyOf(r.versionIdsToStages())));
        }
        return out;
    }

    /** Per account and region, how many changing calls (CloudTrail ReadOnly=false) the store has recorded. */
    private static Map<String, Long> storeWrites() {
        Map<String, Long> writes = new HashMap<>();
        var accounts = console.store.store().accounts().list();
        for (int a = 0; a < accounts.size(); a++) {
            if (!ALIASES.contains(accounts.get(a).alias())) {
                continue;
            }
            for (String region : List.of(US, EU)) {
                int account = a;
                CloudTrailClient trail = trails.computeIfAbsent(accounts.get(a).alias() + "/" + region,
                        k -> console.store.cloudTrail(console.store.adminKey(account), Region.of(region)));
                LookupAttribute writesOnly = LookupAttribute.builder().attributeKey(LookupAttributeKey.READ_ONLY)
                        .attributeValue("false").build();
                long count = trail.lookupEventsPaginator(b -> b.lookupAttributes(writesOnly)).events().stream().count();
                writes.put(accounts.get(a).alias() + "/" + region, count);
            }
        }
        return writes;
    }

    /** What the action journal holds about the secret named {@code name} (names here are unique), oldest first. */
    private static List<JournalEntry> journaled(String name) {
        List<JournalEntry> entries = new ArrayList<>(console.context.journal().query(JournalQuery.all().text(name)).entries());
        entries.sort(Comparator.comparingLong(JournalEntry::id));
        return entries;
    }

    private static long journalSize() {
        return console.context.journal().count(JournalQuery.all());
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A throwaway value: compared, never printed. */
    /** A tagged secret with two versions, and a second one scheduled for deletion: every mutating control has a target. */
    private static void seedSecretAndPlannedDeletion(SecretsManagerClient sm, String name, String planned) {
        sm.createSecret(b -> b.name(name).secretString(canary()).tags(Tag.builder().key("team").value("flows").build()));
        sm.putSecretValue(b -> b.secretId(name).secretString(canary()));
        sm.createSecret(b -> b.name(planned).secretString(canary()));
        sm.deleteSecret(b -> b.secretId(planned).recoveryWindowInDays(7L));
    }

    static String canary() {
        return "canary-" + UUID.randomUUID();
    }

}
