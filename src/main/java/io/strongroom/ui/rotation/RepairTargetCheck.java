package io.strongroom.ui.rotation;

import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.VersionSelector;
import io.strongroom.service.DatabaseCheck;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;

/**
 * The test of a pending value before it is promoted, shared by the repair view and the manual
 * rotation wizard. The value is read by version ID when the operator asks for the test, handed to
 * {@link DatabaseCheck} when it is a PostgreSQL credential (a real login and {@code SELECT 1}),
 * and dropped: it is never kept or shown. Any other value cannot be tested from here, so the
 * operator confirms they tested it against its target instead.
 *
 * <p>{@link #passedProperty()} is what promote waits for: a passing login, or that confirmation.
 */
public final class RepairTargetCheck {

    /** Where the test stands. */
    public enum Outcome {
        /** Not run for this version. */
        NOT_RUN,
        /** The credential logged in and ran {@code SELECT 1}. */
        PASSED,
        /** The login (or reading the value) failed. */
        FAILED,
        /** Not a database credential: only the operator can test it. */
        NOT_A_DATABASE
    }

    private final SecretsService secrets;
    private final DatabaseCheck databases;
    private final Texts texts;
    private final LatestWins work;

    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NOT_RUN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final BooleanProperty confirmed = new SimpleBooleanProperty(this, "confirmed");
    private final BooleanBinding passed;
    private String testedVersion;

    public RepairTargetCheck(SecretsService secrets, DatabaseCheck databases, UiExecutor executor, Texts texts) {
        this.secrets = Objects.requireNonNull(secrets);
        this.databases = Objects.requireNonNull(databases);
        this.texts = Objects.requireNonNull(texts);
        this.work = new LatestWins(this, executor);
        this.passed = Bindings.createBooleanBinding(() -> outcome.get() == Outcome.PASSED
                || (outcome.get() == Outcome.NOT_A_DATABASE && confirmed.get()), outcome, confirmed);
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** What the test found, in words (server, database and user; never the value), or null before it ran. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The operator's word that they tested a value this console cannot test; counts only for {@link Outcome#NOT_A_DATABASE}. */
    public BooleanProperty confirmedProperty() {
        return confirmed;
    }

    /** Whether the pending value may be promoted: it logged in, or the operator confirmed their own test. */
    public ObservableBooleanValue passedProperty() {
        return passed;
    }

    public boolean passed() {
        return passed.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** Why the value could not be read (scope, AWS code, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return work.errorProperty();
    }

    /** The version the latest test was about, or null. */
    public String testedVersion() {
        return testedVersion;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Reads version {@code versionId} of the secret and tests it. */
    public void run(Scope scope, String arn, String versionId) {
        Objects.requireNonNull(versionId, "versionId");
        reset();
        testedVersion = versionId;
        work.run(p -> {
            SecretPayload value = secrets.getValue(scope, arn, VersionSelector.version(versionId)).payload();
            if (DatabaseCheck.target(value).isEmpty()) {
                return null;
            }
            return databases.check(value);
        }, (DatabaseCheck.Result r) -> {
            if (r == null) {
                outcome.set(Outcome.NOT_A_DATABASE);
                message.set(texts.format("check.notADatabase"));
            } else {
                outcome.set(r.ok() ? Outcome.PASSED : Outcome.FAILED);
                message.set(r.ok() ? r.message() : texts.format("check.failed", r.message()));
            }
        }, e -> {
            work.fail(e);
            outcome.set(Outcome.FAILED);
            message.set(texts.format("check.readFailed", work.errorProperty().get()));
        });
    }

    /** Forgets the latest test (the pending version changed, or a new value was written). */
    public void reset() {
        work.cancel();
        work.dismissError();
        testedVersion = null;
        outcome.set(Outcome.NOT_RUN);
        message.set(null);
        confirmed.set(false);
    }
}
