package io.strongroom.ui.shell;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.ui.inventory.InventoryView;
import io.strongroom.ui.inventory.SecretRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.strongroom.ui.shell.ConsoleHarness.onFx;
import static io.strongroom.ui.shell.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console end to end, headless under Monocle, on a real embedded store with secrets in three
 * accounts × two regions: what a user sees and does in the inventory.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFlowTest {

    static ConsoleHarness console;
    TableView<SecretRow> table;

    @BeforeAll
    static void seed() {
        console = new ConsoleHarness(List.of("us-east-1", "eu-west-1"));
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Start
    void start(Stage stage) {
        console.showIn(stage, 1400, 860);
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void loaded(FxRobot robot) {
        console.awaitLoaded();
        table = robot.lookup("#" + InventoryView.TABLE_ID).queryAs(TableView.class);
    }

    List<SecretRow> rows() {
        return onFx(() -> new ArrayList<>(table.getItems()));
    }

    /** The rendered row of a secret (cells appear a pulse after the items). */
    static Node rowNode(FxRobot robot, String name) {
        waitFor(Duration.ofSeconds(10), () -> robot.lookup(".table-row-cell")
                .match((TableRow<SecretRow> r) -> r.getItem() != null && r.getItem().name().equals(name)).tryQuery().isPresent());
        return robot.lookup(".table-row-cell").match((TableRow<SecretRow> r) -> r.getItem() != null && r.getItem().name().equals(name)).query();
    }

    @Test
    void rowsFromEveryAccountAndRegionAppear() {
        List<SecretRow> rows = rows();
        assertEquals(console.estate.secrets() - console.estate.scheduledForDeletion(), rows.size());
        Set<String> accounts = rows.stream().map(SecretRow::accountAlias).collect(Collectors.toSet());
        Set<String> regions = rows.stream().map(SecretRow::region).collect(Collectors.toSet());
        assertEquals(Set.of("security-audit", "payments-prod", "analytics-dev"), accounts);
        assertEquals(Set.of("us-east-1", "eu-west-1"), regions);
    }

    @Test
    void typingInTheSearchBoxNarrowsTheTable(FxRobot robot) {
        robot.clickOn("#" + InventoryView.SEARCH_ID).write("stripe");
        waitFor(Duration.ofSeconds(10), () -> rows().size() == 2);
        assertTrue(rows().stream().allMatch(r -> r.name().equals("prod/payments/stripe-api-key")));
        robot.write(" eu-west");
        waitFor(Duration.ofSeconds(10), () -> rows().size() == 1);
        assertEquals("eu-west-1", rows().get(0).region());
    }

    @Test
    void aCellsTooltipIsMadeWhenThePointerFirstComesOverIt(FxRobot robot) {
        TableRow<SecretRow> row = (TableRow<SecretRow>) rowNode(robot, "prod/ledger/kafka-sasl");
        SecretRow item = row.getItem();
        javafx.scene.control.TableCell<?, ?> account = onFx(() -> row.lookupAll(".table-cell").stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> item.accountAlias().equals(c.getText())).findFirst().orElseThrow());
        assertTrue(onFx(() -> row.lookupAll(".table-cell").stream()
                .allMatch(n -> ((javafx.scene.control.TableCell<?, ?>) n).getTooltip() == null)), "no tooltip before any hover");

        robot.moveTo(account);
        waitFor(Duration.ofSeconds(10), () -> onFx(() -> account.getTooltip() != null));
        assertEquals(item.accountAlias() + " (" + item.accountId() + ")", onFx(() -> account.getTooltip().getText()));
    }

    @Test
    void clickingARowSelectsItsSecret(FxRobot robot) {
        Node row = rowNode(robot, "prod/ledger/kafka-sasl");
        robot.clickOn(row);
        SecretSummary selected = onFx(() -> console.inventory().getSelectedSecret());
        assertNotNull(selected);
        assertEquals("prod/ledger/kafka-sasl", selected.name());
        assertEquals(((TableRow<?>) row).getItem(), onFx(() -> table.getSelectionModel().getSelectedItem()));
    }

    @Test
    void refreshKeepsTheSelectedRowSelected(FxRobot robot) {
        Node row = rowNode(robot, "dev/airflow/fernet-key");
        robot.clickOn(row);
        SecretRow before = onFx(() -> table.getSelectionModel().getSelectedItem());
        robot.clickOn(robot.lookup(".button").match((javafx.scene.control.Button b) -> "Refresh".equals(b.getText())).queryButton());
        console.awaitLoaded();
        waitFor(Duration.ofSeconds(10), () -> onFx(() -> table.getSelectionModel().getSelectedItem() != null));
        SecretRow after = onFx(() -> table.getSelectionModel().getSelectedItem());
        assertEquals(before, after);
        assertEquals(before.summary().arn(), onFx(() -> console.inventory().getSelectedSecret().arn()));
    }

    @Test
    void theStatusBarNamesTheBackendAndTheIdentity(FxRobot robot) {
        String backend = robot.lookup("#" + ShellView.BACKEND_ID).queryAs(Label.class).getText();
        assertTrue(backend.startsWith("Embedded store  " + console.store.store().endpoint()), backend);
        waitFor(Duration.ofSeconds(10), () -> onFx(() -> robot.lookup("#" + ShellView.IDENTITY_ID).queryAs(Label.class).getText())
                .startsWith("Acting as arn:aws:iam::"));
        String identity = robot.lookup("#" + ShellView.IDENTITY_ID).queryAs(Label.class).getText();
        assertTrue(identity.matches("Acting as arn:aws:iam::\\d{12}:user/admin \\(\\+2 more\\)"), identity);
        assertFalse(robot.lookup("#" + ShellView.READ_ONLY_BADGE_ID).query().isVisible());
        onFx(() -> {
            console.context.readOnlyMode().setSetting(true);
            return null;
        });
        assertTrue(robot.lookup("#" + ShellView.READ_ONLY_BADGE_ID).query().isVisible());
        onFx(() -> {
            console.context.readOnlyMode().setSetting(false);
            return null;
        });
    }

    @Test
    void aFailedScopeShowsItsErrorInPlaceWhileTheOthersLoad(FxRobot robot) {
        Scope payments = onFx(() -> console.inventory().scopes().stream()
                .filter(s -> s.accountAlias().equals("payments-prod")).findFirst().orElseThrow());
        AccessKey denied = console.store.store().accounts().createUser(payments.accountId(), "denied-" + System.nanoTime(), List.of());
        Account deniedAccount = new Account(payments.accountId(), "payments-readonly", console.store.store().endpoint(),
                new CredentialsRef.StaticKeys(denied.accessKeyId(), denied.secretAccessKey()), "embedded store");
        onFx(() -> {
            List<Scope> scopes = new ArrayList<>(console.inventory().scopes());
            scopes.add(deniedAccount.in("eu-west-1"));
            console.inventory().load(scopes);
            return null;
        });
        waitFor(Duration.ofSeconds(30), () -> onFx(() -> !console.inventory().isLoading()));
        Label error = robot.lookup(".sr-scope-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("payments-readonly / eu-west-1: AccessDeniedException"), error.getText());
        assertTrue(error.getText().contains("request ID "), error.getText());
        assertEquals(console.estate.secrets() - console.estate.scheduledForDeletion(), rows().size(), "the other scopes loaded");
    }

    @Test
    void plannedSectionsSayTheyComeLater(FxRobot robot) {
        robot.clickOn("#nav-findings");
        Node page = robot.lookup("#placeholder-findings").query();
        assertTrue(page.isVisible());
        assertTrue(robot.lookup("#placeholder-findings .label").queryAll().stream()
                .anyMatch(n -> "Coming in a later release".equals(((Label) n).getText())));
        robot.clickOn("#nav-inventory");
        assertTrue(robot.lookup("#" + InventoryView.TABLE_ID).query().isVisible());
    }

    @Test
    void theRotationSectionListsTheChosenScopesSecrets(FxRobot robot) throws Exception {
        robot.clickOn("#nav-rotation");
        TableView<?> rotation = robot.lookup("#" + io.strongroom.ui.rotation.RotationView.TABLE_ID).queryAs(TableView.class);
        assertTrue(rotation.isVisible());
        waitFor(Duration.ofSeconds(30), () -> onFx(() -> !rotation.getItems().isEmpty()));
        robot.clickOn("#nav-inventory");
    }

    @Test
    void theScopePickerNarrowsToChosenRegionsAndRemembersThem(FxRobot robot) throws Exception {
        robot.clickOn("#" + ShellView.SCOPE_BUTTON_ID);
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#scope-picker").tryQuery().isPresent());
        onFx(() -> {
            console.context.scopePicker().selectRegions(List.of("us-east-1"));
            return null;
        });
        robot.clickOn("#scope-apply");
        console.awaitLoaded();
        assertTrue(rows().stream().allMatch(r -> r.region().equals("us-east-1")));
        assertEquals(3, onFx(() -> console.inventory().scopes().size()));
        // the choice is written off the FX thread: wait for the file rather than race the save
        java.nio.file.Path file = console.configDir.resolve(ScopeMemory.FILE_NAME);
        waitFor(Duration.ofSeconds(10), () -> {
            try {
                return Files.exists(file) && Files.readString(file).contains("\"allRegions\" : false");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        String memory = Files.readString(file);
        assertTrue(memory.contains("\"us-east-1\""), memory);
        assertTrue(memory.contains("\"allRegions\" : false"), memory);
        assertEquals("3 accounts · 1 region".replace("1 region", "us-east-1"),
                robot.lookup("#" + ShellView.SCOPE_BUTTON_ID).queryButton().getText());
    }
}
