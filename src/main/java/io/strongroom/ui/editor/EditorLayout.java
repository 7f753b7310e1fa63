package io.strongroom.ui.editor;

import atlantafx.base.theme.Styles;
import io.strongroom.ui.common.Controls;
import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/** Layout pieces the editor's dialogs repeat: a small hint line, a number spinner bound to a view-model property. */
final class EditorLayout {

    private EditorLayout() {}

    /** A small secondary line under or beside a field; {@code wrap} for hints that may take more than one line. */
    static Label hint(String text, boolean wrap) {
        Label hint = new Label(text);
        hint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        hint.setWrapText(wrap);
        return hint;
    }

    /**
     * An editable spinner of {@code min..max} starting at {@code target}'s value, which it sets
     * on every step or typed number (the property is not set back into the spinner).
     */
    static Spinner<Integer> spinner(String id, int min, int max, IntegerProperty target, double width) {
        Spinner<Integer> spinner = new Spinner<>();
        spinner.setId(id);
        SpinnerValueFactory.IntegerSpinnerValueFactory range = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, target.get());
        spinner.setValueFactory(range);
        spinner.setEditable(true);
        spinner.setPrefWidth(width);
        range.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                target.set(now);
            }
        });
        return spinner;
    }
}
