package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** How a replica's status reads in the map and in the tab: a coloured word, the message under a failure, the rest in a tooltip. */
final class ReplicationCells {

    static final String STYLESHEET = ReplicationCells.class.getResource("replication.css").toExternalForm();

    private ReplicationCells() {}

    /** The status as a pill: InSync green, InProgress accent, Failed red, unknown grey. */
    static Label status(ReplicaStatus r, Texts texts) {
        Label l = new Label(ReplicationColumn.statusText(r, texts));
        l.getStyleClass().addAll("sr-repl-status", "status-" + (r.status() == null ? "unknown" : r.status()));
        return l;
    }

    /** A map cell: the pill, and a failure's message under it; the message, key and last access in the tooltip. */
    static VBox cell(ReplicaStatus r, String secretName, Texts texts, Formats formats) {
        VBox box = new VBox(2, status(r, texts));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if ("Failed".equals(r.status()) && r.statusMessage() != null) {
            Label message = new Label(r.statusMessage());
            message.getStyleClass().add("sr-repl-message");
            message.setWrapText(true);
            message.setMaxWidth(220);
            message.setPrefWidth(175);
            message.setMaxHeight(34);
            box.getChildren().add(message);
        }
        Tooltip tip = new Tooltip(tooltip(r, secretName, texts, formats));
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        Tooltip.install(box, tip);
        return box;
    }

    static String tooltip(ReplicaStatus r, String secretName, Texts texts, Formats formats) {
        return texts.format("tooltip.cell", secretName, r.region(),
                r.statusMessage() == null ? ReplicationColumn.statusText(r, texts) : r.statusMessage(),
                r.kmsKeyId() == null ? texts.get("tooltip.defaultKey") : r.kmsKeyId(),
                r.lastAccessed() == null ? texts.get("tooltip.never") : formats.date(r.lastAccessed()));
    }
}
