package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The Replication tab: what the secret is (not replicated, primary, replica), a primary's replicas
 * with Retry and Remove, the "Add regions" form with the call it will send, and a replica's
 * "Promote to standalone". Every change is confirmed by the view model with its exact calls.
 */
public final class ReplicationTabView extends VBox {

    private final ReplicationTabViewModel vm;
    private final Texts texts;
    private final Formats formats;
    private final TableView<ReplicaStatus> table = new TableView<>();

    public ReplicationTabView(ReplicationTabViewModel vm, Texts texts, Formats formats) {
        this.vm = vm;
        this.texts = texts;
        this.formats = formats;
        getStylesheets().addAll(Controls.STYLESHEET, ReplicationCells.STYLESHEET);
        getStyleClass().add("sr-replication-tab");
        setSpacing(12);
        setPadding(new Insets(10));

        Label header = new Label();
        header.setId("replication-tab-header");
        header.setWrapText(true);
        header.getStyleClass().add("sr-repl-title");
        header.textProperty().bind(Bindings.createStringBinding(this::headerText, vm.secretProperty(), vm.roleProperty(), vm.replicas()));
        Label readOnly = new Label(texts.get("tab.readOnly"));
        readOnly.getStyleClass().add("sr-repl-muted");
        readOnly.visibleProperty().bind(vm.canWriteProperty().not().and(vm.secretProperty().isNotNull()).and(vm.writingProperty().not()));
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        Label notice = new Label();
        notice.getStyleClass().add("sr-repl-notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        Label error = new Label();
        error.setId("replication-tab-error");
        error.setWrapText(true);
        error.getStyleClass().add("sr-repl-problem");
        error.textProperty().bind(vm.writeErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        Node replicas = replicasCard();
        Node add = addCard();
        Node promote = promoteCard();
        bindRole(replicas, ReplicationTabViewModel.Role.PRIMARY);
        add.visibleProperty().bind(vm.roleProperty().isNotEqualTo(ReplicationTabViewModel.Role.REPLICA).and(vm.secretProperty().isNotNull()));
        add.managedProperty().bind(add.visibleProperty());
        bindRole(promote, ReplicationTabViewModel.Role.REPLICA);
        getChildren().addAll(header, readOnly, notice, error, replicas, promote, add);

        sceneProperty().addListener((o, was, now) -> vm.setShown(now != null));
    }

    private void bindRole(Node node, ReplicationTabViewModel.Role role) {
        node.visibleProperty().bind(vm.roleProperty().isEqualTo(role));
        node.managedProperty().bind(node.visibleProperty());
    }

    private String headerText() {
        SecretSummary s = vm.secretProperty().get();
        if (s == null) {
            return "";
        }
        return switch (vm.roleProperty().get()) {
            case NONE -> texts.get("tab.none");
            case PRIMARY -> texts.format("tab.primary", s.region(), vm.replicas().size());
            case REPLICA -> texts.format("tab.replica", s.primaryRegion());
        };
    }

    private Node replicasCard() {
        table.setId("replication-tab-replicas");
        table.setItems(vm.replicas());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(58);
        table.prefHeightProperty().bind(Bindings.size(vm.replicas()).multiply(58).add(46));
        table.setMinHeight(90);
        table.getColumns().setAll(java.util.List.of(
                column(texts.get("tab.col.region"), 105, r -> new Label(r.region())),
                column(texts.get("tab.col.status"), 100, r -> ReplicationCells.status(r, texts)),
                column(texts.get("tab.col.key"), 190, r -> new Label(r.kmsKeyId() == null ? texts.get("tooltip.defaultKey") : r.kmsKeyId())),
                column(texts.get("tab.col.lastAccessed"), 125,
                        r -> new Label(r.lastAccessed() == null ? texts.get("tooltip.never") : formats.date(r.lastAccessed()))),
                column("", 195, this::actions),
                column(texts.get("tab.col.message"), 215, r -> {
                    Label l = new Label(r.statusMessage() == null ? "" : r.statusMessage());
                    l.setWrapText(true);
                    if ("Failed".equals(r.status())) {
                        l.getStyleClass().add("sr-repl-message");
                    }
                    return l;
                })));
        VBox card = new VBox(8, Controls.sectionTitle(texts.get("tab.replicas")), table);
        card.getStyleClass().add("sr-repl-card");
        return card;
    }

    private Node actions(ReplicaStatus r) {
        HBox box = new HBox(6);
        box.setAlignment(Pos.CENTER_LEFT);
        if ("Failed".equals(r.status())) {
            Button retry = new Button(texts.get("tab.retry"));
            retry.setId("replication-retry-" + r.region());
            retry.disableProperty().bind(vm.canWriteProperty().not());
            retry.setOnAction(e -> vm.retry(r));
            box.getChildren().add(retry);
        }
        Button remove = new Button(texts.get("tab.remove"));
        remove.setId("replication-remove-" + r.region());
        remove.disableProperty().bind(vm.canWriteProperty().not());
        remove.setOnAction(e -> vm.remove(r));
        box.getChildren().add(remove);
        return box;
    }

    private Node promoteCard() {
        Label about = new Label();
        about.setWrapText(true);
        about.textProperty().bind(Bindings.createStringBinding(() -> vm.secretProperty().get() == null ? ""
                : texts.format("tab.promote.about", vm.secretProperty().get().region()), vm.secretProperty()));
        Button promote = new Button(texts.get("tab.promote"));
        promote.setId("replication-promote");
        promote.disableProperty().bind(vm.canWriteProperty().not());
        promote.setOnAction(e -> vm.promote());
        VBox card = new VBox(8, about, promote);
        card.getStyleClass().add("sr-repl-card");
        return card;
    }

    private Node addCard() {
        AddRegionsModel add = vm.add();
        TextField region = new TextField();
        region.setId("replication-add-region");
        region.setPromptText("eu-west-1");
        region.setPrefColumnCount(12);
        region.textProperty().bindBidirectional(add.regionProperty());
        TextField key = new TextField();
        key.setId("replication-add-key");
        key.setPromptText(texts.get("tab.add.keyPrompt"));
        key.setPrefColumnCount(26);
        key.textProperty().bindBidirectional(add.kmsKeyIdProperty());
        Button addRow = new Button(texts.get("tab.add.addRow"));
        addRow.setOnAction(e -> add.addTarget());
        region.setOnAction(e -> add.addTarget());
        HBox inputs = new HBox(8, new VBox(2, Controls.formLabel(texts.get("tab.add.region")), region),
                new VBox(2, Controls.formLabel(texts.get("tab.add.key")), key), addRow);
        inputs.setAlignment(Pos.BOTTOM_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add("sr-repl-problem");
        problem.textProperty().bind(add.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        FlowPane chosen = new FlowPane(6, 6);
        add.targets().addListener((ListChangeListener<ReplicaTarget>) c -> chosen.getChildren().setAll(add.targets().stream().map(t -> {
            Label l = new Label(texts.format("tab.add.target", t.region(), t.kmsKeyId() == null ? texts.get("tooltip.defaultKey") : t.kmsKeyId()));
            Button x = new Button("\u00d7");
            x.getStyleClass().addAll("flat", "small");
            x.setOnAction(e -> add.removeTarget(t));
            HBox chip = new HBox(l, x);
            chip.getStyleClass().add("sr-repl-chip");
            return (Node) chip;
        }).toList()));
        CheckBox force = new CheckBox(texts.get("tab.add.force"));
        force.selectedProperty().bindBidirectional(add.forceOverwriteProperty());
        Label preview = new Label();
        preview.setId("replication-add-preview");
        preview.setWrapText(true);
        preview.getStyleClass().add("sr-repl-calls");
        preview.textProperty().bind(add.previewProperty());
        preview.visibleProperty().bind(add.previewProperty().isNotNull());
        preview.managedProperty().bind(preview.visibleProperty());
        Button run = new Button(texts.get("tab.add.run"));
        run.setId("replication-add-run");
        run.disableProperty().bind(vm.canAddProperty().not());
        run.setOnAction(e -> vm.addRegions());
        VBox card = new VBox(8, Controls.sectionTitle(texts.get("tab.add")), inputs, problem, chosen, force, preview, run);
        card.getStyleClass().add("sr-repl-card");
        card.disableProperty().bind(vm.canWriteProperty().not().and(vm.writingProperty().not()));
        VBox.setVgrow(card, Priority.NEVER);
        return card;
    }

    private static TableColumn<ReplicaStatus, ReplicaStatus> column(String title, double width, Function<ReplicaStatus, Node> render) {
        TableColumn<ReplicaStatus, ReplicaStatus> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setMinWidth(title.isEmpty() ? width : Math.min(width, 90));   // the buttons' column never truncates them
        col.setSortable(false);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ReplicaStatus r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                setGraphic(empty || r == null ? null : render.apply(r));
            }
        });
        return col;
    }
}
