package io.strongroom.app;

import io.strongroom.service.AccountSource;
import io.strongroom.service.KeysService;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.inventory.InventoryView;
import io.strongroom.ui.inventory.InventoryViewModel;
import io.strongroom.ui.shell.ScopeMemory;
import io.strongroom.ui.shell.ScopePickerViewModel;
import io.strongroom.ui.shell.Section;
import io.strongroom.ui.shell.ShellView;
import io.strongroom.ui.shell.ShellViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;

import io.strongroom.app.settings.ReadOnlyMode;
import io.strongroom.app.settings.SettingsStore;
import io.strongroom.service.journal.ActingIdentity;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.JournaledSecrets;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.editor.EditorContext;
import io.strongroom.ui.editor.InventoryActions;
import io.strongroom.ui.editor.Mutation;
import io.strongroom.ui.editor.Mutations;
import io.strongroom.ui.editor.SecretDialogs;
import io.strongroom.ui.journal.JournalView;
import io.strongroom.ui.secret.SecretDetailView;
import io.strongroom.ui.secret.SecretDetailViewModel;
import io.strongroom.ui.journal.JournalViewModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The console's object graph: view models built with their collaborators by constructor, and
 * the views over them. Services come from the {@link Composition}; the UI-side collaborators
 * (executor, dialogs, clipboard) are handed in, JavaFX ones by {@link StrongroomApp}, test ones
 * by tests. Nothing here is static; a feature gets what it needs from here, by constructor.
 *
 * <p>Plug-in points for features written alongside the shell: {@link #secretDetail()} (the pane
 * beside the inventory table, bound to {@link InventoryViewModel#selectedSecretProperty()}) and
 * {@link #sectionViews()} (one line per navigation section).
 */
public final class AppContext {

    /**
     * @param readOnly    start in read-only mode ({@code --read-only})
     * @param dataDir     the embedded store's data directory
     * @param configDir   where the remembered scope is kept
     * @param awsProfiles offer accounts from ~/.aws/config and credentials (tests turn this off)
     */
    public record Options(boolean readOnly, Path dataDir, Path configDir, boolean awsProfiles) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(configDir, "configDir");
        }
    }

    private final Composition composition;
    private final Options options;
    private final FirstRun firstRun;
    private final UiExecutor ui;
    private final DialogService dialogs;
    private final ClipboardService clipboard;
    private final Texts texts;
    private final Formats formats;
    private final Clock clock;
    private final BooleanProperty readOnly;
    private final ScopePickerViewModel scopePicker;
    private final InventoryViewModel inventory;
    private final ShellViewModel shell;
    private final SettingsStore settings;
    private final ReadOnlyMode readOnlyMode;
    private ActionJournal journal;
    private SecretMutations mutations;

    public AppContext(Composition composition, Options options, FirstRun firstRun, UiExecutor ui, DialogService dialogs,
                      ClipboardService clipboard, Texts texts, Clock clock) {
        this.composition = Objects.requireNonNull(composition);
        this.options = Objects.requireNonNull(options);
        this.firstRun = Objects.requireNonNull(firstRun);
        this.ui = Objects.requireNonNull(ui);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
        this.formats = new Formats(clock.getZone());
        // Read-only: the stored preference, or --read-only, which wins for the whole run.
        this.settings = SettingsStore.open(options.configDir());
        this.readOnlyMode = ReadOnlyMode.of(options.readOnly(), settings);
        this.readOnly = new SimpleBooleanProperty(this, "readOnly", readOnlyMode.activeProperty().get());
        readOnlyMode.activeProperty().addListener((o, was, now) -> readOnly.set(now));
        this.scopePicker = new ScopePickerViewModel(ScopeMemory.in(options.configDir()));
        this.inventory = new InventoryViewModel(composition.secrets(), ui, clipboard, dialogs, texts, clock);
        this.shell = new ShellViewModel(ui, this::startBackends, composition.identity(), scopePicker, inventory, readOnly);
        // The theme comes back as it was left; a change is saved off the FX thread.
        shell.themeProperty().set(io.strongroom.ui.common.Theme.valueOf(settings.current().theme().name()));
        shell.themeProperty().addListener((o, was, now) -> ui.submit(
                () -> settings.update(current -> current.withTheme(io.strongroom.app.settings.Theme.valueOf(now.name()))),
                saved -> { }, failed -> dialogs.showError(texts.get("settings.saveFailed"), failed)));
    }

    // ---- the graph ------------------------------------------------------------------------------

    public ShellViewModel shell() {
        return shell;
    }

    public InventoryViewModel inventory() {
        return inventory;
    }

    public ScopePickerViewModel scopePicker() {
        return scopePicker;
    }

    /** Stored preferences (theme, read-only, clipboard delay…). */
    public SettingsStore settings() {
        return settings;
    }

    /** Where read-only mode comes from (off, the setting, or the --read-only flag). */
    public ReadOnlyMode readOnlyMode() {
        return readOnlyMode;
    }

    /** Read-only mode: every mutating control binds its disable state to this. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public SecretsService secrets() {
        return composition.secrets();
    }

    /** The action journal in the data directory, opened on first use (after the store has started). */
    public synchronized ActionJournal journal() {
        if (journal == null) {
            journal = ActionJournal.open(options.dataDir());
        }
        return journal;
    }

    /**
     * Every change the console makes goes through here: refused in read-only mode, and written
     * to the action journal with its outcome either way.
     */
    public synchronized SecretMutations mutations() {
        if (mutations == null) {
            mutations = JournaledSecrets.wrap(composition.secrets(), journal(), ActingIdentity.cached(composition.identity()),
                    readOnly::get);
        }
        return mutations;
    }

    /** Releases what the context opened; the composition closes the store and clients. */
    public synchronized void close() {
        inventory.cancel();
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    public KeysService keys() {
        return composition.keys();
    }

    public UiExecutor ui() {
        return ui;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public ClipboardService clipboard() {
        return clipboard;
    }

    public Texts texts() {
        return texts;
    }

    public Formats formats() {
        return formats;
    }

    public Clock clock() {
        return clock;
    }

    public Options options() {
        return options;
    }

    // ---- views (FX thread) ----------------------------------------------------------------------

    /**
     * The secret detail pane beside the inventory, bound to the selected secret. Its changes go
     * through {@link #mutations()} (journaled, refused in read-only mode), resolved on the
     * background thread that performs them so the journal never opens on the FX thread.
     */
    Node secretDetail() {
        Mutations journaled = journaledMutations();
        EditorContext editor = new EditorContext(secrets(), keys(), journaled, ui, dialogs, readOnly);
        SecretDetailViewModel detail = new SecretDetailViewModel(secrets(), journaled, ui, dialogs, clipboard, clock);
        detail.secretProperty().bind(inventory.selectedSecretProperty());
        detail.readOnlyProperty().bind(readOnly);
        // a change made in the pane (new value, tags, deletion) shows in the table after a refresh
        detail.changeCountProperty().addListener((o, before, after) -> inventory.refresh());
        return new SecretDetailView(detail, new SecretDialogs(editor));
    }

    /** {@link #mutations()}, resolved on the background thread that performs a change. */
    private Mutations journaledMutations() {
        return new Mutations() {
            @Override
            public <R> R apply(Mutation<R> mutation) {
                return Mutations.through(mutations()).apply(mutation);
            }
        };
    }

    /** The inventory's New secret and Scheduled deletions; a secret they create or restore is listed again. */
    private InventoryActions inventoryActions() {
        EditorContext editor = new EditorContext(secrets(), keys(), journaledMutations(), ui, dialogs, readOnly);
        return new InventoryActions(new SecretDialogs(editor), inventory::scopes, inventory::refresh);
    }

    /** One entry per section that has a view; sections without one show as planned or stay hidden. */
    Map<Section, Supplier<? extends Node>> sectionViews() {
        Map<Section, Supplier<? extends Node>> views = new EnumMap<>(Section.class);
        views.put(Section.INVENTORY, () -> {
            InventoryView view = new InventoryView(inventory, texts, formats, secretDetail());
            InventoryActions actions = inventoryActions();
            view.setToolbarActions(actions.newSecret());
            view.setScopeActions(actions.scheduledDeletions());
            return view;
        });
        views.put(Section.JOURNAL, () -> new JournalView(new JournalViewModel(journal(), ui, clipboard, clock.getZone())));
        return views;
    }

    /** The main window's content. */
    public ShellView createView() {
        return new ShellView(shell, texts, sectionViews());
    }

    // ---- start-up (background thread) -----------------------------------------------------------

    private ShellViewModel.Backends startBackends() throws Exception {
        Composition.StoreStart start = composition.startStore(options.dataDir());
        boolean demo = false;
        if (start.created() && firstRun != FirstRun.NONE) {
            firstRun.seed(start.store());
            demo = true;
        }
        List<AccountSource> sources = new ArrayList<>();
        sources.add(Composition.accountsOf(start.store()));
        if (options.awsProfiles()) {
            sources.add(composition.awsProfiles());
        }
        return new ShellViewModel.Backends(sources, demo);
    }
}
