package io.strongroom.ui.secret;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.strongroom.domain.SecretVersion;
import io.strongroom.domain.VersionSelector;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.JsonValues;
import io.strongroom.ui.editor.SecretDialogs;
import io.strongroom.ui.secret.SecretDetailViewModel.BinaryView;
import io.strongroom.ui.secret.SecretDetailViewModel.ValueKind;
import io.strongroom.ui.secret.SecretDetailViewModel.ValueState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;

/**
 * The secret detail pane: header with actions, the value (masked until revealed), overview,
 * tags and versions. It only binds to {@link SecretDetailViewModel} and forwards clicks; the
 * editor dialogs are opened through {@link SecretDialogs}.
 *
 * <p>The shell embeds it as {@code new SecretDetailView(vm, dialogs)} and binds
 * {@code vm.secretProperty()} to the inventory's selection and {@code vm.readOnlyProperty()} to
 * the read-only setting.
 */
public final class SecretDetailView extends BorderPane {

    /** Stylesheet of the detail pane (on top of the editor stylesheet). */
    public static final String STYLESHEET = SecretDetailView.class.getResource("secret-detail.css").toExternalForm();

    private static final String MASK = "\u2022".repeat(24);
    private static final double VERSION_ROW = 34;

    private final SecretDetailViewModel vm;
    private final SecretDialogs dialogs;
    private final Texts texts;
    private final ValueViewModel valueVm;
    private final VersionsViewModel versionsVm;
    private final TagsViewModel tagsVm;

    /** Reads its words from the view model's texts (the detail's bundle over the shared strings). */
    public SecretDetailView(SecretDetailViewModel vm, SecretDialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.texts = vm.texts();
        this.valueVm = vm.value();
        this.versionsVm = vm.versionsPart();
        this.tagsVm = vm.tagsPart();
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

        // The header and the cards (a few hundred controls) are built when the first secret is
        // shown, not with the window: on start-up nothing is selected, and styling and laying out
        // hidden cards was part of the wait for the first populated frame.
        if (vm.summaryProperty().get() != null) {
            buildCards(center);
        } else {
            javafx.beans.InvalidationListener[] first = new javafx.beans.InvalidationListener[1];
            first[0] = o -> {
                if (vm.summaryProperty().get() != null) {
                    vm.summaryProperty().removeListener(first[0]);
                    buildCards(center);
                }
            };
            vm.summaryProperty().addListener(first[0]);
        }
    }

    /** Kept: the cards' visibility binds to it. */
    private final BooleanBinding showing;

    private void buildCards(StackPane center) {
        VBox cards = new VBox(14, valueCard(), overviewCard(), tagsCard(), versionsCard());
        cards.setPadding(new Insets(4, 18, 18, 18));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.getStyleClass().add("sr-detail-scroll");
        Node header = header();
        header.visibleProperty().bind(vm.summaryProperty().isNotNull());
        header.managedProperty().bind(header.visibleProperty());
        scroll.visibleProperty().bind(showing);
        setTop(header);
        center.getChildren().add(scroll);
    }

    private String text(String key, Object... args) {
        return texts.format(key, args);
    }

    public SecretDetailViewModel viewModel() {
        return vm;
    }

    // ---- Header --------------------------------------------------------------------------------

    private Node header() {
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
        actions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
                ? text("banner.planned", vm.deletionProperty().get()) : null, vm.plannedForDeletionProperty(), vm.deletionProperty());
        Button dismiss = Controls.iconButton(MaterialDesignC.CLOSE, text("action.dismiss"));
        dismiss.setOnAction(e -> vm.dismissError());
        Node error = Controls.banner(vm.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE, dismiss);
        error.setId("detail-error");
        Node notice = Controls.banner(vm.noticeProperty(), Styles.SUCCESS, MaterialDesignC.CHECK_CIRCLE_OUTLINE);
        notice.setId("detail-notice");

        VBox header = new VBox(8, titleRow, subtitle,
                Controls.banner(plannedText, Styles.WARNING, MaterialDesignD.DELETE_CLOCK_OUTLINE, restore), error, notice);
        header.getStyleClass().add("sr-detail-header");
        return header;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- Value ---------------------------------------------------------------------------------

