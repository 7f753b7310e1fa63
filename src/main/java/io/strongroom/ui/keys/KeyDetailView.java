package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import atlantafx.base.theme.Tweaks;
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
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The selected key under the keys table, the width of the view: its name, state and scope above
 * three tabs: Overview (metadata beside the actions on it, which are disabled with the reason for
 * AWS managed keys and in read-only mode), the secrets that use it with replicas marked, and its
 * key policy in the policy editor ({@code policy}, built by the feature) with the full width.
 */
public final class KeyDetailView extends StackPane {

    static final String TAB_OVERVIEW = "key-tab-overview";
    static final String TAB_SECRETS = "key-tab-secrets";
    static final String TAB_POLICY = "key-tab-policy";

    private final KeysViewModel vm;
    private final KeyActionsModel actions;
    private final Texts texts;
    private final Formats formats;
    private final GridPane facts = Controls.form(12, 5, 130);
    private final Label name = new Label();
    private final Label state = new Label();
    private final Label scope = new Label();
    private final TabPane tabs = new TabPane();

    public KeyDetailView(KeysViewModel vm, KeyActionsModel actions, Texts texts, Formats formats, Node policy) {
        this.vm = vm;
        this.actions = actions;
        this.texts = texts;
        this.formats = formats;
        setId("key-detail");
        getStyleClass().add("sr-key-detail");

        name.setId("key-detail-name");
        name.getStyleClass().add(Styles.TITLE_4);
        name.setGraphic(Controls.icon(MaterialDesignK.KEY_VARIANT));
        name.setMinWidth(Region.USE_PREF_SIZE);
        state.setId("key-detail-state");
        state.getStyleClass().add("sr-key-state");
        state.setMinWidth(Region.USE_PREF_SIZE);
        scope.setId("key-detail-scope");
        scope.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(10, name, state, scope);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, header,
                Controls.banner(actions.noticeProperty(), Styles.SUCCESS, MaterialDesignC.CHECK_CIRCLE_OUTLINE),
                Controls.banner(actions.errorProperty(), Styles.DANGER, MaterialDesignA.ALERT_OUTLINE),
                Controls.banner(vm.describeErrorProperty(), Styles.DANGER, MaterialDesignA.ALERT_OUTLINE));
        top.setPadding(new Insets(10, 4, 6, 4));

        HBox overview = new HBox(28, facts, actions());
        HBox.setHgrow(facts, Priority.ALWAYS);
        facts.setMaxWidth(820);     // on a wide screen the actions stay near the facts
        overview.setPadding(new Insets(12, 4, 12, 4));
        ScrollPane overviewScroll = new ScrollPane(overview);
        overviewScroll.setFitToWidth(true);
        overviewScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        StackPane policyBox = new StackPane(policy);
        policyBox.setPadding(new Insets(10, 4, 4, 4));

        Tab overviewTab = tab(TAB_OVERVIEW, texts.get("detail.tab.overview"), MaterialDesignI.INFORMATION_OUTLINE, overviewScroll);
        Tab secretsTab = tab(TAB_SECRETS, texts.get("detail.secrets"), MaterialDesignS.SHIELD_KEY_OUTLINE, secretsList());
        secretsTab.textProperty().bind(Bindings.createStringBinding(
                () -> texts.format("detail.secretsCount", vm.selectedSecrets().size()), vm.selectedSecrets()));
        Tab policyTab = tab(TAB_POLICY, texts.get("detail.policy"), MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE, policyBox);
        tabs.setId("key-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(overviewTab, secretsTab, policyTab);

        BorderPane content = new BorderPane(tabs);
        content.setTop(top);
        content.setPadding(new Insets(0, 0, 0, 10));
        Label none = new Label(texts.get("detail.none"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        content.visibleProperty().bind(vm.selectedProperty().isNotNull());
        none.visibleProperty().bind(vm.selectedProperty().isNull());
        getChildren().addAll(none, content);
        vm.selectedProperty().addListener((o, was, now) -> show(now));
        show(vm.selectedProperty().get());
    }

    /** Brings the tab with {@code id} ({@link #TAB_OVERVIEW}, {@link #TAB_SECRETS}, {@link #TAB_POLICY}) to the front. */
    void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private static Tab tab(String id, String title, org.kordamp.ikonli.Ikon icon, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setGraphic(Controls.icon(icon));
        return t;
    }

    private Node secretsList() {
        ListView<SecretSummary> secrets = new ListView<>(vm.selectedSecrets());
        secrets.setId("key-secrets");
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
        StackPane box = new StackPane(secrets);
        box.setPadding(new Insets(10, 4, 4, 4));
        return box;
    }

    private void show(KeyRow row) {
        facts.getChildren().clear();
        state.getStyleClass().removeAll(Styles.CELL_SUCCESS, Styles.CELL_WARNING, Styles.CELL_DANGER, Styles.CELL_MUTED);
        if (row == null) {
            return;
        }
        KeyInfo k = row.key();
        name.setText(k.displayName());
        scope.setText(k.scope().label());
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

        GridPane rows = Controls.form(12, 10, 70);
        rows.addRow(0, Controls.formLabel(texts.get("actions.state")), line(enable, disable));
        rows.addRow(1, Controls.formLabel(texts.get("actions.deletion")),
                line(new Label(texts.get("action.after")), days, new Label(texts.get("action.days")), delete, cancel));
        rows.addRow(2, Controls.formLabel(texts.get("actions.rotation")),
                line(new Label(texts.get("action.every")), period, new Label(texts.get("action.days")), rotateOn, rotateOff));
        rows.addRow(3, new Label(), line(rotateNow));
        Label why = new Label();
        why.setId("key-locked-reason");
        why.setGraphic(Controls.icon(MaterialDesignL.LOCK_OUTLINE));
        why.getStyleClass().add(Controls.FIELD_HINT);
        why.setWrapText(true);
        why.textProperty().bind(actions.lockedReasonProperty());
        why.visibleProperty().bind(actions.lockedReasonProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        VBox box = new VBox(10, Controls.sectionTitle(texts.get("detail.actions")), why, rows);
        box.setId("key-actions");
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static HBox line(Node... nodes) {
        HBox line = new HBox(8, nodes);
        line.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return line;
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
