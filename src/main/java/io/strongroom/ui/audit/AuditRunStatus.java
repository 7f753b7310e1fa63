package io.strongroom.ui.audit;

import io.strongroom.domain.ScopeError;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the run stands, under the query bar: a progress bar and a line of counts, one chip per
 * scope (its state and the events read so far, pages in the tooltip), and one banner per scope
 * that failed, with the AWS error code, message and request ID (copyable). Part of {@link AuditView}.
 */
final class AuditRunStatus extends VBox {

    static final String SUMMARY_ID = "audit-status";

    private final AuditViewModel vm;
    private final Texts texts;
    private final DateTimeFormatter minutes;

    AuditRunStatus(AuditViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(vm.zone());
        getStyleClass().add("sr-audit-status");
        getChildren().addAll(line(), errors());
    }

    private HBox line() {
        ProgressBar bar = new ProgressBar();
        bar.visibleProperty().bind(vm.loadingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Label failed = new Label();
        failed.getStyleClass().add(Styles.CELL_DANGER);
        failed.setGraphic(Icons.ERROR.icon(Styles.DANGER));
        failed.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane chips = new FlowPane(6, 4);
        chips.getStyleClass().add("sr-audit-scopes");
        HBox.setHgrow(chips, Priority.ALWAYS);
        InvalidationListener update = o -> {
            int total = vm.scopeProgress().size();
            int finished = vm.scopesFinishedProperty().get();
            int events = vm.loadedCountProperty().get();
            bar.setProgress(total == 0 ? -1 : Math.max(0.02, (double) finished / total));
            String text;
            if (vm.loadedQueryProperty().get() == null || vm.windowStartProperty().get() == null) {
                text = texts.get("status.idle");
            } else if (total == 0) {
                text = texts.get("status.noScopes");
            } else {
                int answered = (int) vm.scopeProgress().stream().filter(p -> p.state() == AuditScopeProgress.State.DONE).count();
                String key = vm.loadingProperty().get() ? "status.loading" : vm.cancelledProperty().get() ? "status.cancelled"
                        : answered == total ? "status.done" : "status.done.some";
                text = texts.format(key, key.equals("status.done.some") ? answered : finished, total, events) + " " + texts.format("status.window",
                        minutes.format(vm.windowStartProperty().get()), minutes.format(vm.windowEndProperty().get()));
            }
            summary.setText(text);
            int f = vm.failedScopes().size();
            failed.setText(f == 0 ? "" : texts.format("status.failed", f));
            failed.setVisible(f > 0);
            failed.setManaged(f > 0);
        };
        vm.scopeProgress().addListener(update);
        vm.scopesFinishedProperty().addListener(update);
        vm.loadedCountProperty().addListener(update);
        vm.loadingProperty().addListener(update);
        vm.cancelledProperty().addListener(update);
        vm.loadedQueryProperty().addListener(update);
        update.invalidated(null);
        vm.scopeProgress().addListener((ListChangeListener<AuditScopeProgress>) c -> {
            // rebuilt when the scopes of a run are set; each chip follows its scope after that
            boolean replaced = false;
            while (c.next()) {
                replaced |= c.wasAdded() || c.wasRemoved();
            }
            if (replaced) {
                chips.getChildren().setAll(vm.scopeProgress().stream().map(this::chip).toList());
            }
        });
        HBox box = new HBox(10, bar, summary, failed, chips);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("sr-audit-status-line");
        return box;
    }

    private Label chip(AuditScopeProgress p) {
        Label chip = new Label();
        chip.getStyleClass().add("sr-audit-scope-chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        chip.setTooltip(tip);
        InvalidationListener update = o -> {
            AuditScopeProgress.State s = p.state();
            chip.setText(texts.format("scope.chip", p.scope().label(), p.events()));
            chip.setGraphic(switch (s) {
                case DONE -> Icons.OK.icon(Styles.SUCCESS);
                case FAILED -> Icons.ERROR.icon(Styles.DANGER);
                case CANCELLED -> Icons.CANCEL.icon();
                default -> Icons.PENDING.icon();
            });
            chip.getStyleClass().removeAll("reading", "done", "failed", "cancelled");
            chip.getStyleClass().add(s == AuditScopeProgress.State.QUEUED ? "reading" : s.name().toLowerCase(Locale.ROOT));
            tip.setText(texts.format("scope.tip", p.scope().label(), texts.get("scope.state." + s.name()), p.events(), p.pages()));
        };
        p.stateProperty().addListener(update);
        p.eventsProperty().addListener(update);
        update.invalidated(null);
        return chip;
    }

    /** One banner per failed scope: scope, AWS error code, message, request ID; the others' events still show. */
    private VBox errors() {
        VBox box = new VBox(4);
        box.setId("audit-scope-errors");
        box.getStyleClass().add("sr-audit-errors");
        Runnable rebuild = () -> {
            List<Node> rows = new ArrayList<>();
            for (AuditScopeProgress p : vm.failedScopes()) {
                ScopeError e = p.error();
                String text = ErrorText.of(e);
                Label l = new Label(text);
                l.setWrapText(true);
                l.setMaxWidth(Double.MAX_VALUE);
                l.setMinHeight(Region.USE_PREF_SIZE);
                HBox.setHgrow(l, Priority.ALWAYS);
                MenuItem copy = new MenuItem(texts.get("copy"), Icons.COPY.icon());
                copy.setOnAction(x -> {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(text);
                    Clipboard.getSystemClipboard().setContent(c);
                });
                l.setContextMenu(new ContextMenu(copy));
                HBox banner = new HBox(10, Controls.icon(Icons.ERROR.ikon()), l);
                banner.setAlignment(Pos.CENTER_LEFT);
                banner.getStyleClass().addAll(Controls.BANNER, Styles.DANGER, "sr-audit-error");
                rows.add(banner);
            }
            box.getChildren().setAll(rows);
            box.setVisible(!rows.isEmpty());
            box.setManaged(!rows.isEmpty());
        };
        vm.failedScopes().addListener((ListChangeListener<AuditScopeProgress>) c -> rebuild.run());
        rebuild.run();
        return box;
    }
}
