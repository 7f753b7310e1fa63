package io.strongroom.ui.rotation;

import atlantafx.base.theme.Styles;
import io.strongroom.domain.VersionSelector;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The rotation history as a compact timeline, newest first: each version with the labels it holds
 * now, and each rotation event (a failure with its step and reason, the whole reason in the
 * tooltip). Times are UTC, as in CloudTrail.
 */
final class RotationHistoryView extends VBox {

    static final double ROW = 46;
    static final int ROWS_SHOWN = 9;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Texts texts;

    RotationHistoryView(RotationHistoryModel history, ObservableStringValue error, Texts texts) {
        this.texts = texts;
        setSpacing(8);
        getStyleClass().add(Controls.CARD);
        Label title = Controls.sectionTitle(texts.get("history.title"));
        title.textProperty().bind(Bindings.createStringBinding(() -> texts.format("history.titleCount", history.entries().size()),
                history.entries()));
        Label hint = new Label(texts.get("history.hint"));
        hint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        hint.setWrapText(true);

        ListView<RotationHistoryEntry> list = new ListView<>(history.entries());
        list.setId("rotation-history");
        list.getStyleClass().addAll("sr-rot-history", Styles.DENSE);
        list.setFixedCellSize(ROW);
        list.setCellFactory(l -> new EntryCell());
        // whole rows only: the list's own border and padding, and up to ROWS_SHOWN rows
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.ceil(list.getInsets().getTop() + list.getInsets().getBottom())
                + 1 + Math.min(ROWS_SHOWN, Math.max(1, history.entries().size())) * ROW, history.entries(), list.insetsProperty()));
        list.minHeightProperty().bind(list.prefHeightProperty());
        Label empty = new Label(texts.get("history.empty"));
        empty.getStyleClass().add(Controls.FIELD_HINT);
        list.setPlaceholder(empty);

        getChildren().addAll(title, hint, Controls.banner(error, Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE), list);
    }

    private final class EntryCell extends ListCell<RotationHistoryEntry> {
        @Override
        protected void updateItem(RotationHistoryEntry e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            FontIcon icon = new FontIcon(icon(e));
            icon.getStyleClass().addAll("sr-rot-history-icon", "kind-" + e.kind().name().toLowerCase(Locale.ROOT));
            Label what = new Label(title(e));
            what.getStyleClass().add("sr-rot-history-title");
            HBox first = new HBox(6, what);
            first.setAlignment(Pos.CENTER_LEFT);
            if (e.kind() == RotationHistoryEntry.Kind.VERSION) {
                if (e.deprecated()) {
                    first.getChildren().add(stage(texts.get("history.deprecated"), "sr-stage-deprecated"));
                }
                e.stages().forEach(s -> first.getChildren().add(stage(s, stageClass(s))));
            }
            Label detail = new Label(detail(e));
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, e.kind() == RotationHistoryEntry.Kind.FAILED ? "sr-rot-reason" : Styles.TEXT_MUTED);
            detail.setMaxWidth(Double.MAX_VALUE);
            VBox text = new VBox(1, first, detail);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            Label time = new Label(TIME.format(e.time()));
            time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, Controls.MONO);
            time.setMinWidth(Label.USE_PREF_SIZE);
            HBox row = new HBox(10, icon, text, time);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setTooltip(e.reason() == null ? null : new Tooltip(e.reason()));
        }
    }

    private Label stage(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("sr-stage", style);
        return l;
    }

    private static String stageClass(String stage) {
        return switch (stage) {
            case VersionSelector.AWSCURRENT -> "sr-stage-current";
            case VersionSelector.AWSPENDING -> "sr-stage-pending";
            case VersionSelector.AWSPREVIOUS -> "sr-stage-previous";
            default -> "sr-stage-custom";
        };
    }

    private String title(RotationHistoryEntry e) {
        String v = shortId(e.versionId());
        return switch (e.kind()) {
            case VERSION -> texts.format(e.byRotation() ? "history.version.rotation" : "history.version.written", v);
            case STARTED -> texts.format("history.started", v);
            case SUCCEEDED -> texts.format("history.succeeded", v);
            case FAILED -> texts.format("history.failed", e.step() == null ? "?" : e.step(), v);
            case ABANDONED -> texts.format("history.abandoned", v);
        };
    }

    private String detail(RotationHistoryEntry e) {
        return switch (e.kind()) {
            case FAILED -> e.reason() == null ? texts.get("progress.noReason") : e.reason();
            case SUCCEEDED -> texts.get("history.succeeded.detail");
            case ABANDONED -> texts.get("history.abandoned.detail");
            default -> e.versionId() == null ? "" : e.versionId();
        };
    }

    private static Ikon icon(RotationHistoryEntry e) {
        return switch (e.kind()) {
            case VERSION -> MaterialDesignS.SOURCE_COMMIT;
            case STARTED -> MaterialDesignP.PLAY_CIRCLE_OUTLINE;
            case SUCCEEDED -> MaterialDesignC.CHECK_CIRCLE;
            case FAILED -> MaterialDesignC.CLOSE_CIRCLE;
            case ABANDONED -> MaterialDesignA.ALERT_OUTLINE;
        };
    }

    /** The first eight characters of a version ID and an ellipsis (the whole ID is on the line below or in the Versions tab). */
    static String shortId(String versionId) {
        if (versionId == null) {
            return "?";
        }
        return versionId.length() <= 8 ? versionId : versionId.substring(0, 8) + "\u2026";
    }
}
