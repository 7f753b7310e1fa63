package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.policy.JsonStyles;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The selected event: its fields (time, account, principal, event, resources, source IP, user
 * agent, error, request and event IDs) and its CloudTrail record, pretty-printed and highlighted
 * in a read-only monospace area. Part of {@link AuditView}.
 */
final class AuditDetailPane extends StackPane {

    static final String JSON_ID = "audit-detail-json";

    private final AuditViewModel vm;
    private final Texts texts;
    private final DateTimeFormatter seconds;
    private final Label title = new Label();
    private final GridPane fields = Controls.form(12, 4, 96);
    private final CodeArea json = new CodeArea();
    private final Label noJson = new Label();
    private final VBox content;
    private final Label empty;

    AuditDetailPane(AuditViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        this.seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(vm.zone());
        getStyleClass().add("sr-audit-detail");
        title.getStyleClass().addAll(Styles.TITLE_4, "sr-audit-detail-title");
        title.setWrapText(true);
        json.setId(JSON_ID);
        json.setEditable(false);
        json.setWrapText(false);
        json.getStyleClass().add("sr-audit-json");
        noJson.getStyleClass().add(Styles.TEXT_MUTED);
        noJson.setText(texts.get("detail.json.none"));
        VirtualizedScrollPane<CodeArea> jsonPane = new VirtualizedScrollPane<>(json);
        VBox.setVgrow(jsonPane, Priority.ALWAYS);
        ScrollPane fieldsPane = new ScrollPane(fields);
        fieldsPane.setFitToWidth(true);
        fieldsPane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        fields.setPadding(new Insets(0, 4, 8, 0));
        VBox record = new VBox(6, Controls.sectionTitle(texts.get("detail.json")), noJson, jsonPane);
        record.setPadding(new Insets(8, 0, 0, 0));
        // the fields above, the record below; the user moves the divider
        SplitPane parts = new SplitPane(fieldsPane, record);
        parts.setOrientation(Orientation.VERTICAL);
        parts.setDividerPositions(0.5);
        VBox.setVgrow(parts, Priority.ALWAYS);
        content = new VBox(6, title, parts);
        content.setPadding(new Insets(10, 12, 10, 12));
        empty = new Label(texts.get("detail.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        getChildren().addAll(content, empty);
        vm.selectedProperty().addListener((o, was, now) -> show(now));
        show(vm.selectedProperty().get());
    }

    private void show(AuditRecord r) {
        content.setVisible(r != null);
        empty.setVisible(r == null);
        fields.getChildren().clear();
        if (r == null) {
            json.replaceText("");
            return;
        }
        title.setText(texts.format("detail.title", r.eventName(), seconds.format(r.time())));
        String none = texts.get("detail.none");
        int row = 0;
        boolean utc = vm.zone().getRules().getOffset(r.time()).getTotalSeconds() == 0;
        row = field(row, "detail.time", utc ? r.time().toString()
                : texts.format("detail.time.value", seconds.format(r.time()), r.time().toString()), false);
        row = field(row, "detail.account", texts.format("detail.account.value", r.scope().accountAlias(), r.scope().accountId()), false);
        row = field(row, "detail.region", r.scope().region(), false);
        row = field(row, "detail.principal", r.principal(), true);
        row = field(row, "detail.principalType", or(r.principalType(), none), false);
        row = field(row, "detail.accessKey", or(r.accessKeyId(), none), true);
        row = field(row, "detail.userName", or(r.userName(), none), false);
        row = field(row, "detail.source", or(r.eventSource(), none), false);
        row = field(row, "detail.resources", r.resourceArns().isEmpty() ? none : String.join("\n", r.resourceArns()), true);
        row = field(row, "detail.sourceIp", or(r.sourceIp(), none), true);
        row = field(row, "detail.userAgent", or(r.userAgent(), none), false);
        if (r.failed()) {
            row = field(row, "detail.error", r.errorMessage() == null ? r.errorCode()
                    : texts.format("detail.error.value", or(r.errorCode(), none), r.errorMessage()), false);
            fields.getChildren().get(fields.getChildren().size() - 1).getStyleClass().add(Styles.CELL_DANGER);
        }
        row = field(row, "detail.requestId", or(r.requestId(), none), true);
        row = field(row, "detail.eventId", r.eventId(), true);
        field(row, "detail.readOnly", texts.get(r.readOnly() ? "detail.yes" : "detail.no"), false);
        String text = vm.selectedJsonProperty().get();
        noJson.setVisible(text.isEmpty());
        noJson.setManaged(text.isEmpty());
        json.replaceText(text);
        if (!text.isEmpty()) {
            json.setStyleSpans(0, spans(JsonStyles.of(text), text.length()));
        }
        json.moveTo(0);
        json.requestFollowCaret();
    }

    private int field(int row, String key, String value, boolean mono) {
        Label name = Controls.formLabel(texts.get(key));
        Label v = new Label(mono ? breakable(value) : value);
        v.setWrapText(true);
        v.setMaxWidth(Double.MAX_VALUE);
        v.setMinHeight(Region.USE_PREF_SIZE);
        if (mono) {
            v.getStyleClass().add(Styles.MONO);
        }
        fields.addRow(row, name, v);
        return row + 1;
    }

    /** An ARN or an ID with a zero-width space after each {@code :} and {@code /}, so a narrow pane wraps it there. */
    static String breakable(String s) {
        return s.replace(":", ":\u200B").replace("/", "/\u200B");
    }

    private static String or(String s, String none) {
        return s == null || s.isEmpty() ? none : s;
    }

    /** JsonStyles' spans (which do not overlap) with the unstyled text between them. */
    private static StyleSpans<Collection<String>> spans(List<JsonStyles.Span> spans, int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        for (JsonStyles.Span s : spans) {
            if (s.start() < at || s.end() > length) {
                continue;
            }
            if (s.start() > at) {
                b.add(List.of(), s.start() - at);
            }
            b.add(List.of(s.styleClass()), s.end() - s.start());
            at = s.end();
        }
        b.add(List.of(), length - at);
        return b.create();
    }
}
