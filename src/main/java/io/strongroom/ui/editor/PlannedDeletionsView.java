package io.strongroom.ui.editor;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.strongroom.domain.SecretSummary;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Secrets scheduled for deletion in some scopes, soonest first, with Restore. Embeddable as a
 * page (the shell may put it in a tab) or shown in a window by {@link SecretDialogs#plannedDeletions}.
 */
public final class PlannedDeletionsView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PlannedDeletionsViewModel vm;

    public PlannedDeletionsView(PlannedDeletionsViewModel vm) {
        this(vm, Clock.systemUTC());
    }

    public PlannedDeletionsView(PlannedDeletionsViewModel vm, Clock clock) {
        this.vm = vm;
        Texts texts = vm.texts();
        getStylesheets().add(Controls.STYLESHEET);
        getStyleClass().add("sr-planned-deletions");

        TableView<SecretSummary> table = new TableView<>(vm.secrets());
        table.setId("planned-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SecretSummary, String> name = column(texts.format("planned.col.name"), s -> s.name());
        name.getStyleClass().add(Controls.MONO);
        name.setPrefWidth(280);
        TableColumn<SecretSummary, String> scope = column(texts.format("planned.col.scope"), s -> s.scope().label());
        scope.setPrefWidth(200);
        TableColumn<SecretSummary, String> when = column(texts.format("planned.col.deletion"), s -> TIME.format(s.deletedDate()));
        when.setPrefWidth(160);
        TableColumn<SecretSummary, String> left = column(texts.format("planned.col.left"), s -> {
            long days = ChronoUnit.DAYS.between(LocalDate.now(clock), LocalDate.ofInstant(s.deletedDate(), ZoneOffset.UTC));
            return texts.format("planned.daysLeft", Math.max(0, days));
        });
        table.getColumns().add(name);
        table.getColumns().add(scope);
        table.getColumns().add(when);
        table.getColumns().add(left);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        Label empty = new Label(texts.format("planned.empty"));
        empty.getStyleClass().add(Controls.FIELD_HINT);
        table.setPlaceholder(empty);

        Button restore = Controls.button(texts.format("planned.restore"), MaterialDesignD.DELETE_RESTORE);
        restore.setId("planned-restore");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.disableProperty().bind(vm.canRestoreProperty().not());
        restore.setOnAction(e -> vm.restoreSelected());
        Button refresh = Controls.button(texts.format("planned.refresh"), MaterialDesignR.REFRESH);
        refresh.setId("planned-refresh");
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> vm.load());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.setMaxSize(16, 16);
        progress.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Controls.FIELD_HINT);
        Label title = new Label(texts.format("planned.title"), Controls.icon(MaterialDesignC.CALENDAR_REMOVE_OUTLINE));
        title.getStyleClass().add(Controls.SECTION_TITLE);
        HBox bar = new HBox(10, title, status, progress, Controls.spacer(), refresh, restore);
        bar.setAlignment(Pos.CENTER_LEFT);

        var restored = javafx.beans.binding.Bindings.createStringBinding(() -> vm.restoredNameProperty().get() == null ? null
                : texts.format("planned.restored", vm.restoredNameProperty().get()), vm.restoredNameProperty());
        VBox top = new VBox(8, bar,
                Controls.banner(vm.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(restored, Styles.SUCCESS, MaterialDesignD.DELETE_RESTORE));
        top.setPadding(new Insets(12, 14, 10, 14));
        setTop(top);
        setCenter(table);
    }

    public PlannedDeletionsViewModel viewModel() {
        return vm;
    }

    private static TableColumn<SecretSummary, String> column(String title, java.util.function.Function<SecretSummary, String> text) {
        TableColumn<SecretSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }
}
