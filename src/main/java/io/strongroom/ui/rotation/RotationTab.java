package io.strongroom.ui.rotation;

import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.DetailHost;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.FeatureContext;
import javafx.scene.Node;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Rotation tab of the secret detail: where the secret's rotation stands, "Rotate now" followed
 * step by step, configuring the function and schedule, and the history. The rotation feature
 * contributes it with {@code contributions.detailTab(RotationTab.factory(context))}.
 */
public final class RotationTab implements DetailTab {

    public static final String ID = "rotation";
    /** The tab's texts: {@code io/strongroom/ui/rotation/rotation-tab.properties}, read through {@link Texts#in}. */
    public static final String BUNDLE = "io.strongroom.ui.rotation.rotation-tab";

    private final String title;
    private final Supplier<? extends Node> view;
    private Node content;

    RotationTab(String title, Supplier<? extends Node> view) {
        this.title = Objects.requireNonNull(title);
        this.view = Objects.requireNonNull(view);
    }

    /** The tab for each detail pane, on the console's services, journaled writes, executor and read-only mode. */
    public static DetailTab.Factory factory(FeatureContext context) {
        Texts texts = context.texts().in(BUNDLE);
        return host -> create(host, context, texts);
    }

    private static RotationTab create(DetailHost host, FeatureContext context, Texts texts) {
        RotationTabViewModel vm = new RotationTabViewModel(host.secretProperty(), host.readOnly(), context.secrets(), context.rotations(),
                context.mutations(), context.ui(), context.dialogs(), texts, context.clock(), host::changed);
        return new RotationTab(texts.get("tab.rotation"), () -> new RotationTabView(vm, texts, ZoneId.systemDefault(), context.clock())
                .withRepairs((secret, owner) -> RepairDialog.open(context, secret, owner),
                        (secret, owner) -> ManualRotationWizard.open(context, secret, owner)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node content() {
        if (content == null) {
            content = view.get();
        }
        return content;
    }
}
