package io.strongroom.ui.keys;

import io.strongroom.domain.Scope;
import io.strongroom.service.keys.KeyEstateLoader;
import io.strongroom.service.keys.KeyImpact;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.policy.PolicyTarget;
import io.strongroom.ui.policy.PolicyViewModel;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The impact check in front of a key policy put from anywhere but the Keys view (the secret
 * detail's Key policy tab): it reads what the key protects in the background (the key described,
 * the chosen scopes' secrets listed), then asks for the typed confirmation with the same impact
 * dialog the Keys view shows. When the impact cannot be read, nothing is put and the error says why.
 */
public final class KeyPolicyGate implements PolicyViewModel.ApplyGate {

    private final KeyEstateLoader loader;
    private final UiExecutor ui;
    private final Supplier<List<Scope>> scopes;
    private final KeyImpactPrompt prompt;
    private final DialogService dialogs;
    private final Texts texts;

    public KeyPolicyGate(KeyEstateLoader loader, UiExecutor ui, Supplier<List<Scope>> scopes, KeyImpactPrompt prompt,
                         DialogService dialogs, Texts texts) {
        this.loader = Objects.requireNonNull(loader);
        this.ui = Objects.requireNonNull(ui);
        this.scopes = Objects.requireNonNull(scopes);
        this.prompt = Objects.requireNonNull(prompt);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
    }

    @Override
    public void ask(PolicyTarget target, Runnable proceed) {
        List<Scope> chosen = List.copyOf(scopes.get());
        ui.submit(() -> loader.impactOf(target.scope(), target.arn(), chosen),
                (KeyImpact impact) -> {
                    if (prompt.confirm(new KeyImpactViewModel(impact, KeyChange.POLICY, texts))) {
                        proceed.run();
                    }
                },
                error -> dialogs.showError(texts.get("impact.unread.title"), error));
    }
}
