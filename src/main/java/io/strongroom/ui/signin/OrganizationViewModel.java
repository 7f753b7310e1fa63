package io.strongroom.ui.signin;

import io.strongroom.domain.Account;
import io.strongroom.domain.MemberAccount;
import io.strongroom.service.OrganizationSource;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * "Add organization…": the user picks the account to list the organization with (the management
 * account or a delegated administrator, from the accounts the picker already offers) and the role
 * member accounts are reached through; discovery runs off the UI thread, and the organization's
 * accounts are offered in the picker with each unreachable one's error on its row. What is saved
 * (settings.json) is the management account's picker key and the role name: no credential.
 *
 * <p>"Remove organization" (on the organization's group in the picker) asks first, saves the
 * organizations without it, then takes its accounts out of the picker; the other sources, and the
 * remembered choice of their accounts, stay as they are.
 */
public final class OrganizationViewModel {

    /** An organization as kept in the settings: which account lists it, and the role into its members. */
    public record Saved(String managementKey, String roleName) {
        public Saved {
            Objects.requireNonNull(managementKey, "managementKey");
            Objects.requireNonNull(roleName, "roleName");
        }
    }

    /** An account the organization can be listed with: its picker key, a label, the account. */
    public record Candidate(String key, String label, Account account) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Where the organizations are kept (settings.json). Called off the UI thread. */
    public interface Store {
        void saveOrganizations(List<Saved> organizations) throws Exception;
    }

    /** Builds the organization source for a management account (the service layer's). */
    public interface Discovery {
        OrganizationSource open(Account management, String roleName);
    }

    /** Where a discovered organization's accounts are offered (the scope picker). UI thread. */
    public interface Sources {
        void added(OrganizationSource source, List<MemberAccount> members);

        /** A removed organization: its accounts are no longer offered. */
        void removed(String sourceName);
    }

    /** IAM's role name pattern. */
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private record Found(OrganizationSource source, List<MemberAccount> members, List<Saved> saved) {}

    private final UiExecutor ui;
    private final Discovery discovery;
    private final Store store;
    private final Sources sources;
    private final DialogService dialogs;
    private final Texts texts;
    /**
     * The picker's source name of each organization offered, and the management key it is saved
     * under. Filled on the UI thread by a discovery and on the start-up thread by a restore.
     */
    private final Map<String, String> offered = new ConcurrentHashMap<>();
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<Candidate> management = new SimpleObjectProperty<>(this, "management");
    private final StringProperty roleName = new SimpleStringProperty(this, "roleName", OrganizationSource.DEFAULT_ROLE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The organizations saved so far (UI thread). */
    private List<Saved> saved = List.of();

    public OrganizationViewModel(UiExecutor ui, Discovery discovery, Store store, Sources sources, DialogService dialogs,
                                 Texts texts) {
        this.ui = Objects.requireNonNull(ui);
        this.discovery = Objects.requireNonNull(discovery);
        this.store = Objects.requireNonNull(store);
        this.sources = Objects.requireNonNull(sources);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = SignInTexts.of(Objects.requireNonNull(texts));
        management.addListener(o -> validate());
        roleName.addListener(o -> validate());
        validate();
    }

    // ---- Properties -----------------------------------------------------------------------------

    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    public ObjectProperty<Candidate> managementProperty() {
        return management;
    }

    public StringProperty roleNameProperty() {
        return roleName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A management account is chosen and the role name is one IAM accepts. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The organization was discovered and its accounts offered: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** What is wrong with the input ("" when nothing). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Progress and outcome: "Listing…", "3 accounts found, all reachable". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the listing failed: AWS's code and message. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The organizations saved so far. */
    public List<Saved> saved() {
        return saved;
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** The organizations read from the settings at start-up (UI thread). */
    public void restore(List<Saved> organizations) {
        saved = List.copyOf(organizations);
    }

    /**
     * A saved organization was listed again at start-up and is offered as {@code sourceName}
     * (any thread): it can be removed from the picker from now on.
     */
    public void restored(String sourceName, String managementKey) {
        offered.put(Objects.requireNonNull(sourceName), Objects.requireNonNull(managementKey));
    }

    /** Whether {@code sourceName} is an organization offered in the picker, which "Remove organization" can take away. */
    public boolean isRemovable(String sourceName) {
        return sourceName != null && offered.containsKey(sourceName);
    }

    /**
     * "Remove organization": after the user confirms, the organizations are saved without it
     * (off the UI thread), then its accounts leave the picker (and the inventory, if they were
     * applied). A failed save leaves everything as it was and shows why.
     */
    public void remove(String sourceName) {
        String key = sourceName == null ? null : offered.get(sourceName);
        if (key == null || !dialogs.confirm(texts.get("org.remove.title"), texts.format("org.remove.confirm", sourceName))) {
            return;
        }
        List<Saved> remaining = saved.stream().filter(s -> !s.managementKey().equals(key)).toList();
        ui.submit(() -> {
            store.saveOrganizations(remaining);
            return Boolean.TRUE;
        }, done -> {
            saved = remaining;
            offered.remove(sourceName, key);
            sources.removed(sourceName);
        }, error -> dialogs.showError(texts.get("org.remove.failed"), error));
    }

    /** Starts a new "Add organization…" with these accounts to choose from (the first chosen). */
    public void prepare(List<Candidate> offered) {
        candidates.setAll(offered);
        management.set(offered.isEmpty() ? null : offered.get(0));
        roleName.set(OrganizationSource.DEFAULT_ROLE);
        done.set(false);
        status.set("");
        error.set("");
        validate();
    }

    /** Lists the organization in the background; on success it is saved and its accounts offered. */
    public void discover() {
        validate();
        if (!valid.get() || busy.get()) {
            return;
        }
        Candidate chosen = management.get();
        String role = roleName.get().strip();
        List<Saved> before = saved;
        busy.set(true);
        error.set("");
        status.set(texts.get("org.discovering"));
        ui.submit(() -> {
            OrganizationSource source = discovery.open(chosen.account(), role);
            List<MemberAccount> members = source.discover();
            List<Saved> next = new ArrayList<>(before.stream().filter(s -> !s.managementKey().equals(chosen.key())).toList());
            next.add(new Saved(chosen.key(), role));
            store.saveOrganizations(List.copyOf(next));
            return new Found(source, members, List.copyOf(next));
        }, found -> {
            busy.set(false);
            saved = found.saved();
            offered.values().removeIf(chosen.key()::equals);
            offered.put(found.source().name(), chosen.key());
            long unreachable = found.members().stream().filter(m -> !m.reachable()).count();
            status.set(texts.format("org.found", found.members().size(), unreachable));
            sources.added(found.source(), found.members());
            done.set(true);
        }, failure -> {
            busy.set(false);
            status.set("");
            error.set(ErrorText.of(failure));
        });
    }

    private void validate() {
        String role = roleName.get() == null ? "" : roleName.get().strip();
        if (management.get() == null) {
            problem.set(candidates.isEmpty() ? texts.get("org.none") : texts.get("org.chooseManagement"));
        } else if (!ROLE_NAME.matcher(role).matches()) {
            problem.set(texts.get("org.roleName"));
        } else {
            problem.set("");
        }
        valid.set(problem.get().isEmpty());
    }
}
