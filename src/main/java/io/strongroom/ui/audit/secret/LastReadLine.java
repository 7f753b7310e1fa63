package io.strongroom.ui.audit.secret;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.audit.timeline.AuditNames;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;

import java.util.List;

/**
 * "Last read by arn:…/payments-api/ecs-task-7d1e, 2026-12-04 14:03, from 10.20.1.14 (and 2
 * others)": one line in the secret detail's header, from the Audit tab's view model, whichever tab
 * is chosen. Hidden until the readers are known.
 */
final class LastReadLine extends Label {

    static final String ID = "detail-last-read";

    LastReadLine(AuditTabViewModel vm, Texts texts, Formats formats) {
        setId(ID);
        setGraphic(Controls.icon(MaterialDesignE.EYE_OUTLINE));
        getStyleClass().addAll(Styles.TEXT_SMALL, "sr-last-read-line");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        InvalidationListener update = o -> {
            boolean known = vm.readersKnownProperty().get();
            setVisible(known);
            setManaged(known);
            List<AuditRecord> readers = vm.lastReaders();
            if (!known) {
                setText(null);
                setTooltip(null);
            } else if (readers.isEmpty()) {
                setText(vm.readersCompleteProperty().get() ? texts.get("header.notRead")
                        : texts.format("header.notReadLatest", vm.readersFromProperty().get()));
                setTooltip(null);
            } else {
                AuditRecord last = readers.get(0);
                String who = AuditNames.principal(last.principal());
                String when = formats.dateTime(last.time());
                String from = last.sourceIp() == null ? "?" : last.sourceIp();
                setText(readers.size() == 1 ? texts.format("header.lastRead", who, when, from)
                        : texts.format("header.lastRead.others", who, when, from, readers.size() - 1));
                setTooltip(new Tooltip(last.principal() + "\n" + Formats.exact(last.time())));
            }
        };
        vm.readersKnownProperty().addListener(update);
        vm.lastReaders().addListener(update);
        update.invalidated(null);
    }
}
