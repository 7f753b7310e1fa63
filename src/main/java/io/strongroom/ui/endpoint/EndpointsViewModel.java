package io.strongroom.ui.endpoint;

import io.strongroom.domain.CustomEndpoint;
import io.strongroom.service.AccountSource;
import io.strongroom.service.IdentityService;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The custom endpoints the user added, and for each whether its secret access key is known in
 * this session ({@linkplain Entry#openProperty() open}). What is saved is the
 * {@link CustomEndpoint} (name, URL, key ID, account, regions); the secret access key is held here,
 * in memory, for the session only, and asked for again on the next start (decision record 0006).
 * An open endpoint's account is offered in the scope picker through {@link Sources}.
 */
public final class EndpointsViewModel {

    /** Where endpoints are kept (settings.json, by the composition root). Called off the FX thread. */
    public interface Store {
        void save(List<CustomEndpoint> endpoints) throws Exception;
    }

    /** Where endpoints' accounts are offered (the scope picker). FX thread. */
    public interface Sources {
        /** An endpoint's secret is known: offer its account (and tick it). */
        void opened(AccountSource source);

        /** An endpoint was removed: its account is no longer offered. */
        void removed(String sourceName);
    }

    /** One configured endpoint. */
    public static final class Entry {
        private final CustomEndpoint endpoint;
        private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
        /** This session's secret access key; null until entered. Never saved, never printed. */
        private String secretAccessKey;

        Entry(CustomEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        public CustomEndpoint endpoint() {
            return endpoint;
        }

        public String name() {
            return endpoint.name();
        }

        /** True once the secret access key was entered in this session: the account is usable. */
        public ReadOnlyBooleanProperty openProperty() {
            return open.getReadOnlyProperty();
        }

        public boolean isOpen() {
            return open.get();
        }

        void open(String secret) {
            secretAccessKey = Objects.requireNonNull(secret);
            open.set(true);
        }

        void forget() {
            secretAccessKey = null;
            open.set(false);
        }

        AccountSource source() {
            return AccountSource.customEndpoint(endpoint, secretAccessKey);
        }

        @Override
        public String toString() {
            return "Entry[" + endpoint.name() + ", " + endpoint.url() + ", " + (isOpen() ? "open" : "locked") + "]";
        }
    }

    private final UiExecutor ui;
    private final Store store;
    private final IdentityService identity;
    private final Sources sources;
    private final DialogService dialogs;
    private final Texts texts;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList(e -> new javafx.beans.Observable[] {e.openProperty()});
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<Entry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    public EndpointsViewModel(UiExecutor ui, Store store, IdentityService identity, Sources sources, DialogService dialogs,
                              Texts texts) {
        this.ui = Objects.requireNonNull(ui);
        this.store = Objects.requireNonNull(store);
        this.identity = Objects.requireNonNull(identity);
        this.sources = Objects.requireNonNull(sources);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
    }

    // ---- Properties -----------------------------------------------------------------------------

    /** The endpoints, in the order they were added. */
    public ObservableList<Entry> entries() {
        return entriesView;
    }

    /** True once the saved endpoints are in; adding before would be lost when they arrive. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public Optional<Entry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Endpoints whose secret access key has not been entered in this session. */
    public List<Entry> locked() {
        return entries.stream().filter(e -> !e.isOpen()).toList();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** The saved endpoints, read at start-up (FX thread): all locked until their secret is entered. */
    public void restore(List<CustomEndpoint> saved) {
        entries.forEach(Entry::forget);
        entries.setAll(saved.stream().map(Entry::new).toList());
        loaded.set(true);
    }

    /** A dialog model for adding an endpoint. */
    public EndpointViewModel startAdding() {
        return new EndpointViewModel(this, ui, identity, texts, null);
    }

    /** A dialog model for entering a saved endpoint's secret access key. */
    public EndpointViewModel startUnlocking(Entry entry) {
        return new EndpointViewModel(this, ui, identity, texts, Objects.requireNonNull(entry));
    }

    /**
     * Removes an endpoint after the user confirms: saved without it first, then its account
     * leaves the scope picker (and the inventory, if it was applied) and its secret is dropped.
     */
    public void remove(Entry entry) {
        if (!entries.contains(entry)
                || !dialogs.confirm(texts.get("endpoint.remove.title"), texts.format("endpoint.remove.confirm", entry.name()))) {
            return;
        }
        List<CustomEndpoint> remaining = entries.stream().filter(e -> e != entry).map(Entry::endpoint).toList();
        ui.submit(() -> {
            store.save(remaining);
            return Boolean.TRUE;
        }, done -> {
            entries.remove(entry);
            entry.forget();
            sources.removed(entry.name());
        }, error -> dialogs.showError(texts.get("endpoint.remove.failed"), error));
    }

    // ---- for the dialog model -------------------------------------------------------------------

    /** Names an endpoint may not take: the other endpoints' and the built-in sources' (case aside). */
    Set<String> takenNames() {
        return Stream.concat(entries.stream().map(Entry::name),
                        Stream.of(AccountSource.EMBEDDED_STORE_NAME, AccountSource.AWS_PROFILES_NAME))
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The endpoints as they are now, in a list of its own (FX thread) to add a new one to. */
    List<CustomEndpoint> snapshot() {
        return new ArrayList<>(entries.stream().map(Entry::endpoint).toList());
    }

    /** Saves {@code all} (background thread). */
    void save(List<CustomEndpoint> all) throws Exception {
        store.save(List.copyOf(all));
    }

    /** A new endpoint was saved (FX thread): it is open for this session and offered in the picker. */
    void added(CustomEndpoint endpoint, String secret) {
        Entry entry = new Entry(endpoint);
        entry.open(secret);
        entries.add(entry);
        sources.opened(entry.source());
    }

    /** A saved endpoint's secret was entered (FX thread). */
    void unlocked(Entry entry, String secret) {
        entry.open(secret);
        sources.opened(entry.source());
    }
}
