package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.strongroom.local.secrets.SecretFinder.requireNotDeleted;

/**
 * RotateSecret and CancelRotateSecret: a secret's rotation configuration, and the start of a
 * rotation that {@link Rotations} then runs, after the answer, as AWS does.
 */
final class SecretRotation {

    private final SecretParts parts;
    private final Rotations rotations;

    SecretRotation(SecretParts parts) {
        this.parts = parts;
        this.rotations = parts.rotations();
    }

    /** What RotateSecret decided in its transaction: the run to hand to a worker, if any. */
    private record Started(SecretRecord secret, String token, boolean run, boolean testOnly) {}

    SdkPojo rotateSecret(RequestContext ctx, RotateSecretRequest r) {
        Validation.secretId(r.secretId());
        Validation.clientRequestToken(r.clientRequestToken());
        Validation.length(r.rotationLambdaARN(), "rotationLambdaARN", 0, 2048);
        String rules = RotationRules.toJson(RotationRules.validated(r.rotationRules()));
        boolean immediately = !Boolean.FALSE.equals(r.rotateImmediately());
        Instant now = ctx.now();
        Started started = parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "RotateSecret");
            requireNotDeleted(s);
            String functionArn = r.rotationLambdaARN() != null ? r.rotationLambdaARN() : s.rotationLambdaArn();
            if (functionArn == null) {
                throw AwsException.invalidRequest("No Lambda rotation function ARN is associated with this secret.");
            }
            if (r.rotationLambdaARN() != null) {
                requireFunction(ctx, s, r.rotationLambdaARN());
            }
            String token = r.clientRequestToken() != null ? r.clientRequestToken() : UUID.randomUUID().toString();
            Optional<RotationRuns.Run> running = RotationRuns.runningFor(rows.connection(), s.arn());
            if (running.isPresent() && running.get().token().equals(token)) {
                return new Started(s, token, false, false);         // the same request again: that rotation is running
            }
            if (running.isPresent() || Rotations.pendingToken(rows, s.arn()).isPresent()) {
                throw AwsException.invalidRequest("A previous rotation isn't complete. That rotation will be reattempted.");
            }
            String newRules = rules != null ? rules : s.rotationRules();
            SecretRecord configured = s.toBuilder()
                    .rotationEnabled(true)
                    .rotationLambdaArn(functionArn)
                    .rotationRules(newRules)
                    .nextRotationAt(RotationRules.nextAfterRotation(newRules, s.lastRotatedAt() != null ? s.lastRotatedAt() : now))
                    .lastChangedAt(now)
                    .build();
            rows.updateSecret(configured);
            rotations.begin(rows, s.arn(), token, functionArn, now);
            return new Started(configured, token, true, !immediately);
        });
        if (started.run()) {
            rotations.submit(started.secret().arn(), started.token(), started.testOnly());
        }
        return RotateSecretResponse.builder().arn(started.secret().arn()).name(started.secret().name())
                .versionId(started.testOnly() ? null : started.token()).build();
    }

    /** A RotationLambdaARN must name a function of ours in the secret's account and region, which the caller may invoke. */
    private void requireFunction(RequestContext ctx, SecretRecord s, String arn) {
        if (rotations.functions().resolve(arn, s.accountId(), s.region()).isEmpty()) {
            Optional<RotationFunctions.FunctionArn> parsed = RotationFunctions.parse(arn);
            if (parsed.isEmpty()) {
                throw AwsException.invalidParameter("The RotationLambdaARN " + arn + " is not a Lambda function ARN.");
            }
            throw AwsException.accessDenied("Secrets Manager cannot invoke the specified Lambda function. "
                    + "Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.");
        }
        ctx.authorize("lambda:InvokeFunction", AccessTarget.resource(arn, s.accountId(), null, Map.of()));
    }

    SdkPojo cancelRotateSecret(RequestContext ctx, CancelRotateSecretRequest r) {
        Validation.secretId(r.secretId());
        Instant now = ctx.now();
        return parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "CancelRotateSecret");
            requireNotDeleted(s);
            Optional<String> pending = Rotations.pendingToken(rows, s.arn());
            Optional<RotationRuns.Run> running = RotationRuns.runningFor(rows.connection(), s.arn());
            if (running.isPresent()) {
                RotationRuns.end(rows.connection(), s.arn(), running.get().token(), RotationRuns.ABANDONED,
                        "Rotation was cancelled (CancelRotateSecret).", now);
            }
            rows.updateSecret(s.toBuilder().rotationEnabled(false).nextRotationAt(null).lastChangedAt(now).build());
            return CancelRotateSecretResponse.builder().arn(s.arn()).name(s.name()).versionId(pending.orElse(null)).build();
        });
    }
}
