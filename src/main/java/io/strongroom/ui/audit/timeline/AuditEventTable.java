package io.strongroom.ui.audit.timeline;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.List;
import java.util.function.Function;

/**
 * CloudTrail events in a table, newest first as given: the columns asked for, short names with
 * the whole ARN in the tooltip, times in the user's zone (the exact UTC instant in the tooltip),
 * the error in the danger colour. Shared by the anomalies panel and the secret's Audit tab.
 */
public final class AuditEventTable extends TableView<AuditRecord> {

    public enum Column { TIME, PRINCIPAL, EVENT, SECRET, SOURCE_IP, ERROR }

    private final Texts texts;
    private final Formats formats;

    /** @param texts the console's texts (the audit parts' bundle is looked up from them) */
    public AuditEventTable(ObservableList<AuditRecord> items, Texts texts, Formats formats, List<Column> columns) {
        super(items);
        this.texts = texts.in(AuditParts.BUNDLE);
        this.formats = formats;
        getStylesheets().addAll(Controls.STYLESHEET, TimelineView.STYLESHEET);
        getStyleClass().addAll("sr-audit-events", Styles.DENSE);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Label none = new Label(this.texts.get("events.none"));
        none.getStyleClass().add(Controls.FIELD_HINT);
        setPlaceholder(none);
        for (Column c : columns) {
            getColumns().add(column(c));
        }
    }

    private TableColumn<AuditRecord, AuditRecord> column(Column c) {
        return switch (c) {
            case TIME -> text("events.time", 130, r -> formats.dateTime(r.time()), r -> Formats.exact(r.time()), false, false);
            case PRINCIPAL -> text("events.principal", 230, r -> AuditNames.principal(r.principal()), AuditRecord::principal, true, false);
            case EVENT -> text("events.event", 150, AuditRecord::eventName, r -> r.eventSource(), false, false);
            case SECRET -> text("events.secret", 180, r -> AuditNames.secret(r.secretArn()), AuditRecord::secretArn, true, false);
            case SOURCE_IP -> text("events.sourceIp", 110, AuditRecord::sourceIp, AuditRecord::userAgent, true, false);
            case ERROR -> text("events.error", 150, r -> r.errorCode() != null ? r.errorCode() : r.errorMessage(), AuditRecord::errorMessage,
                    false, true);
        };
    }

    private TableColumn<AuditRecord, AuditRecord> text(String key, double width, Function<AuditRecord, String> text,
                                                       Function<AuditRecord, String> tooltip, boolean mono, boolean failure) {
        TableColumn<AuditRecord, AuditRecord> col = new TableColumn<>(texts.get(key));
        col.setPrefWidth(width);
        col.setSortable(false);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(AuditRecord r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("sr-audit-failed");
                if (empty || r == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(r));
                String tip = tooltip.apply(r);
                setTooltip(tip == null || tip.isEmpty() ? null : new Tooltip(tip));
                if (failure && r.failed()) {
                    getStyleClass().add("sr-audit-failed");
                }
            }
        });
        if (mono) {
            col.getStyleClass().add(Controls.MONO);
        }
        return col;
    }
}
