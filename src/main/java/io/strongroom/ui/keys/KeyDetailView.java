package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The selected key: its metadata, the actions on it (disabled, with the reason, for AWS managed
 * keys and in read-only mode), the secrets that use it with replicas marked, and its key policy
 * in the policy editor ({@code policy}, built by the feature).
 */
public final class KeyDetailView extends StackPane {

    private final KeysViewModel vm;
    private final KeyActionsModel actions;
    private final Texts texts;
    private final Formats formats;
    private final GridPane facts = Controls.form(12, 6, 130);
    private final Label name = new Label();
    private final Label state = new Label();

    public KeyDetailView(KeysViewModel vm, KeyActionsModel actions, Texts texts, Formats formats, Node policy) {
        this.vm = vm;
        this.actions = actions;
        this.texts = texts;
        this.formats = formats;
        setId("key-detail");
        getStyleClass().add("sr-key-detail");

        name.getStyleClass().add(Styles.TITLE_4);
        name.setGraphic(Controls.icon(MaterialDesignK.KEY_VARIANT));
        state.setId("key-detail-state");
        state.getStyleClass().add("sr-key-state");
        HBox header = new HBox(10, name, state);
        header.setAlignment(Pos.CENTER_LEFT);

        Label secretsTitle = Controls.sectionTitle(texts.get("detail.secrets"));
        secretsTitle.textProperty().bind(Bindings.createStringBinding(
                () -> texts.format("detail.secretsCount", vm.selectedSecrets().size()), vm.selectedSecrets()));
        ListView<SecretSummary> secrets = new ListView<>(vm.selectedSecrets());
        secrets.setId("key-secrets");
        secrets.setPrefHeight(150);
        secrets.setPlaceholder(new Label(texts.get("detail.noSecrets")));
        secrets.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SecretSummary s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(s.name() + "  \u00b7  " + s.region() + (s.isReplica() ? "  \u00b7  " + texts.format("impact.replicaOf", s.primaryRegion()) : ""));
                setGraphic(Controls.icon(s.isReplica() ? MaterialDesignC.CONTENT_COPY : MaterialDesignS.SHIELD_KEY_OUTLINE));
            }
        });

        VBox content = new VBox(14, header, facts, actions(), Controls.banner(actions.noticeProperty(), Styles.SUCCESS,
                MaterialDesignC.CHECK_CIRCLE_OUTLINE), Controls.banner(actions.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_OUTLINE),
                secretsTitle, secrets, Controls.sectionTitle(texts.get("detail.policy")), policy);
        content.setPadding(new Insets(12, 14, 14, 14));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Label none = new Label(texts.get("detail.none"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        scroll.visibleProperty().bind(vm.selectedProperty().isNotNull());
        none.visibleProperty().bind(vm.selectedProperty().isNull());
        getChildren().addAll(none, scroll);
        vm.selectedProperty().addListener((o, was, now) -> show(now));
        show(vm.selectedProperty().get());
    }

    private void show(KeyRow row) {
        facts.getChildren().clear();
        state.getStyleClass().removeAll(Styles.CELL_SUCCESS, Styles.CELL_WARNING, Styles.CELL_DANGER, Styles.CELL_MUTED);
        if (row == null) {
            return;
        }
        KeyInfo k = row.key();
        name.setText(k.displayName());
        state.setText(KeysText.state(texts, k.keyState()));
        state.getStyleClass().add(row.stateStyle());
        int r = 0;
        fact(r++, "detail.keyId", k.keyId());
        fact(r++, "detail.arn", k.arn());
        fact(r++, "detail.aliases", k.aliases().isEmpty() ? texts.get("noAlias") : String.join(", ", k.aliases()));
        fact(r++, "detail.scope", k.scope().label());
        fact(r++, "detail.manager", KeysText.manager(texts, k) + " \u00b7 " + nz(k.origin()) + " \u00b7 " + nz(k.keySpec()));
        fact(r++, "detail.description", nz(k.description()));
        fact(r++, "detail.created", KeysText.date(formats, k.created()));
        fact(r++, "detail.rotation", KeysText.rotation(texts, k));
        fact(r++, "detail.lastRotation", KeysText.date(formats, k.rotation().lastRotation())
                + (k.rotation().lastRotationType() == null ? "" : " (" + k.rotation().lastRotationType() + ")"));
        fact(r++, "detail.nextRotation", KeysText.date(formats, k.rotation().nextRotation()));
        if (k.rotation().onDemandStarted() != null) {
            fact(r++, "detail.onDemand", formats.dateTime(k.rotation().onDemandStarted()));
        }
        if (k.deletionDate() != null) {
            fact(r++, "detail.deletion", formats.dateTime(k.deletionDate()));
        }
        if (k.detailError() != null) {
            fact(r, "detail.error", k.detailError());
        }
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "\u2014" : s;
    }

    private void fact(int row, String labelKey, String value) {
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add(labelKey.equals("detail.arn") || labelKey.equals("detail.keyId") ? Controls.MONO : "sr-key-fact");
        facts.addRow(row, Controls.formLabel(texts.get(labelKey)), v);
    }

    private Node actions() {
        var locked = actions.changeableProperty().not();
        var selected = vm.selectedProperty();
        Button enable = action("key-enable", "action.enable", MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE, actions::enable);
        enable.disableProperty().bind(locked.or(Bindings.createBooleanBinding(
                () -> selected.get() == null || !"Disabled".equals(selected.get().key().keyState()), selected)));
        Button disable = action("key-disable", "action.disable", MaterialDesignL.LOCK_OUTLINE, actions::disable);
        disable.disableProperty().bind(locked.or(Bindings.createBooleanBinding(
                () -> selected.get() == null || !"Enabled".equals(selected.get().key().keyState()), selected)));
        disable.getStyleClass().add(Styles.DANGER);

        Spinner<Integer> days = new Spinner<>(KeyActionsModel.MIN_DELETION_DAYS, KeyActionsModel.MAX_DELETION_DAYS,
                actions.deletionDaysProperty().get());
        days.setId("key-deletion-days");
        days.setPrefWidth(80);
        days.valueProperty().addListener((o, a, b) -> actions.deletionDaysProperty().set(b));
        Button delete = action("key-schedule-deletion", "action.scheduleDeletion", MaterialDesignD.DELETE_CLOCK_OUTLINE, actions::scheduleDeletion);
        delete.getStyleClass().add(Styles.DANGER);
        var pending = Bindings.createBooleanBinding(() -> selected.get() != null && "PendingDeletion".equals(selected.get().key().keyState()), selected);
        delete.disableProperty().bind(locked.or(pending));
        days.disableProperty().bind(locked.or(pending));
        Button cancel = action("key-cancel-deletion", "action.cancelDeletion", MaterialDesignR.RESTORE, actions::cancelDeletion);
        cancel.disableProperty().bind(locked.or(pending.not()));

        var enabled = Bindings.createBooleanBinding(() -> selected.get() != null && "Enabled".equals(selected.get().key().keyState()), selected);
        Spinner<Integer> period = new Spinner<>(KeyActionsModel.MIN_ROTATION_DAYS, KeyActionsModel.MAX_ROTATION_DAYS,
                actions.rotationDaysProperty().get(), 30);
        period.setId("key-rotation-days");
        period.setPrefWidth(95);
        period.setEditable(true);
        period.valueProperty().addListener((o, a, b) -> actions.rotationDaysProperty().set(b));
        actions.rotationDaysProperty().addListener((o, a, b) -> period.getValueFactory().setValue(b.intValue()));
        Button rotateOn = action("key-rotation-on", "action.rotationOn", MaterialDesignR.ROTATE_3D_VARIANT, actions::enableRotation);
        Button rotateOff = action("key-rotation-off", "action.rotationOff", MaterialDesignR.ROTATE_LEFT, actions::disableRotation);
        Button rotateNow = action("key-rotate-now", "action.rotateNow", MaterialDesignR.REFRESH_CIRCLE, actions::rotateNow);
        rotateOn.disableProperty().bind(locked.or(enabled.not()));
        period.disableProperty().bind(locked.or(enabled.not()));
        rotateOff.disableProperty().bind(locked.or(enabled.not()).or(Bindings.createBooleanBinding(
                () -> selected.get() == null || !Boolean.TRUE.equals(selected.get().key().rotationEnabled()), selected)));
        rotateNow.disableProperty().bind(locked.or(enabled.not()));

        FlowPane state = new FlowPane(8, 8, enable, disable, new Label(texts.get("action.after")), days,
                new Label(texts.get("action.days")), delete, cancel);
        state.setAlignment(Pos.CENTER_LEFT);
        FlowPane rotation = new FlowPane(8, 8, new Label(texts.get("action.every")), period, new Label(texts.get("action.days")),
                rotateOn, rotateOff, rotateNow);
        rotation.setAlignment(Pos.CENTER_LEFT);
        Label why = new Label();
        why.setId("key-locked-reason");
        why.setGraphic(Controls.icon(MaterialDesignL.LOCK_OUTLINE));
        why.getStyleClass().add(Controls.FIELD_HINT);
        why.textProperty().bind(actions.lockedReasonProperty());
        why.visibleProperty().bind(actions.lockedReasonProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        return new VBox(8, Controls.sectionTitle(texts.get("detail.actions")), why, state, rotation);
    }

    private Button action(String id, String textKey, org.kordamp.ikonli.Ikon icon, Runnable run) {
        Button b = Controls.button(texts.get(textKey), icon);
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setOnAction(e -> run.run());
        if (texts.has(textKey + ".tooltip")) {
            b.setTooltip(new Tooltip(texts.get(textKey + ".tooltip")));
        }
        return b;
    }
}
