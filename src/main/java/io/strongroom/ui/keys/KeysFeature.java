package io.strongroom.ui.keys;

import io.strongroom.service.keys.KeyEstateLoader;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.Section;
import io.strongroom.ui.policy.PolicyFeature;
import io.strongroom.ui.policy.PolicyView;
import io.strongroom.ui.policy.PolicyViewModel;

/**
 * KMS keys across the chosen scopes: the navigation section "Keys" ({@link KeysView}) and the
 * inventory's "Key state" column ({@link KeyStateColumn}).
 */
public final class KeysFeature implements Feature {

    public static final Section SECTION = new Section("keys", "nav.keys", Icons.NAV_KEYS, 50, Section.Placement.MAIN, false);

    /** {@code io/strongroom/ui/keys/keys.properties}. */
    public static final String BUNDLE = "io.strongroom.ui.keys.keys";

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        Texts texts = context.texts().in(BUNDLE);
        KeyStateCache states = new KeyStateCache(context.keys(), context.ui());
        contributions.inventoryColumn(new KeyStateColumn(states, texts));
        contributions.section(SECTION, () -> {
            KeysViewModel vm = new KeysViewModel(context.keys(), new KeyEstateLoader(context.keys(), context.secrets()), context.ui(),
                    context.scopes(), texts);
            KeyActionsModel actions = new KeyActionsModel(vm, context.mutations(), context.ui(), context.readOnly(),
                    impact -> KeyImpactDialog.confirm(impact, texts), texts, () -> {
                        if (vm.selectedProperty().get() != null) {
                            states.forget(vm.selectedProperty().get().key().scope());
                        }
                    });
            return view(context, vm, actions, texts);
        });
    }

    /**
     * The impact check for key policies put outside the Keys view (the secret detail's Key policy
     * tab): handed to the policy feature by the composition root, so neither feature imports the other's wiring.
     */
    public static PolicyViewModel.ApplyGate policyGate(FeatureContext context) {
        Texts texts = context.texts().in(BUNDLE);
        return new KeyPolicyGate(new KeyEstateLoader(context.keys(), context.secrets()), context.ui(), context.scopes(),
                impact -> KeyImpactDialog.confirm(impact, texts), context.dialogs(), texts);
    }

    /** The view over {@code vm} with the selected key's policy in the policy editor, gated by the impact dialog. */
    static KeysView view(FeatureContext context, KeysViewModel vm, KeyActionsModel actions, Texts texts) {
        Texts policyTexts = context.texts().in(PolicyFeature.BUNDLE);
        PolicyViewModel policy = new PolicyViewModel(vm.policyTargetProperty(), context.readOnly(), context.policies(),
                context.mutations(), context.ui(), context.dialogs(), policyTexts, () -> { });
        policy.gateKeyPolicy(actions::askBeforePolicy);
        KeyDetailView detail = new KeyDetailView(vm, actions, texts, context.formats(), new PolicyView(policy, policyTexts));
        return new KeysView(vm, texts, context.formats(), detail);
    }
}
