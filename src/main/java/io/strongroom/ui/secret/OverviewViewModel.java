package io.strongroom.ui.secret;

import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.KmsKeyChoice;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The Overview tab's facts about the secret shown: ARN, description, KMS key, dates, rotation
 * and owning service, as text. The detail tells it what to show ({@link #show}) each time the
 * secret is described; it reads nothing itself.
 */
public final class OverviewViewModel {

    private final Clock clock;
    private final Texts texts;

    private final ReadOnlyStringWrapper arn = new ReadOnlyStringWrapper(this, "arn");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
    private final ReadOnlyStringWrapper kmsKey = new ReadOnlyStringWrapper(this, "kmsKey");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created");
    private final ReadOnlyStringWrapper lastChanged = new ReadOnlyStringWrapper(this, "lastChanged");
    private final ReadOnlyStringWrapper lastAccessed = new ReadOnlyStringWrapper(this, "lastAccessed");
    private final ReadOnlyStringWrapper deletion = new ReadOnlyStringWrapper(this, "deletion");
    private final ReadOnlyStringWrapper owningService = new ReadOnlyStringWrapper(this, "owningService");
    private final ReadOnlyStringWrapper rotation = new ReadOnlyStringWrapper(this, "rotation");

    OverviewViewModel(Clock clock, Texts texts) {
        this.clock = Objects.requireNonNull(clock);
        this.texts = Objects.requireNonNull(texts);
    }

    public ReadOnlyStringProperty arnProperty() {
        return arn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** The KMS key, "aws/secretsmanager (AWS managed)" when none is set. */
    public ReadOnlyStringProperty kmsKeyProperty() {
        return kmsKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastChangedProperty() {
        return lastChanged.getReadOnlyProperty();
    }

    /** The day of the last read (AWS keeps only the day), or "never". */
    public ReadOnlyStringProperty lastAccessedProperty() {
        return lastAccessed.getReadOnlyProperty();
    }

    /** When the scheduled deletion happens, or a dash. */
    public ReadOnlyStringProperty deletionProperty() {
        return deletion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty owningServiceProperty() {
        return owningService.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rotationProperty() {
        return rotation.getReadOnlyProperty();
    }

    /** Shows {@code s} as last described (or as the inventory listed it until then). */
    void show(SecretSummary s) {
        arn.set(s.arn());
        description.set(s.description() == null || s.description().isBlank() ? text("none") : s.description());
        kmsKey.set(s.kmsKeyId() == null || KmsKeyChoice.DEFAULT.matches(s.kmsKeyId()) ? text("kms.default") : s.kmsKeyId());
        created.set(DetailFormat.time(s.created()));
        lastChanged.set(DetailFormat.timeAndAge(s.lastChanged(), clock, texts));
        lastAccessed.set(s.lastAccessed() == null ? text("accessed.never") : DetailFormat.day(s.lastAccessed()));
        deletion.set(s.deletedDate() == null ? text("none")
                : text("deletion.scheduled", DetailFormat.time(s.deletedDate()), DetailFormat.relativeDays(s.deletedDate(), clock, texts)));
        owningService.set(s.owningService() == null ? text("none") : s.owningService());
        rotation.set(rotationText(s.rotation()));
    }

    /** Nothing selected: every fact empty. */
    void clear() {
        for (ReadOnlyStringWrapper p : List.of(arn, description, kmsKey, created, lastChanged, lastAccessed, deletion,
                owningService, rotation)) {
            p.set(null);
        }
    }

    private String rotationText(SecretSummary.Rotation r) {
        if (!r.enabled()) {
            return text("rotation.off");
        }
        String schedule = r.automaticallyAfterDays() != null ? text("rotation.days", r.automaticallyAfterDays())
                : r.scheduleExpression() != null ? r.scheduleExpression() : "";
        return text("rotation.on", schedule, DetailFormat.time(r.nextRotation()));
    }

    private String text(String key, Object... args) {
        return texts.format(key, args);
    }
}
