package io.strongroom.ui.replication;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Add region…" window: the region and its key, then every secret's call (its command line)
 * before anything is sent, and each secret's outcome as the calls run.
 */
final class BulkAddDialog extends VBox {

    private final BulkAddModel model;
    private final Texts texts;
    private final VBox items = new VBox(6);

    BulkAddDialog(BulkAddModel model, Texts texts, int count, Runnable close) {
        this.model = model;
        this.texts = texts;
        getStylesheets().addAll(Controls.STYLESHEET, ReplicationCells.STYLESHEET);
        setSpacing(10);
        setPadding(new Insets(16));
        setPrefWidth(900);
        Label title = new Label(texts.format("bulk.title", count));
        title.getStyleClass().add("sr-repl-title");

        TextField region = new TextField();
        region.setId("bulk-region");
        region.textProperty().bindBidirectional(model.regionProperty());
        TextField key = new TextField();
        key.setId("bulk-key");
        key.setPromptText(texts.get("bulk.keyPrompt"));
        key.textProperty().bindBidirectional(model.kmsKeyIdProperty());
        GridPane form = Controls.form(10, 8, 160);
        form.addRow(0, Controls.formLabel(texts.get("bulk.region")), region);
        form.addRow(1, Controls.formLabel(texts.get("bulk.key")), key);
        Label problem = new Label();
        problem.getStyleClass().add("sr-repl-problem");
        problem.textProperty().bind(model.problemProperty());

        model.items().addListener((ListChangeListener<BulkAddItem>) c -> fill());
        fill();

        Button run = new Button(texts.get("bulk.run"));
        run.setId("bulk-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.canRunProperty().not());
        run.setOnAction(e -> model.run());
        Button stop = new Button(texts.get("bulk.cancel"));
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.cancel());
        Button closeButton = new Button(texts.get("bulk.close"));
        closeButton.setOnAction(e -> close.run());
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        HBox buttons = new HBox(10, summary, Controls.spacer(), stop, run, closeButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, form, problem, new Label(texts.get("bulk.calls")), items, buttons);
    }

    /** Opens the window over {@code owner}. */
    static void open(BulkAddModel model, Texts texts, int count, Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(texts.format("bulk.title", count));
        stage.setScene(new Scene(new BulkAddDialog(model, texts, count, stage::close)));
        stage.setOnHidden(e -> model.cancel());
        stage.show();
    }

    private void fill() {
        items.getChildren().setAll(model.items().stream().map(this::item).toList());
    }

    private Node item(BulkAddItem item) {
        Label name = new Label(item.row().name() + "  (" + item.row().accountAlias() + " / " + item.row().primaryRegion() + ")");
        name.getStyleClass().add("sr-repl-count-scope");
        Label state = new Label(texts.get("bulk.state." + item.state()));
        state.getStyleClass().addAll("sr-repl-status", "status-" + switch (item.state()) {
            case DONE -> "InSync";
            case RUNNING -> "InProgress";
            case FAILED -> "Failed";
            default -> "unknown";
        });
        HBox head = new HBox(8, state, name);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, head);
        if (item.commandLine() != null) {
            Label line = new Label(item.commandLine());
            line.getStyleClass().add("sr-repl-calls");
            line.setWrapText(true);
            box.getChildren().add(line);
        }
        if (item.message() != null) {
            Label message = new Label(item.message());
            message.setWrapText(true);
            message.getStyleClass().add(item.state() == BulkAddItem.State.FAILED ? "sr-repl-problem" : "sr-repl-muted");
            box.getChildren().add(message);
        }
        return box;
    }
}
