package io.strongroom.ui.rotation;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Tweaks;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The Rotation section: a header, the name filter and the quick filters (with their counts), Rotate
 * selected… and Refresh, the summary line, one banner per scope that failed, and the table of
 * secrets beside the secret opened from it (Enter or double-click). Binds to
 * {@link RotationViewModel} and forwards; it decides nothing.
 */
public final class RotationView extends BorderPane {

    static final String STYLESHEET = Objects.requireNonNull(RotationView.class.getResource("rotation-view.css")).toExternalForm();
    public static final String TABLE_ID = "rotation-table";
    public static final String SEARCH_ID = "rotation-search";
    public static final String ROTATE_ID = "rotation-rotate-selected";
    public static final String SUMMARY_ID = "rotation-summary";
    static final double DETAIL_MIN_WIDTH = 440;

    private final RotationViewModel vm;
    private final Texts texts;
    private final RotationRowText words;
    private final Formats formats;
    private final TableView<RotationRow> table = new TableView<>();
    private final SplitPane split = new SplitPane();
    private final VBox detailSlot = new VBox();
    private boolean syncingSelection;

    /**
     * @param texts  the feature's texts ({@link RotationFeature#BUNDLE})
     * @param detail the secret detail pane, bound to {@link RotationViewModel#openedSecretProperty()}; null: secrets do not open
     */
    /** Opens the stuck-rotation repair, or the manual rotation wizard, for a secret (the feature wires the windows). */
    private java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> repairs = (s, w) -> { };
    private java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> manualRotations = (s, w) -> { };

    /** Where the row menu's "Repair rotation…" and "Rotate by hand…" go. */
    public RotationView withRepairs(java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> repair,
                                    java.util.function.BiConsumer<io.strongroom.domain.SecretSummary, javafx.stage.Window> manual) {
        this.repairs = Objects.requireNonNull(repair);
        this.manualRotations = Objects.requireNonNull(manual);
        return this;
    }

