package io.strongroom.ui.rotation;

import atlantafx.base.theme.Tweaks;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.function.Function;

/**
 * Rotate selected…: lists the secrets (and the ones skipped, with why), rotates them once the user
 * confirms, and shows each one's progress and outcome: the new version, AWS's refusal with its
 * error code, the step a rotation failed in, or that it was still running when the console
 * stopped waiting. The close button cancels before, stops during and closes after. Binds to
 * {@link BulkRotateViewModel}.
 */
public final class BulkRotateDialog extends Dialog<Void> {

    public static final String TABLE_ID = "bulk-rotate-table";

    private final BulkRotateViewModel vm;
    private final Texts texts;
    private Button confirm;
    private Button closing;

    public BulkRotateDialog(BulkRotateViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        setTitle(texts.get("bulk.title"));
        setResizable(true);
        getDialogPane().getStylesheets().addAll(Controls.STYLESHEET, RotationView.STYLESHEET);
        getDialogPane().getStyleClass().addAll("sr-dialog", "sr-bulk-rotate");
        // AtlantaFX caps dialog panes at 600 px; this one lists secrets side by side with their outcome
        getDialogPane().setStyle("-fx-pref-width: 1000px; -fx-max-width: 1400px;");

        Label heading = new Label(texts.get("bulk.title"), Controls.icon(Icons.NAV_ROTATION.ikon()));
        heading.getStyleClass().add("sr-dialog-title");
        int skipped = vm.items().size() - vm.toRotateProperty().get();
        Label sub = new Label(texts.format("bulk.subtitle", vm.toRotateProperty().get(), skipped));
        sub.getStyleClass().add(Controls.FIELD_HINT);
        sub.setWrapText(true);
        Label how = new Label(texts.format("bulk.waiting", vm.settings().parallelism(), vm.settings().timeout().toSeconds()));
        how.getStyleClass().add(Controls.FIELD_HINT);
        how.setWrapText(true);
        VBox header = new VBox(4, heading, sub, how);
        header.getStyleClass().add("sr-dialog-header");
        getDialogPane().setHeader(header);

        VBox content = new VBox(table(), footer());
        getDialogPane().setContent(content);
        buttons();
        setResultConverter(b -> null);
        addEventHandler(DialogEvent.DIALOG_HIDDEN, e -> vm.dispose());
    }

    private TableView<BulkRotateItem> table() {
        // each row redraws when its item's state changes
        ObservableList<BulkRotateItem> items = FXCollections.observableArrayList(i -> new Observable[] {i.stateProperty()});
        items.setAll(vm.items());
        TableView<BulkRotateItem> table = new TableView<>(items);
        table.setId(TABLE_ID);
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        double height = Math.min(480, 64 + 66 * items.size());
        table.setPrefHeight(height);
        table.setMinHeight(Math.min(height, 240));
        table.getColumns().add(secretColumn());
        table.getColumns().add(textColumn("bulk.col.function", 170, i -> i.functionName() == null ? texts.get("none") : i.functionName(),
                i -> i.secret().rotation().lambdaArn()));
        table.getColumns().add(stateColumn());
        table.getColumns().add(detailColumn());
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private TableColumn<BulkRotateItem, BulkRotateItem> secretColumn() {
        TableColumn<BulkRotateItem, BulkRotateItem> c = new TableColumn<>(texts.get("bulk.col.secret"));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setPrefWidth(290);
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label name = new Label();
            private final Label scope = new Label();
            private final VBox box = new VBox(0, name, scope);

            {
                name.getStyleClass().add(Styles.MONO);
                scope.getStyleClass().add("sr-bulk-scope");
                box.setAlignment(Pos.CENTER_LEFT);
                box.setMaxHeight(Region.USE_PREF_SIZE);
                setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(BulkRotateItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(item.secret().name());
                scope.setText(item.secret().scope().label());
                setTooltip(new Tooltip(item.secret().arn()));
                setGraphic(box);
            }
        });
        return c;
    }

