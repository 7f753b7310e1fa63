package io.strongroom.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Small building blocks shared by the editor dialogs and the secret detail pane: icons, icon
 * buttons, inline messages and banners bound to view-model text. Styling comes from the
 * AtlantaFX theme plus {@code controls.css}; colours are the theme's tokens.
 */
public final class Controls {

    /** Stylesheet of the dialogs and the detail pane. */
    public static final String STYLESHEET = Controls.class.getResource("controls.css").toExternalForm();

    public static final String FIELD_PROBLEM = "sr-field-problem";
    public static final String FIELD_WARNING = "sr-field-warning";
    public static final String FIELD_HINT = "sr-field-hint";
    public static final String BANNER = "sr-banner";
    public static final String MONO = "sr-mono";
    public static final String SECTION_TITLE = "sr-section-title";
    public static final String FORM_LABEL = "sr-form-label";
    public static final String CARD = "sr-card";

    private Controls() {}

    public static FontIcon icon(Ikon ikon) {
        FontIcon i = new FontIcon(ikon);
        i.getStyleClass().add("sr-icon");
        return i;
    }

    /** A button with an icon and text. */
    public static Button button(String text, Ikon ikon) {
        Button b = new Button(text, icon(ikon));
        b.setMnemonicParsing(false);
        return b;
    }

    /** A flat icon-only button; {@code tooltip} names what it does (also for screen readers). */
    public static Button iconButton(Ikon ikon, String tooltip) {
        Button b = new Button(null, icon(ikon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        b.setFocusTraversable(true);
        return b;
    }

    /**
     * A one-line message under a field, shown only while {@code text} is not null:
     * {@link #FIELD_PROBLEM} (danger), {@link #FIELD_WARNING} or {@link #FIELD_HINT}.
     */
    public static Label fieldMessage(ObservableStringValue text, String kind) {
        Label l = new Label();
        l.getStyleClass().addAll(kind, Styles.TEXT_SMALL);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /**
     * A banner across the top of a pane, shown only while {@code text} is not null. {@code state}
     * is an AtlantaFX colour ({@link Styles#DANGER}, {@link Styles#WARNING}, {@link Styles#ACCENT},
     * {@link Styles#SUCCESS}).
     */
    public static HBox banner(ObservableStringValue text, String state, Ikon ikon, Node... trailing) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(l, Priority.ALWAYS);
        l.setMaxWidth(Double.MAX_VALUE);
        HBox box = new HBox(10, icon(ikon), l);
        box.getChildren().addAll(trailing);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll(BANNER, state);
        box.visibleProperty().bind(Bindings.isNotEmpty(text));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(SECTION_TITLE);
        return l;
    }

    public static Label formLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(FORM_LABEL);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * A two-column form: labels at least {@code labelWidth} wide on the left, fields taking the
     * rest of the width on the right.
     */
    public static GridPane form(double hgap, double vgap, double labelWidth) {
        GridPane form = new GridPane();
        form.setHgap(hgap);
        form.setVgap(vgap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(labelWidth);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    /** The editor dialogs' form ({@link #form(double, double, double)} with their spacing). */
    public static GridPane dialogForm() {
        return form(14, 6, 110);
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
