package io.strongroom.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
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

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

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

    /**
     * One filter of {@code values} always on, as a segmented control of pills, each with its
     * count: the button texts and tooltips are {@code filter.NAME} and {@code filter.NAME.tip} in
     * {@code texts}, the ids {@code idPrefix + NAME}. Selection and {@code selected} follow each other.
     */
    public static <E extends Enum<E>> HBox segmentedFilters(E[] values, ObjectProperty<E> selected, ObservableValue<?> counts,
                                                            ToIntFunction<E> count, Texts texts, String idPrefix, String styleClass) {
        ToggleGroup group = new ToggleGroup();
        Map<E, ToggleButton> buttons = new HashMap<>();
        HBox box = new HBox();
        box.getStyleClass().add(styleClass);
        for (int i = 0; i < values.length; i++) {
            E f = values[i];
            Label number = new Label();
            number.getStyleClass().add("sr-filter-count");
            number.textProperty().bind(Bindings.createStringBinding(() -> Integer.toString(count.applyAsInt(f)), counts));
            ToggleButton b = new ToggleButton(texts.get("filter." + f.name()), number);
            b.setContentDisplay(ContentDisplay.RIGHT);
            b.setId(idPrefix + f.name());
            b.setUserData(f);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(texts.get("filter." + f.name() + ".tip")));
            b.setMnemonicParsing(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == values.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            buttons.put(f, b);
            box.getChildren().add(b);
        }
        buttons.get(selected.get()).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);          // one filter is always on
            } else {
                @SuppressWarnings("unchecked")
                E f = (E) now.getUserData();
                selected.set(f);
            }
        });
        selected.addListener((o, was, now) -> buttons.get(now).setSelected(true));
        return box;
    }
}
