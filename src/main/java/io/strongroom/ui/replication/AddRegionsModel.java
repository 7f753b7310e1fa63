package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.replication.ReplicaPlan;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * The Replication tab's "Add regions" form: regions added one by one, each with the KMS key of
 * that region (empty for its {@code aws/secretsmanager}), ForceOverwriteReplicaSecret, and the
 * plan it makes (one ReplicateSecretToRegions), kept up to date so its command line shows while
 * the regions are chosen.
 */
public final class AddRegionsModel {

    private final Texts texts;
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty kmsKeyId = new SimpleStringProperty(this, "kmsKeyId", "");
    private final BooleanProperty forceOverwrite = new SimpleBooleanProperty(this, "forceOverwrite");
    private final ObservableList<ReplicaTarget> targets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<ReplicaPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview");
    private SecretSummary secret;

    AddRegionsModel(Texts texts) {
        this.texts = Objects.requireNonNull(texts);
        region.addListener((o, a, b) -> problem.set(null));
        forceOverwrite.addListener((o, a, b) -> replan());
        targets.addListener((javafx.collections.ListChangeListener<ReplicaTarget>) c -> replan());
    }

    /** The region being typed. */
    public StringProperty regionProperty() {
        return region;
    }

    /** Its key, in that region; empty for the region's {@code aws/secretsmanager}. */
    public StringProperty kmsKeyIdProperty() {
        return kmsKeyId;
    }

    public BooleanProperty forceOverwriteProperty() {
        return forceOverwrite;
    }

    /** The regions chosen so far, each with its key. */
    public ObservableList<ReplicaTarget> targets() {
        return targets;
    }

    /** Why the region typed cannot be added, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The call the chosen regions make, or null when none is chosen. */
    public ReadOnlyObjectProperty<ReplicaPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The plan's command line, or null. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Adds the typed region (with its key) to the chosen ones, if it can be added. */
    public boolean addTarget() {
        String r = region.get() == null ? "" : region.get().trim();
        String key = kmsKeyId.get() == null ? null : kmsKeyId.get().trim();
        String why = r.isEmpty() ? texts.format("add.regionMissing")
                : !BulkAddModel.REGION.matcher(r).matches() ? texts.format("add.regionInvalid", r)
                : secret != null && r.equals(secret.region()) ? texts.format("add.regionIsPrimary", r)
                : secret != null && secret.replicas().stream().map(ReplicaStatus::region).anyMatch(r::equals)
                        ? texts.format("add.regionIsReplica", r)
                : targets.stream().anyMatch(t -> t.region().equals(r)) ? texts.format("add.regionChosen", r)
                : null;
        problem.set(why);
        if (why != null) {
            return false;
        }
        targets.add(new ReplicaTarget(r, key));
        region.set("");
        kmsKeyId.set("");
        return true;
    }

    public void removeTarget(ReplicaTarget target) {
        targets.remove(target);
    }

    /** Another secret (or the same one described again): the chosen regions are kept only for the same secret. */
    void show(SecretSummary now) {
        boolean other = secret == null || now == null || !secret.arn().equals(now.arn());
        secret = now;
        if (other) {
            targets.clear();
            region.set("");
            kmsKeyId.set("");
            forceOverwrite.set(false);
            problem.set(null);
        }
        replan();
    }

    /** After the regions were added: the form starts again. */
    void clear() {
        targets.clear();
        forceOverwrite.set(false);
    }

    private void replan() {
        ReplicaPlan p = secret == null || targets.isEmpty() ? null
                : ReplicaPlan.add(secret.scope(), secret.arn(), List.copyOf(targets), forceOverwrite.get());
        plan.set(p);
        preview.set(p == null ? null : String.join("\n", ReplicationCommandLine.of(p)));
    }
}
