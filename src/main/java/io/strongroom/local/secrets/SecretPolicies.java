package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.policy.Finding;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.policy.PublicAccess;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidationErrorsEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * A secret's resource-based policy: PutResourcePolicy (refusing a document the grammar refuses,
 * and with BlockPublicPolicy one that grants broad access), GetResourcePolicy (no
 * {@code ResourcePolicy} member when there is none, as AWS answers) and DeleteResourcePolicy. The
 * stored policy is enforced on every later request for the secret ({@link SecretFinder#find}).
 * ValidateResourcePolicy checks a document the way PutResourcePolicy will: its grammar (the {@code local.policy} parser, whose findings carry
 * Access Analyzer's issue codes) and whether it grants broad access, as BlockPublicPolicy refuses.
 *
 * <p>AWS documents the shape of a validation error ({@code CheckName}, {@code ErrorMessage}) but
 * not the names of its checks: a grammar error is named by its Access Analyzer issue code
 * ({@code MISSING_EFFECT}, {@code JSON_SYNTAX_ERROR}…) and broad access by {@link #BROAD_ACCESS},
 * so a console can show them beside Access Analyzer's own findings.
 */
final class SecretPolicies {

    /** The largest policy Secrets Manager accepts, in characters. */
    static final int MAX_POLICY_LENGTH = 20_480;

    /** The check name of a policy that grants access to everyone. */
    static final String BROAD_ACCESS = "BROAD_ACCESS";

    private final SecretParts parts;

    SecretPolicies(SecretParts parts) {
        this.parts = parts;
    }

    GetResourcePolicyResponse getResourcePolicy(RequestContext ctx, GetResourcePolicyRequest r) {
        Validation.secretId(r.secretId());
        SecretRecord s = parts.finder().find(ctx, r.secretId(), "GetResourcePolicy");
        SecretFinder.requireNotDeleted(s);
        return GetResourcePolicyResponse.builder().arn(s.arn()).name(s.name()).resourcePolicy(s.resourcePolicy()).build();
    }

    PutResourcePolicyResponse putResourcePolicy(RequestContext ctx, PutResourcePolicyRequest r) {
        Validation.secretId(r.secretId());
        String text = Validation.required(r.resourcePolicy(), "resourcePolicy");
        Validation.length(text, "resourcePolicy", 1, MAX_POLICY_LENGTH);
        return parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "PutResourcePolicy");
            SecretFinder.requireNotDeleted(s);
            ParsedPolicy parsed = PolicyParser.parse(text, PolicyType.RESOURCE_POLICY);
            if (!parsed.valid()) {
                Finding first = parsed.errors().isEmpty() ? null : parsed.errors().get(0);
                throw SecretErrors.malformedPolicy(first == null ? "the document is not a policy."
                        : (first.location().isEmpty() ? "" : first.location() + ": ") + first.message());
            }
            if (Boolean.TRUE.equals(r.blockPublicPolicy()) && PublicAccess.principalIsPublic(parsed.document())) {
                throw SecretErrors.publicPolicy();
            }
            rows.updateSecret(s.toBuilder().resourcePolicy(text).lastChangedAt(ctx.now()).build());
            return PutResourcePolicyResponse.builder().arn(s.arn()).name(s.name()).build();
        });
    }

    DeleteResourcePolicyResponse deleteResourcePolicy(RequestContext ctx, DeleteResourcePolicyRequest r) {
        Validation.secretId(r.secretId());
        return parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "DeleteResourcePolicy");
            SecretFinder.requireNotDeleted(s);
            if (s.resourcePolicy() != null) {
                rows.updateSecret(s.toBuilder().resourcePolicy(null).lastChangedAt(ctx.now()).build());
            }
            return DeleteResourcePolicyResponse.builder().arn(s.arn()).name(s.name()).build();
        });
    }

    ValidateResourcePolicyResponse validateResourcePolicy(RequestContext ctx, ValidateResourcePolicyRequest r) {
        String text = Validation.required(r.resourcePolicy(), "resourcePolicy");
        Validation.length(text, "resourcePolicy", 1, MAX_POLICY_LENGTH);
        if (r.secretId() != null) {
            Validation.secretId(r.secretId());
            parts.store().read(rows -> {
                SecretFinder.requireNotDeleted(parts.finder().find(rows, ctx, r.secretId(), "ValidateResourcePolicy"));
                return null;
            });
        } else {
            ctx.authorize("secretsmanager:ValidateResourcePolicy", AccessTarget.anyResourceOf(ctx.accountId()));
        }
        List<ValidationErrorsEntry> errors = new ArrayList<>();
        ParsedPolicy parsed = PolicyParser.parse(text, PolicyType.RESOURCE_POLICY);
        for (Finding f : parsed.errors()) {
            errors.add(entry(f.issueCode(), f.location().isEmpty() ? f.message() : f.location() + ": " + f.message()));
        }
        if (parsed.document() != null && PublicAccess.principalIsPublic(parsed.document())) {
            errors.add(entry(BROAD_ACCESS, "The policy grants access to every principal (\"Principal\": \"*\") "
                    + "without a condition that narrows it: anyone with an AWS account could use the secret."));
        }
        return ValidateResourcePolicyResponse.builder().policyValidationPassed(errors.isEmpty()).validationErrors(errors).build();
    }

    private static ValidationErrorsEntry entry(String check, String message) {
        return ValidationErrorsEntry.builder().checkName(check).errorMessage(message).build();
    }
}
