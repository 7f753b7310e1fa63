package io.strongroom.ui.inventory;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import java.util.Objects;
import java.util.function.Function;

/**
 * A cell showing a value as text with an optional semantic state ({@code Styles.CELL_*}, set
 * as a pseudo-class of that name); subclasses add tooltips and icons. State and tooltip are
 * applied once per update and only when they change. A pseudo-class, not a style class: a
 * changed style class makes JavaFX rebuild the cell's CSS from scratch, and a reused cell
 * changes state whenever it shows another row (every pulse while rows stream in, every
 * keystroke in the search box).
 */
class RowCell<T> extends TableCell<SecretRow, T> {
    private final Function<T, String> text;
    private final Function<T, String> styleClass;
    private String appliedStyle;
    private String pendingStyle;
    private String pendingTip;
    private Tooltip tip;

    RowCell(Function<T, String> text, Function<T, String> styleClass) {
        this.text = text;
        this.styleClass = styleClass;
        // the tooltip is made when the pointer first comes over the cell: a few hundred visible
        // cells each building a Tooltip (a popup window) were part of drawing the first rows
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            hovered = true;
            applyTooltip();
        });
    }

    /** The pointer has been over this cell: from then on its tooltip follows every update. */
    private boolean hovered;

    @Override
    protected final void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setGraphic(null);
        pendingTip = null;
        if (empty) {
            setText(null);
            pendingStyle = null;
        } else {
            setText(item == null ? "" : text.apply(item));
            pendingStyle = item == null ? null : styleClass.apply(item);
            SecretRow row = getTableRow() == null ? null : getTableRow().getItem();
            render(item, row);
        }
        applyStyle();
        applyTooltip();
    }

    /** Per-column extras once text and style are set. */
    protected void render(T value, SecretRow row) {
    }

    /** The tooltip for this update (null or empty: none). */
    protected final void tooltip(String value) {
        pendingTip = value;
    }

    /** The semantic state for this update, one of {@code Styles.CELL_*} (null: none). */
    protected final void style(String cls) {
        pendingStyle = cls;
    }

    private void applyStyle() {
        if (Objects.equals(appliedStyle, pendingStyle)) {
            return;
        }
        if (appliedStyle != null) {
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(appliedStyle), false);
        }
        if (pendingStyle != null) {
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(pendingStyle), true);
        }
        appliedStyle = pendingStyle;
    }

    /**
     * One tooltip per cell, made on first hover and re-texted as the cell is reused (a Tooltip
     * per render is a popup window per scroll).
     */
    private void applyTooltip() {
        if (!hovered) {
            return;
        }
        if (pendingTip == null || pendingTip.isEmpty()) {
            if (getTooltip() != null) {
                setTooltip(null);
            }
            return;
        }
        if (tip == null) {
            tip = new Tooltip();
            tip.setShowDelay(javafx.util.Duration.millis(500));
        }
        if (!pendingTip.equals(tip.getText())) {
            tip.setText(pendingTip);
        }
        if (getTooltip() != tip) {
            setTooltip(tip);
        }
    }
}
