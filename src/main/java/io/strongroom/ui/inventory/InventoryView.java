package io.strongroom.ui.inventory;

import atlantafx.base.controls.CustomTextField;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.inventory.InventoryViewModel.DeletionFilter;
import io.strongroom.ui.inventory.InventoryViewModel.RotationFilter;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The inventory: a toolbar (search, filters, copy, export, columns, refresh), per-scope progress
 * and errors, the secrets table, and beside it the slot where the secret detail pane goes. It
 * binds to {@link InventoryViewModel} and forwards the user's gestures; it makes no decisions.
 */
public final class InventoryView extends VBox {

    /** Ids for tests and for the detail helper to find its slot. */
    public static final String SEARCH_ID = "inventory-search";
    public static final String TABLE_ID = "inventory-table";
    public static final String DETAIL_SLOT_ID = "inventory-detail";

    private final InventoryViewModel vm;
    private final InventoryFileExport export;
    private final Texts texts;
    private final InventoryColumn.Words words;
    private final TableView<SecretRow> table = new TableView<>();
    private final CustomTextField search = new CustomTextField();
    private final StackPane detailSlot = new StackPane();
    /** Actions other features contribute: in the toolbar (New secret), and beside the per-scope status. */
    private final HBox toolbarActions = new HBox(6);
    private final HBox scopeActions = new HBox(6);
    private final List<TableColumn<SecretRow, ?>> choosableColumns = new ArrayList<>();
    private final RowOrder rowOrder = new RowOrder();
    private boolean syncingSelection;

    /**
     * @param detail the secret detail pane (bound to {@link InventoryViewModel#selectedSecretProperty()}),
     *               or null for a placeholder until that feature is wired in
     */
    public InventoryView(InventoryViewModel vm, InventoryFileExport export, Texts texts, Formats formats, Node detail) {
        this.vm = Objects.requireNonNull(vm);
        this.export = Objects.requireNonNull(export);
        this.texts = Objects.requireNonNull(texts);
        this.words = new InventoryColumn.Words(texts, Objects.requireNonNull(formats));
        getStyleClass().add(Styles.INVENTORY);

        buildTable();
        FlowPane filterBar = buildFilterBar();
        HBox toolbar = buildToolbar(filterBar);
        ScopeStatus status = new ScopeStatus(vm, texts);
        HBox progress = status.progressStrip(scopeActions);
        VBox errors = status.scopeErrors();

        detailSlot.setId(DETAIL_SLOT_ID);
        detailSlot.getStyleClass().add(Styles.DETAIL_SLOT);
        setDetail(detail);

        SplitPane split = new SplitPane(table, detailSlot);
        split.setOrientation(Orientation.HORIZONTAL);
        // The detail pane needs room for ARNs, a value grid and version labels; the table scrolls.
        split.setDividerPositions(0.58);
        detailSlot.setMinWidth(440);
        SplitPane.setResizableWithParent(detailSlot, false);
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().addAll(toolbar, filterBar, progress, errors, split);
    }

    /** Puts the secret detail pane in its slot (null: the placeholder). */
    public void setDetail(Node detail) {
        detailSlot.getChildren().setAll(detail != null ? detail : detailPlaceholder());
    }

    /** Puts actions of other features in the toolbar, before Copy (New secret). */
    public void setToolbarActions(Node... actions) {
        toolbarActions.getChildren().setAll(actions);
    }

    /** Puts actions over the scopes shown beside the per-scope status (Scheduled deletions). */
    public void setScopeActions(Node... actions) {
        scopeActions.getChildren().setAll(actions);
    }

    public TableView<SecretRow> table() {
        return table;
    }

