package io.strongroom.ui.policy;

import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;

import java.util.Objects;
import java.util.function.Function;

/**
 * Resource policies and who may use a secret: the inventory's Policy column (how far each secret's
 * policy reaches), and three tabs on every secret's detail. Policy: read,
 * validate as you type, diff, templates, check for new access, apply and delete through the
 * journaled writes. Key policy: the same editor on the key policy of the secret's KMS key (shown,
 * never applied, for an AWS managed key). Access: who can read the value, and test access as one
 * principal.
 */
public final class PolicyFeature implements Feature {

    public static final String BUNDLE = "io.strongroom.ui.policy.messages";

    private final Function<FeatureContext, PolicyViewModel.ApplyGate> keyPolicyGate;

    /** Key policies are put without an extra question (tests of this feature alone). */
    public PolicyFeature() {
        this(context -> (target, proceed) -> proceed.run());
    }

    /** {@code keyPolicyGate} is asked before a key policy is put from the secret detail (the Keys feature's impact check). */
    public PolicyFeature(Function<FeatureContext, PolicyViewModel.ApplyGate> keyPolicyGate) {
        this.keyPolicyGate = Objects.requireNonNull(keyPolicyGate);
    }

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        Texts texts = context.texts().in(BUNDLE);
        PolicyReachCache reaches = new PolicyReachCache(context.policies(), context.ui());
        contributions.inventoryColumn(new PolicyColumn(reaches, texts));
        contributions.detailTab(host -> {
            PolicyViewModel vm = new PolicyViewModel(PolicyTarget.secretOf(host.secretProperty()), host.readOnly(), context.policies(),
                    context.mutations(),
                    context.ui(), context.dialogs(), texts, () -> {
                        if (host.secretProperty().get() != null) {
                            reaches.forget(host.secretProperty().get().arn());
                        }
                        host.changed();
                    });
            return new PolicyTab(PolicyTab.ID, texts.get("tab.policy"), () -> new PolicyView(vm, texts));
        });
        contributions.detailTab(host -> {
            SecretKeyTarget key = new SecretKeyTarget(host.secretProperty(), context.policies(), context.ui());
            PolicyViewModel vm = new PolicyViewModel(key.targetProperty(), host.readOnly(), context.policies(), context.mutations(),
                    context.ui(), context.dialogs(), texts, host::changed);
            vm.gateKeyPolicy(keyPolicyGate.apply(context));
            return new PolicyTab(PolicyTab.KEY_ID, texts.get("tab.keyPolicy"), () -> PolicyView.ofKey(vm, key.errorProperty(), texts));
        });
        contributions.detailTab(host -> {
            AccessViewModel vm = new AccessViewModel(host.secretProperty(), context.scopes(), context.access(), context.policies(),
                    context.ui(), texts);
            return new PolicyTab(PolicyTab.ACCESS_ID, texts.get("tab.access"), () -> new AccessView(vm, texts));
        });
    }
}
