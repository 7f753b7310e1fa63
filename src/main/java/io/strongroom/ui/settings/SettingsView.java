package io.strongroom.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.endpoint.EndpointDialogs;
import io.strongroom.ui.endpoint.EndpointsView;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The settings section: appearance (light or dark), safety (the read-only switch, locked on with
 * the reason beside it under {@code --read-only}), the audit trail's anomaly thresholds
 * ({@link AuditSettingsCard}) and the custom endpoints. It binds to
 * {@link SettingsViewModel} and forwards the user's choices; every change applies at once.
 */
public final class SettingsView extends ScrollPane {

    public static final String THEME_LIGHT_ID = "settings-theme-light";
    public static final String THEME_DARK_ID = "settings-theme-dark";
    public static final String READ_ONLY_ID = "settings-read-only";
    public static final String READ_ONLY_HINT_ID = "settings-read-only-hint";

    private final SettingsViewModel vm;
    private final Texts texts;

    public SettingsView(SettingsViewModel vm, EndpointDialogs endpoints, Texts texts) {
        this(vm, endpoints, null, texts);
    }

    /** With the Audit card (the anomaly thresholds) when {@code audit} is not null. */
    public SettingsView(SettingsViewModel vm, EndpointDialogs endpoints, AuditSettingsViewModel audit, Texts texts) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().addAll(Styles.SETTINGS, atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        getStylesheets().add(Controls.STYLESHEET);
        setId("settings");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Label title = new Label(texts.get("settings.title"));
        title.getStyleClass().add(Styles.SETTINGS_TITLE);
        Label about = new Label(texts.get("settings.about"));
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.setWrapText(true);

        Button dismiss = Controls.iconButton(Icons.CLEAR.ikon(), texts.get("settings.dismiss"));
        dismiss.setOnAction(e -> vm.dismissSaveError());
        Node saveError = Controls.banner(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.saveErrorProperty().get().isEmpty() ? "" : texts.format("settings.saveFailed.detail", vm.saveErrorProperty().get()),
                vm.saveErrorProperty()), Styles.DANGER, Icons.ERROR.ikon(), dismiss);
        saveError.setId("settings-save-error");

        VBox appearance = card(Icons.APPEARANCE, "settings.appearance", themeRow());
        VBox safety = card(Icons.LOCKED, "settings.safety", readOnlyRow());
        EndpointsView endpointList = new EndpointsView(endpoints, texts);
        VBox endpointCard = card(Icons.ENDPOINT, "settings.endpoints", endpointsAbout(), endpointList);
        ((HBox) endpointCard.getChildren().get(0)).getChildren().add(endpointList.addButton());

        VBox page = new VBox(16, new VBox(4, title, about), saveError, appearance, safety);
        if (audit != null) {
            page.getChildren().add(new AuditSettingsCard(audit, texts));
        }
        page.getChildren().add(endpointCard);
        page.getStyleClass().add(Styles.SETTINGS_PAGE);
        page.setMaxWidth(820);
        appearance.disableProperty().bind(vm.loadedProperty().not());
        safety.disableProperty().bind(vm.loadedProperty().not());
        VBox centred = new VBox(page);
        centred.setAlignment(Pos.TOP_CENTER);
        setContent(centred);
    }

    // ---- appearance -----------------------------------------------------------------------------

    private Node themeRow() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton light = themeButton(group, Theme.LIGHT, Icons.THEME_LIGHT, "settings.theme.light", THEME_LIGHT_ID);
        light.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton dark = themeButton(group, Theme.DARK, Icons.THEME_DARK, "settings.theme.dark", THEME_DARK_ID);
        dark.getStyleClass().add(Styles.RIGHT_PILL);
        InvalidationListener selected = o -> {
            Theme t = vm.themeProperty().get();
            light.setSelected(t == Theme.LIGHT);
            dark.setSelected(t == Theme.DARK);
        };
        vm.themeProperty().addListener(selected);
        selected.invalidated(null);
        HBox choice = new HBox(light, dark);
        return settingRow("settings.theme", "settings.theme.about", choice);
    }

    private ToggleButton themeButton(ToggleGroup group, Theme theme, Icons icon, String key, String id) {
        ToggleButton b = new ToggleButton(texts.get(key), icon.icon("sr-icon"));
        b.setId(id);
        b.setToggleGroup(group);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> {
            vm.setTheme(theme);
            b.setSelected(vm.themeProperty().get() == theme);    // a pressed choice stays pressed
        });
        return b;
    }

    // ---- safety ---------------------------------------------------------------------------------

    private Node readOnlyRow() {
        ToggleSwitch toggle = new ToggleSwitch();
        toggle.setId(READ_ONLY_ID);
        toggle.setSelected(vm.readOnlyProperty().get());
        vm.readOnlyProperty().addListener((o, was, now) -> toggle.setSelected(now));
        toggle.selectedProperty().addListener((o, was, now) -> {
            if (now != vm.readOnlyProperty().get() && !vm.setReadOnly(now)) {
                toggle.setSelected(vm.readOnlyProperty().get());
            }
        });
        boolean forced = vm.isReadOnlyForcedByFlag();
        toggle.setDisable(forced);
        VBox row = settingRow("settings.readOnly", "settings.readOnly.about", toggle);
        if (forced) {
            Label why = new Label(texts.get("settings.readOnly.forced"), Icons.LOCKED.icon("sr-icon"));
            why.setId(READ_ONLY_HINT_ID);
            why.getStyleClass().addAll(Styles.SETTING_FORCED, Styles.TEXT_SMALL);
            why.setWrapText(true);
            row.getChildren().add(why);
        }
        return row;
    }

    // ---- endpoints ------------------------------------------------------------------------------

    private Node endpointsAbout() {
        Label about = new Label(texts.get("settings.endpoints.about"));
        about.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        about.setWrapText(true);
        return about;
    }

    // ---- layout ---------------------------------------------------------------------------------

    private VBox card(Icons icon, String titleKey, Node... content) {
        Label title = Controls.sectionTitle(texts.get(titleKey));
        title.setGraphic(icon.icon("sr-icon"));
        HBox header = new HBox(10, title, Controls.spacer());
        header.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(12, header);
        card.getChildren().addAll(content);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    /** A setting's name and what it does on the left, its control on the right. */
    private VBox settingRow(String nameKey, String aboutKey, Node control) {
        Label name = new Label(texts.get(nameKey));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label about = new Label(texts.get(aboutKey));
        about.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        about.setWrapText(true);
        VBox text = new VBox(2, name, about);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(16, text, control);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(6, line);
        row.getStyleClass().add(Styles.SETTING_ROW);
        return row;
    }
}