    /** Focuses the search box (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void exportCsv() {
        export.csv(vm.exportRows(), vm::showNotice);
    }

    private void exportJson() {
        export.json(vm.exportRows(), vm::showNotice);
    }

    // ---- toolbar ------------------------------------------------------------------------------

    private HBox buildToolbar(FlowPane filterBar) {
        search.setId(SEARCH_ID);
        search.setPromptText(texts.get("inventory.search.prompt"));
        search.setLeft(Icons.SEARCH.icon());
        Button clear = new Button(null, Icons.CLEAR.icon());
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> search.clear());
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);
        search.textProperty().bindBidirectional(vm.filters().searchTextProperty());
        // up to 400 px when there is room; in a 1280 px window the buttons keep their labels
        search.setPrefWidth(300);
        search.setMaxWidth(400);
        search.setMinWidth(220);
        HBox.setHgrow(search, Priority.ALWAYS);

        ToggleButton filters = new ToggleButton(texts.get("inventory.filters"), Icons.FILTER.icon());
        filters.setSelected(false);
        filterBar.visibleProperty().bind(filters.selectedProperty());
        filterBar.managedProperty().bind(filters.selectedProperty());
        vm.filters().filtersActiveProperty().addListener((o, was, active) ->
                filters.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("active"), active));

        MenuButton copy = new MenuButton(texts.get("inventory.copy"), Icons.COPY.icon());
        MenuItem copyArn = new MenuItem(texts.get("inventory.copy.arn"));
        copyArn.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copyArn.setOnAction(e -> vm.copyArns());
        MenuItem copyName = new MenuItem(texts.get("inventory.copy.name"));
        copyName.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        copyName.setOnAction(e -> vm.copyNames());
        copy.getItems().addAll(copyArn, copyName);
        copy.disableProperty().bind(Bindings.isEmpty(vm.selection()));

        MenuButton export = new MenuButton(texts.get("inventory.export"), Icons.EXPORT.icon());
        MenuItem csv = new MenuItem(texts.get("inventory.export.csv"), Icons.CSV.icon());
        csv.setOnAction(e -> exportCsv());
        MenuItem json = new MenuItem(texts.get("inventory.export.json"), Icons.JSON.icon());
        json.setOnAction(e -> exportJson());
        export.getItems().addAll(csv, json);
        export.disableProperty().bind(vm.visibleCountProperty().isEqualTo(0));

        MenuButton columns = new MenuButton(texts.get("inventory.columns"), Icons.COLUMNS.icon());
        for (TableColumn<SecretRow, ?> c : choosableColumns) {
            CheckMenuItem item = new CheckMenuItem(c.getText());
            item.selectedProperty().bindBidirectional(c.visibleProperty());
            columns.getItems().add(item);
        }
        MenuItem defaultColumns = new MenuItem(texts.get("inventory.columns.defaults"));
        defaultColumns.setOnAction(e -> vm.columns().showDefaults());
        columns.getItems().addAll(new SeparatorMenuItem(), defaultColumns);

        Button refresh = new Button(texts.get("inventory.refresh"), Icons.REFRESH.icon());
        refresh.setOnAction(e -> vm.refresh());
        refresh.visibleProperty().bind(vm.loadingProperty().not());
        refresh.managedProperty().bind(refresh.visibleProperty());
        refresh.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.scopes().isEmpty(), vm.loadingProperty()));
        Button cancel = new Button(texts.get("inventory.cancel"), Icons.CANCEL.icon());
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.loadingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        toolbarActions.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox(search, filters, grow, toolbarActions, copy, export, columns, refresh, cancel);
        bar.getStyleClass().add(Styles.TOOLBAR);
        return bar;
    }

    private FlowPane buildFilterBar() {
        ComboBox<String> account = optionBox(vm.filters().accountOptions());
        account.valueProperty().bindBidirectional(vm.filters().accountFilterProperty());
        ComboBox<String> region = optionBox(vm.filters().regionOptions());
        region.valueProperty().bindBidirectional(vm.filters().regionFilterProperty());
        ComboBox<RotationFilter> rotation = enumBox(RotationFilter.values(), "rotation.");
        rotation.valueProperty().bindBidirectional(vm.filters().rotationFilterProperty());
        ComboBox<DeletionFilter> deletion = enumBox(DeletionFilter.values(), "deletion.");
        deletion.valueProperty().bindBidirectional(vm.filters().deletionFilterProperty());
        // listing scheduled deletions takes another ListSecrets call: do it as soon as asked
        deletion.setOnAction(e -> vm.applyServerFilters());

        TextField name = serverFilterField(vm.filters().namePrefixProperty(), 170);
        TextField tagKey = serverFilterField(vm.filters().tagKeyProperty(), 110);
        TextField tagValue = serverFilterField(vm.filters().tagValueProperty(), 110);

        Button apply = new Button(texts.get("inventory.filter.apply"), Icons.FILTER.icon());
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setTooltip(new Tooltip(texts.get("inventory.filter.apply.tooltip")));
        apply.disableProperty().bind(vm.filters().serverFiltersPendingProperty().not());
        apply.setOnAction(e -> vm.applyServerFilters());
        Button clear = new Button(texts.get("inventory.filter.clear"), Icons.FILTER_OFF.icon());
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> {
            vm.clearFilters();
            vm.applyServerFilters();
        });

        FlowPane bar = new FlowPane(
                labelled("inventory.filter.account", account), labelled("inventory.filter.region", region),
                labelled("inventory.filter.rotation", rotation), labelled("inventory.filter.deletion", deletion),
                labelled("inventory.filter.namePrefix", name), labelled("inventory.filter.tagKey", tagKey),
                labelled("inventory.filter.tagValue", tagValue));
        List<InventoryFilters.ColumnFilter<?>> columnChoices = InventoryFilters.choicesOf(vm.columns().all());
        if (!columnChoices.isEmpty()) {
            bar.getChildren().add(labelled("inventory.filter.column", columnFilterBox(columnChoices)));
        }
        bar.getChildren().addAll(apply, clear);
        bar.getStyleClass().add(Styles.FILTER_BAR);
        return bar;
    }

    /** "Any", then every value of every filterable contributed column ("Policy: Public"). */
    private ComboBox<InventoryFilters.ColumnFilter<?>> columnFilterBox(List<InventoryFilters.ColumnFilter<?>> choices) {
        ComboBox<InventoryFilters.ColumnFilter<?>> box = new ComboBox<>();
        box.setId("filter-column");
        box.getItems().add(null);
        box.getItems().addAll(choices);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(InventoryFilters.ColumnFilter<?> f) {
                return f == null ? texts.get("inventory.filter.column.any") : label(f);
            }

            @Override
            public InventoryFilters.ColumnFilter<?> fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(vm.filters().columnFilterProperty());
        return box;
    }

