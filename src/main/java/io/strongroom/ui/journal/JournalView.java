package io.strongroom.ui.journal;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.Objects;
import java.util.function.Function;

/**
 * The action journal: a table of every change the console made (time, identity, scope, action,
 * secret, result, request ID), a filter bar and paging. Binds to {@link JournalViewModel} and
 * forwards to it; no logic lives here.
 */
public final class JournalView extends BorderPane {

    public static final String STYLE_CLASS = "journal-view";
    static final String HEADER = "journal-header";
    static final String TOOLBAR = "journal-toolbar";
    static final String STATUS = "journal-status";
    static final String RESULT = "journal-result";
    static final String MONO = "journal-mono";
    static final String TABLE_ID = "journal-table";

    private final JournalViewModel vm;
    private final TableView<JournalRow> table = new TableView<>();
    private boolean loadedOnce;

    public JournalView(JournalViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(JournalView.class.getResource("journal.css")).toExternalForm());
        setTop(new VBox(header(), toolbar()));
        setCenter(table());
        setBottom(status());
        // the first load when the view is first shown, not when it is built
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null && was == null && !loadedOnce) {
                loadedOnce = true;
                vm.refresh();
            }
        });
    }

    private Region header() {
        Label title = new Label(vm.text("title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label(vm.text("subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(title, subtitle);
        header.getStyleClass().add(HEADER);
        return header;
    }

    private Region toolbar() {
        TextField search = new TextField();
        search.setPromptText(vm.text("filter.prompt"));
        search.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(Double.MAX_VALUE);
        search.setPrefColumnCount(28);

        ComboBox<?> account = choice(vm.accountChoices(), vm.accountFilterProperty());
        ComboBox<?> region = choice(vm.regionChoices(), vm.regionFilterProperty());
        ComboBox<?> action = choice(vm.actionChoices(), vm.actionFilterProperty());
        ComboBox<?> result = choice(vm.resultChoices(), vm.resultFilterProperty());

        Button clear = iconButton(MaterialDesignF.FILTER_REMOVE_OUTLINE, vm.text("filter.clear"));
        clear.setOnAction(e -> vm.clearFilters());
        clear.disableProperty().bind(vm.filteredProperty().not());
        Button refresh = iconButton(MaterialDesignR.REFRESH, vm.text("refresh"));
        refresh.setOnAction(e -> vm.refresh());

        HBox bar = new HBox(search, account, region, action, result, clear, refresh);
        bar.getStyleClass().add(TOOLBAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static <T> ComboBox<FilterChoice<T>> choice(ObservableList<FilterChoice<T>> items,
                                                       ObjectProperty<FilterChoice<T>> value) {
        ComboBox<FilterChoice<T>> box = new ComboBox<>(items);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static Button iconButton(Ikon icon, String tooltip) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        return b;
    }

    private TableView<JournalRow> table() {
        table.setId(TABLE_ID);
        table.setItems(vm.rows());
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        table.getColumns().add(column("column.time", JournalRow::time, null, 170, null));
        table.getColumns().add(column("column.identity", JournalRow::identity, JournalRow::identityDetail, 190, null));
        table.getColumns().add(column("column.scope", JournalRow::scope, JournalRow::scopeDetail, 230, null));
        table.getColumns().add(column("column.action", JournalRow::action, JournalRow::actionDetail, 255, null));
        table.getColumns().add(column("column.target", JournalRow::target, JournalRow::targetDetail, 230, null));
        table.getColumns().add(resultColumn());
        table.getColumns().add(column("column.requestId", JournalRow::requestId, null, 300, MONO));

        Label empty = new Label();
        empty.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get() != null
                        ? vm.errorProperty().get() : vm.text(vm.filteredProperty().get() ? "empty.filtered" : "empty"),
                vm.errorProperty(), vm.filteredProperty()));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        table.setPlaceholder(empty);

        table.setRowFactory(t -> {
            TableRow<JournalRow> row = new TableRow<>();
            ContextMenu menu = new ContextMenu();
            for (JournalViewModel.CopyField f : JournalViewModel.CopyField.values()) {
                MenuItem item = new MenuItem(vm.text("copy." + f.name()), new FontIcon(MaterialDesignC.CONTENT_COPY));
                item.setOnAction(e -> vm.copy(row.getItem(), f));
                menu.getItems().add(item);
            }
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
            return row;
        });
        return table;
    }

    private TableColumn<JournalRow, String> column(String key, Function<JournalRow, String> value,
                                                   Function<JournalRow, String> tooltip, double width, String styleClass) {
        TableColumn<JournalRow, String> c = new TableColumn<>(vm.text(key));
        c.setCellValueFactory(d -> constant(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.5);
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                JournalRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : item);
                if (styleClass != null && !getStyleClass().contains(styleClass)) {
                    getStyleClass().add(styleClass);
                }
                if (tooltip != null && row != null) {
                    tip.setText(tooltip.apply(row));
                    setTooltip(tip);
                } else {
                    setTooltip(null);
                }
            }
        });
        return c;
    }

    private TableColumn<JournalRow, JournalRow> resultColumn() {
        TableColumn<JournalRow, JournalRow> c = new TableColumn<>(vm.text("column.result"));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setPrefWidth(255);
        c.setMinWidth(120);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label label = new Label();
            private final Tooltip tip = new Tooltip();

            {
                label.getStyleClass().add(RESULT);
                label.setTooltip(tip);
            }

            @Override
            protected void updateItem(JournalRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                label.setText(row.result());
                tip.setText(row.resultDetail());
                label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT, Styles.TEXT_MUTED);
                label.getStyleClass().add(switch (row.tone()) {
                    case SUCCESS -> Styles.SUCCESS;
                    case FAILURE -> Styles.DANGER;
                    case REFUSED -> Styles.WARNING;
                    case PENDING -> Styles.ACCENT;
                    case UNKNOWN -> Styles.TEXT_MUTED;
                });
                label.setGraphic(new FontIcon(switch (row.tone()) {
                    case SUCCESS -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
                    case FAILURE -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
                    case REFUSED -> MaterialDesignB.BLOCK_HELPER;
                    case PENDING -> MaterialDesignC.CLOCK_OUTLINE;
                    case UNKNOWN -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
                }));
                setGraphic(label);
            }
        });
        return c;
    }

    private Region status() {
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button more = new Button(vm.text("loadMore"), new FontIcon(MaterialDesignM.MENU_DOWN));
        more.getStyleClass().add(Styles.SMALL);
        more.visibleProperty().bind(vm.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(vm.busyProperty());
        more.setOnAction(e -> vm.loadMore());
        HBox bar = new HBox(summary, error, spacer, busy, more);
        bar.getStyleClass().add(STATUS);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static ObservableValue<String> constant(String s) {
        return new ReadOnlyStringWrapper(s);
    }
}
