package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.kms.KmsKey;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.strongroom.local.secrets.SecretFinder.RESOURCE_TYPE;
import static io.strongroom.local.secrets.SecretFinder.requireNotDeleted;
import static io.strongroom.local.secrets.SecretVersions.AWSCURRENT;
import static io.strongroom.local.secrets.SecretVersions.stagesOf;

/**
 * A secret's values: GetSecretValue, BatchGetSecretValue and PutSecretValue. A value read is
 * opened from its sealed version and noted as accessed; a value written is sealed into a new
 * version with the secret's KMS key.
 */
final class SecretValues {

    private final SecretParts parts;
    private final SecretListing listing;

    SecretValues(SecretParts parts) {
        this.parts = parts;
        this.listing = new SecretListing(parts);
    }

    SdkPojo getSecretValue(RequestContext ctx, GetSecretValueRequest r) {
        Validation.secretId(r.secretId());
        Validation.versionId(r.versionId(), "versionId");
        if (r.versionStage() != null) {
            Validation.length(r.versionStage(), "versionStage", 1, 256);
        }
        Map<String, List<String>> requested = new java.util.HashMap<>(2);
        if (r.versionStage() != null) {
            requested.put("secretsmanager:VersionStage", List.of(r.versionStage()));
        }
        if (r.versionId() != null) {
            requested.put("secretsmanager:VersionId", List.of(r.versionId()));
        }
        Retrieved got = parts.store().read(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "GetSecretValue", requested);
            return retrieve(ctx, rows, s, r.versionId(), r.versionStage());
        });
        noteAccess(got, ctx.now());
        GetSecretValueResponse.Builder b = GetSecretValueResponse.builder()
                .arn(got.secret.arn()).name(got.secret.name()).versionId(got.version.versionId())
                .versionStages(got.stages).createdDate(got.version.createdAt());
        if (got.value.isString()) {
            b.secretString(got.value.asString());
        } else {
            b.secretBinary(SdkBytes.fromByteArrayUnsafe(got.value.bytes()));
        }
        return b.build();
    }

    /** A value read out: the secret, the version, its labels and the plaintext. */
    private record Retrieved(SecretRecord secret, VersionRecord version, List<String> stages, SecretValue value) {}

    private Retrieved retrieve(RequestContext ctx, SecretStore.Rows rows, SecretRecord s, String versionId, String versionStage)
            throws SQLException {
        requireNotDeleted(s);
        VersionRecord version;
        if (versionId != null) {
            version = rows.version(s.arn(), versionId).orElseThrow(() -> SecretErrors.noValueAtVersion(versionId));
        } else {
            String stage = versionStage == null ? AWSCURRENT : versionStage;
            version = rows.versionAtStage(s.arn(), stage).orElseThrow(() -> SecretErrors.noValueAtStage(stage));
        }
        List<String> stages = stagesOf(rows.stages(s.arn()), version.versionId());
        if (versionId != null && versionStage != null && !stages.contains(versionStage)) {
            throw AwsException.invalidRequest("You provided a VersionStage that is not associated to the provided VersionId.");
        }
        parts.finder().requireKeyUse(ctx, s.arn(), version.kmsKeyArn(), "kms:Decrypt");
        return new Retrieved(s, version, stages, parts.finder().open(s.arn(), version));
    }

    /** LastAccessedDate is a date (AWS rounds it to the day), so at most one write per secret per day. */
    private void noteAccess(Retrieved got, Instant now) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        if (day.equals(got.secret.lastAccessedAt()) && day.equals(got.version.lastAccessedAt())) {
            return;
        }
        parts.store().write(rows -> {
            rows.touchAccessed(got.secret.arn(), got.version.versionId(), day);
            return null;
        });
    }

    SdkPojo batchGetSecretValue(RequestContext ctx, BatchGetSecretValueRequest r) {
        boolean byIds = r.hasSecretIdList() && !r.secretIdList().isEmpty();
        boolean byFilters = r.hasFilters() && !r.filters().isEmpty();
        if (byIds == byFilters) {
            throw SecretErrors.idsOrFilters();
        }
        Validation.range(r.maxResults(), "maxResults", 1, 20);
        List<SecretValueEntry> values = new ArrayList<>();
        List<APIErrorType> errors = new ArrayList<>();
        String nextToken = null;
        List<SecretRecord> targets = new ArrayList<>();
        List<String> requestedIds = new ArrayList<>();
        if (byIds) {
            Validator.check().size("secretIdList", r.secretIdList(), 20).orThrow();
            if (r.maxResults() != null) {
                throw SecretErrors.maxResultsNeedsFilters();
            }
            if (r.nextToken() != null) {
                throw AwsException.invalidParameter("NextToken applies only when you use Filters.");    // our wording
            }
            for (String id : r.secretIdList()) {
                Validation.secretId(id);
                try {
                    SecretRecord s = parts.finder().find(ctx, id, "GetSecretValue");
                    targets.add(s);
                    requestedIds.add(id);
                } catch (AwsException e) {
                    errors.add(error(id, e));
                }
            }
        } else {
            ctx.authorize("secretsmanager:ListSecrets", AccessTarget.anyResourceOf(ctx.accountId()));
            int max = r.maxResults() == null ? 20 : r.maxResults();
            SecretFilter filter = SecretFilter.of(r.filters());
            SecretListing.Listing page = listing.list(ctx, "BatchGetSecretValue", List.of(filter.canonical()), filter, false, true,
                    max, r.nextToken());
            for (SecretRecord s : page.secrets()) {
                try {
                    parts.store().read(rows -> {
                        ctx.authorize("secretsmanager:GetSecretValue", parts.finder().target(ctx, rows, s, Map.of()));
                        return null;
                    });
                    targets.add(s);
                    requestedIds.add(s.arn());
                } catch (AwsException e) {
                    errors.add(error(s.arn(), e));
                }
            }
            nextToken = page.nextToken();
        }
        for (int i = 0; i < targets.size(); i++) {
            SecretRecord s = targets.get(i);
            try {
                Retrieved got = parts.store().read(rows -> retrieve(ctx, rows, s, null, null));
                noteAccess(got, ctx.now());
                ctx.touched(RESOURCE_TYPE, s.arn());
                ctx.alsoRecord("GetSecretValue", true, RESOURCE_TYPE, s.arn());     // as AWS: one event per secret read
                SecretValueEntry.Builder e = SecretValueEntry.builder().arn(s.arn()).name(s.name())
                        .versionId(got.version.versionId()).versionStages(got.stages).createdDate(got.version.createdAt());
                if (got.value.isString()) {
                    e.secretString(got.value.asString());
                } else {
                    e.secretBinary(SdkBytes.fromByteArrayUnsafe(got.value.bytes()));
                }
                values.add(e.build());
            } catch (AwsException e) {
                errors.add(error(requestedIds.get(i), e));
            }
        }
        return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors).nextToken(nextToken).build();
    }

    /** One secret a batch could not read, as BatchGetSecretValue reports it beside the values it read. */
    private static APIErrorType error(String secretId, AwsException e) {
        return APIErrorType.builder().secretId(secretId).errorCode(e.code()).message(e.getMessage()).build();
    }

    SdkPojo putSecretValue(RequestContext ctx, PutSecretValueRequest r) {
        Validation.secretId(r.secretId());
        Validation.clientRequestToken(r.clientRequestToken());
        SecretValue value = Validation.value(r.secretString(), r.secretBinary(), true);
        List<String> labels = r.hasVersionStages() ? r.versionStages() : List.of(AWSCURRENT);
        SecretVersions.validateLabels(labels);
        String versionId = r.clientRequestToken() != null ? r.clientRequestToken() : UUID.randomUUID().toString();
        SecretRecord target = parts.finder().find(ctx, r.secretId(), "PutSecretValue");
        KmsKey key = parts.finder().encryptionKey(ctx, target.accountId(), target.kmsKeyRef());
        parts.finder().requireKeyUse(ctx, target.arn(), key.arn(), "kms:GenerateDataKey");
        String[] abandoned = new String[1];
        SdkPojo answer = parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "PutSecretValue");
            requireNotDeleted(s);
            Optional<VersionRecord> existing = rows.version(s.arn(), versionId);
            if (existing.isPresent()) {
                if (!parts.finder().open(s.arn(), existing.get()).sameAs(value)) {
                    throw SecretErrors.tokenInUse(versionId, s.arn());
                }
                return PutSecretValueResponse.builder().arn(s.arn()).name(s.name()).versionId(versionId)
                        .versionStages(stagesOf(rows.stages(s.arn()), versionId)).build();
            }
            List<String> attach = labels;
            if (!labels.contains(AWSCURRENT) && !rows.stages(s.arn()).containsKey(AWSCURRENT)) {
                attach = new ArrayList<>(labels);       // the first version of a secret is always AWSCURRENT
                attach.add(AWSCURRENT);
            }
            abandoned[0] = SecretVersions.addVersion(rows, s, parts.finder().seal(key, s.arn(), versionId, value, ctx.now()), attach,
                    ctx.now()).orElse(null);
            return PutSecretValueResponse.builder().arn(s.arn()).name(s.name()).versionId(versionId)
                    .versionStages(stagesOf(rows.stages(s.arn()), versionId)).build();
        });
        if (abandoned[0] != null) {
            parts.rotations().abandonedByHand(target, abandoned[0]);
        }
        return answer;
    }
}
