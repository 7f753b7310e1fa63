package io.strongroom.ui.secret;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.SecretDialogs;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The secret detail pane: a header (name, scope, badges, new value, edit, delete, the banners)
 * over a tab pane. Its own tabs come first (Overview with the tags, Value, Versions), then the
 * tabs other features contribute ({@link DetailTab.Factory}), in the order they were contributed;
 * the tab chosen stays chosen when another secret is selected; a contributed tab may add a line to
 * the header ({@link DetailHeaderLine}). It only binds to
 * {@link SecretDetailViewModel} and forwards clicks; the editor dialogs are opened through
 * {@link SecretDialogs}.
 *
 * <p>The shell embeds it as {@code new SecretDetailView(vm, dialogs, contributedTabs)} and binds
 * {@code vm.secretProperty()} to the inventory's selection and {@code vm.readOnlyProperty()} to
 * the read-only setting.
 */
public final class SecretDetailView extends BorderPane {

    /** Stylesheet of the detail pane (on top of the editor stylesheet). */
    public static final String STYLESHEET = SecretDetailView.class.getResource("secret-detail.css").toExternalForm();

    /** The tab pane's node id; each tab's id is {@link #TAB_ID_PREFIX} and the tab's {@link DetailTab#id()}. */
    public static final String TABS_ID = "detail-tabs";
    public static final String TAB_ID_PREFIX = "detail-tab-";

    private final SecretDetailViewModel vm;
    private final SecretDialogs dialogs;
    private final List<DetailTab.Factory> contributed;
    private final Texts texts;
    /** Kept: the tabs' visibility binds to it. */
    private final BooleanBinding showing;
    private TabPane tabs;

    /** The detail with its own tabs only. */
    public SecretDetailView(SecretDetailViewModel vm, SecretDialogs dialogs) {
        this(vm, dialogs, List.of());
    }

    /**
     * Reads its words from the view model's texts (the detail's bundle over the shared strings).
     *
     * @param contributed the tabs other features contribute, shown after the detail's own
     */
    public SecretDetailView(SecretDetailViewModel vm, SecretDialogs dialogs, List<DetailTab.Factory> contributed) {
        this.vm = Objects.requireNonNull(vm);
        this.dialogs = dialogs;
        this.contributed = List.copyOf(contributed);
        this.texts = vm.texts();
        getStylesheets().addAll(Controls.STYLESHEET, STYLESHEET);
        getStyleClass().add("sr-secret-detail");

        Label placeholder = new Label(text("view.placeholder"), Controls.icon(MaterialDesignS.SHIELD_KEY_OUTLINE));
        placeholder.getStyleClass().add("sr-placeholder");
        placeholder.setContentDisplay(ContentDisplay.TOP);
        StackPane empty = new StackPane(placeholder);
        empty.getStyleClass().add("sr-detail-empty");
        showing = vm.summaryProperty().isNotNull().and(vm.goneProperty().not());
        empty.visibleProperty().bind(showing.not());
        StackPane center = new StackPane(empty);
        setCenter(center);

        // The header and the tabs (a few hundred controls) are built when the first secret is
        // shown, not with the window: on start-up nothing is selected, and styling and laying out
        // hidden tabs was part of the wait for the first populated frame.
        if (vm.summaryProperty().get() != null) {
            buildTabs(center);
        } else {
            InvalidationListener[] first = new InvalidationListener[1];
            first[0] = o -> {
                if (vm.summaryProperty().get() != null) {
                    vm.summaryProperty().removeListener(first[0]);
                    buildTabs(center);
                }
            };
            vm.summaryProperty().addListener(first[0]);
        }
    }

    public SecretDetailViewModel viewModel() {
        return vm;
    }

