package io.strongroom.app;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.app.settings.ReadOnlyMode;
import io.strongroom.app.settings.Settings;
import io.strongroom.app.settings.SettingsStore;
import io.strongroom.service.AccountSource;
import io.strongroom.service.KeysService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.ActingIdentity;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.JournaledSecrets;
import io.strongroom.service.journal.Writers;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.audit.AuditFeature;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.endpoint.EndpointsViewModel;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.PlannedSections;
import io.strongroom.ui.inventory.InventoryViewModel;
import io.strongroom.ui.journal.JournalFeature;
import io.strongroom.ui.policy.PolicyFeature;
import io.strongroom.ui.keys.KeysFeature;
import io.strongroom.ui.replication.ReplicationFeature;
import io.strongroom.ui.rotation.RotationFeature;
import io.strongroom.ui.audit.secret.SecretAuditFeature;
import io.strongroom.ui.settings.AuditSettingsViewModel;
import io.strongroom.ui.settings.SettingsFeature;
import io.strongroom.ui.settings.SettingsViewModel;
import io.strongroom.ui.shell.AccountChoice;
import io.strongroom.ui.shell.ScopeMemory;
import io.strongroom.ui.shell.ScopeSessionsViewModel;
import io.strongroom.ui.signin.FxSignInDialogs;
import io.strongroom.ui.signin.OrganizationPickerLink;
import io.strongroom.ui.signin.OrganizationViewModel;
import io.strongroom.ui.signin.SignInPrompts;
import io.strongroom.app.settings.OrganizationSetting;
import io.strongroom.domain.Account;
import io.strongroom.domain.MemberAccount;
import io.strongroom.domain.SourceKind;
import io.strongroom.service.OrganizationSource;
import io.strongroom.ui.shell.ScopePickerViewModel;
import io.strongroom.ui.shell.ShellView;
import io.strongroom.ui.shell.ShellViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's object graph: view models built with their collaborators by constructor, and
 * the views over them. Services come from the {@link Composition}; the UI-side collaborators
 * (executor, dialogs, clipboard) are handed in, JavaFX ones by {@link StrongroomApp}, test ones
 * by tests. Nothing here is static; a feature gets what it needs from here, by constructor.
 *
 * <p><b>Features</b> ({@link #features()}): each contributes its navigation sections, views and
 * secret-detail tabs through {@link Feature}, from the {@link FeatureContext} built here; adding
 * one is a package and one line in that list. The shell, the scope picker, the inventory's view
 * model and the settings screens stay here because start-up restores them from settings.json.
 *
 * <p><b>Settings are read off the FX thread.</b> The constructor touches no file: settings.json is
 * read first thing on the background start-up path ({@link ShellViewModel#start()}), and handed
 * to the FX thread before the backends are ready, so the theme, the columns and the endpoints are
 * in place before the inventory fills. Until then the console is read-only: with
 * {@code --read-only} that is known (and final) at once; otherwise no change can be made before
 * the user's read-only setting is known.
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
    /** Follows {@link ReadOnlyMode}; nothing else writes it, so --read-only cannot be undone from here. */
    private final ReadOnlyBooleanWrapper readOnly;
    private final ScopePickerViewModel scopePicker;
    private final InventoryViewModel inventory;
    private final ShellViewModel shell;
    private final ReadOnlyMode readOnlyMode;
    private final ScopeMemory scopeMemory;
    private final SettingsViewModel settingsScreen;
    private final EndpointsViewModel endpoints;
    private final AuditSettingsViewModel auditSettings;
    /** The SSO device code and MFA dialogs, installed on the client registry's sign-in at start-up. */
    private final SignInPrompts signInPrompts;
    /** Each picker account's session (identity, expiry, sign-in). */
    private final ScopeSessionsViewModel sessions;
    /** "Add organization…" and the organizations saved in settings.json. */
    private final OrganizationViewModel organizations;
    /** Opens a page in the user's browser (the application's host services); nothing until set. */
    private volatile java.util.function.Consumer<java.net.URI> browser = uri -> {};
    /** When the audit trail's anomalies are raised; Settings edits it, settings.json keeps it. */
    private final ObjectProperty<AnomalyThresholds> anomalyThresholds = new SimpleObjectProperty<>(AnomalyThresholds.DEFAULT);
    /** Read on the start-up path; null until then. */
    private volatile SettingsStore settings;
    private ActionJournal journal;
    private SecretMutations mutations;
    /** What the features contributed; null until the window is first built (FX thread). */
    private Contributions contributions;
    private SettingsFeature settingsFeature;

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
        // Read-only: --read-only wins for the whole run; the user's setting is read in the
        // background, and until it is known nothing may be changed.
        this.readOnlyMode = ReadOnlyMode.untilLoaded(options.readOnly());
        this.readOnly = new ReadOnlyBooleanWrapper(this, "readOnly", readOnlyMode.activeProperty().get());
        readOnlyMode.activeProperty().addListener((o, was, now) -> readOnly.set(now));
        this.scopeMemory = ScopeMemory.in(options.configDir());
        this.scopePicker = new ScopePickerViewModel(scopeMemory, ui);
        this.inventory = new InventoryViewModel(composition.secrets(), ui, clipboard, texts, clock);
        this.shell = new ShellViewModel(ui, this::startBackends, composition.identity(), scopePicker, inventory, readOnly);
        StoredPreferences preferences = new StoredPreferences(this::loadedSettings);
        // the theme (from the header or the settings screen), read-only and columns are saved from here
        this.settingsScreen = new SettingsViewModel(ui, preferences, shell.themeProperty(), new SettingsViewModel.ReadOnlyControl() {
            @Override
            public ReadOnlyBooleanProperty settingProperty() {
                return readOnlyMode.settingProperty();
            }

            @Override
            public boolean isForcedByFlag() {
                return readOnlyMode.isForcedByFlag();
            }

            @Override
            public void setSetting(boolean on) {
                readOnlyMode.setSetting(on);
            }
        }, dialogs, texts);
        this.auditSettings = new AuditSettingsViewModel(ui, preferences, anomalyThresholds, dialogs, texts);
        this.signInPrompts = new SignInPrompts(ui, texts, clock, uri -> browser.accept(uri),
                () -> Composition.isUiThread(Thread.currentThread()));
        // the session service is asked for on the background thread of the first check: building it may wait for the store
        this.sessions = new ScopeSessionsViewModel(ui, composition::sessions, texts, clock);
        scopePicker.useSessions(sessions);
        this.organizations = new OrganizationViewModel(ui,
                (management, role) -> AccountSource.organization(composition.clients().orElseThrow(), management, role),
                preferences, new OrganizationViewModel.Sources() {
                    @Override
                    public void added(OrganizationSource source, List<MemberAccount> members) {
                        organizationAdded(source, members);
                    }

                    @Override
                    public void removed(String sourceName) {
                        scopePicker.removeSource(sourceName);
                    }
                }, dialogs, texts);
        // "Remove organization" on an organization's group in the picker
        scopePicker.useSourceRemoval(new ScopePickerViewModel.SourceRemoval() {
            @Override
            public boolean removable(String sourceName) {
                return organizations.isRemovable(sourceName);
            }

            @Override
            public void remove(String sourceName) {
                organizations.remove(sourceName);
            }
        });
        this.endpoints = new EndpointsViewModel(ui, preferences, composition.identity(), new EndpointsViewModel.Sources() {
            @Override
            public void opened(AccountSource source) {
                scopePicker.addSource(source, true);
            }

            @Override
            public void removed(String sourceName) {
                scopePicker.removeSource(sourceName);
            }
        }, dialogs, texts);
    }

    // ---- the graph ------------------------------------------------------------------------------

    /** The console's sign-in prompts (device code, MFA code), for tests to answer through. */
    public SignInPrompts signInPrompts() {
        return signInPrompts;
    }

    /** The scope picker's sessions. */
    public ScopeSessionsViewModel sessions() {
        return sessions;
    }

    /** "Add organization…". */
    public OrganizationViewModel organizations() {
        return organizations;
    }

    /** Where "Open browser" opens pages: the application's host services (StrongroomApp), a recorder in tests. */
    public void useBrowser(java.util.function.Consumer<java.net.URI> opener) {
        this.browser = Objects.requireNonNull(opener);
    }

    /**
     * The accounts an organization can be listed with: those of the embedded store, the AWS
     * profiles and IAM Identity Center profiles the picker offers (FX thread).
     */
    public List<OrganizationViewModel.Candidate> organizationCandidates() {
        return scopePicker.accounts().stream()
                .filter(a -> a.account().source() == SourceKind.EMBEDDED || a.account().source() == SourceKind.PROFILE
                        || a.account().source() == SourceKind.SSO)
                .map(a -> new OrganizationViewModel.Candidate(a.key(),
                        texts.in("io.strongroom.ui.signin.signin").format("org.candidate", a.alias(), a.sourceName()), a.account()))
                .toList();
    }

    /** An organization was discovered (FX thread): its accounts are offered, ticked, with each unreachable one's error. */
    private void organizationAdded(OrganizationSource source, List<MemberAccount> members) {
        scopePicker.addSource(source, true);
        for (MemberAccount m : members) {
            if (m.errorCode() != null) {
                String key = ScopePickerViewModel.accountKey(source.name(), m.account());
                scopePicker.accounts().stream().filter(a -> a.key().equals(key)).findFirst()
                        .ifPresent(a -> sessions.knownError(a, m.errorCode(), m.errorMessage()));
            }
        }
    }

    public ShellViewModel shell() {
        return shell;
    }

    public InventoryViewModel inventory() {
        return inventory;
    }

    public ScopePickerViewModel scopePicker() {
        return scopePicker;
    }

    /** Stored preferences (theme, read-only, clipboard delay…), once the start-up path has read them. */
    public Optional<SettingsStore> settings() {
        return Optional.ofNullable(settings);
    }

    /** The settings screen's model: theme and read-only changes, saved as they are made. */
    public SettingsViewModel settingsScreen() {
        return settingsScreen;
    }

    /** Settings → Audit: the anomaly thresholds, in force at once and saved. */
    public AuditSettingsViewModel auditSettings() {
        return auditSettings;
    }

    /** The anomaly thresholds in force (the saved ones once settings.json is read). */
    public ReadOnlyObjectProperty<AnomalyThresholds> anomalyThresholdsProperty() {
        return anomalyThresholds;
    }

    /** The custom endpoints (saved without their secret access keys). */
    public EndpointsViewModel endpoints() {
        return endpoints;
    }

    /** Where read-only mode comes from (off, the setting, or the --read-only flag). */
    public ReadOnlyMode readOnlyMode() {
        return readOnlyMode;
    }

    /**
     * Read-only mode: every mutating control binds its disable state to this. It is read-only
     * itself; change the mode through {@link #readOnlyMode()}, where the flag always wins.
     */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
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
            mutations = JournaledSecrets.wrap(new Writers(composition.secrets(), composition.policies(), composition.rotations(),
                            composition.replication(), composition.keys()),
                    journal(), ActingIdentity.cached(composition.identity()), readOnly::get);
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

    // ---- features and views (FX thread) -------------------------------------------------------

    /** The console's features, in no particular order (the navigation orders their sections). */
    private List<Feature> features() {
        settingsFeature = new SettingsFeature(settingsScreen, endpoints, auditSettings);
        return List.of(
                new InventoryFeature(inventory),
                new PlannedSections(),
                new PolicyFeature(KeysFeature::policyGate),
                new RotationFeature(),
                new KeysFeature(),
                new AuditFeature(),
                new SecretAuditFeature(),
                new ReplicationFeature(),
                new JournalFeature(),
                settingsFeature);
    }

    /** What a feature may use. */
    private FeatureContext featureContext() {
        return new FeatureContext(secrets(), keys(), composition.identity(), composition.policies(), journaledMutations(), this::journal,
                ui, dialogs, clipboard, texts, formats, clock, readOnlyProperty(), inventory.selectedSecretProperty(),
                () -> contributions().detailTabs(), composition.access(), scopePicker::appliedScopes, composition.rotations(),
                composition.audit(), anomalyThresholds, composition.replication());
    }

    /** Every feature's contributions, collected once. */
    Contributions contributions() {
        if (contributions == null) {
            Contributions all = new Contributions();
            FeatureContext context = featureContext();
            for (Feature feature : features()) {
                feature.contribute(context, all);
            }
            contributions = all;
        }
        return contributions;
    }

    /** {@link #mutations()}, resolved on the background thread that performs a change. */
    private SecretMutations journaledMutations() {
        return new SecretMutations() {
            @Override
            public <R> R apply(SecretMutation<R> mutation) {
                return mutations().apply(mutation);
            }
        };
    }

    /** The main window's content. */
    public ShellView createView() {
        ShellView view = new ShellView(shell, texts, contributions().sections());
        view.setPickerExtras((close, reopen) -> {
            javafx.scene.layout.VBox extras = new javafx.scene.layout.VBox(4,
                    new OrganizationPickerLink(organizations, this::organizationCandidates, texts, close, reopen),
                    settingsFeature.pickerExtras(close, reopen));
            return extras;
        });
        signInPrompts.useDialogs(new FxSignInDialogs(() -> view.getScene() == null ? null : view.getScene().getWindow(), texts));
        return view;
    }

    // ---- start-up (background thread) -----------------------------------------------------------

    private ShellViewModel.Backends startBackends() throws Exception {
        Settings saved = loadSettings();
        scopeMemory.preload();
        Composition.PreparedStore start;
        try {
            start = composition.prepareStore(options.dataDir(), firstRun).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        List<AccountSource> sources = new ArrayList<>();
        sources.add(Composition.accountsOf(start.store()));
        Optional<String> configuredRegion = Optional.empty();
        if (options.awsProfiles()) {
            sources.add(composition.awsProfiles());
            // the user's AWS configuration, read only where the console reads their profiles (tests turn both off)
            configuredRegion = io.strongroom.service.ScopeDefaults.configuredRegion();
        }
        composition.clients().ifPresent(c -> c.signIn().usePrompts(signInPrompts, signInPrompts));
        List<AccountSource> offered = List.copyOf(sources);
        for (OrganizationSetting o : saved.organizations()) {
            sources.add(restoreOrganization(o, offered));
        }
        return new ShellViewModel.Backends(sources, start.demoSeeded(), configuredRegion);
    }

    /**
     * Reads settings.json (background thread, first on the start-up path) and hands it to the FX
     * thread, where it is applied before the start-up result: the theme, the read-only setting,
     * the inventory's columns and the saved endpoints are in place before the inventory fills.
     */
    private Settings loadSettings() {
        if (settings != null) {
            return settings.current();     // a second start after a failed one: the settings are already in
        }
        SettingsStore store = SettingsStore.open(options.configDir());
        ui.onUiThread(() -> settingsLoaded(store));
        return store.current();
    }

    /**
     * A saved organization, discovered again (background thread, before the picker offers
     * accounts, so a remembered choice of its accounts is ticked again). One that cannot be
     * listed, or whose management account is no longer offered, is a source that reports why.
     */
    private AccountSource restoreOrganization(OrganizationSetting saved, List<AccountSource> offered) {
        Account management = null;
        for (AccountSource source : offered) {
            try {
                for (Account a : source.accounts()) {
                    if (ScopePickerViewModel.accountKey(source.name(), a).equals(saved.managementKey())) {
                        management = a;
                    }
                }
            } catch (RuntimeException e) {
                // that source's own error is reported by the picker
            }
        }
        if (management == null) {
            return new UnavailableSource(texts.format("scope.organization.name", saved.managementKey()),
                    texts.format("scope.organization.managementGone", saved.managementKey()));
        }
        OrganizationSource source = AccountSource.organization(composition.clients().orElseThrow(), management, saved.roleName());
        try {
            source.discover();
            organizations.restored(source.name(), saved.managementKey());
            return source;
        } catch (RuntimeException e) {
            return new UnavailableSource(source.name(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** A source that could not be opened: the picker shows its name and why. */
    private record UnavailableSource(String name, String why) implements AccountSource {
        @Override
        public List<Account> accounts() {
            throw new IllegalStateException(why);
        }
    }

    /** FX thread. */
    private void settingsLoaded(SettingsStore store) {
        if (settings != null) {
            return;
        }
        settings = store;
        Settings saved = store.current();
        readOnlyMode.restore(saved.readOnly());
        settingsScreen.restore(io.strongroom.ui.common.Theme.valueOf(saved.theme().name()));
        inventory.columns().restore(saved.inventoryColumns());
        // restored first, saved from now on: a restore is not a change
        inventory.columns().visibleIdsProperty().addListener((o, was, now) -> settingsScreen.saveInventoryColumns(now));
        endpoints.restore(saved.endpoints());
        auditSettings.restore(saved.anomalyThresholds());
        organizations.restore(saved.organizations().stream()
                .map(o -> new OrganizationViewModel.Saved(o.managementKey(), o.roleName())).toList());
        if (!store.loadProblems().isEmpty()) {
            dialogs.showInfo(texts.get("settings.loadProblems"), String.join("\n", store.loadProblems()));
        }
    }

    private SettingsStore loadedSettings() {
        SettingsStore store = settings;
        if (store == null) {
            throw new IllegalStateException("the settings have not been read yet");
        }
        return store;
    }
}
