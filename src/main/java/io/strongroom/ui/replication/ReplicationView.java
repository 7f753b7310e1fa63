package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.BiConsumer;

/**
 * The Replication view: counts per account and region at the top, then the map (one row per
 * primary, failures first; a column per replica region, each cell the replica's status in colour
 * and word, a failure's message under it, the rest in a tooltip), multi-select with "Add region…".
 */
public final class ReplicationView extends BorderPane {

    private final ReplicationViewModel vm;
    private final Texts texts;
    private final Formats formats;
    private final TableView<ReplicationRow> table = new TableView<>();
    private BiConsumer<BulkAddModel, Window> bulkOpener = (model, owner) -> { };

    public ReplicationView(ReplicationViewModel vm, Texts texts, Formats formats) {
        this.vm = vm;
        this.texts = texts;
        this.formats = formats;
        getStylesheets().addAll(Controls.STYLESHEET, ReplicationCells.STYLESHEET);
        getStyleClass().add("sr-replication");
        setPadding(new Insets(14));
        setTop(top());
        setCenter(table());
        sceneProperty().addListener((o, was, now) -> vm.setShown(now != null));
        if (getScene() != null) {
            vm.setShown(true);
        }
    }

    /** Where "Add region…" opens its dialog. */
    public ReplicationView withBulkDialog(BiConsumer<BulkAddModel, Window> opener) {
        this.bulkOpener = opener;
        return this;
    }

    TableView<ReplicationRow> tableView() {
        return table;
    }

    private Node top() {
        Label title = new Label(texts.get("view.title"));
        title.getStyleClass().add("sr-repl-title");
        Label subtitle = new Label(texts.get("view.subtitle"));
        subtitle.getStyleClass().add("sr-repl-subtitle");

        Button refresh = new Button(texts.get("view.refresh"));
        refresh.setId("replication-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button bulk = new Button(texts.get("view.bulkAdd"));
        bulk.setId("replication-bulk-add");
        bulk.disableProperty().bind(vm.canBulkAddProperty().not());
        bulk.setOnAction(e -> {
            BulkAddModel model = vm.bulkAdd();
            if (model != null) {
                bulkOpener.accept(model, getScene() == null ? null : getScene().getWindow());
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty().or(vm.pollingProperty()));
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("sr-repl-muted");
        Label polling = new Label(texts.get("view.polling"));
        polling.getStyleClass().add("sr-repl-muted");
        polling.visibleProperty().bind(vm.pollingProperty());
        polling.managedProperty().bind(polling.visibleProperty());
        HBox toolbar = new HBox(10, refresh, bulk, busy, status, polling);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        FlowPane counts = new FlowPane(8, 8);
        counts.setId("replication-counts");
        vm.counts().addListener((ListChangeListener<ReplicationMap.ScopeCount>) c -> fillCounts(counts));
        fillCounts(counts);

        VBox problems = new VBox(4);
        vm.problems().addListener((ListChangeListener<String>) c -> problems.getChildren().setAll(vm.problems().stream().map(p -> {
            Label l = new Label(p);
            l.getStyleClass().add("sr-repl-problem");
            l.setWrapText(true);
            return (Node) l;
        }).toList()));

        VBox top = new VBox(8, new VBox(2, title, subtitle), toolbar, counts, problems);
        top.setPadding(new Insets(0, 0, 10, 0));
        return top;
    }

    private void fillCounts(FlowPane counts) {
        counts.getChildren().setAll(vm.counts().stream().map(c -> {
            Label scope = new Label(texts.format("count.scope", c.accountAlias(), c.region()));
            scope.getStyleClass().add("sr-repl-count-scope");
            HBox box = new HBox(scope);
            box.getStyleClass().add("sr-repl-count");
            box.setAlignment(Pos.CENTER_LEFT);
            if (c.failed() > 0) {
                box.getStyleClass().add("has-failed");
                box.getChildren().add(pill(texts.format("count.failed", c.failed()), "Failed"));
            }
            if (c.inProgress() > 0) {
                box.getChildren().add(pill(texts.format("count.inProgress", c.inProgress()), "InProgress"));
            }
            if (c.inSync() > 0) {
                box.getChildren().add(pill(texts.format("count.inSync", c.inSync()), "InSync"));
            }
            return (Node) box;
        }).toList());
    }

    private static Label pill(String text, String status) {
        Label l = new Label(text);
        l.getStyleClass().addAll("sr-repl-status", "status-" + status);
        return l;
    }

    private Node table() {
        table.setId("replication-table");
        table.getStyleClass().add("sr-repl-table");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ReplicationRow>) c ->
                vm.selected().setAll(table.getSelectionModel().getSelectedItems()));
        table.setPlaceholder(new Label(texts.get("view.empty")));
        // fixed rows: a failure's message wraps to two lines at most, and the table never measures wrapped labels
        table.setFixedCellSize(58);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.regions().addListener((ListChangeListener<String>) c -> columns());
        columns();
        return table;
    }

    private void columns() {
        TableColumn<ReplicationRow, ReplicationRow> name = column(texts.get("col.secret"), 280, (row, cell) -> {
            Label l = new Label(row.name());
            l.getStyleClass().add("sr-repl-name");
            if (row.secret().primaryError() != null) {
                Label why = new Label(texts.get("cell.unknown"));
                why.getStyleClass().add("sr-repl-message");
                javafx.scene.control.Tooltip.install(why, new javafx.scene.control.Tooltip(
                        texts.format("cell.unknown.tooltip", io.strongroom.ui.common.ErrorText.of(row.secret().primaryError()))));
                return new VBox(2, l, why);
            }
            return l;
        });
        TableColumn<ReplicationRow, ReplicationRow> account = column(texts.get("col.account"), 130,
                (row, cell) -> new Label(row.accountAlias()));
        TableColumn<ReplicationRow, ReplicationRow> primary = column(texts.get("col.primary"), 125,
                (row, cell) -> new Label(row.primaryRegion()));
        TableColumn<ReplicationRow, ReplicationRow> regions = new TableColumn<>(texts.get("col.regions"));
        for (String region : vm.regions()) {
            TableColumn<ReplicationRow, ReplicationRow> col = column(region, 190, (row, cell) -> {
                if (region.equals(row.primaryRegion())) {
                    Label l = new Label(texts.get("cell.primary"));
                    l.getStyleClass().addAll("sr-repl-status", "status-primary");
                    return l;
                }
                ReplicaStatus r = row.cell(region);
                if (r == null) {
                    Label l = new Label(texts.get("cell.none"));
                    l.getStyleClass().add("sr-repl-muted");
                    return l;
                }
                return ReplicationCells.cell(r, row.name(), texts, formats);
            });
            col.setId("col-region-" + region);
            regions.getColumns().add(col);
        }
        table.getColumns().setAll(java.util.List.of(name, account, primary));
        if (!regions.getColumns().isEmpty()) {
            table.getColumns().add(regions);
        }
    }

    private static TableColumn<ReplicationRow, ReplicationRow> column(String title, double width,
                                                                     BiConsumerNode render) {
        TableColumn<ReplicationRow, ReplicationRow> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setSortable(false);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ReplicationRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                setGraphic(empty || row == null ? null : render.node(row, this));
            }
        });
        return col;
    }

    @FunctionalInterface
    private interface BiConsumerNode {
        Node node(ReplicationRow row, TableCell<ReplicationRow, ReplicationRow> cell);
    }
}
