package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationState;
import io.strongroom.ui.common.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Rotation table's columns and cells: every column holds the row itself and sorts by one of
 * its values, so the table's comparator (the user's sort) compares what the column shows.
 * Part of {@link RotationView}.
 */
final class RotationRowCells {

    static final String BADGE = "sr-rotation-badge";
    static final String RESULT = "sr-rotation-result";
    private static final String[] TONES = {Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT, "muted"};

    private final RotationRowText text;

    RotationRowCells(RotationRowText text) {
        this.text = text;
    }

    /**
     * A text column: {@code shown} is its text, {@code tip} its tooltip (null: none), {@code style}
     * an extra style class of the cell (null: none), and it sorts by {@code sortKey} (nulls last).
     */
    <K> TableColumn<RotationRow, RotationRow> text(String title, String id, double width, Function<RotationRow, String> shown,
                                                    Function<RotationRow, String> tip, Function<RotationRow, String> style,
                                                    Function<RotationRow, K> sortKey, Comparator<K> order) {
        TableColumn<RotationRow, RotationRow> c = column(title, id, width, sortKey, order);
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();
            private String added;

            @Override
            protected void updateItem(RotationRow row, boolean empty) {
                super.updateItem(row, empty);
                if (added != null) {
                    getStyleClass().remove(added);
                    added = null;
                }
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(shown.apply(row));
                String t = tip == null ? null : tip.apply(row);
                if (t != null && !t.isEmpty()) {
                    tooltip.setText(t);
                    setTooltip(tooltip);
                } else {
                    setTooltip(null);
                }
                added = style == null ? null : style.apply(row);
                if (added != null) {
                    getStyleClass().add(added);
                }
            }
        });
        return c;
    }

    /** The status as a coloured badge, sorted most urgent first. */
    TableColumn<RotationRow, RotationRow> status(String title, double width) {
        TableColumn<RotationRow, RotationRow> c = new TableColumn<>(title);
        c.setId("rotation-col-status");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator(RotationRowOrder.URGENCY);
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label badge = new Label();
            private final Tooltip tooltip = new Tooltip();

            {
                badge.setTooltip(tooltip);
                badge.setMinWidth(Label.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(RotationRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                badge.getStyleClass().setAll("label", BADGE, badgeClass(row.status()));
                badge.setText(text.status(row));
                badge.setGraphic(new FontIcon(badgeIcon(row.status())));
                tooltip.setText(text.statusTip(row));
                setGraphic(badge);
            }
        });
        return c;
    }

    /** The last result with an icon of its outcome; the full text (and why it is unknown) in the tooltip. */
    TableColumn<RotationRow, RotationRow> lastResult(String title, double width) {
        TableColumn<RotationRow, RotationRow> c = RotationRowCells.<java.time.Instant>column(title, "rotation-col-lastResult", width,
                r -> r.lastEvent() == null ? null : r.lastEvent().time(), Comparator.naturalOrder());
        c.setCellFactory(col -> new TableCell<>() {
            private final Label label = new Label();
            private final Tooltip tooltip = new Tooltip();

            {
                label.getStyleClass().add(RESULT);
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(520);
            }

            @Override
            protected void updateItem(RotationRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                label.getStyleClass().removeAll(TONES);
                label.getStyleClass().add(tone(row));
                label.setText(text.lastResult(row));
                label.setGraphic(new FontIcon(resultIcon(row)));
                String tip = text.lastResultTip(row);
                tooltip.setText(tip);
                setTooltip(tip == null ? null : tooltip);
                setGraphic(label);
            }
        });
        return c;
    }

    private static <K> TableColumn<RotationRow, RotationRow> column(String title, String id, double width, Function<RotationRow, K> sortKey,
                                                                   Comparator<K> order) {
        TableColumn<RotationRow, RotationRow> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator(Comparator.comparing(sortKey, Comparator.nullsLast(order)));
        c.setPrefWidth(width);
        // short columns keep their header readable; long ones may give way to the last result
        c.setMinWidth(width <= 120 ? width : Math.max(80, width * 0.6));
        return c;
    }

    static String badgeClass(RotationState.Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Ikon badgeIcon(RotationState.Status s) {
        return switch (s) {
            case NOT_CONFIGURED -> MaterialDesignM.MINUS_CIRCLE_OUTLINE;
            case DISABLED -> MaterialDesignP.PAUSE_CIRCLE_OUTLINE;
            case ENABLED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case ROTATING -> MaterialDesignA.AUTORENEW;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
            case STUCK -> MaterialDesignA.ALERT_OCTAGON_OUTLINE;
        };
    }

    private static String tone(RotationRow row) {
        if (row.results() != RotationRow.Results.KNOWN || row.lastEvent() == null) {
            return "muted";
        }
        return switch (row.lastEvent().kind()) {
            case SUCCEEDED -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
            case STARTED -> Styles.ACCENT;
            case ABANDONED -> Styles.WARNING;
        };
    }

    private static Ikon resultIcon(RotationRow row) {
        if (row.results() == RotationRow.Results.UNKNOWN) {
            return MaterialDesignH.HELP_CIRCLE_OUTLINE;
        }
        if (row.results() == RotationRow.Results.LOADING) {
            return MaterialDesignT.TIMER_SAND;
        }
        RotationEvent e = row.lastEvent();
        if (e == null) {
            return MaterialDesignM.MINUS;
        }
        return switch (e.kind()) {
            case SUCCEEDED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
            case STARTED -> MaterialDesignA.AUTORENEW;
            case ABANDONED -> MaterialDesignA.ALERT_OUTLINE;
        };
    }
}
