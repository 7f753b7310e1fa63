package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.Objects;
import java.util.function.Function;

/**
 * The Keys section: a table of every KMS key of the chosen scopes (alias, key ID, account,
 * region, state coloured, manager, rotation, last and next rotation, deletion date, secrets using
 * it) beside the selected key's detail ({@link KeyDetailView}). Lists itself when first shown.
 */
public final class KeysView extends BorderPane {

    static final String STYLESHEET = Objects.requireNonNull(KeysView.class.getResource("keys.css")).toExternalForm();

    private final KeysViewModel vm;
    private final Texts texts;
    private final Formats formats;
    private final TableView<KeyRow> table = new TableView<>();

    public KeysView(KeysViewModel vm, Texts texts, Formats formats, Node detail) {
        this.vm = vm;
        this.texts = texts;
        this.formats = formats;
        setId("keys-view");
        getStyleClass().add("sr-keys");
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);

        Label title = new Label(texts.get("title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label summary = new Label();
        summary.setId("keys-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.loadingProperty());
        Button refresh = Controls.button(texts.get("refresh"), MaterialDesignR.REFRESH);
        refresh.setId("keys-refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox bar = new HBox(12, title, summary, Controls.spacer(), progress, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);
        VBox top = new VBox(6, bar,
                Controls.banner(vm.problemsProperty(), Styles.WARNING, MaterialDesignA.ALERT_OUTLINE),
                Controls.banner(vm.loadErrorProperty(), Styles.DANGER, MaterialDesignA.ALERT_OUTLINE));
        top.setPadding(new Insets(10, 14, 8, 14));
        setTop(top);

        buildTable();
        SplitPane split = new SplitPane(table, detail);
        split.setId("keys-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        split.setPadding(new Insets(0, 14, 14, 14));
        setCenter(split);
        sceneProperty().addListener((o, was, now) -> {
            if (now != null && vm.rows().isEmpty() && !vm.loadingProperty().get()) {
                vm.refresh();
            }
        });
    }

    public TableView<KeyRow> table() {
        return table;
    }

    private void buildTable() {
        table.setId("keys-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(texts.get("empty")));
        table.getColumns().addAll(java.util.List.of(
                column("alias", 195, r -> r.key().alias() == null ? texts.get("noAlias") : r.key().alias(), null),
                column("keyId", 105, r -> shortId(r.key().keyId()), r -> r.key().keyId()),
                column("account", 120, r -> r.key().scope().accountAlias() == null ? r.key().scope().accountId()
                        : r.key().scope().accountAlias(), r -> r.key().scope().accountId()),
                column("region", 90, r -> r.key().scope().region(), null),
                stateColumn(),
                column("manager", 80, r -> KeysText.manager(texts, r.key()), null),
                column("rotation", 85, r -> KeysText.rotationShort(texts, r.key()), r -> KeysText.rotation(texts, r.key())),
                column("lastRotation", 90, r -> KeysText.date(formats, r.key().rotation().lastRotation()), null),
                column("nextRotation", 90, r -> KeysText.date(formats, r.key().rotation().nextRotation()), null),
                column("deletion", 90, r -> KeysText.date(formats, r.key().deletionDate()), null),
                column("secrets", 72, r -> String.valueOf(r.secretsUsing()), null),
                column("description", 160, r -> r.key().description() == null ? "" : r.key().description(),
                        r -> r.key().description())));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) + "\u2026" : id;
    }

    private TableColumn<KeyRow, String> column(String id, double width, Function<KeyRow, String> text,
                                               Function<KeyRow, String> tooltip) {
        TableColumn<KeyRow, String> c = new TableColumn<>(texts.get("column." + id));
        c.setId("keys-col-" + id);
        c.setPrefWidth(width);
        c.setMinWidth(id.equals("description") ? 70 : width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        if (tooltip != null) {
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    KeyRow row = getTableRow() == null ? null : getTableRow().getItem();
                    String tip = empty || row == null ? null : tooltip.apply(row);
                    setTooltip(tip == null || tip.isBlank() ? null : new Tooltip(tip));
                }
            });
        }
        return c;
    }

    private TableColumn<KeyRow, String> stateColumn() {
        TableColumn<KeyRow, String> c = new TableColumn<>(texts.get("column.state"));
        c.setId("keys-col-state");
        c.setPrefWidth(125);
        c.setMinWidth(125);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(KeysText.state(texts, d.getValue().key().keyState())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.CELL_SUCCESS, Styles.CELL_WARNING, Styles.CELL_DANGER, Styles.CELL_MUTED);
                KeyRow row = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                if (!empty && row != null) {
                    getStyleClass().add(row.stateStyle());
                    KeyInfo k = row.key();
                    setTooltip(k.detailError() == null ? null : new Tooltip(k.detailError()));
                }
            }
        });
        return c;
    }

    /** Bindings used by the detail: re-exported so the detail does not reach into the table. */
    static javafx.beans.binding.BooleanBinding noSelection(KeysViewModel vm) {
        return Bindings.isNull(vm.selectedProperty());
    }
}