    private Node valueCard() {
        Label title = Controls.sectionTitle(text("value.title"));
        Label version = new Label();
        version.setId("value-version");
        version.textProperty().bind(valueVm.viewedVersionLabelProperty());
        version.getStyleClass().addAll("sr-version-chip", Controls.MONO);
        Button current = new Button(text("value.backToCurrent"));
        current.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        current.visibleProperty().bind(valueVm.viewedVersionProperty().isNotNull());
        current.managedProperty().bind(current.visibleProperty());
        current.setOnAction(e -> valueVm.viewVersion(null));

        Button reveal = Controls.button(text("value.reveal"), MaterialDesignE.EYE_OUTLINE);
        reveal.setId("value-reveal");
        reveal.disableProperty().bind(valueVm.canRevealProperty().not());
        reveal.setOnAction(e -> valueVm.reveal());
        Button hide = Controls.button(text("value.hide"), MaterialDesignE.EYE_OFF_OUTLINE);
        hide.setId("value-hide");
        hide.setOnAction(e -> valueVm.hide());
        BooleanBinding revealed = valueVm.valueStateProperty().isEqualTo(ValueState.REVEALED);
        hide.visibleProperty().bind(revealed);
        hide.managedProperty().bind(revealed);
        reveal.visibleProperty().bind(revealed.not());
        reveal.managedProperty().bind(revealed.not());
        Button copy = Controls.button(text("value.copy"), MaterialDesignC.CONTENT_COPY);
        copy.setId("value-copy");
        copy.setTooltip(new Tooltip(text("value.copy.tooltip", SecretDetailViewModel.CLIPBOARD_CLEAR_SECONDS)));
        copy.disableProperty().bind(valueVm.valueStateProperty().isEqualTo(ValueState.LOADING)
                .or(valueVm.valueStateProperty().isEqualTo(ValueState.NONE)));
        copy.setOnAction(e -> valueVm.copyValue());

        HBox top = new HBox(10, title, version, current, Controls.spacer(), reveal, hide, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        // in a narrow pane the version chip gives way (it ellipsizes); the title and buttons keep their text
        for (javafx.scene.layout.Region keep : List.of(title, current, reveal, hide, copy)) {
            keep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        version.setMinWidth(0);

        StackPane content = new StackPane(maskedValue(), loadingValue(), textValue(), jsonValue(), binaryValue());
        content.setAlignment(Pos.TOP_LEFT);
        VBox card = new VBox(12, top, content);
        card.getStyleClass().addAll(Controls.CARD, "sr-value-card");
        card.setId("value-card");
        return card;
    }

    private void showWhen(Node n, BooleanBinding when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    private Node maskedValue() {
        Label dots = new Label(MASK);
        dots.getStyleClass().addAll("sr-masked", Controls.MONO);
        Label caption = new Label(text("value.masked.caption"), Controls.icon(MaterialDesignS.SHIELD_LOCK_OUTLINE));
        caption.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        caption.setWrapText(true);
        VBox box = new VBox(6, dots, caption);
        box.setId("value-masked");
        showWhen(box, valueVm.valueStateProperty().isEqualTo(ValueState.MASKED));
        return box;
    }

    private Node loadingValue() {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(18, 18);
        p.setMaxSize(18, 18);
        Label l = new Label(text("value.loading"), p);
        showWhen(l, valueVm.valueStateProperty().isEqualTo(ValueState.LOADING));
        return l;
    }

    private BooleanBinding revealedAs(ValueKind kind) {
        return valueVm.valueStateProperty().isEqualTo(ValueState.REVEALED).and(valueVm.valueKindProperty().isEqualTo(kind));
    }

    private static TextArea readOnlyArea(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().addAll(Controls.MONO, "sr-revealed");
        return area;
    }

    private Node textValue() {
        TextArea area = readOnlyArea("value-text");
        area.textProperty().bind(Bindings.createStringBinding(() -> valueVm.valueTextProperty().get() == null ? "" : valueVm.valueTextProperty().get(),
                valueVm.valueTextProperty()));
        area.prefRowCountProperty().bind(Bindings.createIntegerBinding(() -> rows(valueVm.valueTextProperty().get(), 10),
                valueVm.valueTextProperty()));
        Label size = sizeLabel("value.text.size");
        VBox box = new VBox(6, area, size);
        showWhen(box, revealedAs(ValueKind.TEXT));
        return box;
    }

    private Label sizeLabel(String key) {
        Label size = new Label();
        size.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        size.textProperty().bind(Bindings.createStringBinding(() -> text(key, valueVm.valueSizeProperty().get()), valueVm.valueSizeProperty()));
        return size;
    }

    private static int rows(String text, int max) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        return (int) Math.max(1, Math.min(max, text.lines().count() + (text.length() / 90)));
    }

    private Node jsonValue() {
        ToggleGroup mode = new ToggleGroup();
        ToggleButton grid = new ToggleButton(text("value.json.grid"), Controls.icon(MaterialDesignT.TABLE_KEY));
        grid.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        grid.setToggleGroup(mode);
        ToggleButton raw = new ToggleButton(text("value.json.raw"), Controls.icon(MaterialDesignC.CODE_JSON));
        raw.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        raw.setToggleGroup(mode);
        raw.setId("value-json-raw");
        grid.setSelected(!valueVm.showRawJsonProperty().get());
        raw.selectedProperty().bindBidirectional(valueVm.showRawJsonProperty());
        mode.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                mode.selectToggle(was);
            }
        });
        Label size = sizeLabel("value.json.size");
        HBox bar = new HBox(0, grid, raw);
        HBox top = new HBox(10, bar, Controls.spacer(), size);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<JsonValues.Entry> table = new TableView<>(valueVm.jsonEntries());
        table.setId("value-json-grid");
        table.getStyleClass().addAll(Styles.DENSE, "sr-json-grid");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(32);
        TableColumn<JsonValues.Entry, String> key = new TableColumn<>(text("value.json.key"));
        key.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().key()));
        key.getStyleClass().addAll(Controls.MONO, "sr-json-key");
        key.setPrefWidth(180);
        key.setMaxWidth(320);
        TableColumn<JsonValues.Entry, String> value = new TableColumn<>(text("value.json.value"));
        value.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().value()));
        value.getStyleClass().add(Controls.MONO);
        TableColumn<JsonValues.Entry, JsonValues.Entry> copy = new TableColumn<>();
        copy.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        copy.setCellFactory(c -> new CopyCell());
        copy.setPrefWidth(48);
        copy.setMinWidth(48);
        copy.setMaxWidth(48);
        copy.setSortable(false);
        table.getColumns().add(key);
        table.getColumns().add(value);
        table.getColumns().add(copy);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() ->
                36 + Math.min(10, Math.max(1, valueVm.jsonEntries().size())) * 32.0, valueVm.jsonEntries()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.visibleProperty().bind(valueVm.showRawJsonProperty().not());
        table.managedProperty().bind(table.visibleProperty());

        TextArea area = readOnlyArea("value-json-text");
        area.textProperty().bind(Bindings.createStringBinding(() -> valueVm.valueTextProperty().get() == null ? "" : valueVm.valueTextProperty().get(),
                valueVm.valueTextProperty()));
        area.prefRowCountProperty().bind(Bindings.createIntegerBinding(() -> rows(valueVm.valueTextProperty().get(), 14), valueVm.valueTextProperty()));
        area.visibleProperty().bind(valueVm.showRawJsonProperty());
        area.managedProperty().bind(area.visibleProperty());

        VBox box = new VBox(8, top, table, area);
        showWhen(box, revealedAs(ValueKind.JSON));
        return box;
    }

    /** A per-key copy button in the JSON grid. */
    private final class CopyCell extends TableCell<JsonValues.Entry, JsonValues.Entry> {
        private final Button button = Controls.iconButton(MaterialDesignC.CONTENT_COPY,
                text("value.json.copyKey", SecretDetailViewModel.CLIPBOARD_CLEAR_SECONDS));

        CopyCell() {
            button.getStyleClass().add(Styles.SMALL);
            button.setOnAction(e -> valueVm.copyEntry(getItem()));
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(JsonValues.Entry item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(empty || item == null ? null : button);
            if (item != null) {
                button.setId("copy-key-" + item.key());
            }
        }
    }

    private Node binaryValue() {
        Label size = new Label();
        size.getStyleClass().add(Styles.TEXT_BOLD);
        size.textProperty().bind(Bindings.createStringBinding(() -> text("value.binary.size", valueVm.valueSizeProperty().get()),
                valueVm.valueSizeProperty()));
        size.setGraphic(Controls.icon(MaterialDesignF.FILE_CERTIFICATE_OUTLINE));
        ToggleGroup view = new ToggleGroup();
        ToggleButton hex = new ToggleButton(text("value.binary.hex"));
        hex.setId("value-binary-hex");
        hex.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        hex.setToggleGroup(view);
        ToggleButton base64 = new ToggleButton(text("value.binary.base64"));
        base64.setId("value-binary-base64");
        base64.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        base64.setToggleGroup(view);
        hex.setOnAction(e -> valueVm.showHex());
        base64.setOnAction(e -> valueVm.showBase64());
        valueVm.binaryViewProperty().addListener((o, was, now) -> {
            hex.setSelected(now == BinaryView.HEX);
            base64.setSelected(now == BinaryView.BASE64);
        });
        // the card is built when the first secret shows: start from the view model's state then
        if (valueVm.binaryViewProperty().get() != null) {
            hex.setSelected(valueVm.binaryViewProperty().get() == BinaryView.HEX);
            base64.setSelected(valueVm.binaryViewProperty().get() == BinaryView.BASE64);
        }
        HBox top = new HBox(12, size, Controls.spacer(), new HBox(0, hex, base64));
        top.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(text("value.binary.hint"));
        hint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        hint.visibleProperty().bind(valueVm.binaryTextProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        TextArea area = readOnlyArea("value-binary-text");
        area.setWrapText(false);
        area.textProperty().bind(Bindings.createStringBinding(() -> valueVm.binaryTextProperty().get() == null ? "" : valueVm.binaryTextProperty().get(),
                valueVm.binaryTextProperty()));
        area.prefRowCountProperty().bind(Bindings.createIntegerBinding(() -> rows(valueVm.binaryTextProperty().get(), 12), valueVm.binaryTextProperty()));
        area.visibleProperty().bind(valueVm.binaryTextProperty().isNotNull());
        area.managedProperty().bind(area.visibleProperty());
        VBox box = new VBox(8, top, hint, area);
        showWhen(box, revealedAs(ValueKind.BINARY));
        return box;
    }

    // ---- Overview ------------------------------------------------------------------------------

    private Node overviewCard() {
        GridPane grid = Controls.form(16, 8, 120);

        Label arn = value(vm.arnProperty(), "overview-arn");
        arn.getStyleClass().add(Controls.MONO);
        Button copyArn = Controls.iconButton(MaterialDesignC.CONTENT_COPY, text("overview.copyArn"));
        copyArn.setId("overview-copy-arn");
        copyArn.getStyleClass().add(Styles.SMALL);
        copyArn.setOnAction(e -> vm.copyArn());
        HBox arnRow = new HBox(4, arn, copyArn);
        arnRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(arn, Priority.ALWAYS);

        int r = 0;
        grid.addRow(r++, Controls.formLabel(text("overview.arn")), arnRow);
        grid.addRow(r++, Controls.formLabel(text("overview.description")), value(vm.descriptionProperty(), "overview-description"));
        Label kms = value(vm.kmsKeyProperty(), "overview-kms");
        kms.getStyleClass().add(Controls.MONO);
        grid.addRow(r++, Controls.formLabel(text("overview.kms")), kms);
        grid.addRow(r++, Controls.formLabel(text("overview.created")), value(vm.createdProperty(), "overview-created"));
        grid.addRow(r++, Controls.formLabel(text("overview.changed")), value(vm.lastChangedProperty(), "overview-changed"));
        grid.addRow(r++, Controls.formLabel(text("overview.accessed")), value(vm.lastAccessedProperty(), "overview-accessed"));
        grid.addRow(r++, Controls.formLabel(text("overview.rotation")), value(vm.rotationProperty(), "overview-rotation"));
        grid.addRow(r++, Controls.formLabel(text("overview.owner")), value(vm.owningServiceProperty(), "overview-owner"));
        Label deletionLabel = Controls.formLabel(text("overview.deletion"));
        Label deletion = value(vm.deletionProperty(), "overview-deletion");
        deletion.getStyleClass().add("sr-deletion");
        for (Node n : List.of(deletionLabel, deletion)) {
            n.visibleProperty().bind(vm.plannedForDeletionProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        grid.addRow(r, deletionLabel, deletion);

        VBox card = new VBox(12, Controls.sectionTitle(text("overview.title")), grid);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private static Label value(ObservableStringValue text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().add("sr-value");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    // ---- Tags ----------------------------------------------------------------------------------

    private Node tagsCard() {
        Label title = Controls.sectionTitle(text("tags.title"));
        title.textProperty().bind(Bindings.createStringBinding(() -> text("tags.titleCount", tagsVm.tags().size()), tagsVm.tags()));
        Button add = Controls.button(text("tags.add"), MaterialDesignP.PLUS);
        add.setId("tags-add");
        add.getStyleClass().addAll(Styles.SMALL);
        add.disableProperty().bind(vm.canMutateProperty().not().or(tagsVm.editingTagProperty()));
        add.setOnAction(e -> tagsVm.beginAddTag());
        HBox top = new HBox(10, title, Controls.spacer(), add);
        top.setAlignment(Pos.CENTER_LEFT);

        FlowPane chips = new FlowPane(8, 8);
        chips.setId("tags-list");
        Runnable rebuild = () -> {
            chips.getChildren().clear();
            for (TagRow t : tagsVm.tags()) {
                chips.getChildren().add(tagChip(t));
            }
            if (tagsVm.tags().isEmpty()) {
                Label none = new Label(text("tags.none"));
                none.getStyleClass().add(Controls.FIELD_HINT);
                chips.getChildren().add(none);
            }
        };
        tagsVm.tags().addListener((ListChangeListener<TagRow>) c -> rebuild.run());
        vm.canMutateProperty().addListener(o -> rebuild.run());
        rebuild.run();

        TextField key = new TextField();
        key.setId("tag-key");
        key.setPromptText(text("tags.keyPrompt"));
        key.textProperty().bindBidirectional(tagsVm.tagKeyProperty());
        key.setPrefColumnCount(12);
        TextField value = new TextField();
        value.setId("tag-value");
        value.setPromptText(text("tags.valuePrompt"));
        value.textProperty().bindBidirectional(tagsVm.tagValueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        Button save = new Button(text("tags.save"));
        save.setId("tag-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(tagsVm.canSaveTagProperty().not());
        save.setOnAction(e -> tagsVm.saveTag());
        value.setOnAction(e -> tagsVm.saveTag());
        Button cancel = new Button(text("tags.cancel"));
        cancel.setOnAction(e -> tagsVm.cancelTagEdit());
        HBox editorRow = new HBox(8, key, value, save, cancel);
        editorRow.setAlignment(Pos.CENTER_LEFT);
        Label problem = Controls.fieldMessage(tagsVm.tagProblemProperty(), Controls.FIELD_PROBLEM);
        VBox editor = new VBox(4, editorRow, problem);
        editor.getStyleClass().add("sr-tag-editor");
        editor.visibleProperty().bind(tagsVm.editingTagProperty());
        editor.managedProperty().bind(editor.visibleProperty());
        tagsVm.editingTagProperty().addListener((o, was, now) -> {
            if (now) {
                key.requestFocus();
            }
        });

        VBox card = new VBox(12, top, chips, editor);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private Node tagChip(TagRow t) {
        Label key = new Label(t.key());
        key.getStyleClass().add("sr-tag-key");
        Label value = new Label(t.value().isEmpty() ? "\u2014" : t.value());
        value.getStyleClass().add("sr-tag-value");
        HBox chip = new HBox(0, key, value);
        chip.getStyleClass().add("sr-tag");
        chip.setAlignment(Pos.CENTER_LEFT);
        if (vm.canMutateProperty().get()) {
            Button edit = Controls.iconButton(MaterialDesignP.PENCIL_OUTLINE, text("tags.edit", t.key()));
            edit.getStyleClass().addAll(Styles.SMALL, "sr-tag-action");
            edit.setOnAction(e -> tagsVm.beginEditTag(t));
            Button remove = Controls.iconButton(MaterialDesignC.CLOSE, text("tags.remove", t.key()));
            remove.getStyleClass().addAll(Styles.SMALL, "sr-tag-action");
            remove.setId("tag-remove-" + t.key());
            remove.setOnAction(e -> tagsVm.removeTag(t));
            chip.getChildren().addAll(edit, remove);
        }
        chip.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                tagsVm.beginEditTag(t);
            }
        });
        return chip;
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
        view.setOnAction(e -> versionsVm.viewSelectedVersion());
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
                setText(empty || item == null ? null : SecretDetailViewModel.shortId(item));
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
