package io.strongroom.ui.shell;

import io.strongroom.domain.Account;
import io.strongroom.domain.CallerIdentity;
import io.strongroom.domain.Scope;
import io.strongroom.service.AccountSource;
import io.strongroom.service.IdentityService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.feature.Section;
import io.strongroom.ui.inventory.InventoryViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The main window's state: start-up (the embedded store starts off the FX thread while the
 * window already shows), the section shown, the backend and identity the console acts as, the
 * read-only mode, and the theme. Applying a scope reloads the inventory and asks STS who the
 * chosen accounts' credentials are.
 */
public final class ShellViewModel {

    public enum Startup { STARTING, READY, FAILED }

    /** What the applied scopes talk to. */
    public enum BackendKind { NONE, EMBEDDED, AWS, CUSTOM, MIXED }

    /**
     * What start-up produced: the account sources, whether a demo estate was just seeded, and the
     * user's configured default region (AWS_REGION, ~/.aws/config…), if any, for the default scope.
     */
    public record Backends(List<AccountSource> sources, boolean demoSeeded, Optional<String> configuredRegion) {
        public Backends {
            sources = List.copyOf(sources);
            Objects.requireNonNull(configuredRegion, "configuredRegion");
        }

        public Backends(List<AccountSource> sources, boolean demoSeeded) {
            this(sources, demoSeeded, Optional.empty());
        }
    }

    /** Starts the backends (the embedded store, profile files): slow, so it runs in the background. */
    @FunctionalInterface
    public interface BackendStarter {
        Backends start() throws Exception;
    }

    /** Who one account's credentials are, or why STS would not say. */
    public record Identity(String accountAlias, String accountId, String arn, String error) {
        public boolean known() {
            return arn != null;
        }
    }

    private final UiExecutor ui;
    private final BackendStarter starter;
    private final IdentityService identityService;
    private final ScopePickerViewModel scopePicker;
    private final InventoryViewModel inventory;
    private final ObservableBooleanValue readOnly;

    private final ReadOnlyObjectWrapper<Startup> startup = new ReadOnlyObjectWrapper<>(this, "startup", Startup.STARTING);
    private final ReadOnlyStringWrapper startupError = new ReadOnlyStringWrapper(this, "startupError", "");
    private final ReadOnlyBooleanWrapper demoSeeded = new ReadOnlyBooleanWrapper(this, "demoSeeded");
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyObjectWrapper<BackendKind> backendKind = new ReadOnlyObjectWrapper<>(this, "backendKind", BackendKind.NONE);
    private final ReadOnlyStringWrapper backendDetail = new ReadOnlyStringWrapper(this, "backendDetail", "");
    private final ObservableList<Identity> identities = FXCollections.observableArrayList();
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<Identity> identitiesView = FXCollections.unmodifiableObservableList(identities);
    private int identityGeneration;

    public ShellViewModel(UiExecutor ui, BackendStarter starter, IdentityService identityService,
                          ScopePickerViewModel scopePicker, InventoryViewModel inventory, ObservableBooleanValue readOnly) {
        this.ui = Objects.requireNonNull(ui);
        this.starter = Objects.requireNonNull(starter);
        this.identityService = Objects.requireNonNull(identityService);
        this.scopePicker = Objects.requireNonNull(scopePicker);
        this.inventory = Objects.requireNonNull(inventory);
        this.readOnly = Objects.requireNonNull(readOnly);
        scopePicker.appliedScopesProperty().addListener((o, was, scopes) -> scopesApplied(scopes));
    }

