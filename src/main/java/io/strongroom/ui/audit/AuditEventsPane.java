package io.strongroom.ui.audit;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Tweaks;
import io.strongroom.domain.AuditRecord;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Events tab: the text filter, the quick filters with their counts, how many events show,
 * Export; the drill-down chip ("showing N of X for principal → secret", Clear) and the timeline
 * restriction chip; the table of events, whose selection the detail pane shows. Part of {@link AuditView}.
 */
final class AuditEventsPane extends BorderPane {

    static final String TABLE_ID = "audit-table";
    static final String SEARCH_ID = "audit-search";
    static final String DRILL_ID = "audit-drill";

    private final AuditViewModel vm;
    private final Texts texts;
    private final DateTimeFormatter seconds;
    private final DateTimeFormatter minutes;
    private final TableView<AuditRecord> table = new TableView<>();
    private boolean syncingSelection;

    AuditEventsPane(AuditViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        this.seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(vm.zone());
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(vm.zone());
        getStyleClass().add("sr-audit-events");
        setTop(new VBox(toolbar(), drillChip(), restrictionChip()));
        buildTable();
        setCenter(table);
    }

    TableView<AuditRecord> table() {
        return table;
    }

    // ---- toolbar and chips ----------------------------------------------------------------------

    private HBox toolbar() {
        CustomTextField search = new CustomTextField();
        search.setId(SEARCH_ID);
        search.setPromptText(texts.get("search.prompt"));
        search.setLeft(Icons.SEARCH.icon());
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setPrefWidth(250);
        search.setTooltip(new Tooltip(texts.get("search.tip")));
        search.setMinWidth(160);

        Label count = new Label();
        count.setId("audit-shown-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> texts.format("shown.count", vm.shownCountProperty().get(),
                vm.loadedCountProperty().get()), vm.shownCountProperty(), vm.loadedCountProperty()));

        MenuButton export = new MenuButton(texts.get("export"), Icons.EXPORT.icon());
        export.setId("audit-export");
        export.setTooltip(new Tooltip(texts.get("export.tip")));
        MenuItem csv = new MenuItem(texts.get("export.csv"), Icons.CSV.icon());
        csv.setOnAction(e -> vm.exportCsv());
        MenuItem jsonl = new MenuItem(texts.get("export.jsonl"), Icons.JSON.icon());
        jsonl.setOnAction(e -> vm.exportJsonLines());
        export.getItems().addAll(csv, jsonl);
        export.disableProperty().bind(vm.shownCountProperty().isEqualTo(0));
        export.setMinWidth(Region.USE_PREF_SIZE);

        Label notice = new Label();
        notice.textProperty().bind(vm.noticeProperty());
        notice.getStyleClass().add(Styles.CELL_SUCCESS);
        notice.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(10, search, filters(), Controls.spacer(), notice, count, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("sr-audit-toolbar");
        return bar;
    }

    /** All | Errors | AccessDenied | Value reads, each with its count. */
    private HBox filters() {
        return Controls.segmentedFilters(EventFilter.values(), vm.filterProperty(), vm.countsProperty(),
                f -> vm.countsProperty().get().of(f), texts, "audit-filter-", "sr-audit-filters");
    }

    /** "Showing 12 of 1,234 events for ci-deployer → prod/payments/stripe-api-key", Clear. */
    private HBox drillChip() {
        Label text = new Label();
        text.setId(DRILL_ID);
        text.textProperty().bind(Bindings.createStringBinding(() -> vm.showingOnlyProperty().get() == null ? ""
                        : texts.format("drill.chip", vm.shownCountProperty().get(), vm.loadedCountProperty().get(),
                        vm.showingOnlyProperty().get()),
                vm.showingOnlyProperty(), vm.shownCountProperty(), vm.loadedCountProperty()));
        Button clear = Controls.button(texts.get("drill.clear"), Icons.FILTER_OFF.ikon());
        clear.setId("audit-drill-clear");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip(texts.get("drill.clear.tip")));
        clear.setOnAction(e -> vm.clearShowOnly());
        return chip(text, clear, Bindings.isNotNull(vm.showingOnlyProperty()));
    }

    /** "Between 14:00 and 15:00, as selected on the timeline", Whole range. */
    private HBox restrictionChip() {
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Instant from = vm.restrictedFromProperty().get();
            Instant to = vm.restrictedToProperty().get();
            return from == null ? "" : texts.format("restriction.chip", minutes.format(from), minutes.format(to));
        }, vm.restrictedFromProperty(), vm.restrictedToProperty()));
        Button clear = Controls.button(texts.get("restriction.clear"), Icons.CLEAR.ikon());
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip(texts.get("restriction.clear.tip")));
        clear.setOnAction(e -> vm.clearRestriction());
        return chip(text, clear, Bindings.isNotNull(vm.restrictedFromProperty()));
    }

    private static HBox chip(Label text, Button clear, javafx.beans.binding.BooleanBinding shown) {
        HBox chip = new HBox(8, Icons.FILTER.icon(), text, clear);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("sr-audit-chip");
        HBox row = new HBox(chip);
        row.getStyleClass().add("sr-audit-chip-row");
        row.visibleProperty().bind(shown);
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    // ---- table ----------------------------------------------------------------------------------

    private void buildTable() {
        table.setId(TABLE_ID);
        table.setItems(vm.shown());
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        // the view model's list sorts itself: the table's comparator goes there, newest first breaks its ties
        table.setSortPolicy(t -> true);
        vm.sortOrderProperty().bind(table.comparatorProperty());

        Comparator<String> byText = String.CASE_INSENSITIVE_ORDER;
        table.getColumns().add(column("time", 156, r -> seconds.format(r.time()), r -> r.time().toString(), null,
                AuditRecord::time, Comparator.<Instant>naturalOrder()));
        table.getColumns().add(column("account", 108, r -> r.scope().accountAlias(), r -> r.scope().accountId(), null,
                r -> r.scope().accountAlias(), byText));
        table.getColumns().add(column("region", 88, r -> r.scope().region(), null, null, r -> r.scope().region(), byText));
        table.getColumns().add(column("principal", 156, AuditText::shortPrincipal, AuditRecord::principal, null,
                AuditText::shortPrincipal, byText));
        table.getColumns().add(column("event", 128, AuditRecord::eventName, AuditRecord::eventSource, null, AuditRecord::eventName, byText));
        table.getColumns().add(column("secret", 190, r -> AuditText.secretName(AuditText.secretOf(r)), AuditText::secretOf, Styles.MONO,
                r -> AuditText.secretName(AuditText.secretOf(r)), byText));
        table.getColumns().add(column("sourceIp", 90, AuditRecord::sourceIp, null, Styles.MONO, AuditRecord::sourceIp, byText));
        table.getColumns().add(column("userAgent", 100, AuditRecord::userAgent, AuditRecord::userAgent, Styles.CELL_MUTED,
                AuditRecord::userAgent, byText));
        table.getColumns().add(column("error", 140, AuditText::error, AuditRecord::errorMessage, Styles.CELL_DANGER,
                AuditText::error, byText));

        Label empty = new Label();
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.textProperty().bind(Bindings.createStringBinding(() -> texts.get(vm.loadingProperty().get() ? "empty.loading"
                        : vm.loadedQueryProperty().get() == null ? "empty.idle"
                        : vm.loadedCountProperty().get() == 0 ? "empty.none" : "empty.filtered"),
                vm.loadingProperty(), vm.loadedQueryProperty(), vm.loadedCountProperty()));
        table.setPlaceholder(empty);

        // the selection goes to the view model; it is found again after the rows were filtered
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncingSelection && !(now == null && vm.rowsChanging())) {
                vm.selectedProperty().set(now);
            }
        });
        vm.shown().addListener((ListChangeListener<AuditRecord>) c -> restoreSelection());
        vm.selectedProperty().addListener((o, was, now) -> restoreSelection());
    }

    private void restoreSelection() {
        AuditRecord selected = vm.selectedProperty().get();
        if (syncingSelection || table.getSelectionModel().getSelectedItem() == selected) {
            return;
        }
        syncingSelection = true;
        try {
            int i = selected == null ? -1 : table.getItems().indexOf(selected);
            if (i >= 0) {
                table.getSelectionModel().clearAndSelect(i);
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            syncingSelection = false;
        }
    }

    /**
     * A text column: {@code text} shown, {@code tip} as its tooltip (null: none), {@code style} on
     * its cells (null: none), sorted by {@code key} with {@code order} (nulls last).
     */
    private <K> TableColumn<AuditRecord, AuditRecord> column(String id, double width, Function<AuditRecord, String> text,
                                                           Function<AuditRecord, String> tip, String style,
                                                           Function<AuditRecord, K> key, Comparator<K> order) {
        TableColumn<AuditRecord, AuditRecord> c = new TableColumn<>(texts.get("col." + id));
        c.setId("audit-col-" + id);
        c.setPrefWidth(width);
        // the time and who did what to which secret stay whole; the rest give way when the table is narrow
        c.setMinWidth(switch (id) {
            case "time" -> width;
            case "principal", "secret", "event" -> width * 0.8;
            case "account", "region" -> width * 0.9;
            default -> Math.min(width, 64);
        });
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator(Comparator.comparing(key, Comparator.nullsLast(order)));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(AuditRecord r, boolean empty) {
                super.updateItem(r, empty);
                if (style != null) {
                    getStyleClass().remove(style);
                }
                if (empty || r == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(r));
                String t = tip == null ? null : tip.apply(r);
                if (t == null || t.isEmpty()) {
                    setTooltip(null);
                } else {
                    tooltip.setText(t);
                    setTooltip(tooltip);
                }
                if (style != null) {
                    getStyleClass().add(style);
                }
            }
        });
        return c;
    }
}
