package io.strongroom.ui.secret;

import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretVersion;
import io.strongroom.domain.VersionSelector;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.editor.JsonValues;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of the secret shown, for one version (the current one unless another is chosen).
 *
 * <p><b>Masked until revealed.</b> Only {@link #reveal()} and {@link #copyValue()} read it
 * (GetSecretValue), each through a {@link LatestWins}: {@link #hide()}, another secret
 * ({@link #reset()}) or another version ({@link #viewVersion}) cancel a read in flight and drop
 * what was revealed. Copies go to {@link ClipboardService#putSensitive}, cleared after
 * {@link SecretDetailViewModel#CLIPBOARD_CLEAR_SECONDS} s.
 *
 * <p>The detail ({@link SecretDetailViewModel}) owns the secret and the banners; it tells this
 * object when the secret changes and shows what it reports through the detail's banners.
 */
public final class ValueViewModel {

    /** Where the value part stands. */
    public enum ValueState { NONE, MASKED, LOADING, REVEALED }

    /** What a revealed value turned out to be. */
    public enum ValueKind { TEXT, JSON, BINARY }

    /** How a revealed binary value is written out, on demand. */
    public enum BinaryView { NONE, HEX, BASE64 }

    private final SecretsService secrets;
    private final ClipboardService clipboard;
    private final Texts texts;
    private final DetailChanges banners;
    private final ReadOnlyObjectProperty<SecretSummary> summary;
    private final ObservableBooleanValue gone;
    private final LatestWins reading;
    private final LatestWins copying;
    /** The revealed value; null whenever the value is masked. */
    private SecretPayload revealed;

    private final BooleanProperty showRawJson = new SimpleBooleanProperty(this, "showRawJson");
    private final ReadOnlyObjectWrapper<ValueState> valueState = new ReadOnlyObjectWrapper<>(this, "valueState", ValueState.NONE);
    private final ReadOnlyObjectWrapper<ValueKind> valueKind = new ReadOnlyObjectWrapper<>(this, "valueKind");
    private final ReadOnlyStringWrapper valueText = new ReadOnlyStringWrapper(this, "valueText");
    private final ObservableList<JsonValues.Entry> jsonEntries = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper valueSize = new ReadOnlyIntegerWrapper(this, "valueSize");
    private final ReadOnlyObjectWrapper<BinaryView> binaryView = new ReadOnlyObjectWrapper<>(this, "binaryView", BinaryView.NONE);
    private final ReadOnlyStringWrapper binaryText = new ReadOnlyStringWrapper(this, "binaryText");
    private final ReadOnlyObjectWrapper<SecretVersion> viewedVersion = new ReadOnlyObjectWrapper<>(this, "viewedVersion");
    private final ReadOnlyStringWrapper viewedVersionLabel = new ReadOnlyStringWrapper(this, "viewedVersionLabel");
    private final ReadOnlyBooleanWrapper canReveal = new ReadOnlyBooleanWrapper(this, "canReveal");

    /**
     * @param summary the secret shown, as last described (null when none)
     * @param gone    true once the secret was deleted without recovery
     * @param texts   the detail's texts
     */
    public ValueViewModel(ReadOnlyObjectProperty<SecretSummary> summary, ObservableBooleanValue gone, SecretsService secrets,
                          UiExecutor executor, ClipboardService clipboard, Texts texts, DetailChanges banners) {
        this.summary = Objects.requireNonNull(summary);
        this.gone = Objects.requireNonNull(gone);
        this.secrets = Objects.requireNonNull(secrets);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.texts = Objects.requireNonNull(texts);
        this.banners = Objects.requireNonNull(banners);
        this.reading = new LatestWins(this, executor);
        this.copying = new LatestWins(this, executor);
        summary.addListener(o -> updateViewedLabel());
        for (Observable g : new Observable[] {summary, gone, valueState}) {
            g.addListener(o -> updateCanReveal());
        }
        updateCanReveal();
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** Show a revealed JSON value as text instead of the key/value grid. */
    public BooleanProperty showRawJsonProperty() {
        return showRawJson;
    }

    public ReadOnlyObjectProperty<ValueState> valueStateProperty() {
        return valueState.getReadOnlyProperty();
    }

    /** What the revealed value is; null while masked. */
    public ReadOnlyObjectProperty<ValueKind> valueKindProperty() {
        return valueKind.getReadOnlyProperty();
    }

    /** The revealed text (JSON re-indented); null while masked and for binary values. */
    public ReadOnlyStringProperty valueTextProperty() {
        return valueText.getReadOnlyProperty();
    }

    /** The members of a revealed JSON object; empty while masked. */
    public ObservableList<JsonValues.Entry> jsonEntries() {
        return FXCollections.unmodifiableObservableList(jsonEntries);
    }

    /** The revealed value's size in bytes; 0 while masked. */
    public ReadOnlyIntegerProperty valueSizeProperty() {
        return valueSize.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BinaryView> binaryViewProperty() {
        return binaryView.getReadOnlyProperty();
    }

    /** A revealed binary value as hex dump or Base64, once asked for; null otherwise. */
    public ReadOnlyStringProperty binaryTextProperty() {
        return binaryText.getReadOnlyProperty();
    }

    /** The version whose value is shown; null for the current one (AWSCURRENT). */
    public ReadOnlyObjectProperty<SecretVersion> viewedVersionProperty() {
        return viewedVersion.getReadOnlyProperty();
    }

    /** "AWSCURRENT · 1a2b3c4d…" or "Version 1a2b3c4d… · AWSPREVIOUS · created …". */
    public ReadOnlyStringProperty viewedVersionLabelProperty() {
        return viewedVersionLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRevealProperty() {
        return canReveal.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Reads the value of the viewed version (GetSecretValue) and shows it. */
    public boolean reveal() {
        SecretSummary s = summary.get();
        if (s == null || gone.get() || valueState.get() == ValueState.LOADING) {
            return false;
        }
        copying.cancel();
        valueState.set(ValueState.LOADING);
        banners.error(null);
        VersionSelector selector = selector();
        reading.run(p -> secrets.getValue(s.scope(), s.arn(), selector).payload(), this::show, e -> {
            valueState.set(ValueState.MASKED);
            banners.error(ErrorText.of(e));
        });
        return true;
    }

    /** Masks the value again and drops it from memory. */
    public void hide() {
        reading.cancel();
        copying.cancel();
        revealed = null;
        valueText.set(null);
        jsonEntries.clear();
        binaryText.set(null);
        binaryView.set(BinaryView.NONE);
        valueKind.set(null);
        valueSize.set(0);
        valueState.set(summary.get() == null ? ValueState.NONE : ValueState.MASKED);
    }

    /**
     * Copies the viewed version's value (Base64 for binary), cleared after the clearing delay. A
     * masked value is read for the copy and not kept, so it can be copied without being shown.
     */
    public boolean copyValue() {
        if (revealed != null) {
            putSensitive(copyText(revealed), texts.format("notice.copiedValue", SecretDetailViewModel.CLIPBOARD_CLEAR_SECONDS));
            return true;
        }
        SecretSummary s = summary.get();
        if (s == null || gone.get() || valueState.get() == ValueState.LOADING) {
            return false;
        }
        banners.error(null);
        VersionSelector selector = selector();
        copying.run(p -> secrets.getValue(s.scope(), s.arn(), selector).payload(),
                payload -> putSensitive(copyText(payload), texts.format("notice.copiedValue", SecretDetailViewModel.CLIPBOARD_CLEAR_SECONDS)),
                e -> banners.error(ErrorText.of(e)));
        return true;
    }

    /** Copies one member of a revealed JSON value, cleared after the clearing delay. */
    public boolean copyEntry(JsonValues.Entry entry) {
        if (revealed == null || entry == null || !jsonEntries.contains(entry)) {
            return false;
        }
        putSensitive(entry.value(), texts.format("notice.copiedKey", entry.key(), SecretDetailViewModel.CLIPBOARD_CLEAR_SECONDS));
        return true;
    }

    /** Shows a revealed binary value as a hex dump. */
    public boolean showHex() {
        if (revealed == null || !revealed.isBinary()) {
            return false;
        }
        binaryText.set(DetailFormat.hexDump(revealed.bytes()));
        binaryView.set(BinaryView.HEX);
        return true;
    }

    /** Shows a revealed binary value as Base64. */
    public boolean showBase64() {
        if (revealed == null || !revealed.isBinary()) {
            return false;
        }
        binaryText.set(Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(revealed.bytes()));
        binaryView.set(BinaryView.BASE64);
        return true;
    }

    /** Shows {@code version}'s value instead (masked); the current version when null or current. */
    public void viewVersion(SecretVersion version) {
        hide();
        viewedVersion.set(version == null || version.isCurrent() ? null : version);
        updateViewedLabel();
    }

    // ---- From the detail -----------------------------------------------------------------------

    /** Another secret is shown (or none): back to its current version, masked. */
    void reset() {
        viewedVersion.set(null);
        hide();
        updateViewedLabel();
    }

    /** The secret is gone: nothing to reveal any more. */
    void dropped() {
        hide();
        valueState.set(ValueState.NONE);
    }

    /** The versions were listed again: keep showing the same version, with its labels as they are now. */
    void versionsListed(List<SecretVersion> versions) {
        SecretVersion viewed = viewedVersion.get();
        if (viewed != null) {
            versions.stream().filter(v -> v.versionId().equals(viewed.versionId())).findFirst()
                    .ifPresent(v -> viewedVersion.set(v.isCurrent() ? null : v));
        }
        updateViewedLabel();
    }

    // ---- Internals -----------------------------------------------------------------------------

    private VersionSelector selector() {
        SecretVersion v = viewedVersion.get();
        return v == null ? VersionSelector.current() : VersionSelector.version(v.versionId());
    }

    private void show(SecretPayload payload) {
        revealed = payload;
        valueSize.set(payload.size());
        binaryView.set(BinaryView.NONE);
        binaryText.set(null);
        if (payload.isBinary()) {
            valueText.set(null);
            jsonEntries.clear();
            valueKind.set(ValueKind.BINARY);
        } else {
            String text = payload.text();
            Optional<List<JsonValues.Entry>> entries = JsonValues.entries(text);
            if (entries.isPresent()) {
                jsonEntries.setAll(entries.get());
                valueText.set(JsonValues.pretty(text));
                valueKind.set(ValueKind.JSON);
            } else {
                jsonEntries.clear();
                valueText.set(text);
                valueKind.set(ValueKind.TEXT);
            }
        }
        valueState.set(ValueState.REVEALED);
    }

    private static String copyText(SecretPayload payload) {
        return payload.isBinary() ? Base64.getEncoder().encodeToString(payload.bytes()) : payload.text();
    }

    private void putSensitive(String text, String done) {
        clipboard.putSensitive(text, SecretDetailViewModel.CLIPBOARD_CLEAR_SECONDS);
        banners.notice(done);
    }

    private void updateViewedLabel() {
        SecretSummary s = summary.get();
        SecretVersion v = viewedVersion.get();
        if (s == null) {
            viewedVersionLabel.set(null);
        } else if (v == null) {
            String current = s.currentVersionId();
            viewedVersionLabel.set(current == null ? VersionSelector.AWSCURRENT
                    : texts.format("viewed.current", DetailFormat.shortId(current)));
        } else {
            viewedVersionLabel.set(texts.format("viewed.version", DetailFormat.shortId(v.versionId()),
                    DetailFormat.stages(v.stages(), texts), DetailFormat.time(v.created())));
        }
    }

    private void updateCanReveal() {
        SecretSummary s = summary.get();
        boolean present = s != null && s.arn() != null && !gone.get();
        canReveal.set(present && valueState.get() != ValueState.LOADING && valueState.get() != ValueState.REVEALED);
    }
}
