package io.strongroom.ui.settings;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.endpoint.EndpointDialogs;
import io.strongroom.ui.endpoint.EndpointPickerLinks;
import io.strongroom.ui.endpoint.EndpointsViewModel;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.Section;
import javafx.scene.Node;

import java.util.Objects;

/**
 * The settings page (theme, read-only mode, anomaly thresholds, custom endpoints), at the foot of the navigation, and
 * the endpoint links under the scope picker's accounts. Its view models are built by the
 * composition root, which restores them from settings.json.
 */
public final class SettingsFeature implements Feature {

    public static final Section SECTION = new Section("settings", "nav.settings", Icons.NAV_SETTINGS, 90,
            Section.Placement.FOOT, false);

    private final SettingsViewModel screen;
    private final EndpointsViewModel endpoints;
    private final AuditSettingsViewModel audit;
    private EndpointDialogs endpointDialogs;
    private FeatureContext context;

    public SettingsFeature(SettingsViewModel screen, EndpointsViewModel endpoints) {
        this(screen, endpoints, null);
    }

    /** @param audit the anomaly thresholds' card, or null for none */
    public SettingsFeature(SettingsViewModel screen, EndpointsViewModel endpoints, AuditSettingsViewModel audit) {
        this.screen = Objects.requireNonNull(screen);
        this.endpoints = Objects.requireNonNull(endpoints);
        this.audit = audit;
    }

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        this.context = context;
        contributions.section(SECTION, () -> new SettingsView(screen, endpointDialogs(), audit, context.texts()));
    }

    /** The custom endpoints' links at the foot of the scope picker (FX thread; after {@link #contribute}). */
    public Node pickerExtras(Runnable close, Runnable reopen) {
        return new EndpointPickerLinks(endpointDialogs(), context.texts(), close, reopen);
    }

    /** The endpoint dialogs (FX thread), for the settings screen and the scope picker. */
    private EndpointDialogs endpointDialogs() {
        if (endpointDialogs == null) {
            endpointDialogs = new EndpointDialogs(endpoints, Objects.requireNonNull(context, "not contributed yet").texts());
        }
        return endpointDialogs;
    }
}
