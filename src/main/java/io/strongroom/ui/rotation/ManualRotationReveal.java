package io.strongroom.ui.rotation;

import io.strongroom.domain.Scope;
import io.strongroom.domain.VersionSelector;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/**
 * Step 2 of the wizard: the pending password, which the operator needs to change the target. It
 * is read (GetSecretValue by version ID) only when asked: shown until hidden, or put on the
 * clipboard, which clears itself after {@value #CLIPBOARD_CLEAR_SECONDS} seconds. For a JSON
 * value only its {@code password} member is shown.
 */
public final class ManualRotationReveal {

    /** Seconds a copied password stays on the clipboard. */
    public static final int CLIPBOARD_CLEAR_SECONDS = 30;

    private final SecretsService secrets;
    private final ClipboardService clipboard;
    private final Texts texts;
    private final Scope scope;
    private final String arn;
    private final LatestWins work;

    private final ReadOnlyStringWrapper revealed = new ReadOnlyStringWrapper(this, "revealed");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");

    public ManualRotationReveal(SecretsService secrets, ClipboardService clipboard, UiExecutor executor, Texts texts, Scope scope,
                                String arn) {
        this.secrets = Objects.requireNonNull(secrets);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.texts = Objects.requireNonNull(texts);
        this.scope = Objects.requireNonNull(scope);
        this.arn = Objects.requireNonNull(arn);
        this.work = new LatestWins(this, executor);
    }

    /** The pending password while revealed, else null. */
    public ReadOnlyStringProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** That the password was copied and when the clipboard clears, or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** Why the pending value could not be read (scope, AWS code, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return work.errorProperty();
    }

    /** Reads version {@code versionId} and shows its password until {@link #hide()}. */
    public void reveal(String versionId) {
        if (versionId != null) {
            work.run(p -> password(versionId), revealed::set);
        }
    }

    /** Hides the password and forgets it. */
    public void hide() {
        work.cancel();
        revealed.set(null);
        notice.set(null);
    }

    /** Reads version {@code versionId} and puts its password on the clipboard, to be cleared after a delay. */
    public void copy(String versionId) {
        if (versionId != null) {
            work.run(p -> password(versionId), pw -> {
                clipboard.putSensitive(pw, CLIPBOARD_CLEAR_SECONDS);
                notice.set(texts.format("manual.copied", CLIPBOARD_CLEAR_SECONDS));
            });
        }
    }

    private String password(String versionId) {
        String pw = ManualRotationValueModel.passwordOf(secrets.getValue(scope, arn, VersionSelector.version(versionId)).payload());
        if (pw == null) {
            throw new IllegalStateException(texts.format("manual.noPassword"));
        }
        return pw;
    }
}
