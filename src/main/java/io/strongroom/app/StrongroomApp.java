package io.strongroom.app;

import io.strongroom.app.settings.ConfigDirectory;
import io.strongroom.cli.ConsoleOptions;
import io.strongroom.local.DataDirectory;
import io.strongroom.ui.common.FxClipboardService;
import io.strongroom.ui.common.FxDialogService;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.shell.ShellView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Objects;

/**
 * The console's JavaFX application. The window opens at once, in its loading state; the embedded
 * store starts in the background and the inventory fills as pages arrive.
 *
 * <p>JavaFX constructs this class itself, so {@link #launch(Composition, ConsoleOptions)} hands
 * it the composition root through one field, read once in {@link #start}: the only static hand-off
 * in the console, and only at bootstrap.
 */
public final class StrongroomApp extends Application {

    private record Launch(Composition composition, ConsoleOptions options, FirstRun firstRun) {}

    private static volatile Launch pending;

    private AppContext context;

    /** Opens the console and blocks until its window closes; returns the exit code. */
    public static int launch(Composition composition, ConsoleOptions options, FirstRun firstRun) {
        pending = new Launch(Objects.requireNonNull(composition), Objects.requireNonNull(options), Objects.requireNonNull(firstRun));
        // the services are built and the store opens (and a first run seeds) while JavaFX starts; the console waits for it later
        composition.prepareConsole(DataDirectory.resolve(options.dataDir()), firstRun);
        try {
            Application.launch(StrongroomApp.class);
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // typically: no display (a server, a CI box); the store itself can still run headless
            System.err.println("strongroom: cannot open the console window (" + e.getMessage() + "). "
                    + "On a machine without a display, run 'strongroom serve'.");
            return 1;
        }
    }

    @Override
    public void start(Stage stage) {
        Launch launch = Objects.requireNonNull(pending, "start the console through StrongroomApp.launch");
        Texts texts = Texts.load();
        AppContext.Options options = new AppContext.Options(launch.options().readOnly(),
                DataDirectory.resolve(launch.options().dataDir()), ConfigDirectory.resolve(null), true);
        context = new AppContext(launch.composition(), options, launch.firstRun(),
                new FxUiExecutor(launch.composition().uiBackground()), new FxDialogService(() -> stage, texts),
                new FxClipboardService(), texts, Clock.systemDefaultZone());

        // The start-up path's background half (settings, the store's future, the account sources)
        // runs while the window is built and shown; its results reach the FX thread only after
        // this method returns, in the order they always had.
        context.useBrowser(uri -> getHostServices().showDocument(uri.toString()));
        context.shell().start();
        ShellView view = context.createView();
        Scene scene = new Scene(view, 1440, 880);
        stage.setScene(scene);
        stage.getIcons().addAll(io.strongroom.ui.about.AppIcon.images());
        stage.titleProperty().bind(Bindings.when(context.readOnlyProperty())
                .then(texts.get("app.title.readOnly")).otherwise(texts.get("app.title")));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        StartupProbe.attachIfRequested(stage, context.inventory().visibleRows(), context.inventory().loadingProperty());
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        Platform.exit();
    }
}
