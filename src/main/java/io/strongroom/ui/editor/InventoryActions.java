package io.strongroom.ui.editor;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import atlantafx.base.theme.Styles;
import io.strongroom.domain.Scope;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The changes the inventory offers itself, over the scopes it shows: "New secret", a menu of
 * those accounts and their regions (a secret lives in exactly one), and "Scheduled deletions",
 * the window listing those scopes' secrets scheduled for deletion, with Restore. {@code changed}
 * runs after a secret was created or restored, so the inventory lists it again.
 *
 * <p>New secret is disabled in read-only mode; the scheduled deletions window still opens, to
 * list (its Restore is disabled).
 */
public final class InventoryActions {

    public static final String CREATE_ID = "inventory-create";
    public static final String PLANNED_ID = "inventory-planned";

    private final SecretDialogs dialogs;
    private final Supplier<List<Scope>> scopes;
    private final Runnable changed;
    private final Texts texts;
    private final MenuButton create;
    private final Button planned;
    private Stage plannedWindow;

    /**
     * @param scopes  the scopes the inventory shows now (asked each time the menu or window opens)
     * @param changed runs on the FX thread after a secret was created or restored
     */
    public InventoryActions(SecretDialogs dialogs, Supplier<List<Scope>> scopes, Runnable changed) {
        this.dialogs = Objects.requireNonNull(dialogs);
        this.scopes = Objects.requireNonNull(scopes);
        this.changed = Objects.requireNonNull(changed);
        this.texts = dialogs.context().texts();

        create = new MenuButton(texts.format("actions.create"), Controls.icon(MaterialDesignP.PLUS));
        create.setId(CREATE_ID);
        create.getStyleClass().add(Styles.ACCENT);
        create.setTooltip(new Tooltip(texts.format("actions.create.tooltip")));
        var readOnly = dialogs.context().readOnly();
        create.disableProperty().bind(Bindings.createBooleanBinding(readOnly::get, readOnly));
        // the scopes change with the scope picker: the menu is built as it opens
        create.getItems().setAll(scopeItems());
        create.setOnShowing(e -> create.getItems().setAll(scopeItems()));

        planned = Controls.button(texts.format("actions.planned"), MaterialDesignC.CALENDAR_REMOVE_OUTLINE);
        planned.setId(PLANNED_ID);
        planned.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, Styles.ACCENT);
        planned.setTooltip(new Tooltip(texts.format("actions.planned.tooltip")));
        planned.setOnAction(e -> openPlanned());
    }

    /** "New secret", for the toolbar. */
    public Node newSecret() {
        return create;
    }

    /** "Scheduled deletions", for beside the per-scope status. */
    public Node scheduledDeletions() {
        return planned;
    }

    /** One submenu per account, one item per region; just the regions when one account is shown. */
    private List<MenuItem> scopeItems() {
        Map<String, List<Scope>> byAccount = new LinkedHashMap<>();
        for (Scope scope : scopes.get()) {
            byAccount.computeIfAbsent(scope.accountAlias(), a -> new ArrayList<>()).add(scope);
        }
        List<MenuItem> items = new ArrayList<>();
        if (byAccount.size() == 1) {
            byAccount.values().iterator().next().forEach(s -> items.add(createIn(s, s.label())));
        } else {
            byAccount.forEach((account, inAccount) -> {
                Menu menu = new Menu(account);
                inAccount.forEach(s -> menu.getItems().add(createIn(s, s.region())));
                items.add(menu);
            });
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem(texts.format("actions.create.noScope"));
            none.setDisable(true);
            items.add(none);
        }
        return items;
    }

    private MenuItem createIn(Scope scope, String text) {
        MenuItem item = new MenuItem(text);
        // the menu closes first: a modal dialog opened inside the item's action would leave it open behind
        item.setOnAction(e -> {
            create.hide();
            Platform.runLater(() -> dialogs.createSecret(window(), scope).ifPresent(created -> changed.run()));
        });
        return item;
    }

    /** One window at a time, over the scopes shown now. */
    private void openPlanned() {
        if (plannedWindow != null) {
            plannedWindow.close();
        }
        plannedWindow = dialogs.plannedDeletions(window(), scopes.get(), changed);
    }

    private Window window() {
        return create.getScene() == null ? null : create.getScene().getWindow();
    }
}
