package io.strongroom.ui.secret;

import atlantafx.base.theme.Styles;
import io.strongroom.domain.SecretVersion;
import io.strongroom.domain.VersionSelector;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

import java.util.List;

/**
 * The Versions tab: every version, newest first, with its staging labels; view one's value (on the
 * Value tab) or make an earlier one current again.
 */
final class VersionsTab extends OwnTab {

    static final String ID = "versions";

    private static final double VERSION_ROW = 34;

    private final VersionsViewModel versionsVm;
    private final Runnable showValue;

    /** @param showValue brings the Value tab to the front (after choosing a version to view) */
    VersionsTab(VersionsViewModel versionsVm, Texts texts, Runnable showValue) {
        super(ID, texts);
        this.versionsVm = versionsVm;
        this.showValue = showValue;
    }

    @Override
    protected Node build() {
        return versionsCard();
    }

    // ---- Versions ------------------------------------------------------------------------------

    private Node versionsCard() {
        Label title = Controls.sectionTitle(text("versions.title"));
        title.textProperty().bind(Bindings.createStringBinding(() -> text("versions.titleCount", versionsVm.versions().size()),
                versionsVm.versions()));
        CheckBox deprecated = new CheckBox(text("versions.deprecated"));
        deprecated.setId("versions-deprecated");
        deprecated.selectedProperty().bindBidirectional(versionsVm.includeDeprecatedProperty());
        Button view = Controls.button(text("versions.view"), MaterialDesignE.EYE_OUTLINE);
        view.setId("versions-view");
        view.getStyleClass().add(Styles.SMALL);
        view.disableProperty().bind(versionsVm.selectedVersionProperty().isNull());
        view.setOnAction(e -> {
            versionsVm.viewSelectedVersion();
            showValue.run();
        });
        Button rollback = Controls.button(text("versions.rollback"), MaterialDesignH.HISTORY);
        rollback.setId("versions-rollback");
        rollback.getStyleClass().add(Styles.SMALL);
        rollback.disableProperty().bind(versionsVm.canRollbackSelectedProperty().not());
        rollback.setOnAction(e -> versionsVm.rollbackSelected());
        // the title, then the controls: on one line when the pane is wide enough, else wrapped below
        FlowPane top = new FlowPane(10, 6, title, deprecated, view, rollback);
        top.setAlignment(Pos.CENTER_LEFT);
        FlowPane.setMargin(title, new Insets(0, 8, 0, 0));

        TableView<SecretVersion> table = new TableView<>(versionsVm.versions());
        table.setId("versions-table");
        table.getStyleClass().addAll(Styles.DENSE, "sr-versions");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(VERSION_ROW);
        TableColumn<SecretVersion, String> id = new TableColumn<>(text("versions.col.id"));
        id.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().versionId()));
        id.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : DetailFormat.shortId(item));
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        id.getStyleClass().add(Controls.MONO);
        id.setPrefWidth(110);
        id.setMaxWidth(160);
        TableColumn<SecretVersion, List<String>> labels = new TableColumn<>(text("versions.col.labels"));
        labels.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue().stages()));
        labels.setCellFactory(c -> new StageCell());
        labels.setPrefWidth(190);
        TableColumn<SecretVersion, String> created = new TableColumn<>(text("versions.col.created"));
        created.setCellValueFactory(f -> new ReadOnlyStringWrapper(DetailFormat.time(f.getValue().created())));
        created.setPrefWidth(170);
        created.setMinWidth(160);
        TableColumn<SecretVersion, String> accessed = new TableColumn<>(text("versions.col.accessed"));
        accessed.setMinWidth(110);
        accessed.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().lastAccessed() == null
                ? text("accessed.never") : DetailFormat.day(f.getValue().lastAccessed())));
        table.getColumns().add(id);
        table.getColumns().add(labels);
        table.getColumns().add(created);
        table.getColumns().add(accessed);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() ->
                36 + Math.min(8, Math.max(1, versionsVm.versions().size())) * VERSION_ROW, versionsVm.versions()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        Label empty = new Label(text("versions.none"));
        empty.getStyleClass().add(Controls.FIELD_HINT);
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != versionsVm.selectedVersionProperty().get()) {
                versionsVm.selectedVersionProperty().set(now);
            }
        });
        versionsVm.selectedVersionProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        if (versionsVm.selectedVersionProperty().get() != null) {
            table.getSelectionModel().select(versionsVm.selectedVersionProperty().get());
        }
        table.setRowFactory(t -> {
            TableRow<SecretVersion> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    versionsVm.viewVersion(row.getItem());
                    showValue.run();
                }
            });
            return row;
        });
        Label hint = new Label(text("versions.hint"));
        hint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        hint.setWrapText(true);

        VBox card = new VBox(10, top, table, hint);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    /** Staging labels as small coloured badges: AWSCURRENT stands out, AWSPENDING warns. */
    private final class StageCell extends TableCell<SecretVersion, List<String>> {
        @Override
        protected void updateItem(List<String> stages, boolean empty) {
            super.updateItem(stages, empty);
            setText(null);
            if (empty || stages == null) {
                setGraphic(null);
                return;
            }
            HBox box = new HBox(4);
            box.setAlignment(Pos.CENTER_LEFT);
            if (stages.isEmpty()) {
                Label l = new Label(text("version.deprecated"));
                l.getStyleClass().addAll("sr-stage", "sr-stage-deprecated");
                box.getChildren().add(l);
            }
            for (String s : stages) {
                Label l = new Label(s);
                l.getStyleClass().add("sr-stage");
                l.getStyleClass().add(switch (s) {
                    case VersionSelector.AWSCURRENT -> "sr-stage-current";
                    case VersionSelector.AWSPENDING -> "sr-stage-pending";
                    case VersionSelector.AWSPREVIOUS -> "sr-stage-previous";
                    default -> "sr-stage-custom";
                });
                box.getChildren().add(l);
            }
            setGraphic(box);
        }
    }
}
