package io.strongroom.ui.audit;

import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Who read what, as a grid: a row per principal, a column per secret (the most read of each, "and
 * M more" below and beside), each cell the number of value reads, shaded deeper the more reads,
 * with a red corner where attempts failed. Clicking a cell shows its events in the table. Redrawn
 * from the {@link MatrixModel.Snapshot} whenever it changes.
 */
final class MatrixView extends BorderPane {

    static final String GRID_ID = "audit-matrix";
    private static final double CELL = 46;
    private static final double HEADER_WIDTH = 270;

    private final AuditViewModel vm;
    private final Texts texts;
    private final BiConsumer<MatrixModel.Line, MatrixModel.Line> drill;
    private final DateTimeFormatter minutes;
    private final GridPane grid = new GridPane();
    private final Label about = new Label();
    private final Label totals = new Label();
    private final Label empty = new Label();
    /** The snapshot changed while the view was hidden. */
    private boolean dirty;

    /** @param drill called with the principal and the secret of a clicked cell */
    MatrixView(AuditViewModel vm, Texts texts, BiConsumer<MatrixModel.Line, MatrixModel.Line> drill) {
        this.vm = vm;
        this.texts = texts;
        this.drill = drill;
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(vm.zone());
        getStyleClass().add("sr-audit-matrix");
        grid.setId(GRID_ID);
        grid.getStyleClass().add("sr-audit-matrix-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        Label title = new Label(texts.get("matrix.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.setWrapText(true);
        totals.getStyleClass().add(Styles.TEXT_MUTED);
        Label legend = new Label(texts.get("matrix.failed.legend"));
        legend.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox top = new VBox(2, title, about, totals, legend);
        top.setPadding(new Insets(10, 12, 8, 12));
        setTop(top);
        empty.setText(texts.get("matrix.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        StackPane body = new StackPane(grid, empty);
        StackPane.setAlignment(grid, Pos.TOP_LEFT);
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        body.setPadding(new Insets(4, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(false);
        scroll.getStyleClass().add("sr-audit-matrix-scroll");
        setCenter(scroll);
        // drawn when shown: while events stream in behind another tab, the grid is not rebuilt for each page
        vm.matrix().snapshotProperty().addListener((o, was, now) -> redrawIfShown());
        vm.restrictedFromProperty().addListener(o -> redrawIfShown());
        visibleProperty().addListener((o, was, now) -> {
            if (now && dirty) {
                redraw();
            }
        });
        redraw();
    }

    private void redrawIfShown() {
        if (isVisible()) {
            redraw();
        } else {
            dirty = true;
        }
    }

    private void redraw() {
        dirty = false;
        MatrixModel.Snapshot m = vm.matrix().snapshot();
        Instant from = vm.restrictedFromProperty().get();
        about.setText(texts.format("matrix.about", from == null ? ""
                : texts.format("matrix.about.restricted", minutes.format(from), minutes.format(vm.restrictedToProperty().get()))));
        totals.setText(texts.format("matrix.totals", m.totalReads(), m.totalFailed()));
        grid.getChildren().clear();
        empty.setVisible(m.isEmpty());
        grid.setVisible(!m.isEmpty());
        if (m.isEmpty()) {
            return;
        }
        Label corner = new Label(texts.get("matrix.corner"));
        corner.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        GridPane.setValignment(corner, VPos.BOTTOM);
        grid.add(corner, 0, 0);
        for (int c = 0; c < m.secrets().size(); c++) {
            grid.add(columnHeader(m.secrets().get(c)), c + 1, 0);
        }
        Label readsHeader = muted(texts.get("matrix.total.header"));
        readsHeader.setPadding(new Insets(0, 0, 0, 6));
        GridPane.setValignment(readsHeader, VPos.BOTTOM);
        grid.add(readsHeader, m.secrets().size() + 1, 0);
        for (int r = 0; r < m.principals().size(); r++) {
            MatrixModel.Line p = m.principals().get(r);
            grid.add(rowHeader(p), 0, r + 1);
            for (int c = 0; c < m.secrets().size(); c++) {
                MatrixModel.Line s = m.secrets().get(c);
                grid.add(cell(m, p, s), c + 1, r + 1);
            }
            Label total = muted(texts.format("matrix.total", p.reads()));
            total.setPadding(new Insets(0, 0, 0, 6));
            grid.add(total, m.secrets().size() + 1, r + 1);
        }
        int below = m.principals().size() + 1;
        if (m.morePrincipals() > 0) {
            grid.add(muted(texts.format("matrix.more.principals", m.morePrincipals())), 0, below);
        }
        if (m.moreSecrets() > 0) {
            Label more = muted(texts.format("matrix.more.secrets", m.moreSecrets()));
            GridPane.setValignment(more, VPos.BOTTOM);
            grid.add(more, m.secrets().size() + 2, 0);
        }
    }

    /** A secret's name, written upwards so a dozen columns fit. */
    private Group columnHeader(MatrixModel.Line s) {
        Label l = new Label(s.label());
        l.getStyleClass().addAll(Styles.MONO, "sr-audit-matrix-column");
        l.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        l.setMaxWidth(HEADER_WIDTH);
        l.setTooltip(new Tooltip(s.key()));
        l.setRotate(-90);
        Group g = new Group(l);
        GridPane.setHalignment(g, HPos.CENTER);
        GridPane.setValignment(g, VPos.BOTTOM);
        return g;
    }

    private Label rowHeader(MatrixModel.Line p) {
        Label l = new Label(p.label());
        l.getStyleClass().add("sr-audit-matrix-row");
        l.setTooltip(new Tooltip(p.key()));
        l.setMaxWidth(260);
        l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        return l;
    }

    private StackPane cell(MatrixModel.Snapshot m, MatrixModel.Line p, MatrixModel.Line s) {
        MatrixModel.Cell c = m.cell(p, s);
        Region heat = new Region();
        heat.getStyleClass().add("sr-audit-heat");
        double level = m.heat(c);
        heat.setOpacity(level);
        Label count = new Label(c.reads() == 0 ? (c.failed() > 0 ? "0" : "") : Integer.toString(c.reads()));
        count.getStyleClass().add("sr-audit-cell-count");
        if (level > 0.55) {
            count.getStyleClass().add("hot");
        }
        StackPane cell = new StackPane(heat, count);
        cell.getStyleClass().add("sr-audit-cell");
        cell.setMinSize(CELL, 26);
        cell.setPrefSize(CELL, 26);
        cell.setMaxSize(CELL, 26);
        if (c.failed() > 0) {
            Region corner = new Region();
            corner.getStyleClass().add("sr-audit-cell-failed");
            corner.setMaxSize(9, 9);
            StackPane.setAlignment(corner, Pos.TOP_RIGHT);
            cell.getChildren().add(corner);
        }
        if (!c.isEmpty()) {
            cell.getStyleClass().add("filled");
            cell.setId("audit-cell-" + m.principals().indexOf(p) + "-" + m.secrets().indexOf(s));
            Tooltip.install(cell, new Tooltip(texts.format("matrix.cell.tip", p.label(), s.label(), c.reads(), c.failed(), c.denied())));
            cell.setOnMouseClicked(e -> drill.accept(p, s));
        }
        return cell;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
