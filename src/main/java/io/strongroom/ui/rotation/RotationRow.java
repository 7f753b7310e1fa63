package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationState;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One secret as the Rotation view shows it: where its rotation stands ({@link RotationState}, from
 * its labels and its latest rotation event), whether that event could be read at all, and the
 * instant the state was worked out at (relative times and "overdue" are measured from it).
 *
 * @param results      whether the scope's rotation events were read: still {@link Results#LOADING},
 *                     {@link Results#KNOWN}, or {@link Results#UNKNOWN} because CloudTrail refused or failed
 * @param resultsError why the events are unknown (scope, AWS error code, request ID), else null
 * @param asOf         the instant the state was worked out at
 */
public record RotationRow(RotationState state, Results results, String resultsError, Instant asOf) {

    /** How much is known of a secret's rotation outcomes. */
    public enum Results { LOADING, KNOWN, UNKNOWN }

    public RotationRow {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * The row of {@code secret} at {@code now}, given its latest rotation event ({@code last}, null
     * when it had none in the period read, or when {@code results} is not {@link Results#KNOWN}).
     */
    static RotationRow of(SecretSummary secret, RotationEvent last, Results results, String resultsError, Instant now,
                          Duration stuckAfter) {
        RotationEvent known = results == Results.KNOWN ? last : null;
        return new RotationRow(RotationState.of(secret, known, now, stuckAfter), results, resultsError, now);
    }

    /** Identifies the secret across refreshes: its scope and ARN. */
    public static String keyOf(Scope scope, String arn) {
        return scope.id() + '\u0000' + arn;
    }

    public String key() {
        return keyOf(secret().scope(), secret().arn());
    }

    public SecretSummary secret() {
        return state.secret();
    }

    public Scope scope() {
        return secret().scope();
    }

    public String name() {
        return secret().name();
    }

    public String accountAlias() {
        return secret().accountAlias();
    }

    public String region() {
        return secret().region();
    }

    public RotationState.Status status() {
        return state.status();
    }

    public SecretSummary.Rotation rotation() {
        return secret().rotation();
    }

    /** The latest rotation event read, or null (none in the period read, or not read). */
    public RotationEvent lastEvent() {
        return state.last();
    }

    /** The rotation function's name (the last part of its ARN), or null when none is set. */
    public String functionName() {
        return functionName(rotation().lambdaArn());
    }

    public boolean hasFunction() {
        return rotation().lambdaArn() != null;
    }

    public boolean rotationOn() {
        return rotation().enabled();
    }

    public boolean neverRotated() {
        return state.neverRotated();
    }

    public boolean overdue() {
        return state.overdue();
    }

    /** How long ago the next rotation date passed (zero when not overdue). */
    public Duration overdueBy() {
        Instant next = rotation().nextRotation();
        return overdue() && next != null ? Duration.between(next, asOf) : Duration.ZERO;
    }

    /** The latest rotation failed (whether or not it left AWSPENDING behind: see {@link #stuck()}). */
    public boolean failed() {
        RotationEvent last = lastEvent();
        return status() == RotationState.Status.FAILED || (last != null && last.kind() == RotationEvent.Kind.FAILED);
    }

    /** A rotation is unfinished: AWSPENDING is on a version that is not AWSCURRENT, after a failure or for too long. */
    public boolean stuck() {
        return status() == RotationState.Status.STUCK;
    }

    /**
     * The name in a Lambda function ARN ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]});
     * anything else is returned as it is.
     */
    static String functionName(String lambdaArn) {
        if (lambdaArn == null) {
            return null;
        }
        String[] parts = lambdaArn.split(":");
        if (parts.length >= 7 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].equals("function")) {
            return parts[6];
        }
        return lambdaArn;
    }
}