    private <T> String label(InventoryFilters.ColumnFilter<T> f) {
        return f.column().title(texts) + ": " + f.column().text(f.chosen(), null, words);
    }

    private TextField serverFilterField(javafx.beans.property.StringProperty property, double width) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(property);
        f.setPrefWidth(width);
        f.setOnAction(e -> vm.applyServerFilters());
        return f;
    }

    private HBox labelled(String key, Node control) {
        Label l = new Label(texts.get(key));
        l.setLabelFor(control);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private ComboBox<String> optionBox(javafx.collections.ObservableList<String> options) {
        ComboBox<String> box = new ComboBox<>();
        // null is "all": first in the list, shown by name
        javafx.collections.ObservableList<String> withAll = javafx.collections.FXCollections.observableArrayList();
        withAll.add(null);
        withAll.addAll(options);
        options.addListener((InvalidationListener) o -> {
            String v = box.getValue();
            withAll.setAll(new ArrayList<>(java.util.Collections.singletonList((String) null)));
            withAll.addAll(options);
            box.setValue(v);
        });
        box.setItems(withAll);
        String all = texts.get("inventory.filter.all");
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? all : item);
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? all : s;
            }

            @Override
            public String fromString(String s) {
                return all.equals(s) ? null : s;
            }
        });
        box.setPrefWidth(150);
        return box;
    }

    private <E extends Enum<E>> ComboBox<E> enumBox(E[] values, String keyPrefix) {
        ComboBox<E> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : texts.get(keyPrefix + e.name());
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        return box;
    }

    // ---- table --------------------------------------------------------------------------------

    private void buildTable() {
        table.setId(TABLE_ID);
        table.getStyleClass().addAll(Styles.SECRETS_TABLE, Styles.DENSE, Styles.STRIPED);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(vm.visibleRows());
        table.setTableMenuButtonVisible(false);
        // the view model's list sorts itself by the table's comparator; the table must not sort it
        table.setSortPolicy(t -> true);
        // in the table's order, compared on the rows' own fields (see RowOrder)
        vm.comparatorProperty().bind(Bindings.createObjectBinding(() -> rowOrder.of(table), table.comparatorProperty()));

        // every column, the inventory's own and the contributed ones, from the one contract; which
        // ones show is the view model's (and so the user's saved choice)
        for (InventoryColumn<?> column : vm.columns().all()) {
            TableColumn<SecretRow, ?> c = tableColumn(column);
            c.setId("col-" + column.id());
            c.visibleProperty().bindBidirectional(vm.columns().visibleProperty(column.id()));
            table.getColumns().add(c);
            choosableColumns.add(c);
            column.whenChanged(table::refresh);
        }
        // the first column (the name) orders the rows until the user sorts
        table.getSortOrder().add(table.getColumns().get(0));

        table.setPlaceholder(placeholder());
        table.setContextMenu(contextMenu());

        // table → view model
        ListChangeListener<SecretRow> toVm = c -> pushSelection();
        table.getSelectionModel().getSelectedItems().addListener(toVm);
        table.getFocusModel().focusedItemProperty().addListener((o, was, now) -> pushSelection());
        // view model → table (a refresh re-selecting the rows it listed again)
        vm.selection().addListener((ListChangeListener<SecretRow>) c -> applySelection());
        // rows came or went: the table may have dropped selected rows that are still (or again) listed
        vm.visibleRows().addListener((ListChangeListener<SecretRow>) c -> {
            if (!syncingSelection && !sameSelection()) {
                applySelection();
            }
        });
    }

    /** Selects in the table what the view model has selected (the rows of it that are shown). */
    private void applySelection() {
        if (syncingSelection) {
            return;
        }
        syncingSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            int focus = -1;
            for (SecretRow r : vm.selection()) {
                int i = table.getItems().indexOf(r);
                if (i >= 0) {
                    table.getSelectionModel().select(i);
                    if (vm.getSelectedSecret() != null && r.key().equals(SecretRow.keyOf(vm.getSelectedSecret().scope().id(),
                            vm.getSelectedSecret().arn()))) {
                        focus = i;
                    }
                }
            }
            if (focus >= 0) {
                table.getFocusModel().focus(focus);
            }
        } finally {
            syncingSelection = false;
        }
    }

    private boolean sameSelection() {
        List<SecretRow> shown = vm.selection().stream().filter(r -> table.getItems().contains(r)).toList();
        return new java.util.HashSet<>(shown).equals(new java.util.HashSet<>(table.getSelectionModel().getSelectedItems()));
    }

    private void pushSelection() {
        // a selection change while rows change is the table adjusting, not the user choosing
        if (syncingSelection || vm.rowsChanging()) {
            return;
        }
        syncingSelection = true;
        try {
            SecretRow focused = table.getFocusModel().getFocusedItem();
            vm.select(List.copyOf(table.getSelectionModel().getSelectedItems()), focused);
        } finally {
            syncingSelection = false;
        }
    }

    private ContextMenu contextMenu() {
        MenuItem arn = new MenuItem(texts.get("inventory.copy.arn"), Icons.COPY.icon());
        arn.setOnAction(e -> vm.copyArns());
        MenuItem name = new MenuItem(texts.get("inventory.copy.name"));
        name.setOnAction(e -> vm.copyNames());
        MenuItem csv = new MenuItem(texts.get("inventory.export.csv"), Icons.CSV.icon());
        csv.setOnAction(e -> exportCsv());
        MenuItem json = new MenuItem(texts.get("inventory.export.json"), Icons.JSON.icon());
        json.setOnAction(e -> exportJson());
        table.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                if (e.isShiftDown()) {
                    vm.copyNames();
                } else {
                    vm.copyArns();
                }
                e.consume();
            }
        });
        return new ContextMenu(arn, name, new SeparatorMenuItem(), csv, json);
    }

    private Node placeholder() {
        Label label = new Label();
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.isLoading()) {
                return texts.get("inventory.empty.loading");
            }
            if (vm.scopesTotalProperty().get() == 0) {
                return texts.get("inventory.empty.noScope");
            }
            if (vm.loadedCountProperty().get() > 0 || vm.filters().filtersActiveProperty().get()) {
                return texts.get("inventory.empty.noMatch");
            }
            return texts.get("inventory.empty.none");
        }, vm.loadingProperty(), vm.scopesTotalProperty(), vm.loadedCountProperty(), vm.filters().filtersActiveProperty()));
        return label;
    }

    private Node detailPlaceholder() {
        Label title = new Label(texts.get("inventory.detail.placeholder"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        Label hint = new Label(texts.get("inventory.detail.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox box = new VBox(8, Icons.NAV_INVENTORY.icon(), title, hint);
        box.getStyleClass().add(Styles.PLACEHOLDER);
        box.setPadding(new Insets(24));
        return box;
    }

    // ---- columns --------------------------------------------------------------------------------

    /** The table column of {@code column}: a header over its nested ones, or cells of its values. */
    private <T> TableColumn<SecretRow, T> tableColumn(InventoryColumn<T> column) {
        TableColumn<SecretRow, T> c = new TableColumn<>(column.title(texts));
        if (!column.nested().isEmpty()) {
            for (InventoryColumn<?> nested : column.nested()) {
                c.getColumns().add(tableColumn(nested));
            }
            return c;
        }
        Function<SecretRow, T> value = valueOf(column);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new RowCell<>(column, words));
        Comparator<T> order = column.comparator();
        if (order == null) {
            c.setSortable(false);
        } else {
            rowOrder.sortBy(c, value, column.emptyLast() ? Comparator.nullsLast(order) : Comparator.nullsFirst(order));
        }
        c.setPrefWidth(column.preferredWidth());
        return c;
    }

    /** A built-in column reads the row's fields computed once per row; any other one, the row's secret. */
    private static <T> Function<SecretRow, T> valueOf(InventoryColumn<T> column) {
        if (column instanceof InventoryBuiltInColumns.RowColumn<T> builtIn) {
            return builtIn::value;
        }
        return r -> column.value(r.summary());
    }
}