    // ---- Properties -----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Startup> startupProperty() {
        return startup.getReadOnlyProperty();
    }

    /** Why start-up failed (e.g. the data directory is not writable), or "". */
    public ReadOnlyStringProperty startupErrorProperty() {
        return startupError.getReadOnlyProperty();
    }

    /** A demo estate was seeded on this (first) run. */
    public ReadOnlyBooleanProperty demoSeededProperty() {
        return demoSeeded.getReadOnlyProperty();
    }

    /** The section shown; null until the window shows its first section. */
    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyObjectProperty<BackendKind> backendKindProperty() {
        return backendKind.getReadOnlyProperty();
    }

    /** The endpoint(s) or profile names behind {@link #backendKindProperty()}. */
    public ReadOnlyStringProperty backendDetailProperty() {
        return backendDetail.getReadOnlyProperty();
    }

    /** One entry per chosen account: the principal ARN STS reports, or its error. */
    public ObservableList<Identity> identities() {
        return identitiesView;
    }

    /** True while the console must not change anything (the flag, or the setting another view owns). */
    public ObservableBooleanValue readOnlyProperty() {
        return readOnly;
    }

    public boolean isReadOnly() {
        return readOnly.get();
    }

    public ScopePickerViewModel scopePicker() {
        return scopePicker;
    }

    public InventoryViewModel inventory() {
        return inventory;
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** Starts the backends in the background; the window shows its loading state meanwhile. */
    public void start() {
        startup.set(Startup.STARTING);
        ui.submit(starter::start, backends -> {
            demoSeeded.set(backends.demoSeeded());
            startup.set(Startup.READY);
            scopePicker.setSources(backends.sources(), backends.configuredRegion());
        }, error -> {
            startupError.set(ErrorText.of(error));
            startup.set(Startup.FAILED);
        });
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** Asks STS again who each chosen account is. */
    public void refreshIdentities() {
        List<Scope> scopes = scopePicker.appliedScopes();
        Map<String, Scope> oneScopePerAccount = new LinkedHashMap<>();
        for (Scope s : scopes) {
            oneScopePerAccount.putIfAbsent(s.account().key() + "@" + s.endpoint(), s);
        }
        int generation = ++identityGeneration;
        identities.clear();
        for (Scope s : oneScopePerAccount.values()) {
            ui.submit(() -> identityService.callerIdentity(s), (CallerIdentity id) -> {
                if (generation == identityGeneration) {
                    identities.add(new Identity(s.accountAlias(), id.accountId(), id.arn(), null));
                }
            }, error -> {
                if (generation == identityGeneration) {
                    identities.add(new Identity(s.accountAlias(), s.accountId(), null, ErrorText.of(error)));
                }
            });
        }
    }

    private void scopesApplied(List<Scope> scopes) {
        describeBackend(scopes);
        inventory.load(scopes);
        refreshIdentitiesOnceListed();
    }

    /** The pending deferred identity refresh, if any: a new scope replaces it. */
    private Runnable pendingIdentityRefresh;

    /**
     * Asks STS who the accounts are once the inventory shows its first rows or its load ends,
     * whichever comes first: on two cores, building the STS clients and signing their calls while
     * the first pages are being listed and drawn would only push the first rows back.
     */
    private void refreshIdentitiesOnceListed() {
        if (pendingIdentityRefresh != null) {
            pendingIdentityRefresh.run();       // detach the previous scope's listeners
        }
        if (!inventory.isLoading() || inventory.loadedCountProperty().get() > 0) {
            pendingIdentityRefresh = null;
            refreshIdentities();
            return;
        }
        javafx.beans.InvalidationListener[] listener = new javafx.beans.InvalidationListener[1];
        Runnable detach = () -> {
            inventory.loadingProperty().removeListener(listener[0]);
            inventory.loadedCountProperty().removeListener(listener[0]);
        };
        listener[0] = o -> {
            if (!inventory.isLoading() || inventory.loadedCountProperty().get() > 0) {
                detach.run();
                pendingIdentityRefresh = null;
                refreshIdentities();
            }
        };
        pendingIdentityRefresh = detach;
        inventory.loadingProperty().addListener(listener[0]);
        inventory.loadedCountProperty().addListener(listener[0]);
    }

    private void describeBackend(List<Scope> scopes) {
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> details = new LinkedHashSet<>();
        List<String> profiles = new ArrayList<>();
        for (Scope s : scopes) {
            Account a = s.account();
            URI endpoint = a.endpoint();
            if (endpoint == null) {
                kinds.add("aws");
                if (!profiles.contains(a.alias())) {
                    profiles.add(a.alias());
                }
            } else if ("embedded store".equals(a.origin())) {
                kinds.add("embedded");
                details.add(endpoint.toString());
            } else {
                kinds.add("custom");
                details.add(endpoint.toString());
            }
        }
        if (!profiles.isEmpty()) {
            details.add(String.join(", ", profiles));
        }
        backendKind.set(kinds.isEmpty() ? BackendKind.NONE : kinds.size() > 1 ? BackendKind.MIXED
                : switch (kinds.iterator().next()) {
                    case "aws" -> BackendKind.AWS;
                    case "embedded" -> BackendKind.EMBEDDED;
                    default -> BackendKind.CUSTOM;
                });
        backendDetail.set(String.join(" · ", details));
    }
}
