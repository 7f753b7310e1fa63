package io.strongroom.ui.policy;

import atlantafx.base.theme.Styles;
import io.strongroom.domain.AccessDecision;
import io.strongroom.domain.SecretReader;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Access tab: who can read the secret (principals of the chosen accounts, with the
 * statements that let them and what the KMS key says), and "Test access as" one principal and
 * action, with the decision and the statements that made it.
 */
public final class AccessView extends VBox {

    static final double READERS_HEIGHT = 300;

    private final AccessViewModel vm;
    private final Texts texts;

    public AccessView(AccessViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        getStylesheets().addAll(Controls.STYLESHEET, PolicyView.STYLESHEET);
        setSpacing(14);
        setPadding(new Insets(10));
        getChildren().addAll(readersCard(), testCard());
    }

    // ---- Who can read --------------------------------------------------------------------------

    private VBox readersCard() {
        Label title = Controls.sectionTitle(texts.get("access.readers.title"));
        Button find = Controls.button(texts.get("access.readers.find"), MaterialDesignA.ACCOUNT_SEARCH);
        find.setId("access-find-readers");
        find.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        find.disableProperty().bind(vm.findingProperty());
        find.setOnAction(e -> vm.findReaders());
        HBox head = new HBox(10, title, Controls.spacer(), find);
        head.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(texts.get("access.readers.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        var summary = Bindings.createStringBinding(() -> !Boolean.TRUE.equals(vm.searchedProperty().get()) ? null
                : texts.format("access.readers.summary", vm.readers().stream().filter(SecretReader::canRead).count(),
                vm.readers().stream().filter(r -> !r.canRead()).count()), vm.searchedProperty(), vm.readers());
        var partial = Bindings.createStringBinding(() -> vm.readers().stream().anyMatch(r -> !r.resourcePolicyEvaluated()
                || r.key() == SecretReader.KeyAccess.NOT_EVALUATED) ? texts.get("access.readers.rolesPartial") : null, vm.readers());
        var failed = Bindings.createStringBinding(() -> vm.failures().isEmpty() ? null
                : texts.format("access.readers.failures", String.join("\n", vm.failures())), vm.failures());

        TableView<SecretReader> table = new TableView<>(vm.readers());
        table.setId("access-readers");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(READERS_HEIGHT);
        table.setPlaceholder(new Label(texts.get("access.readers.empty")));
        table.getColumns().add(column("access.column.principal", SecretReader::principalArn, 290));
        table.getColumns().add(column("access.column.kind", r -> texts.get("access.kind." + r.kind().name().toLowerCase(java.util.Locale.ROOT)), 60));
        table.getColumns().add(column("access.column.via", r -> r.via().stream().map(AccessDecision.DecidingStatement::describe)
                .collect(Collectors.joining("; ")) + (r.resourcePolicyEvaluated() ? "" : texts.get("access.via.ownPoliciesOnly")), 200));
        TableColumn<SecretReader, String> key = column("access.column.key",
                r -> texts.get("access.key." + r.key().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')), 210);
        key.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                SecretReader r = empty ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
                getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
                if (r != null) {
                    getStyleClass().add(r.canRead() ? Styles.SUCCESS : Styles.DANGER);
                }
            }
        });
        table.getColumns().add(key);

        VBox card = new VBox(8, head, hint,
                Controls.banner(vm.findErrorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(failed, Styles.WARNING, MaterialDesignA.ALERT_OUTLINE),
                Controls.banner(summary, Styles.ACCENT, MaterialDesignS.SHIELD_ACCOUNT_OUTLINE),
                Controls.banner(partial, Styles.WARNING, MaterialDesignA.ALERT_OUTLINE),
                table);
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    private TableColumn<SecretReader, String> column(String titleKey, Function<SecretReader, String> value, double width) {
        TableColumn<SecretReader, String> c = new TableColumn<>(texts.get(titleKey));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    // ---- Test access as ------------------------------------------------------------------------

    private VBox testCard() {
        Label title = Controls.sectionTitle(texts.get("access.test.title"));
        ComboBox<String> principal = new ComboBox<>(vm.knownPrincipals());
        principal.setId("access-principal");
        principal.setEditable(true);
        principal.setPromptText(texts.get("access.test.principalPrompt"));
        principal.getEditor().textProperty().bindBidirectional(vm.principalProperty());
        principal.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(principal, Priority.ALWAYS);
        ComboBox<String> action = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(AccessViewModel.ACTIONS));
        action.setId("access-action");
        action.setEditable(true);
        action.getEditor().textProperty().bindBidirectional(vm.actionProperty());
        action.setPrefWidth(280);
        Button test = Controls.button(texts.get("access.test.run"), MaterialDesignS.SHIELD_SEARCH);
        test.setId("access-test");
        test.getStyleClass().add(Styles.SMALL);
        test.disableProperty().bind(vm.testingProperty().or(vm.principalProperty().isEmpty()));
        test.setOnAction(e -> vm.testAccess());
        HBox row = new HBox(8, principal, action, test);
        row.setAlignment(Pos.CENTER_LEFT);

        var allowed = Bindings.createStringBinding(() -> describe(vm.decisionProperty().get(), true), vm.decisionProperty());
        var denied = Bindings.createStringBinding(() -> describe(vm.decisionProperty().get(), false), vm.decisionProperty());
        VBox card = new VBox(8, title, row,
                Controls.banner(vm.testErrorProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(allowed, Styles.SUCCESS, MaterialDesignS.SHIELD_CHECK_OUTLINE),
                Controls.banner(denied, Styles.DANGER, MaterialDesignS.SHIELD_OFF_OUTLINE));
        card.getStyleClass().add(Controls.CARD);
        return card;
    }

    /** The decision in words when it is {@code allowed} as asked, else null (so one banner shows). */
    private String describe(AccessDecision d, boolean allowed) {
        if (d == null || d.allowed() != allowed) {
            return null;
        }
        String statements = d.decidedBy().stream().map(s -> "\u2022 " + s.describe()).collect(Collectors.joining("\n"));
        String key = "access.decision." + d.decision().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return texts.format(key, d.principalArn(), d.action()) + (statements.isEmpty() ? "" : "\n" + statements)
                + (d.resourcePolicyEvaluated() ? "" : "\n" + texts.get("access.decision.ownPoliciesOnly"));
    }

    AccessViewModel viewModel() {
        return Objects.requireNonNull(vm);
    }
}
