package io.strongroom.ui.audit.secret;

import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;

/** Each secret's audit trail: the detail's Audit tab and "Last read by" in its header ({@link AuditTab}). */
public final class SecretAuditFeature implements Feature {

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        contributions.detailTab(AuditTab.factory(context));
    }
}