    /** Brings the tab with {@code id} to the front (as a click on its header would); false when there is none (yet). */
    public boolean showTab(String id) {
        if (tabs == null) {
            return false;
        }
        for (Tab t : tabs.getTabs()) {
            if (t.getId().equals(TAB_ID_PREFIX + id)) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    private void buildTabs(StackPane center) {
        List<DetailTab> all = new ArrayList<>(List.of(
                new OverviewTab(vm),
                new ValueTab(vm.value(), texts),
                new VersionsTab(vm.versionsPart(), texts, () -> showTab(ValueTab.ID))));
        List<Node> headerLines = new ArrayList<>();
        for (DetailTab.Factory f : contributed) {
            DetailTab t = f.create(vm.host());
            all.add(t);
            if (t instanceof DetailHeaderLine line) {
                headerLines.add(line.headerLine());
            }
        }
        tabs = new TabPane();
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("sr-detail-tabs");
        for (DetailTab t : all) {
            Tab tab = new Tab(t.title(), scrolled(t.content()));
            tab.setId(TAB_ID_PREFIX + t.id());
            tabs.getTabs().add(tab);
        }
        Node header = header(headerLines);
        header.visibleProperty().bind(vm.summaryProperty().isNotNull());
        header.managedProperty().bind(header.visibleProperty());
        tabs.visibleProperty().bind(showing);
        setTop(header);
        center.getChildren().add(tabs);
    }

    /** A tab's content, padded, scrolling vertically when taller than the pane. */
    private static Node scrolled(Node content) {
        StackPane padded = new StackPane(content);
        padded.setAlignment(Pos.TOP_LEFT);
        padded.setPadding(new Insets(14, 18, 18, 18));
        ScrollPane scroll = new ScrollPane(padded);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "sr-detail-scroll");
        return scroll;
    }

    private String text(String key, Object... args) {
        return texts.format(key, args);
    }

    // ---- Header --------------------------------------------------------------------------------

    private Node header(List<Node> contributedLines) {
        Label name = new Label();
        name.setId("detail-name");
        name.textProperty().bind(vm.nameProperty());
        name.getStyleClass().addAll("sr-detail-title", Controls.MONO);
        name.setGraphic(Controls.icon(MaterialDesignK.KEY_VARIANT));
        // The name has a line of its own and wraps: beside the actions, a pane as narrow as a
        // 1280 px window leaves squeezed it to nothing, and it says which secret they act on.
        name.setWrapText(true);
        name.setMaxWidth(Double.MAX_VALUE);
        Label scope = new Label();
        scope.textProperty().bind(vm.scopeLabelProperty());
        scope.getStyleClass().add("sr-scope-chip");
        scope.setId("detail-scope");

        Button newValue = Controls.button(text("action.newValue"), MaterialDesignP.PLUS_BOX_MULTIPLE_OUTLINE);
        newValue.setId("detail-new-value");
        newValue.disableProperty().bind(vm.canMutateProperty().not());
        newValue.setOnAction(e -> dialogs.newValue(window(), vm.summaryProperty().get()).ifPresent(w -> vm.changed()));
        Button edit = Controls.button(text("action.edit"), MaterialDesignP.PENCIL_OUTLINE);
        edit.setId("detail-edit");
        edit.disableProperty().bind(vm.canMutateProperty().not());
        edit.setOnAction(e -> dialogs.edit(window(), vm.summaryProperty().get()).ifPresent(w -> vm.changed()));
        Button delete = Controls.button(text("action.delete"), MaterialDesignD.DELETE_OUTLINE);
        delete.setId("detail-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(vm.canMutateProperty().not());
        delete.setOnAction(e -> dialogs.delete(window(), vm.summaryProperty().get()).ifPresent(vm::deleted));
        Button refresh = Controls.iconButton(MaterialDesignR.REFRESH, text("action.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());

        busy.managedProperty().bind(busy.visibleProperty());
        HBox actions = new HBox(8, newValue, edit, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        HBox titleRow = new HBox(8, name, busy, refresh);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);

        Label readOnly = new Label(text("badge.readOnly"), Controls.icon(MaterialDesignL.LOCK_OUTLINE));
        readOnly.getStyleClass().addAll("sr-badge", "sr-badge-readonly");
        readOnly.setId("detail-read-only");
        readOnly.visibleProperty().bind(vm.readOnlyProperty());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        Label planned = new Label(text("badge.planned"), Controls.icon(MaterialDesignD.DELETE_CLOCK_OUTLINE));
        planned.getStyleClass().addAll("sr-badge", "sr-badge-planned");
        planned.visibleProperty().bind(vm.plannedForDeletionProperty());
        planned.managedProperty().bind(planned.visibleProperty());
        // scope and badges, then the actions: on one line when the pane is wide enough, else below
        FlowPane subtitle = new FlowPane(8, 8, scope, planned, readOnly, actions);
        subtitle.setAlignment(Pos.CENTER_LEFT);
        FlowPane.setMargin(actions, new Insets(0, 0, 0, 4));

        Button restore = Controls.button(text("action.restore"), MaterialDesignD.DELETE_RESTORE);
        restore.setId("detail-restore");
        restore.getStyleClass().add(Styles.SMALL);
        restore.disableProperty().bind(vm.canRestoreProperty().not());
        restore.setOnAction(e -> vm.restore());
        ObservableStringValue plannedText = Bindings.createStringBinding(() -> vm.plannedForDeletionProperty().get()
                ? text("banner.planned", vm.overview().deletionProperty().get()) : null, vm.plannedForDeletionProperty(), vm.overview().deletionProperty());
        Button dismiss = Controls.iconButton(MaterialDesignC.CLOSE, text("action.dismiss"));
        dismiss.setOnAction(e -> vm.dismissError());
        Node error = Controls.banner(vm.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE, dismiss);
        error.setId("detail-error");
        Node notice = Controls.banner(vm.noticeProperty(), Styles.SUCCESS, MaterialDesignC.CHECK_CIRCLE_OUTLINE);
        notice.setId("detail-notice");

        VBox header = new VBox(8, titleRow, subtitle);
        header.getChildren().addAll(contributedLines);
        header.getChildren().addAll(Controls.banner(plannedText, Styles.WARNING, MaterialDesignD.DELETE_CLOCK_OUTLINE, restore), error, notice);
        header.getStyleClass().add("sr-detail-header");
        return header;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
