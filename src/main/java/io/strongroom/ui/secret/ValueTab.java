package io.strongroom.ui.secret;

import atlantafx.base.theme.Styles;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.JsonValues;
import io.strongroom.ui.secret.ValueViewModel.BinaryView;
import io.strongroom.ui.secret.ValueViewModel.ValueKind;
import io.strongroom.ui.secret.ValueViewModel.ValueState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;

/**
 * The Value tab: the value of the viewed version, masked until the user reveals it, then shown as
 * text, as a JSON key/value grid (or raw) or as binary (hex or Base64 on demand); copy clears the
 * clipboard after {@link SecretDetailViewModel#CLIPBOARD_CLEAR_SECONDS}.
 */
final class ValueTab extends OwnTab {

    static final String ID = "value";

    private static final String MASK = "\u2022".repeat(24);

    private final ValueViewModel valueVm;

    ValueTab(ValueViewModel valueVm, Texts texts) {
        super(ID, texts);
        this.valueVm = valueVm;
    }

    @Override
    protected Node build() {
        return valueCard();
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
}
