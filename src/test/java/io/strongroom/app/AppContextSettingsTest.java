package io.strongroom.app;

import io.strongroom.testing.RecordingClipboard;
import io.strongroom.app.settings.ReadOnlyMode;
import io.strongroom.app.settings.SettingsStore;
import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.CustomEndpoint;
import io.strongroom.domain.DeletionMode;
import io.strongroom.service.ScopeException;
import io.strongroom.service.journal.ReadOnlyGuard;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.inventory.InventoryColumns.Column;
import io.strongroom.ui.shell.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console comes back as it was left: theme, read-only preference, inventory columns and
 * custom endpoints, with --read-only always winning. settings.json is read on the start-up path,
 * not in the constructor (which runs on the FX thread), and nothing can be changed before it is.
 */
class AppContextSettingsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path configDir;

    private final List<Composition> compositions = new ArrayList<>();
    private final List<AppContext> contexts = new ArrayList<>();

    /** A context as the window builds it: nothing started, nothing read. One data directory each (one store per directory). */
    private AppContext context(boolean readOnlyFlag) {
        Composition composition = new Composition();
        compositions.add(composition);
        AppContext context = new AppContext(composition,
                new AppContext.Options(readOnlyFlag, dataDir.resolve("run-" + compositions.size()), configDir, false),
                FirstRun.NONE, new DirectUiExecutor(), new NoDialogs(), new RecordingClipboard(), Texts.load(), Clock.systemUTC());
        contexts.add(context);
        return context;
    }

    /** A context after the start-up path ran (settings read, store started), as the window sees it when ready. */
    private AppContext started(boolean readOnlyFlag) {
        AppContext context = context(readOnlyFlag);
        context.shell().start();
        assertEquals(ShellViewModel.Startup.READY, context.shell().startupProperty().get(), context.shell().startupErrorProperty().get());
        return context;
    }

    @AfterEach
    void close() {
        contexts.forEach(AppContext::close);
        compositions.forEach(Composition::close);
    }

    @Test
    void theChosenThemeIsSavedAndRestored() {
        AppContext first = started(false);
        assertEquals(Theme.LIGHT, first.shell().themeProperty().get());
        first.shell().themeProperty().set(Theme.DARK);
        assertEquals(Theme.DARK, started(false).shell().themeProperty().get());
    }

    @Test
    void theReadOnlySettingPersistsAndDrivesTheConsole() {
        AppContext first = started(false);
        assertFalse(first.readOnlyProperty().get());
        assertTrue(first.settingsScreen().setReadOnly(true));
        assertTrue(first.readOnlyProperty().get(), "turning the setting on makes the console read-only at once");
        assertTrue(started(false).readOnlyProperty().get(), "and it is still on next time");
    }

    @Test
    void theFlagForcesReadOnlyAndCannotBeTurnedOffFromTheConsole() {
        AppContext flagged = started(true);
        assertTrue(flagged.readOnlyProperty().get());
        assertTrue(flagged.settingsScreen().readOnlyProperty().get(), "the switch shows on");
        assertTrue(flagged.settingsScreen().isReadOnlyForcedByFlag(), "and locked");
        assertFalse(flagged.settingsScreen().setReadOnly(false));
        assertThrows(IllegalStateException.class, () -> flagged.readOnlyMode().setSetting(false));
        assertTrue(flagged.readOnlyProperty().get());
    }

    @Test
    void theConstructorReadsNoSettingsAndTheConsoleIsReadOnlyUntilTheyAreRead() throws Exception {
        SettingsStore.open(configDir).update(s -> s.withTheme(io.strongroom.app.settings.Theme.DARK).withReadOnly(false));

        AppContext context = context(false);
        assertTrue(context.settings().isEmpty(), "settings.json is not read in the constructor (the FX thread)");
        assertEquals(Theme.LIGHT, context.shell().themeProperty().get());
        assertTrue(context.readOnlyProperty().get(), "read-only until the user's setting is known");
        assertEquals(ReadOnlyMode.Source.LOADING, context.readOnlyMode().sourceProperty().get());
        assertFalse(context.settingsScreen().loadedProperty().get());
        assertFalse(context.settingsScreen().setReadOnly(false), "the settings screen changes nothing before it is loaded");

        Account account = new Account("111122223333", "nowhere", URI.create("http://127.0.0.1:9"),
                new CredentialsRef.StaticKeys("AKIDEXAMPLE", "not-a-secret"), "custom endpoint");
        ScopeException refused = assertThrows(ScopeException.class,
                () -> context.mutations().apply(new SecretMutation.Delete(account.in("us-east-1"), "any", DeletionMode.defaultRecovery())));
        assertEquals(ReadOnlyGuard.READ_ONLY, refused.errorCode(), "a mutation before the setting is read is refused");

        context.shell().start();
        assertTrue(context.settings().isPresent());
        assertEquals(Theme.DARK, context.shell().themeProperty().get());
        assertFalse(context.readOnlyProperty().get(), "the setting says off: the console may change things now");
        assertEquals(ReadOnlyMode.Source.OFF, context.readOnlyMode().sourceProperty().get());
    }

    @Test
    void withTheFlagReadOnlyIsKnownAtOnce() {
        AppContext context = context(true);
        assertTrue(context.readOnlyProperty().get());
        assertEquals(ReadOnlyMode.Source.FLAG, context.readOnlyMode().sourceProperty().get());
    }

    @Test
    void theInventoryColumnsComeBackAndUnknownOnesAreIgnored() throws Exception {
        Files.writeString(configDir.resolve(SettingsStore.FILE_NAME),
                "{\"inventoryColumns\": [\"name\", \"region\", \"columnFromTheFuture\", \"tags\"]}");
        AppContext first = started(false);
        assertEquals(List.of("name", "region", "tags"), first.inventory().columns().visibleIds());
        assertTrue(Files.readString(configDir.resolve(SettingsStore.FILE_NAME)).contains("columnFromTheFuture"),
                "restoring is not a change: the file is not rewritten");

        first.inventory().columns().visibleProperty(Column.LAST_CHANGED).set(true);
        assertEquals(List.of("name", "region", "lastChanged", "tags"), SettingsStore.open(configDir).current().inventoryColumns());
        assertEquals(List.of("name", "region", "lastChanged", "tags"), started(false).inventory().columns().visibleIds());
    }

    @Test
    void aDamagedColumnListGivesTheDefaultColumns() throws Exception {
        Files.writeString(configDir.resolve(SettingsStore.FILE_NAME), "{\"inventoryColumns\": \"name,region\"}");
        AppContext context = started(false);
        assertEquals(new io.strongroom.ui.inventory.InventoryColumns().visibleIds(), context.inventory().columns().visibleIds());
    }

    @Test
    void savedEndpointsComeBackLockedAndAreNotOfferedUntilTheirSecretIsEntered() {
        CustomEndpoint saved = new CustomEndpoint("staging-emulator", URI.create("http://127.0.0.1:9"), "AKIDSTAGING",
                "444455556666", List.of("us-east-1"));
        SettingsStore.open(configDir).update(s -> s.withEndpoints(List.of(saved)));
        AppContext context = started(false);
        assertEquals(1, context.endpoints().entries().size());
        assertFalse(context.endpoints().entries().get(0).isOpen());
        assertTrue(context.scopePicker().accounts().stream().noneMatch(a -> a.sourceName().equals("staging-emulator")),
                "no secret, no account in the picker");
    }

    @Test
    void anAddedEndpointsSecretAccessKeyNeverReachesTheConfigDirectory() throws Exception {
        AppContext first = started(false);
        // the console's own embedded store stands in for "another wire-compatible endpoint"
        io.strongroom.local.LocalStore local = compositions.get(0).store().orElseThrow();
        io.strongroom.local.iam.AccessKey key = local.accounts().adminKeys().get(0);
        io.strongroom.ui.endpoint.EndpointViewModel add = first.endpoints().startAdding();
        add.nameProperty().set("twin");
        add.urlProperty().set(local.endpoint().toString());
        add.accessKeyIdProperty().set(key.accessKeyId());
        add.secretAccessKeyProperty().set(key.secretAccessKey());
        add.regionsProperty().set("us-east-1");
        add.save();
        assertEquals(key.accountId(), add.savedProperty().get().accountId(), add.errorProperty().get());

        var offered = first.scopePicker().accounts().stream().filter(a -> a.sourceName().equals("twin")).toList();
        assertEquals(1, offered.size(), "the endpoint's account appears in the scope picker");
        assertTrue(offered.get(0).isSelected(), "ticked, for the user to apply");
        first.scopePicker().apply();
        assertTrue(first.scopePicker().appliedScopes().stream().anyMatch(s -> s.accountAlias().equals("twin")));

        String secret = key.secretAccessKey();
        List<String> forms = List.of(secret, java.util.Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (var files = Files.walk(configDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String form : forms) {
                    assertFalse(content.contains(form), f + " holds the secret access key");
                }
            }
        }
        String json = Files.readString(configDir.resolve(SettingsStore.FILE_NAME));
        assertTrue(json.contains(key.accessKeyId()) && json.contains("\"twin\""), "the rest of the endpoint is saved: " + json);

        // next start: the endpoint is back, but asks for its secret before it is offered again
        AppContext second = started(false);
        io.strongroom.ui.endpoint.EndpointsViewModel.Entry entry = second.endpoints().entry("twin").orElseThrow();
        assertFalse(entry.isOpen());
        assertTrue(second.scopePicker().accounts().stream().noneMatch(a -> a.sourceName().equals("twin")));
        io.strongroom.ui.endpoint.EndpointViewModel unlock = second.endpoints().startUnlocking(entry);
        unlock.secretAccessKeyProperty().set(secret);
        unlock.save();
        assertTrue(entry.isOpen());
        assertTrue(second.scopePicker().accounts().stream().anyMatch(a -> a.sourceName().equals("twin") && a.isSelected()));
    }

    @Test
    void removingAnEndpointTakesItOutOfTheSettingsAndTheAppliedScope() {
        AppContext context = started(false);
        io.strongroom.ui.endpoint.EndpointViewModel add = context.endpoints().startAdding();
        add.nameProperty().set("gone-soon");
        add.urlProperty().set("http://127.0.0.1:9");
        add.accessKeyIdProperty().set("AKIDGONE");
        add.secretAccessKeyProperty().set("gone-secret");
        add.accountIdProperty().set("555566667777");
        add.save();
        context.scopePicker().apply();
        assertTrue(context.scopePicker().appliedScopes().stream().anyMatch(s -> s.accountAlias().equals("gone-soon")));

        context.endpoints().remove(context.endpoints().entry("gone-soon").orElseThrow());
        assertTrue(context.scopePicker().appliedScopes().stream().noneMatch(s -> s.accountAlias().equals("gone-soon")));
        assertFalse(context.scopePicker().appliedScopes().isEmpty(), "the other accounts stay applied");
        assertEquals(List.of(), SettingsStore.open(configDir).current().endpoints());
    }

    private static final class NoDialogs implements DialogService {
        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public boolean confirmByTyping(String title, String message, String expected) {
            return false;
        }

        @Override
        public void showError(String title, Throwable error) {
            throw new AssertionError(title, error);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title) {
            return Optional.empty();
        }
    }
}
