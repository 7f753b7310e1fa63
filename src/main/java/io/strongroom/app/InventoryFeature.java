package io.strongroom.app;

import io.strongroom.service.KeysService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.editor.EditorContext;
import io.strongroom.ui.editor.InventoryActions;
import io.strongroom.ui.editor.SecretDialogs;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.Section;
import io.strongroom.ui.inventory.InventoryBuiltInColumns;
import io.strongroom.ui.inventory.InventoryFileExport;
import io.strongroom.ui.inventory.InventoryView;
import io.strongroom.ui.inventory.InventoryViewModel;
import io.strongroom.ui.secret.SecretDetailView;
import io.strongroom.ui.secret.SecretDetailViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

import java.time.Clock;
import java.util.Objects;

/**
 * The secrets inventory, the first section, with the secret detail beside its table and the
 * editor's dialogs. It composes three UI packages (inventory, secret, editor), so its wiring
 * lives here, at the composition root. The inventory's view model is the shell's too (the status
 * bar counts its rows, a scope reloads it), so the composition root builds it and hands it in.
 */
public final class InventoryFeature implements Feature {

    public static final Section SECTION = new Section("inventory", "nav.inventory", Icons.NAV_INVENTORY, 10,
            Section.Placement.MAIN, false);

    private final InventoryViewModel inventory;
    private FeatureContext context;
    private UiExecutor ui;
    private DialogService dialogs;
    private ClipboardService clipboard;
    private Texts texts;
    private Formats formats;
    private Clock clock;
    private ReadOnlyBooleanProperty readOnly;

    InventoryFeature(InventoryViewModel inventory) {
        this.inventory = Objects.requireNonNull(inventory);
    }

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        this.context = context;
        this.ui = context.ui();
        this.dialogs = context.dialogs();
        this.clipboard = context.clipboard();
        this.texts = context.texts();
        this.formats = context.formats();
        this.clock = context.clock();
        this.readOnly = context.readOnly();
        // the inventory's own columns, contributed like any other feature's
        InventoryBuiltInColumns.ALL.forEach(contributions::inventoryColumn);
        contributions.section(SECTION, () -> {
            // built on first show, when every feature has contributed its columns
            inventory.columns().include(contributions.inventoryColumns());
            InventoryView view = new InventoryView(inventory, new InventoryFileExport(dialogs, ui, texts, clock), texts, formats, secretDetail());
            InventoryActions actions = inventoryActions();
            view.setToolbarActions(actions.newSecret());
            view.setScopeActions(actions.scheduledDeletions());
            return view;
        });
    }

    private SecretsService secrets() {
        return context.secrets();
    }

    private KeysService keys() {
        return context.keys();
    }

    /** The journaled writes, resolved on the background thread that performs a change. */
    private SecretMutations journaledMutations() {
        return context.mutations();
    }

    /**
     * The secret detail pane beside the inventory, bound to the selected secret. Its changes go
     * through {@link FeatureContext#mutations()} (journaled, refused in read-only mode), resolved on the
     * background thread that performs them so the journal never opens on the FX thread. The
     * detail's own tabs come first, then the tabs the features contributed.
     */
    Node secretDetail() {
        SecretMutations journaled = journaledMutations();
        EditorContext editor = new EditorContext(secrets(), keys(), journaled, ui, dialogs, readOnly, texts.in(EditorContext.MESSAGES));
        SecretDetailViewModel detail = new SecretDetailViewModel(secrets(), journaled, ui, dialogs, clipboard, texts, clock);
        detail.secretProperty().bind(inventory.selectedSecretProperty());
        detail.readOnlyProperty().bind(readOnly);
        // a change made in the pane (new value, tags, deletion) shows in the table after a refresh
        detail.changeCountProperty().addListener((o, before, after) -> inventory.refresh());
        // every feature has contributed by the time the section is first shown
        return new SecretDetailView(detail, new SecretDialogs(editor), context.detailTabs().get());
    }

    /** The inventory's New secret and Scheduled deletions; a secret they create or restore is listed again. */
    private InventoryActions inventoryActions() {
        EditorContext editor = new EditorContext(secrets(), keys(), journaledMutations(), ui, dialogs, readOnly, texts.in(EditorContext.MESSAGES));
        return new InventoryActions(new SecretDialogs(editor), inventory::scopes, inventory::refresh);
    }
}
