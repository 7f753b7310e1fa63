package io.strongroom.ui.shell;

import io.strongroom.domain.Account;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SourceKind;
import io.strongroom.service.AccountSource;
import io.strongroom.service.Regions;
import io.strongroom.service.ScopeDefaults;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which accounts and regions the console looks at. The user ticks accounts (from every account
 * source) and regions, or "all regions" in one click, then applies; the applied choice is what
 * the inventory lists and is remembered in {@link ScopeMemory} for the next run.
 *
 * <p>Without a remembered choice (first run, or none of its accounts exist any more), every
 * account of the embedded store is chosen in the regions where the store holds resources, plus
 * the user's configured default region ({@link ScopeDefaults}): a dozen scopes rather than every
 * account in every region (a hundred SDK clients and listings on first start). "All regions" is
 * one tick away, and {@link #selectRegionsInUse()} goes back to the default regions. The default is
 * applied but not remembered, so the next start works it out again from what the store holds then;
 * only a choice the user applies is written to {@link ScopeMemory}. AWS profiles are never chosen
 * by default: listing real accounts is the user's decision.
 *
 * <p>A source that names its regions (a custom endpoint) is looked at in those regions only:
 * all of them under "all regions", otherwise those of them that are ticked. Sources can be added
 * and removed while the console runs ({@link #addSource}, {@link #removeSource}).
 */
public final class ScopePickerViewModel {

    private final ScopeMemory memory;
    private final UiExecutor ui;
    /** The newest applied choice not yet written; the background save always writes the newest. */
    private final java.util.concurrent.atomic.AtomicReference<ScopeMemory.Choice> unsaved = new java.util.concurrent.atomic.AtomicReference<>();
    private final Supplier<List<String>> allRegionIds;
    private final ObservableList<AccountChoice> accounts = FXCollections.observableArrayList(
            a -> new javafx.beans.Observable[] {a.selectedProperty()});
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<AccountChoice> accountsView = FXCollections.unmodifiableObservableList(accounts);
    private final ObservableList<RegionChoice> regions = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.selectedProperty()});
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<RegionChoice> regionsView = FXCollections.unmodifiableObservableList(regions);
    private final BooleanProperty allRegions = new SimpleBooleanProperty(this, "allRegions");
    /** See {@link #defaultRegions()}; set by {@link #setSources}. */
    private List<String> defaultRegions = List.of();
    private ScopeSessionsViewModel sessions;
    /** Takes away a source the user added (an organization); none: nothing can be removed here. */
    private SourceRemoval removal;
    private final ReadOnlyObjectWrapper<List<Scope>> appliedScopes = new ReadOnlyObjectWrapper<>(this, "appliedScopes", List.of());
    private final ReadOnlyObjectWrapper<ScopeMemory.Choice> applied = new ReadOnlyObjectWrapper<>(this, "applied");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper memoryError = new ReadOnlyStringWrapper(this, "memoryError", "");
    private final ObservableList<String> sourceErrors = FXCollections.observableArrayList();
    /** Read-only view kept once: a listener on a fresh wrapper per call would be collected with it. */
    private final ObservableList<String> sourceErrorsView = FXCollections.unmodifiableObservableList(sourceErrors);

    /** @param ui where the remembered choice is written: off the UI thread, errors shown on it */
    public ScopePickerViewModel(ScopeMemory memory, UiExecutor ui) {
        this(memory, ui, Regions::commercial);
    }

    /** For tests: saves run at once, on the calling thread. */
    ScopePickerViewModel(ScopeMemory memory, Supplier<List<String>> allRegionIds) {
        this(memory, new io.strongroom.ui.common.DirectUiExecutor(), allRegionIds);
    }

    ScopePickerViewModel(ScopeMemory memory, UiExecutor ui, Supplier<List<String>> allRegionIds) {
        this.memory = Objects.requireNonNull(memory);
        this.ui = Objects.requireNonNull(ui);
        this.allRegionIds = allRegionIds;
        for (String id : allRegionIds.get()) {
            regions.add(new RegionChoice(id, Regions.description(id)));
        }
        javafx.beans.InvalidationListener changed = o -> dirty.set(applied.get() != null && !currentChoice().equals(applied.get()));
        accounts.addListener(changed);
        regions.addListener(changed);
        allRegions.addListener(changed);
    }

    /** The memory key of an account: its source and its account key (ID, or profile); never a credential. */
    public static String accountKey(String sourceName, Account account) {
        return sourceName + ":" + account.key();
    }

    // ---- Groups and sessions --------------------------------------------------------------------

    /** The order groups are shown in. */
    private static final List<SourceKind> GROUP_ORDER = List.of(SourceKind.EMBEDDED, SourceKind.PROFILE, SourceKind.SSO,
            SourceKind.ORGANIZATION, SourceKind.CUSTOM_ENDPOINT);

    /**
     * Accounts of one kind of source, as the picker groups them: the embedded store, AWS profiles,
     * IAM Identity Center (SSO) profiles, one group per organization ({@code sourceName} names
     * it; null for the other kinds), custom endpoints. Grouping is display only: an account's
     * memory key stays its source's name and its own key.
     */
    public record Group(SourceKind kind, String sourceName, List<AccountChoice> accounts) {}

    /** The offered accounts grouped by kind of source, in a fixed order; each group in the order offered. */
    public List<Group> groups() {
        Map<String, List<AccountChoice>> byGroup = new java.util.LinkedHashMap<>();
        Map<String, Group> heads = new java.util.LinkedHashMap<>();
        for (AccountChoice a : accounts) {
            SourceKind kind = a.account().source();
            String org = kind == SourceKind.ORGANIZATION ? a.sourceName() : null;
            String id = kind + "/" + (org == null ? "" : org);
            byGroup.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
            heads.putIfAbsent(id, new Group(kind, org, List.of()));
        }
        List<Group> out = new ArrayList<>();
        for (SourceKind kind : GROUP_ORDER) {
            heads.forEach((id, g) -> {
                if (g.kind() == kind) {
                    out.add(new Group(kind, g.sourceName(), List.copyOf(byGroup.get(id))));
                }
            });
        }
        return out;
    }

    /**
     * Removes a source the user added from the picker's group header ("Remove organization"):
     * the composition root's, which asks first, forgets the source and then calls
     * {@link #removeSource}. UI thread.
     */
    public interface SourceRemoval {
        /** Whether the group's source is one the user may remove. */
        boolean removable(String sourceName);

        /** Asks the user, and on yes removes the source. */
        void remove(String sourceName);
    }

    /** Where group headers' "Remove organization" goes (none: not offered). */
    public void useSourceRemoval(SourceRemoval removal) {
        this.removal = removal;
    }

    /** Whether the group's header offers "Remove organization": an organization the user added. */
    public boolean canRemove(Group group) {
        return group.kind() == SourceKind.ORGANIZATION && group.sourceName() != null && removal != null
                && removal.removable(group.sourceName());
    }

    /** "Remove organization" on a group's header. */
    public void removeGroup(Group group) {
        if (canRemove(group)) {
            removal.remove(group.sourceName());
        }
    }

    /** Where the accounts' sessions are checked and signed in (none: the picker shows no sessions). */
    public void useSessions(ScopeSessionsViewModel sessions) {
        this.sessions = sessions;
    }

    public Optional<ScopeSessionsViewModel> sessions() {
        return Optional.ofNullable(sessions);
    }

    /** The picker opened: every account's session is shown, and checked again when not known or stale. */
    public void opened() {
        if (sessions != null) {
            sessions.checkAll(accounts);
        }
    }

    // ---- Properties -----------------------------------------------------------------------------

    public ObservableList<AccountChoice> accounts() {
        return accountsView;
    }

    public ObservableList<RegionChoice> regions() {
        return regionsView;
    }

    /** Every region of the partition, now and as AWS adds them; the region ticks are ignored while set. */
    public BooleanProperty allRegionsProperty() {
        return allRegions;
    }

    /** The scopes last applied: what the inventory shows. */
    public ReadOnlyObjectProperty<List<Scope>> appliedScopesProperty() {
        return appliedScopes.getReadOnlyProperty();
    }

    public List<Scope> appliedScopes() {
        return appliedScopes.get();
    }

    /** The applied choice (for summaries: how many accounts, which regions). */
    public ReadOnlyObjectProperty<ScopeMemory.Choice> appliedChoiceProperty() {
        return applied.getReadOnlyProperty();
    }

    /** The ticks differ from what is applied. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Why the choice could not be remembered (the config directory is not writable...), or "". */
    public ReadOnlyStringProperty memoryErrorProperty() {
        return memoryError.getReadOnlyProperty();
    }

    /** Account sources that could not be read ("AWS profiles: ..."), shown in the picker. */
    public ObservableList<String> sourceErrors() {
        return sourceErrorsView;
    }

    /** Accounts applied, and regions applied (all regions counts as every region). */
    public int appliedAccountCount() {
        ScopeMemory.Choice c = applied.get();
        return c == null ? 0 : c.accounts().size();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** {@link #setSources(List, Optional)} without a configured default region. */
    public void setSources(List<AccountSource> sources) {
        setSources(sources, Optional.empty());
    }

    /**
     * Offers the accounts of {@code sources}, ticks the remembered choice (or the default: the
     * embedded accounts in the regions where the sources hold resources and {@code configuredRegion}),
     * and applies it. A source whose accounts cannot be read is reported and skipped.
     */
    public void setSources(List<AccountSource> sources, Optional<String> configuredRegion) {
        List<AccountChoice> offered = new ArrayList<>();
        sourceErrors.clear();
        for (AccountSource source : sources) {
            try {
                for (Account a : source.accounts()) {
                    offered.add(new AccountChoice(a, source.name(), source.regions()));
                }
            } catch (RuntimeException e) {
                sourceErrors.add(source.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        accounts.setAll(offered);
        defaultRegions = ScopeDefaults.defaultRegions(sources, configuredRegion, allRegionIds.get());
        ScopeMemory.Choice remembered = memory.load().orElse(null);
        Set<String> keys = remembered == null ? Set.of() : new HashSet<>(remembered.accounts());
        boolean anyRemembered = offered.stream().anyMatch(a -> keys.contains(a.key()));
        if (anyRemembered) {
            offered.forEach(a -> a.selected.set(keys.contains(a.key())));
            allRegions.set(remembered.allRegions());
            Set<String> rs = new HashSet<>(remembered.regions());
            regions.forEach(r -> r.selected.set(rs.contains(r.id())));
            apply();
        } else {
            offered.forEach(a -> a.selected.set(isEmbedded(a.account())));
            allRegions.set(false);
            Set<String> rs = new HashSet<>(defaultRegions);
            regions.forEach(r -> r.selected.set(rs.contains(r.id())));
            // applied, not remembered: the next start works the default out again from the store
            applied.set(currentChoice());
            appliedScopes.set(scopesOf(applied.get()));
            dirty.set(false);
        }
    }

    /**
     * Offers the accounts of a source added while the console runs (a custom endpoint), in place
     * of any the source offered before. {@code select} ticks them without applying: the user
     * sees them chosen in the picker and applies.
     */
    public void addSource(AccountSource source, boolean select) {
        List<AccountChoice> added = new ArrayList<>();
        for (Account a : source.accounts()) {
            AccountChoice choice = new AccountChoice(a, source.name(), source.regions());
            choice.selected.set(select);
            added.add(choice);
        }
        accounts.removeIf(a -> a.sourceName().equals(source.name()));
        accounts.addAll(added);
    }

    /** Takes a source's accounts away; if they were applied, the rest stays applied and the inventory reloads. */
    public void removeSource(String sourceName) {
        Set<String> removed = new HashSet<>();
        accounts.stream().filter(a -> a.sourceName().equals(sourceName)).forEach(a -> removed.add(a.key()));
        if (removed.isEmpty()) {
            return;
        }
        accounts.removeIf(a -> removed.contains(a.key()));
        ScopeMemory.Choice c = applied.get();
        if (c != null && c.accounts().stream().anyMatch(removed::contains)) {
            applyChoice(new ScopeMemory.Choice(c.accounts().stream().filter(k -> !removed.contains(k)).toList(),
                    c.regions(), c.allRegions()));
            dirty.set(!currentChoice().equals(applied.get()));
        }
    }

    /** Makes the ticks the applied scope, and remembers them. */
    public void apply() {
        applyChoice(currentChoice());
        dirty.set(false);
    }

    private void applyChoice(ScopeMemory.Choice choice) {
        applied.set(choice);
        appliedScopes.set(scopesOf(choice));
        unsaved.set(choice);
        ui.submit(this::saveNewest, done -> memoryError.set(""), e -> memoryError.set(memory.file() + ": " + e.getMessage()));
    }

    /**
     * Background: writes the newest applied choice. Saves run in any order on the pool, so each
     * writes whatever is newest when it runs and a late one never puts an older choice back.
     */
    private Boolean saveNewest() throws IOException {
        synchronized (memory) {
            ScopeMemory.Choice newest = unsaved.getAndSet(null);
            if (newest != null) {
                memory.save(newest);
            }
            return Boolean.TRUE;
        }
    }

    /** Puts the ticks back to the applied choice (the picker closed without applying). */
    public void revert() {
        ScopeMemory.Choice c = applied.get();
        if (c == null) {
            return;
        }
        Set<String> keys = new HashSet<>(c.accounts());
        accounts.forEach(a -> a.selected.set(keys.contains(a.key())));
        Set<String> rs = new HashSet<>(c.regions());
        regions.forEach(r -> r.selected.set(rs.contains(r.id())));
        allRegions.set(c.allRegions());
        dirty.set(false);
    }

    public void selectAllAccounts(boolean selected) {
        accounts.forEach(a -> a.selected.set(selected));
    }

    /**
     * The default scope's regions, as the last {@link #setSources} worked them out (where the
     * store holds resources, and the configured region), whether or not the default was applied.
     */
    public List<String> defaultRegions() {
        return defaultRegions;
    }

    /** Ticks the {@linkplain #defaultRegions() default regions} and clears "all regions". */
    public void selectRegionsInUse() {
        selectRegions(defaultRegions);
    }

    /** Ticks exactly these regions and clears "all regions". */
    public void selectRegions(List<String> ids) {
        Set<String> set = new HashSet<>(ids);
        allRegions.set(false);
        regions.forEach(r -> r.selected.set(set.contains(r.id())));
    }

    /** Ticks exactly these accounts (by alias). */
    public void selectAccounts(List<String> aliases) {
        Set<String> set = new HashSet<>(aliases);
        accounts.forEach(a -> a.selected.set(set.contains(a.alias())));
    }

    /** The scopes the current ticks describe (not yet applied). */
    public List<Scope> scopes() {
        return scopesOf(currentChoice());
    }

    private ScopeMemory.Choice currentChoice() {
        List<String> accountKeys = accounts.stream().filter(AccountChoice::isSelected).map(AccountChoice::key).toList();
        List<String> regionIds = regions.stream().filter(RegionChoice::isSelected).map(RegionChoice::id).toList();
        return new ScopeMemory.Choice(accountKeys, regionIds, allRegions.get());
    }

    private List<Scope> scopesOf(ScopeMemory.Choice choice) {
        Set<String> keys = new HashSet<>(choice.accounts());
        List<String> regionIds = choice.allRegions() ? allRegionIds.get() : choice.regions();
        List<Scope> out = new ArrayList<>();
        for (AccountChoice a : accounts) {
            if (keys.contains(a.key())) {
                for (String r : regionsOf(a, regionIds, choice.allRegions())) {
                    out.add(a.account().in(r));
                }
            }
        }
        return out;
    }

    /** An endpoint that names its regions: all of them under "all regions", else those ticked. */
    private static List<String> regionsOf(AccountChoice a, List<String> chosen, boolean allRegions) {
        if (a.sourceRegions().isEmpty()) {
            return chosen;
        }
        if (allRegions) {
            return a.sourceRegions();
        }
        return chosen.stream().filter(a.sourceRegions()::contains).toList();
    }

    /** Regions of the applied choice, in partition order. */
    public List<String> appliedRegions() {
        ScopeMemory.Choice c = applied.get();
        if (c == null) {
            return List.of();
        }
        return c.allRegions() ? allRegionIds.get() : c.regions();
    }

    private static boolean isEmbedded(Account a) {
        return a.endpoint() != null && "embedded store".equals(a.origin());
    }

    /** Counts for a summary line: accounts chosen per source name. */
    public Map<String, Long> appliedAccountsBySource() {
        Set<String> keys = applied.get() == null ? Set.of() : new HashSet<>(applied.get().accounts());
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (AccountChoice a : accounts) {
            if (keys.contains(a.key())) {
                out.merge(a.sourceName(), 1L, Long::sum);
            }
        }
        return out;
    }
}
