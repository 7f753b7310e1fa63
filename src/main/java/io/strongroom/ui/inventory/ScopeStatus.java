package io.strongroom.ui.inventory;

import atlantafx.base.controls.Popover;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The inventory's listing status under the toolbar: progress and counts, the per-scope status
 * popover, the command notice, and one line per failed scope. Part of {@link InventoryView}.
 */
final class ScopeStatus {

    private final InventoryViewModel vm;
    private final Texts texts;

    ScopeStatus(InventoryViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
    }

    /** The progress bar and counts, the per-scope status button, {@code scopeActions} and the notice. */
    HBox progressStrip(HBox scopeActions) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.loadingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label text = new Label();
        text.setId("inventory-progress");
        Label failed = new Label();
        failed.getStyleClass().add(Styles.CELL_DANGER);
        failed.setGraphic(Icons.ERROR.icon(Styles.DANGER));
        InvalidationListener update = o -> {
            int total = vm.scopesTotalProperty().get();
            int finished = vm.scopesFinishedProperty().get();
            int loaded = vm.loadedCountProperty().get();
            String key = vm.isLoading() ? "inventory.progress.loading"
                    : vm.cancelledProperty().get() ? "inventory.progress.cancelled" : "inventory.progress.done";
            text.setText(texts.format(key, finished, total, loaded));
            int f = vm.scopesFailedProperty().get();
            failed.setText(f == 0 ? "" : texts.format("inventory.progress.failed", f));
            failed.setVisible(f > 0);
        };
        vm.scopesTotalProperty().addListener(update);
        vm.scopesFinishedProperty().addListener(update);
        vm.loadedCountProperty().addListener(update);
        vm.loadingProperty().addListener(update);
        vm.cancelledProperty().addListener(update);
        vm.scopesFailedProperty().addListener(update);
        update.invalidated(null);

        Button scopes = new Button(texts.get("inventory.scopes"), Icons.SCOPE.icon());
        scopes.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, Styles.ACCENT);
        scopes.setOnAction(e -> showScopeProgress(scopes));
        scopes.disableProperty().bind(vm.scopesTotalProperty().isEqualTo(0));

        Label notice = new Label();
        notice.textProperty().bind(vm.noticeProperty());
        notice.getStyleClass().add(Styles.CELL_SUCCESS);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        scopeActions.setAlignment(Pos.CENTER_LEFT);
        HBox strip = new HBox(bar, text, failed, scopes, scopeActions, grow, notice);
        strip.getStyleClass().add(Styles.PROGRESS_STRIP);
        return strip;
    }

    private void showScopeProgress(Node owner) {
        TableView<ScopeProgress> scopes = new TableView<>(vm.scopeProgress());
        scopes.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        scopes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ScopeProgress, String> scope = new TableColumn<>(texts.get("inventory.scope.col.scope"));
        scope.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        scope.setPrefWidth(220);
        TableColumn<ScopeProgress, ScopeProgress.State> state = new TableColumn<>(texts.get("inventory.scope.col.state"));
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ScopeProgress.State s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : texts.get("inventory.scope.state." + s.name()));
                setGraphic(empty || s == null ? null : switch (s) {
                    case DONE -> Icons.OK.icon(Styles.SUCCESS);
                    case FAILED -> Icons.ERROR.icon(Styles.DANGER);
                    case CANCELLED -> Icons.CANCEL.icon();
                    default -> Icons.PENDING.icon();
                });
            }
        });
        state.setPrefWidth(100);
        TableColumn<ScopeProgress, Number> count = new TableColumn<>(texts.get("inventory.scope.col.count"));
        count.setCellValueFactory(c -> c.getValue().countProperty());
        count.setStyle("-fx-alignment: center-right;");
        count.setPrefWidth(70);
        TableColumn<ScopeProgress, String> error = new TableColumn<>(texts.get("inventory.scope.col.error"));
        error.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().error() == null ? ""
                : c.getValue().error().errorCode() + (c.getValue().error().requestId() == null ? "" : " · " + c.getValue().error().requestId()),
                c.getValue().errorProperty()));
        error.setPrefWidth(260);
        scopes.getColumns().addAll(List.of(scope, state, count, error));
        scopes.setPrefSize(680, 320);
        Popover popover = new Popover(scopes);
        popover.setTitle(texts.get("inventory.scopes.title"));
        popover.setArrowLocation(Popover.ArrowLocation.TOP_LEFT);
        popover.show(owner);
    }

    /** One line per failed scope, with its error and a copy menu; hidden while none failed. */
    VBox scopeErrors() {
        VBox box = new VBox();
        box.getStyleClass().add(Styles.SCOPE_ERRORS);
        Runnable rebuild = () -> {
            List<Node> rows = new ArrayList<>();
            for (ScopeProgress p : vm.failedScopes()) {
                Label l = new Label(p.errorText(), Icons.ERROR.icon());
                l.getStyleClass().add(Styles.SCOPE_ERROR);
                l.setMaxWidth(Double.MAX_VALUE);
                l.setWrapText(true);
                l.setTooltip(new Tooltip(p.errorText()));
                MenuItem copy = new MenuItem(texts.get("inventory.copy"), Icons.COPY.icon());
                String text = p.errorText();
                copy.setOnAction(e -> {
                    javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
                    c.putString(text);
                    javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
                });
                l.setContextMenu(new ContextMenu(copy));
                rows.add(l);
            }
            box.getChildren().setAll(rows);
            box.setVisible(!rows.isEmpty());
            box.setManaged(!rows.isEmpty());
        };
        vm.failedScopes().addListener((ListChangeListener<ScopeProgress>) c -> rebuild.run());
        rebuild.run();
        return box;
    }
}
