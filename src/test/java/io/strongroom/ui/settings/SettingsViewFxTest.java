package io.strongroom.ui.settings;

import io.strongroom.local.NamedThreads;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.PrimerLight;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.IdentityService;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.TimeSource;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.endpoint.EndpointDialogs;
import io.strongroom.ui.endpoint.EndpointsViewModel;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings screen driven like a user would, headless under Monocle, saves running in the background as in the console. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewFxTest {

    static ExecutorService background;
    static ClientRegistry clients;

    Stage stage;
    SettingsViewModelTest.RecordingPreferences preferences;
    SettingsViewModelTest.FakeReadOnly readOnly;
    SimpleObjectProperty<Theme> theme;
    SettingsViewModel vm;

    @BeforeAll
    static void pool() {
        background = Executors.newFixedThreadPool(2, new NamedThreads("settings-fx-test"));
        clients = new ClientRegistry(ClientRegistry.Settings.defaults());
    }

    @AfterAll
    static void stopPool() {
        background.shutdownNow();
        clients.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        stage.setScene(new Scene(view(false), 1000, 700));
        stage.show();
    }

    /** A settings screen (FX thread); {@code flag}: started with --read-only. */
    private SettingsView view(boolean flag) {
        preferences = new SettingsViewModelTest.RecordingPreferences();
        readOnly = new SettingsViewModelTest.FakeReadOnly(flag);
        theme = new SimpleObjectProperty<>(Theme.LIGHT);
        FxUiExecutor ui = new FxUiExecutor(background);
        RecordingDialogs dialogs = new RecordingDialogs();
        Texts texts = Texts.load();
        vm = new SettingsViewModel(ui, preferences, theme, readOnly, dialogs, texts);
        vm.restore(Theme.LIGHT);
        EndpointsViewModel endpoints = new EndpointsViewModel(ui, list -> { }, new IdentityService(clients,
                new RateLimiters(TimeSource.system())), new EndpointsViewModel.Sources() {
            @Override
            public void opened(io.strongroom.service.AccountSource source) {
            }

            @Override
            public void removed(String sourceName) {
            }
        }, dialogs, texts);
        endpoints.restore(List.of());
        SettingsView view = new SettingsView(vm, new EndpointDialogs(endpoints, texts), texts);
        view.getStylesheets().add(SettingsView.class.getResource(Styles.STYLESHEET).toExternalForm());
        return view;
    }

    private void waitForSaves(int count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> preferences.saved.size() >= count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void choosingDarkAppliesAndSavesIt(FxRobot robot) throws Exception {
        ToggleButton light = robot.lookup("#" + SettingsView.THEME_LIGHT_ID).queryAs(ToggleButton.class);
        assertTrue(light.isSelected());
        robot.clickOn("#" + SettingsView.THEME_DARK_ID);
        assertEquals(Theme.DARK, theme.get());
        waitForSaves(1);
        assertEquals(List.of("theme=DARK"), preferences.saved);
        assertFalse(light.isSelected());

        robot.clickOn("#" + SettingsView.THEME_DARK_ID);
        assertTrue(robot.lookup("#" + SettingsView.THEME_DARK_ID).queryAs(ToggleButton.class).isSelected(),
                "clicking the chosen theme again keeps it chosen");
    }

    @Test
    void theReadOnlySwitchTurnsTheModeOnAtOnceAndSavesIt(FxRobot robot) throws Exception {
        ToggleSwitch toggle = robot.lookup("#" + SettingsView.READ_ONLY_ID).queryAs(ToggleSwitch.class);
        assertFalse(toggle.isSelected());
        assertFalse(toggle.isDisabled());
        assertTrue(robot.lookup("#" + SettingsView.READ_ONLY_HINT_ID).tryQuery().isEmpty(), "no lock hint without the flag");
        robot.clickOn(toggle);
        assertTrue(readOnly.setting.get(), "in force at once");
        waitForSaves(1);
        assertEquals(List.of("readOnly=true"), preferences.saved);
    }

    @Test
    void underTheFlagTheSwitchIsOnLockedAndSaysWhy(FxRobot robot) {
        robot.interact(() -> stage.getScene().setRoot(view(true)));
        ToggleSwitch toggle = robot.lookup("#" + SettingsView.READ_ONLY_ID).queryAs(ToggleSwitch.class);
        assertTrue(toggle.isSelected());
        assertTrue(toggle.isDisabled());
        Label hint = robot.lookup("#" + SettingsView.READ_ONLY_HINT_ID).queryAs(Label.class);
        assertTrue(hint.isVisible());
        assertTrue(hint.getText().contains("--read-only"), hint.getText());
        robot.clickOn(toggle);
        assertTrue(toggle.isSelected());
        assertEquals(List.of(), preferences.saved);
    }

    @Test
    void theEndpointListSaysWhenThereAreNone(FxRobot robot) {
        assertTrue(robot.lookup("#endpoints-empty").queryAs(Label.class).isVisible());
        assertFalse(robot.lookup("#endpoints-add").queryButton().isDisabled());
    }
}
