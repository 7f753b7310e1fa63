package io.strongroom.ui.inventory;

import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.InventoryColumn;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import java.util.Objects;

/**
 * A cell of one {@link InventoryColumn}: its text, its optional semantic state
 * ({@code Styles.CELL_*}, set as a pseudo-class of that name), its tooltip and its mark, as the
 * column says for the row's value. State and tooltip are applied once per update and only when
 * they change. A pseudo-class, not a style class: a changed style class makes JavaFX rebuild the
 * cell's CSS from scratch, and a reused cell changes state whenever it shows another row (every
 * pulse while rows stream in, every keystroke in the search box).
 */
final class RowCell<T> extends TableCell<SecretRow, T> {
    private final InventoryColumn<T> column;
    private final InventoryColumn.Words words;
    private String appliedStyle;
    private String pendingStyle;
    private String pendingTip;
    private Tooltip tip;

    RowCell(InventoryColumn<T> column, InventoryColumn.Words words) {
        this.column = Objects.requireNonNull(column);
        this.words = Objects.requireNonNull(words);
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
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setGraphic(null);
        pendingTip = null;
        if (empty) {
            setText(null);
            pendingStyle = null;
        } else {
            SecretRow row = getTableRow() == null ? null : getTableRow().getItem();
            SecretSummary secret = row == null ? null : row.summary();
            setText(item == null ? column.emptyText(words) : column.text(item, secret, words));
            pendingStyle = column.state(item, secret);
            pendingTip = column.tooltip(item, secret, words);
            InventoryColumn.Mark mark = column.mark(item, secret);
            if (mark != null) {
                setGraphic(mark.icon().icon(mark.styleClass()));
            }
        }
        applyStyle();
        applyTooltip();
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
