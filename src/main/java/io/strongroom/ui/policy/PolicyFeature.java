package io.strongroom.ui.policy;

import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;

/**
 * Resource policies: a Policy tab on every secret's detail (read, validate as you type, diff,
 * templates, check for new access, apply and delete through the journaled writes).
 */
public final class PolicyFeature implements Feature {

    public static final String BUNDLE = "io.strongroom.ui.policy.messages";

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        Texts texts = context.texts().in(BUNDLE);
        contributions.detailTab(host -> new PolicyTab(new PolicyViewModel(host.secretProperty(), host.readOnly(), context.policies(),
                context.mutations(), context.ui(), context.dialogs(), texts, host::changed), texts));
    }
}