    private TableColumn<BulkRotateItem, BulkRotateItem> textColumn(String key, double width, Function<BulkRotateItem, String> text,
                                                                   Function<BulkRotateItem, String> tip) {
        TableColumn<BulkRotateItem, BulkRotateItem> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(BulkRotateItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                String t = empty || item == null ? null : tip.apply(item);
                setTooltip(t == null || t.isEmpty() ? null : new Tooltip(t));
            }
        });
        return c;
    }

    /** What happened, wrapped over as many lines as it takes (a refusal names scope, code, message and request ID). */
    private TableColumn<BulkRotateItem, BulkRotateItem> detailColumn() {
        TableColumn<BulkRotateItem, BulkRotateItem> c = new TableColumn<>(texts.get("bulk.col.detail"));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setPrefWidth(340);
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            // a Text wraps at its wrapping width and is as tall as its lines, so the row grows with it
            private final Text text = new Text();

            {
                text.getStyleClass().add("sr-bulk-detail");
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(18));
            }

            @Override
            protected void updateItem(BulkRotateItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                text.setText(detail(item));
                text.getStyleClass().remove(Styles.DANGER);
                if (item.state() == BulkRotateItem.State.REFUSED || item.state() == BulkRotateItem.State.FAILED) {
                    text.getStyleClass().add(Styles.DANGER);
                }
                setGraphic(text);
            }
        });
        return c;
    }

    private TableColumn<BulkRotateItem, BulkRotateItem> stateColumn() {
        TableColumn<BulkRotateItem, BulkRotateItem> c = new TableColumn<>(texts.get("bulk.col.state"));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setPrefWidth(130);
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label label = new Label();

            {
                label.getStyleClass().add(RotationRowCells.RESULT);
            }

            @Override
            protected void updateItem(BulkRotateItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                BulkRotateItem.State s = item.state();
                label.setText(texts.get("bulk.state." + s.name()));
                label.setGraphic(new FontIcon(icon(s)));
                label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT, "muted");
                label.getStyleClass().add(tone(s));
                setGraphic(label);
            }
        });
        return c;
    }

    /** What the Detail column says for {@code item} in its state. */
    private String detail(BulkRotateItem item) {
        String version = item.versionIdProperty().get();
        return switch (item.state()) {
            case READY, QUEUED -> item.turnsRotationOn() ? texts.get("bulk.turnsOn") : "";
            case SKIPPED -> texts.get("bulk.skip." + item.reasonProperty().get().name());
            case STARTING -> "";
            case ROTATING -> texts.format("bulk.rotating", version);
            case SUCCEEDED -> texts.format("bulk.succeeded", version);
            case REFUSED -> withoutScope(item, item.detailProperty().get());
            case FAILED -> item.stepProperty().get() == null ? texts.format("bulk.failed.noStep", item.detailProperty().get())
                    : texts.format("bulk.failed", item.stepProperty().get(), item.detailProperty().get());
            case STILL_RUNNING -> item.detailProperty().get() != null
                    ? texts.format("bulk.stillRunning.problem", vm.settings().timeout().toSeconds(), item.detailProperty().get())
                    : texts.format("bulk.stillRunning", vm.settings().timeout().toSeconds(), version);
            case CANCELLED -> version == null ? texts.get("bulk.cancelled") : texts.format("bulk.cancelled.sent", version);
        };
    }

    /** A refusal names its scope first; the Secret column already shows it. */
    private static String withoutScope(BulkRotateItem item, String text) {
        String prefix = item.secret().scope().label() + ": ";
        return text != null && text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static Ikon icon(BulkRotateItem.State s) {
        return switch (s) {
            case READY -> MaterialDesignC.CHECKBOX_BLANK_CIRCLE_OUTLINE;
            case SKIPPED -> MaterialDesignM.MINUS_CIRCLE_OUTLINE;
            case QUEUED -> MaterialDesignT.TIMER_SAND;
            case STARTING, ROTATING -> MaterialDesignA.AUTORENEW;
            case SUCCEEDED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case REFUSED -> MaterialDesignB.BLOCK_HELPER;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
            case STILL_RUNNING -> MaterialDesignP.PROGRESS_CLOCK;
            case CANCELLED -> MaterialDesignS.STOP_CIRCLE_OUTLINE;
        };
    }

    private static String tone(BulkRotateItem.State s) {
        return switch (s) {
            case SUCCEEDED -> Styles.SUCCESS;
            case REFUSED, FAILED -> Styles.DANGER;
            case STILL_RUNNING -> Styles.WARNING;
            case STARTING, ROTATING -> Styles.ACCENT;
            default -> "muted";
        };
    }

    private VBox footer() {
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.toRotateProperty().get() == 0 ? 0
                : (double) vm.finishedProperty().get() / vm.toRotateProperty().get(), vm.finishedProperty(), vm.toRotateProperty()));
        Label counts = new Label();
        counts.setId("bulk-rotate-progress");
        counts.textProperty().bind(Bindings.createStringBinding(() -> texts.format("bulk.progress", vm.finishedProperty().get(),
                        vm.toRotateProperty().get(), vm.succeededProperty().get(), vm.problemsProperty().get()),
                vm.finishedProperty(), vm.toRotateProperty(), vm.succeededProperty(), vm.problemsProperty()));
        counts.setMinWidth(Label.USE_PREF_SIZE);
        HBox progress = new HBox(10, bar, counts);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.phaseProperty().isNotEqualTo(BulkRotateViewModel.Phase.CONFIRM));
        progress.managedProperty().bind(progress.visibleProperty());
        var readOnly = Bindings.createStringBinding(() -> vm.phaseProperty().get() == BulkRotateViewModel.Phase.CONFIRM
                && !vm.canConfirmProperty().get() && vm.toRotateProperty().get() > 0 ? texts.get("bulk.readOnly") : null,
                vm.phaseProperty(), vm.canConfirmProperty(), vm.toRotateProperty());
        VBox footer = new VBox(Controls.banner(readOnly, Styles.WARNING, Icons.READ_ONLY.ikon()), progress);
        footer.getStyleClass().add("sr-bulk-footer");
        return footer;
    }

    private void buttons() {
        ButtonType rotate = new ButtonType(texts.format("bulk.confirm", vm.toRotateProperty().get()), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(texts.get("bulk.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(rotate, close);
        confirm = (Button) getDialogPane().lookupButton(rotate);
        confirm.setId("bulk-rotate-confirm");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(vm.canConfirmProperty().not());
        confirm.visibleProperty().bind(vm.phaseProperty().isEqualTo(BulkRotateViewModel.Phase.CONFIRM));
        confirm.managedProperty().bind(confirm.visibleProperty());
        confirm.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();            // the dialog stays open to show the progress
            vm.confirm();
        });
        closing = (Button) getDialogPane().lookupButton(close);
        closing.setId("bulk-rotate-close");
        closing.textProperty().bind(Bindings.createStringBinding(() -> texts.get(switch (vm.phaseProperty().get()) {
            case CONFIRM -> "bulk.cancel";
            case RUNNING -> "bulk.stop";
            case DONE -> "bulk.close";
        }), vm.phaseProperty()));
        closing.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.phaseProperty().get() == BulkRotateViewModel.Phase.RUNNING) {
                e.consume();        // Stop first; Close once everything has ended
                vm.cancel();
            }
        });
    }

    /** Rotate N secrets (for tests). */
    Button confirmButton() {
        return confirm;
    }

    /** Cancel, Stop or Close (for tests). */
    Button closeButton() {
        return closing;
    }
}
