package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.RotationState;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.ui.common.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One of the three repairs of an unfinished rotation, as the exact calls it makes, in order.
 * A repair that does not apply to the secret as it stands carries the reason instead of running.
 *
 * @param unavailable why the repair cannot run now (no AWSPENDING to act on, say), or null
 */
public record RepairPlan(Repair repair, List<RepairCall> calls, String unavailable) {

    /** The repairs an operator would otherwise do by hand. */
    public enum Repair {
        /** Remove AWSPENDING from the unfinished version, then RotateSecret again. */
        RETRY,
        /** After a test of the pending value: AWSCURRENT to the pending version, then remove AWSPENDING. */
        PROMOTE,
        /** Only remove AWSPENDING from the unfinished version. */
        DISCARD
    }

    public RepairPlan {
        Objects.requireNonNull(repair, "repair");
        calls = List.copyOf(calls);
    }

    public boolean available() {
        return unavailable == null;
    }

    /** This plan, unable to run for {@code reason}. */
    public RepairPlan unavailable(String reason) {
        return new RepairPlan(repair, calls, reason);
    }

    /**
     * Retry, Promote and Discard for the secret as it stands ({@code state} null: not read yet),
     * each with its calls, or with why it does not apply: no repair while a rotation runs or when
     * nothing is unfinished; no Promote or Discard without AWSPENDING; no Retry without a function.
     *
     * @param retryFunction the function a Retry rotates with, or null for the secret's own
     */
    public static List<RepairPlan> all(RotationState state, SecretSummary secret, String retryFunction, Texts texts) {
        Scope scope = secret.scope();
        String arn = secret.arn();
        String pending = state == null ? null : state.pendingVersion();
        String current = secret.currentVersionId();
        RepairPlan retry = retry(scope, arn, pending, retryFunction);
        RepairPlan promote = pending != null && current != null ? promote(scope, arn, pending, current)
                : new RepairPlan(Repair.PROMOTE, List.of(), null);
        RepairPlan discard = pending != null ? discard(scope, arn, pending) : new RepairPlan(Repair.DISCARD, List.of(), null);
        String why = state == null ? texts.format("plan.notLoaded") : switch (state.status()) {
            case STUCK, FAILED -> null;
            case ROTATING -> texts.format("plan.rotating");
            default -> texts.format("plan.nothingToRepair");
        };
        if (why != null) {
            return List.of(retry.unavailable(why), promote.unavailable(why), discard.unavailable(why));
        }
        if (secret.rotation().lambdaArn() == null && retryFunction == null) {
            retry = retry.unavailable(texts.format("plan.noFunction"));
        }
        if (pending == null) {
            promote = promote.unavailable(texts.format("plan.nothingPending"));
            discard = discard.unavailable(texts.format("plan.nothingPending"));
        } else if (current == null) {
            promote = promote.unavailable(texts.format("plan.noCurrent"));
        }
        return List.of(retry, promote, discard);
    }

    /**
     * Retry: AWSPENDING off {@code pending} (when there is one), then RotateSecret at once, with
     * {@code functionArn} or, when null, the function the secret already has.
     */
    public static RepairPlan retry(Scope scope, String arn, String pending, String functionArn) {
        List<RepairCall> calls = new ArrayList<>();
        if (pending != null) {
            calls.add(RepairCall.of(removePending(scope, arn, pending)));
        }
        RotationSettings settings = functionArn == null ? RotationSettings.now()
                : new RotationSettings(functionArn, null, null, null, true);
        calls.add(RepairCall.of(new SecretMutation.Rotate(scope, arn, settings)));
        return new RepairPlan(Repair.RETRY, calls, null);
    }

    /** Promote: AWSCURRENT from {@code current} to {@code pending}, then AWSPENDING off {@code pending}. */
    public static RepairPlan promote(Scope scope, String arn, String pending, String current) {
        return new RepairPlan(Repair.PROMOTE, List.of(
                RepairCall.of(new SecretMutation.MoveStage(scope, arn, VersionSelector.AWSCURRENT, pending, current)),
                RepairCall.of(removePending(scope, arn, pending))), null);
    }

    /** Discard: AWSPENDING off {@code pending}, nothing else. */
    public static RepairPlan discard(Scope scope, String arn, String pending) {
        return new RepairPlan(Repair.DISCARD, List.of(RepairCall.of(removePending(scope, arn, pending))), null);
    }

    private static SecretMutation.MoveStage removePending(Scope scope, String arn, String pending) {
        return new SecretMutation.MoveStage(scope, arn, VersionSelector.AWSPENDING, null, pending);
    }
}
