package io.strongroom.ui.shell;

import io.strongroom.app.AppContext;
import io.strongroom.app.Composition;
import io.strongroom.app.FirstRun;
import io.strongroom.app.settings.SettingsStore;
import io.strongroom.testing.Estate;
import io.strongroom.testing.FxThread;
import io.strongroom.testing.RecordingClipboard;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.inventory.InventoryViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The whole console over a real embedded store seeded with {@link Estate}: the app's own
 * {@link AppContext} with the JavaFX executor, test dialogs and clipboard, and a temporary
 * config directory. For TestFX flows and screenshots.
 */
final class ConsoleHarness implements AutoCloseable {

    final RunningStore store;
    final Composition composition;
    final Estate.Created estate;
    final Path configDir;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final RecordingClipboard clipboard = new RecordingClipboard();
    AppContext context;
    /**
     * Whether each {@link #build} starts without settings.json (the default: a flow is not
     * read-only unless it asks to be). A test of what a restart restores turns this off.
     */
    boolean freshSettings = true;
    private final Map<String, SecretsManagerClient> sdkClients = new ConcurrentHashMap<>();

    ConsoleHarness(List<String> regions) {
        store = new RunningStore();
        estate = Estate.seed(store, regions, true);
        composition = new Composition(store.store());
        try {
            configDir = Files.createTempDirectory("strongroom-config-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the console's graph and main view (call on the FX thread). */
    ShellView build(boolean readOnly) {
        return build(readOnly, dialogs);
    }

    /**
     * Builds the console's graph and main view with {@code dialogService} answering for the user
     * (the recording one, or the console's own {@code FxDialogService} to click through), after
     * closing the graph a previous test built. Call on the FX thread.
     */
    ShellView build(boolean readOnly, DialogService dialogService) {
        if (context != null) {
            context.close();
        }
        try {
            Files.deleteIfExists(configDir.resolve(ScopeMemory.FILE_NAME));   // every flow starts from the default scope
            if (freshSettings) {
                Files.deleteIfExists(configDir.resolve(SettingsStore.FILE_NAME)); // and not read-only unless it asks to be
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context = new AppContext(composition, new AppContext.Options(readOnly, store.dataDir(), configDir, false), FirstRun.NONE,
                new FxUiExecutor(composition.uiBackground()), dialogService, clipboard, Texts.load(), Clock.systemDefaultZone());
        return context.createView();
    }

    /** Builds the console (not read-only), shows it in {@code stage} and starts it: a TestFX {@code @Start}. */
    ShellView showIn(Stage stage, int width, int height) {
        ShellView view = build(false);
        stage.setScene(new Scene(view, width, height));
        stage.show();
        context.shell().start();
        return view;
    }

    /** {@link #close()} after putting the light theme back: the theme is the application's, shared by the next class. */
    void closeInLightTheme() {
        onFx(() -> {
            io.strongroom.ui.common.Theme.LIGHT.apply();
            return null;
        });
        close();
    }

    /** An SDK client of {@code alias}'s admin in {@code region}: to check the store, never through the console. */
    SecretsManagerClient sdk(String alias, String region) {
        return sdkClients.computeIfAbsent(alias + "/" + region, k -> {
            var accounts = store.store().accounts().list();
            for (int i = 0; i < accounts.size(); i++) {
                if (accounts.get(i).alias().equals(alias)) {
                    return store.secrets(store.adminKey(i), Region.of(region));
                }
            }
            throw new IllegalArgumentException("no local account " + alias);
        });
    }

    InventoryViewModel inventory() {
        return context.inventory();
    }

    /** Waits until start-up finished and the inventory listed every scope. */
    void awaitLoaded() {
        waitFor(Duration.ofSeconds(60), () -> onFx(() -> context.shell().startupProperty().get() == ShellViewModel.Startup.READY
                && !context.inventory().isLoading() && context.inventory().scopesTotalProperty().get() > 0
                && context.inventory().scopesFinishedProperty().get() == context.inventory().scopesTotalProperty().get()
                && context.shell().identities().size() == 3));
    }

    static void waitFor(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs on the FX thread and waits for the answer. */
    static <T> T onFx(Callable<T> work) {
        try {
            return FxThread.call(work);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        composition.close();
        store.close();
        try (var files = Files.walk(configDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
