package io.strongroom.app.settings;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.CustomEndpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The user's preferences, as kept in {@code settings.json}. Immutable; change one with a
 * {@code with…} method and save the result through {@link SettingsStore#update}.
 *
 * @param readOnly             the user's read-only preference; the effective mode (which the
 *                             {@code --read-only} flag can force) is {@link ReadOnlyMode}
 * @param inventoryColumns     IDs of the inventory's visible columns, in order; empty means the
 *                             inventory's own default set
 * @param clipboardClearDelay  how long a copied secret value stays on the clipboard
 * @param endpoints            custom endpoints the user added, by unique name, without their
 *                             secret access keys (those are never kept: decision record 0006)
 * @param anomalyThresholds    when the audit trail's anomalies are raised (Settings → Audit)
 * @param organizations        AWS organizations added to the scope picker, one per management account
 */
public record Settings(Theme theme, boolean readOnly, ScopeSelection scopes, List<String> inventoryColumns,
                       Duration clipboardClearDelay, List<CustomEndpoint> endpoints, AnomalyThresholds anomalyThresholds,
                       List<OrganizationSetting> organizations) {

    public static final Duration DEFAULT_CLIPBOARD_CLEAR = Duration.ofSeconds(30);
    /** Shorter than this and a paste rarely makes it; longer and "clears after a delay" means little. */
    public static final Duration MIN_CLIPBOARD_CLEAR = Duration.ofSeconds(5);
    public static final Duration MAX_CLIPBOARD_CLEAR = Duration.ofMinutes(10);

    public Settings {
        Objects.requireNonNull(theme, "theme");
        scopes = scopes == null ? ScopeSelection.NONE : scopes;
        inventoryColumns = inventoryColumns == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(inventoryColumns.stream().filter(Objects::nonNull)
                .map(String::strip).filter(s -> !s.isEmpty()).toList()));
        Objects.requireNonNull(clipboardClearDelay, "clipboardClearDelay");
        if (clipboardClearDelay.compareTo(MIN_CLIPBOARD_CLEAR) < 0 || clipboardClearDelay.compareTo(MAX_CLIPBOARD_CLEAR) > 0) {
            throw new IllegalArgumentException("the clipboard clear delay is " + MIN_CLIPBOARD_CLEAR.toSeconds()
                    + " to " + MAX_CLIPBOARD_CLEAR.toSeconds() + " seconds");
        }
        endpoints = uniqueByName(endpoints);
        anomalyThresholds = anomalyThresholds == null ? AnomalyThresholds.DEFAULT : anomalyThresholds;
        organizations = uniqueByManagement(organizations);
    }

    /** Settings with no organizations. */
    public Settings(Theme theme, boolean readOnly, ScopeSelection scopes, List<String> inventoryColumns,
                    Duration clipboardClearDelay, List<CustomEndpoint> endpoints, AnomalyThresholds anomalyThresholds) {
        this(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, List.of());
    }

    /** Settings with the default anomaly thresholds. */
    public Settings(Theme theme, boolean readOnly, ScopeSelection scopes, List<String> inventoryColumns,
                    Duration clipboardClearDelay, List<CustomEndpoint> endpoints) {
        this(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, AnomalyThresholds.DEFAULT);
    }

    /** Settings without custom endpoints. */
    public Settings(Theme theme, boolean readOnly, ScopeSelection scopes, List<String> inventoryColumns,
                    Duration clipboardClearDelay) {
        this(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, List.of());
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, false, ScopeSelection.NONE, List.of(), DEFAULT_CLIPBOARD_CLEAR, List.of(), AnomalyThresholds.DEFAULT);
    }

    public Settings withTheme(Theme theme) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, organizations);
    }

    public Settings withReadOnly(boolean readOnly) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, organizations);
    }

    public Settings withScopes(ScopeSelection scopes) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, organizations);
    }

    public Settings withInventoryColumns(List<String> inventoryColumns) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, organizations);
    }

    public Settings withClipboardClearDelay(Duration clipboardClearDelay) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, organizations);
    }

    public Settings withEndpoints(List<CustomEndpoint> endpoints) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, organizations);
    }

    public Settings withOrganizations(List<OrganizationSetting> organizations) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, organizations);
    }

    public Settings withAnomalyThresholds(AnomalyThresholds anomalyThresholds) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay, endpoints, anomalyThresholds, organizations);
    }

    /** One organization per management account: the first wins. */
    private static List<OrganizationSetting> uniqueByManagement(List<OrganizationSetting> organizations) {
        if (organizations == null) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        return organizations.stream().filter(o -> o != null && keys.add(o.managementKey())).toList();
    }

    /** The name is what the scope picker and its memory know an endpoint by: the first of a name wins. */
    private static List<CustomEndpoint> uniqueByName(List<CustomEndpoint> endpoints) {
        if (endpoints == null) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        List<CustomEndpoint> out = new ArrayList<>();
        for (CustomEndpoint e : endpoints) {
            if (e != null && names.add(e.name())) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }
}
