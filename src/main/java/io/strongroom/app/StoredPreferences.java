package io.strongroom.app;

import io.strongroom.app.settings.SettingsStore;
import io.strongroom.app.settings.Theme;
import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.CustomEndpoint;
import io.strongroom.ui.endpoint.EndpointsViewModel;
import io.strongroom.ui.settings.AuditSettingsViewModel;
import io.strongroom.ui.settings.SettingsViewModel;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The view models' ports onto {@link SettingsStore}: each save is one atomic rewrite of
 * settings.json with one field changed. Called off the FX thread; the store is the one the
 * start-up path read, and saving before it was read is a bug (the screens are disabled until then).
 * Public for the view-model tests that save through it into a real settings.json.
 */
public final class StoredPreferences implements SettingsViewModel.Preferences, EndpointsViewModel.Store, AuditSettingsViewModel.Store,
        io.strongroom.ui.signin.OrganizationViewModel.Store {

    private final Supplier<SettingsStore> store;

    public StoredPreferences(Supplier<SettingsStore> store) {
        this.store = Objects.requireNonNull(store);
    }

    @Override
    public void saveTheme(io.strongroom.ui.common.Theme theme) {
        store.get().update(s -> s.withTheme(Theme.valueOf(theme.name())));
    }

    @Override
    public void saveReadOnly(boolean readOnly) {
        store.get().update(s -> s.withReadOnly(readOnly));
    }

    @Override
    public void saveInventoryColumns(List<String> columnIds) {
        store.get().update(s -> s.withInventoryColumns(columnIds));
    }

    @Override
    public void saveAnomalyThresholds(AnomalyThresholds thresholds) {
        store.get().update(s -> s.withAnomalyThresholds(thresholds));
    }

    /** {@link CustomEndpoint} has no secret access key, so none can reach the file from here. */
    @Override
    public void save(List<CustomEndpoint> endpoints) {
        store.get().update(s -> s.withEndpoints(endpoints));
    }

    /** The management account's picker key and the role name: no credential. */
    @Override
    public void saveOrganizations(List<io.strongroom.ui.signin.OrganizationViewModel.Saved> organizations) {
        store.get().update(s -> s.withOrganizations(organizations.stream()
                .map(o -> new io.strongroom.app.settings.OrganizationSetting(o.managementKey(), o.roleName())).toList()));
    }
}
