package io.strongroom.ui.rotation;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.EditorContext;
import io.strongroom.ui.editor.SecretDialogs;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.Section;
import io.strongroom.ui.secret.SecretDetailView;
import io.strongroom.ui.secret.SecretDetailViewModel;

/**
 * Rotation across the chosen scopes: the navigation section "Rotation" ({@link RotationView}), with
 * the secrets that never rotate, are overdue, failed or stuck, and bulk rotation of a selection.
 *
 * <p>The console has no way yet for one section to show a secret in another (the inventory's
 * selection is its own), so a secret opened here shows in a secret detail pane of this view's own,
 * with every feature's detail tabs; a change made there lists the secrets here again.
 */
public final class RotationFeature implements Feature {

    public static final Section SECTION = new Section("rotation", "nav.rotation", Icons.NAV_ROTATION, 20, Section.Placement.MAIN, false);

    /** {@code io/strongroom/ui/rotation/rotation-view.properties}: the view's and the bulk dialog's texts. */
    public static final String BUNDLE = "io.strongroom.ui.rotation.rotation-view";

    /** The id of the secret detail's rotation tab, shown first when a secret is opened from here (if that tab exists). */
    static final String ROTATION_TAB_ID = "rotation";

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        Texts texts = context.texts().in(BUNDLE);
        contributions.section(SECTION, () -> {
            RotationViewModel vm = new RotationViewModel(context.secrets(), context.rotations(), context.mutations(), context.ui(),
                    context.clock(), context.scopes(), context.readOnly());
            return new RotationView(vm, texts, context.formats(), secretDetail(context, vm))
                    .withRepairs((secret, owner) -> RepairDialog.open(context, secret, owner),
                            (secret, owner) -> ManualRotationWizard.open(context, secret, owner));
        });
        contributions.detailTab(RotationTab.factory(context));
    }

    /** The detail pane of the secret opened in the view, built on first show (every feature has contributed its tabs by then). */
    private static SecretDetailView secretDetail(FeatureContext context, RotationViewModel vm) {
        EditorContext editor = new EditorContext(context.secrets(), context.keys(), context.mutations(), context.ui(), context.dialogs(),
                context.readOnly(), context.texts().in(EditorContext.MESSAGES));
        SecretDetailViewModel detail = new SecretDetailViewModel(context.secrets(), context.mutations(), context.ui(), context.dialogs(),
                context.clipboard(), context.texts(), context.clock());
        detail.secretProperty().bind(vm.openedSecretProperty());
        detail.readOnlyProperty().bind(context.readOnly());
        detail.changeCountProperty().addListener((o, before, after) -> vm.refresh());
        SecretDetailView view = new SecretDetailView(detail, new SecretDialogs(editor), context.detailTabs().get());
        vm.openedSecretProperty().addListener((o, was, now) -> {
            if (now != null && (was == null || !was.arn().equals(now.arn()))) {
                view.showTab(ROTATION_TAB_ID);
            }
        });
        return view;
    }
}