    public RotationView(RotationViewModel vm, Texts texts, Formats formats, Node detail) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = Objects.requireNonNull(texts);
        this.formats = Objects.requireNonNull(formats);
        this.words = new RotationRowText(texts, formats);
        getStyleClass().add("sr-rotation-view");
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);

        setTop(new VBox(header(), toolbar(), summary(), problems()));
        buildTable();
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().add(table);
        setCenter(split);
        buildDetail(detail);
        // loads when first shown, and again when shown after the chosen scopes changed
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.shown();
            }
        });
    }

    /** The table (for tests and screenshots). */
    TableView<RotationRow> table() {
        return table;
    }

    // ---- header, toolbar, summary, problems ---------------------------------------------------

    private Region header() {
        Label title = new Label(texts.get("title"));
        title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
        Label subtitle = new Label(texts.get("subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(title, subtitle);
        header.getStyleClass().add("sr-rotation-header");
        return header;
    }

    private Region toolbar() {
        CustomTextField search = new CustomTextField();
        search.setId(SEARCH_ID);
        search.setPromptText(texts.get("search.prompt"));
        search.setLeft(Icons.SEARCH.icon());
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setPrefWidth(260);
        search.setMinWidth(160);

        Button rotate = Controls.button(texts.get("rotateSelected"), Icons.NAV_ROTATION.ikon());
        rotate.setId(ROTATE_ID);
        rotate.getStyleClass().add(Styles.ACCENT);
        rotate.disableProperty().bind(vm.canRotateSelectedProperty().not());
        rotate.setOnAction(e -> rotateSelected());
        Tooltip rotateTip = new Tooltip();
        rotateTip.textProperty().bind(Bindings.when(vm.canRotateSelectedProperty().not().and(Bindings.isNotEmpty(vm.selection())))
                .then(texts.get("rotateSelected.readOnly")).otherwise(texts.get("rotateSelected.tip")));
        rotate.setTooltip(rotateTip);

        Button refresh = Controls.iconButton(Icons.REFRESH.ikon(), texts.get("refresh"));
        refresh.setId("rotation-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button stop = Controls.iconButton(Icons.CANCEL.ikon(), texts.get("stop"));
        stop.visibleProperty().bind(vm.loadingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> vm.cancel());

        HBox bar = new HBox(search, filters(), Controls.spacer(), rotate, stop, refresh);
        bar.getStyleClass().add("sr-rotation-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** All | Never rotated | Overdue | Failed | Stuck, as one segmented control, each with its count. */
    private HBox filters() {
        return Controls.segmentedFilters(RotationFilter.values(), vm.filterProperty(), vm.countsProperty(),
                f -> vm.countsProperty().get().of(f), texts, "rotation-filter-", "sr-rotation-filters");
    }

    private Region summary() {
        Label line = new Label();
        line.setId(SUMMARY_ID);
        line.textProperty().bind(Bindings.createStringBinding(() -> {
            RotationFilterCounts c = vm.summaryProperty().get();
            return texts.format("summary", c.all(), c.rotationOn(), c.neverRotated(), c.overdue(), c.failedOrStuck());
        }, vm.summaryProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label when = new Label();
        when.getStyleClass().add(Styles.TEXT_MUTED);
        when.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.loadingProperty().get()) {
                return texts.get("summary.loading");
            }
            Instant at = vm.loadedAtProperty().get();
            return at == null ? "" : texts.format("summary.loadedAt", formats.dateTime(at));
        }, vm.loadingProperty(), vm.loadedAtProperty()));
        HBox box = new HBox(line, busy, when);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("sr-rotation-summary");
        return box;
    }

    /** One banner per scope: danger when it could not be listed, warning when its results are unknown. */
    private VBox problems() {
        VBox box = new VBox();
        box.setId("rotation-problems");
        box.getStyleClass().add("sr-rotation-problems");
        Runnable rebuild = () -> {
            List<Node> banners = new ArrayList<>();
            for (RotationRowSource.ScopeProblem p : vm.problems()) {
                boolean listing = p.kind() == RotationRowSource.ScopeProblem.Kind.LISTING;
                Label l = new Label(texts.format("problem." + p.kind().name(), p.text()));
                l.setWrapText(true);
                l.setMaxWidth(Double.MAX_VALUE);
                l.setMinHeight(Region.USE_PREF_SIZE);
                HBox.setHgrow(l, Priority.ALWAYS);
                HBox banner = new HBox(10, Controls.icon(listing ? Icons.ERROR.ikon() : Icons.WARNING.ikon()), l);
                banner.setAlignment(Pos.CENTER_LEFT);
                banner.getStyleClass().addAll(Controls.BANNER, listing ? Styles.DANGER : Styles.WARNING, "sr-rotation-problem");
                banners.add(banner);
            }
            box.getChildren().setAll(banners);
            box.setVisible(!banners.isEmpty());
            box.setManaged(!banners.isEmpty());
        };
        vm.problems().addListener((ListChangeListener<RotationRowSource.ScopeProblem>) c -> rebuild.run());
        rebuild.run();
        return box;
    }

    // ---- table ----------------------------------------------------------------------------------

    private void buildTable() {
        table.setId(TABLE_ID);
        table.setItems(vm.rows());
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // the view model's list sorts itself: the table's comparator goes there, the default order breaks its ties
        table.setSortPolicy(t -> true);
        vm.sortOrderProperty().bind(table.comparatorProperty());

        RotationRowCells cells = new RotationRowCells(words);
        Comparator<String> byText = String.CASE_INSENSITIVE_ORDER;
        Comparator<Instant> byTime = Comparator.naturalOrder();
        table.getColumns().add(cells.text(texts.get("col.name"), "rotation-col-name", 220, RotationRow::name, r -> r.secret().arn(),
                r -> Styles.MONO, RotationRow::name, byText));
        table.getColumns().add(cells.text(texts.get("col.account"), "rotation-col-account", 112, RotationRow::accountAlias,
                r -> r.secret().accountId(), null, RotationRow::accountAlias, byText));
        table.getColumns().add(cells.text(texts.get("col.region"), "rotation-col-region", 86, RotationRow::region, null, null,
                RotationRow::region, byText));
        table.getColumns().add(cells.status(texts.get("col.status"), 140));
        table.getColumns().add(cells.text(texts.get("col.function"), "rotation-col-function", 180,
                r -> r.hasFunction() ? r.functionName() : texts.get("none"), r -> r.rotation().lambdaArn(),
                r -> r.hasFunction() ? null : Styles.CELL_MUTED, RotationRow::functionName, byText));
        table.getColumns().add(cells.text(texts.get("col.schedule"), "rotation-col-schedule", 118, r -> words.schedule(r.rotation()),
                r -> words.rawSchedule(r.rotation()), null, r -> words.schedule(r.rotation()), byText));
        table.getColumns().add(cells.text(texts.get("col.lastRotated"), "rotation-col-lastRotated", 104, words::lastRotated,
                r -> words.exact(r.rotation().lastRotated()), r -> r.neverRotated() ? Styles.CELL_MUTED : null,
                r -> r.rotation().lastRotated(), byTime));
        table.getColumns().add(cells.text(texts.get("col.nextRotation"), "rotation-col-nextRotation", 118, words::nextRotation,
                r -> words.exact(r.rotation().nextRotation()), r -> r.overdue() ? Styles.CELL_DANGER : null,
                r -> r.rotation().nextRotation(), byTime));
        table.getColumns().add(cells.text(texts.get("col.overdue"), "rotation-col-overdue", 82, words::overdue, null,
                r -> Styles.CELL_DANGER, r -> r.overdue() ? r.overdueBy() : null, Comparator.<java.time.Duration>naturalOrder().reversed()));
        table.getColumns().add(cells.lastResult(texts.get("col.lastResult"), 280));

        Label empty = new Label();
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.textProperty().bind(Bindings.createStringBinding(() -> texts.get(vm.loadingProperty().get() ? "empty.loading"
                        : vm.summaryProperty().get().all() > 0 ? "empty.filtered" : "empty"),
                vm.loadingProperty(), vm.summaryProperty()));
        table.setPlaceholder(empty);

        table.setRowFactory(t -> {
            TableRow<RotationRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            MenuItem open = new MenuItem(texts.get("open"), Controls.icon(MaterialDesignO.OPEN_IN_APP));
            open.setOnAction(e -> vm.open(row.getItem()));
            MenuItem rotate = new MenuItem(texts.get("rotateSelected"), Controls.icon(Icons.NAV_ROTATION.ikon()));
            rotate.disableProperty().bind(vm.canRotateSelectedProperty().not());
            rotate.setOnAction(e -> rotateSelected());
            MenuItem repair = new MenuItem(texts.get("repair"), Controls.icon(MaterialDesignO.OPEN_IN_APP));
            repair.setOnAction(e -> repairs.accept(row.getItem().secret(), getScene() == null ? null : getScene().getWindow()));
            MenuItem manual = new MenuItem(texts.get("manualRotation"), Controls.icon(MaterialDesignO.OPEN_IN_APP));
            manual.setOnAction(e -> manualRotations.accept(row.getItem().secret(), getScene() == null ? null : getScene().getWindow()));
            ContextMenu menu = new ContextMenu(open, rotate, new javafx.scene.control.SeparatorMenuItem(), repair, manual);
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                RotationRow focused = table.getFocusModel().getFocusedItem();
                if (focused != null) {
                    vm.open(focused);
                    e.consume();
                }
            }
        });

        // the selection goes to the view model; it comes back when rows were listed again or filtered
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RotationRow>) c -> {
            if (!syncingSelection) {
                vm.select(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        vm.selection().addListener((ListChangeListener<RotationRow>) c -> restoreSelection());
    }

    /** Selects in the table what the view model says is selected (after rows came back as new objects). */
    private void restoreSelection() {
        if (syncingSelection || table.getSelectionModel().getSelectedItems().equals(vm.selection())) {
            return;
        }
        syncingSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            for (RotationRow r : vm.selection()) {
                int i = table.getItems().indexOf(r);
                if (i >= 0) {
                    table.getSelectionModel().select(i);
                }
            }
        } finally {
            syncingSelection = false;
        }
    }

    // ---- opened secret and bulk rotation ----------------------------------------------------------

    private void buildDetail(Node detail) {
        if (detail == null) {
            return;
        }
        Label name = new Label();
        name.getStyleClass().addAll(Styles.MONO, Styles.TEXT_BOLD);
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            SecretSummary s = vm.openedSecretProperty().get();
            return s == null ? "" : s.name();
        }, vm.openedSecretProperty()));
        Button close = Controls.iconButton(Icons.CLEAR.ikon(), texts.get("detail.close"));
        close.setId("rotation-detail-close");
        close.setOnAction(e -> vm.closeSecret());
        HBox bar = new HBox(8, name, Controls.spacer(), close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("sr-rotation-detail-bar");
        VBox.setVgrow(detail, Priority.ALWAYS);
        detailSlot.getChildren().setAll(bar, detail);
        detailSlot.setMinWidth(DETAIL_MIN_WIDTH);
        detailSlot.setId("rotation-detail");
        SplitPane.setResizableWithParent(detailSlot, false);
        vm.openedSecretProperty().addListener((o, was, now) -> {
            boolean shown = split.getItems().contains(detailSlot);
            if (now != null && !shown) {
                split.getItems().add(detailSlot);
                split.setDividerPositions(0.6);
            } else if (now == null && shown) {
                split.getItems().remove(detailSlot);
                table.requestFocus();
            }
        });
    }

    private void rotateSelected() {
        BulkRotateViewModel bulk = vm.rotateSelected();
        if (bulk == null) {
            return;
        }
        BulkRotateDialog dialog = new BulkRotateDialog(bulk, texts);
        if (getScene() != null && getScene().getWindow() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        // what was rotated is listed again once the dialog closes (it stops following what still runs)
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, e -> {
            if (bulk.phaseProperty().get() != BulkRotateViewModel.Phase.CONFIRM) {
                vm.refresh();
            }
        });
        dialog.show();
    }
}
