package io.strongroom.ui.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The query bar: the range (presets as one segmented control, from–to fields for a range of
 * one's own), the lookup attribute and its value, how many events per scope, what the query will
 * cost, Run and Cancel, and what is wrong with the query. Part of {@link AuditView}; it binds to
 * the view model's {@link AuditQueryForm}.
 */
final class AuditQueryBar extends VBox {

    static final String RUN_ID = "audit-run";
    static final String CANCEL_ID = "audit-cancel";

    private final AuditViewModel vm;
    private final AuditQueryForm form;
    private final Texts texts;

    AuditQueryBar(AuditViewModel vm, Texts texts) {
        this.vm = vm;
        this.form = vm.form();
        this.texts = texts;
        getStyleClass().add("sr-audit-query");
        HBox range = new HBox(8, Controls.formLabel(texts.get("range.label")), presets(), customRange());
        range.setAlignment(Pos.CENTER_LEFT);
        HBox lookup = new HBox(8, Controls.formLabel(texts.get("attribute.label")), attribute(), value(),
                spaced(Controls.formLabel(texts.get("max.label"))), max(), muted(new Label(texts.get("max.suffix"))),
                Controls.spacer(), estimate(), runButton(), cancelButton());
        lookup.setAlignment(Pos.CENTER_LEFT);
        Label problem = Controls.fieldMessage(form.problemProperty(), Controls.FIELD_PROBLEM);
        problem.setId("audit-query-problem");
        getChildren().addAll(range, lookup, problem);
    }

    /** Last hour | 24 hours | 7 days | 30 days | 90 days | From–to. */
    private HBox presets() {
        ToggleGroup group = new ToggleGroup();
        Map<RangePreset, ToggleButton> buttons = new EnumMap<>(RangePreset.class);
        HBox box = new HBox();
        box.getStyleClass().add("sr-audit-presets");
        RangePreset[] all = RangePreset.values();
        for (int i = 0; i < all.length; i++) {
            RangePreset p = all[i];
            ToggleButton b = new ToggleButton(texts.get("range." + p.name()));
            b.setId("audit-range-" + p.name());
            b.setUserData(p);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(texts.get("range." + p.name() + ".tip")));
            b.setMnemonicParsing(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            buttons.put(p, b);
            box.getChildren().add(b);
        }
        buttons.get(form.presetProperty().get()).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);      // one range is always chosen
            } else {
                form.presetProperty().set((RangePreset) now.getUserData());
            }
        });
        form.presetProperty().addListener((o, was, now) -> buttons.get(now).setSelected(true));
        return box;
    }

    /** From [...] to [...] (zone), shown for a range of one's own. */
    private HBox customRange() {
        TextField from = dateField("audit-range-from");
        from.textProperty().bindBidirectional(form.customFromProperty());
        TextField to = dateField("audit-range-to");
        to.textProperty().bindBidirectional(form.customToProperty());
        HBox box = new HBox(6, muted(new Label(texts.get("range.from"))), from, muted(new Label(texts.get("range.to"))), to,
                muted(new Label(texts.format("range.zone", vm.zone().getId()))));
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(form.presetProperty().isEqualTo(RangePreset.CUSTOM));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TextField dateField(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(texts.get("range.prompt"));
        f.setPrefColumnCount(11);
        f.getStyleClass().add(Styles.MONO);
        f.setOnAction(e -> vm.run());
        return f;
    }

    private ComboBox<AuditQuery.Attribute> attribute() {
        List<AuditQuery.Attribute> items = new ArrayList<>();
        items.add(null);
        items.addAll(List.of(AuditQuery.Attribute.values()));
        ComboBox<AuditQuery.Attribute> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId("audit-attribute");
        Function<AuditQuery.Attribute, String> name = a -> texts.get(a == null ? "attribute.none" : "attribute." + a.name());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditQuery.Attribute a) {
                return name.apply(a);
            }

            @Override
            public AuditQuery.Attribute fromString(String s) {
                return null;
            }
        });
        // a null item shows as empty in the default cells: name it
        box.setButtonCell(cell(name));
        box.setCellFactory(l -> cell(name));
        box.valueProperty().bindBidirectional(form.attributeProperty());
        box.setTooltip(new Tooltip(texts.get("attribute.tip")));
        box.setPrefWidth(150);
        return box;
    }

    private static ListCell<AuditQuery.Attribute> cell(Function<AuditQuery.Attribute, String> name) {
        return new ListCell<>() {
            @Override
            protected void updateItem(AuditQuery.Attribute a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty ? null : name.apply(a));
            }
        };
    }

    private TextField value() {
        TextField f = new TextField();
        f.setId("audit-attribute-value");
        f.textProperty().bindBidirectional(form.attributeValueProperty());
        f.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            AuditQuery.Attribute a = form.attributeProperty().get();
            return texts.get(a == null ? "value.prompt" : "value.prompt." + a.name());
        }, form.attributeProperty()));
        f.disableProperty().bind(form.attributeProperty().isNull());
        f.setPrefColumnCount(18);
        f.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.run();
            }
        });
        return f;
    }

    private ComboBox<Integer> max() {
        ComboBox<Integer> box = new ComboBox<>(FXCollections.observableArrayList(AuditQueryForm.MAX_CHOICES));
        box.setId("audit-max");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : texts.format("max.choice", n);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        box.setValue(form.maxEventsPerScope());
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                form.maxEventsPerScopeProperty().set(now);
            }
        });
        form.maxEventsPerScopeProperty().addListener((o, was, now) -> box.setValue(now.intValue()));
        return box;
    }

    private Label estimate() {
        Label l = new Label();
        l.setId("audit-estimate");
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.textProperty().bind(vm.estimateTextProperty());
        l.setTooltip(new Tooltip(texts.get("estimate.tip")));
        return l;
    }

    private Button runButton() {
        Button run = Controls.button(texts.get("run"), Icons.SEARCH.ikon());
        run.setId(RUN_ID);
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(false);
        run.setTooltip(new Tooltip(texts.get("run.tip")));
        run.disableProperty().bind(form.problemProperty().isNotNull());
        run.setOnAction(e -> vm.run());
        return run;
    }

    private Button cancelButton() {
        Button cancel = Controls.button(texts.get("cancel"), Icons.CANCEL.ikon());
        cancel.setId(CANCEL_ID);
        cancel.setTooltip(new Tooltip(texts.get("cancel.tip")));
        cancel.disableProperty().bind(vm.loadingProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        return cancel;
    }

    private static Label muted(Label l) {
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label spaced(Label l) {
        l.getStyleClass().add("sr-audit-gap");
        return l;
    }
}
