package io.strongroom.local.secrets;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.Authorizer;
import io.strongroom.local.kms.KmsKey;
import io.strongroom.local.kms.KmsKeys;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Secrets Manager API (JSON 1.1, {@code X-Amz-Target: secretsmanager.<Operation>}) with
 * AWS's semantics and error codes. Every mutating operation runs in one database transaction,
 * so a refused request changes nothing.
 */
public final class SecretsManagerApi {

    static final String AWSCURRENT = "AWSCURRENT";
    static final String AWSPREVIOUS = "AWSPREVIOUS";
    static final String AWSPENDING = "AWSPENDING";
    static final String RESOURCE_TYPE = "AWS::SecretsManager::Secret";

    /** Deprecated versions kept before the oldest are removed; none younger than a day is removed. */
    static final int MAX_DEPRECATED_VERSIONS = 100;
    static final int MAX_TAGS = 50;
    static final int MAX_LABELS_PER_VERSION = 20;
    /** What the fields of an ARN may hold: {@code aws}, {@code aws-cn}…; lower-case words and digits joined by hyphens; 12 digits. */
    private static final Pattern ARN_PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern ARN_REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ARN_ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecretStore store;
    private final KmsKeys keys;
    private final Authorizer authorizer;
    private final PageTokens tokens = new PageTokens();
    private final SecretTagging tagging;

    public SecretsManagerApi(SecretStore store, KmsKeys keys) {
        this(store, keys, new Authorizer());
    }

    /**
     * @param authorizer decides the permissions an operation needs beyond the one the pipeline
     *                   checked: TagResource for CreateSecret with tags, GetSecretValue on each
     *                   secret a BatchGetSecretValue reads, ListSecrets for a batch by filters
     */
    public SecretsManagerApi(SecretStore store, KmsKeys keys, Authorizer authorizer) {
        this.store = store;
        this.keys = keys;
        this.authorizer = authorizer;
        this.tagging = new SecretTagging(store, this::find);
    }

    public JsonService service() {
        return JsonService.builder("secretsmanager", "secretsmanager", "secretsmanager.amazonaws.com")
                .quota("secretsmanager:read")
                .read("DescribeSecret", DescribeSecretRequest::builder, this::describeSecret)
                .read("GetSecretValue", GetSecretValueRequest::builder, this::getSecretValue)
                .quota("secretsmanager:list")
                .read("ListSecrets", ListSecretsRequest::builder, this::listSecrets)
                .read("ListSecretVersionIds", ListSecretVersionIdsRequest::builder, this::listSecretVersionIds)
                .quota("secretsmanager:batch")
                .read("BatchGetSecretValue", BatchGetSecretValueRequest::builder, this::batchGetSecretValue)
                .quota("secretsmanager:create")
                .write("CreateSecret", CreateSecretRequest::builder, this::createSecret)
                .quota("secretsmanager:write")
                .write("PutSecretValue", PutSecretValueRequest::builder, this::putSecretValue)
                .write("UpdateSecret", UpdateSecretRequest::builder, this::updateSecret)
                .write("UpdateSecretVersionStage", UpdateSecretVersionStageRequest::builder, this::updateSecretVersionStage)
                .write("ReplicateSecretToRegions", ReplicateSecretToRegionsRequest::builder,
                        (c, r) -> lookedUpThenNotYet(c, r.secretId(), "ReplicateSecretToRegions"))
                .write("RemoveRegionsFromReplication", RemoveRegionsFromReplicationRequest::builder,
                        (c, r) -> lookedUpThenNotYet(c, r.secretId(), "RemoveRegionsFromReplication"))
                .write("StopReplicationToReplica", StopReplicationToReplicaRequest::builder,
                        (c, r) -> lookedUpThenNotYet(c, r.secretId(), "StopReplicationToReplica"))
                .quota("secretsmanager:delete")
                .write("DeleteSecret", DeleteSecretRequest::builder, this::deleteSecret)
                .quota("secretsmanager:restore")
                .write("RestoreSecret", RestoreSecretRequest::builder, this::restoreSecret)
                .quota("secretsmanager:tag")
                .write("TagResource", TagResourceRequest::builder, tagging::tagResource)
                .write("UntagResource", UntagResourceRequest::builder, tagging::untagResource)
                .quota("secretsmanager:other")
                .read("GetRandomPassword", GetRandomPasswordRequest::builder, this::getRandomPassword)
                .quota("secretsmanager:rotate")
                .write("RotateSecret", RotateSecretRequest::builder, (c, r) -> lookedUpThenNotYet(c, r.secretId(), "RotateSecret"))
                .write("CancelRotateSecret", CancelRotateSecretRequest::builder,
                        (c, r) -> lookedUpThenNotYet(c, r.secretId(), "CancelRotateSecret"))
                .quota("secretsmanager:policy")
                .read("GetResourcePolicy", GetResourcePolicyRequest::builder, (c, r) -> lookedUpThenNotYet(c, r.secretId(), "GetResourcePolicy"))
                .write("PutResourcePolicy", PutResourcePolicyRequest::builder, (c, r) -> lookedUpThenNotYet(c, r.secretId(), "PutResourcePolicy"))
                .write("DeleteResourcePolicy", DeleteResourcePolicyRequest::builder,
                        (c, r) -> lookedUpThenNotYet(c, r.secretId(), "DeleteResourcePolicy"))
                .read("ValidateResourcePolicy", ValidateResourcePolicyRequest::builder,
                        (c, r) -> r.secretId() == null ? notYet("ValidateResourcePolicy") : lookedUpThenNotYet(c, r.secretId(), "ValidateResourcePolicy"))
                .build();
    }

    /** Operations a later release adds: refused cleanly, never with a 5xx. */
    private static SdkPojo notYet(String operation) {
        throw new AwsException("InvalidRequestException", 400, operation + " is not supported by this Strongroom embedded store yet.");
    }

    /**
     * Operations on one secret that a later release adds (rotation, replication, resource
     * policies: issue 10) still look the secret up first, as AWS does: a missing secret is
     * ResourceNotFoundException and one marked for deletion is refused as such. An existing secret
     * gets "not supported"; storing policy text that nothing enforces yet would mislead.
     */
    private SdkPojo lookedUpThenNotYet(RequestContext ctx, String secretId, String operation) {
        Validation.secretId(secretId);
        store.read(rows -> {
            requireNotDeleted(find(rows, ctx, secretId, operation));
            return null;
        });
        return notYet(operation);
    }

    // ---- Create -------------------------------------------------------------------------------

    private SdkPojo createSecret(RequestContext ctx, CreateSecretRequest r) {
        Validation.secretName(r.name());
        Validation.clientRequestToken(r.clientRequestToken());
        Validation.description(r.description());
        Validation.kmsKeyId(r.kmsKeyId());
        SecretValue value = Validation.value(r.secretString(), r.secretBinary(), false);
        List<SecretStore.Tag> tags = SecretTagging.validTags(r.tags());
        if (tags.size() > MAX_TAGS) {
            throw AwsException.invalidParameter("A secret can have at most " + MAX_TAGS + " tags.");
        }
        if (!tags.isEmpty()) {
            authorizer.authorize(ctx.caller(), "secretsmanager:TagResource", null);    // as AWS requires for tags on create
        }
        if (r.hasAddReplicaRegions() && !r.addReplicaRegions().isEmpty()) {
            if (r.addReplicaRegions().stream().anyMatch(rr -> ctx.region().equals(rr.region()))) {
                throw SecretErrors.replicaInOwnRegion();
            }
            notYet("Replication (AddReplicaRegions)");
        }
        String versionId = r.clientRequestToken() != null ? r.clientRequestToken() : UUID.randomUUID().toString();
        Instant now = ctx.now();
        KmsKey key = value == null ? null : encryptionKey(ctx, r.kmsKeyId());
        if (value == null && r.kmsKeyId() != null) {
            encryptionKey(ctx, r.kmsKeyId());       // an unknown key is refused even without a value
        }

        String arn = "arn:aws:secretsmanager:" + ctx.region() + ":" + ctx.accountId() + ":secret:" + r.name() + "-" + randomSuffix();
        return store.write(rows -> {
            Optional<SecretRecord> existing = rows.byName(ctx.accountId(), ctx.region(), r.name());
            if (existing.isPresent()) {
                SecretRecord s = existing.get();
                ctx.touched(RESOURCE_TYPE, s.arn());
                if (s.scheduledForDeletion()) {
                    throw AwsException.invalidRequest("You can't create this secret because a secret with this name is already scheduled for deletion.");
                }
                Optional<VersionRecord> same = rows.version(s.arn(), versionId);
                if (same.isPresent() && value != null) {
                    if (!open(s.arn(), same.get()).sameAs(value)) {
                        throw SecretErrors.tokenInUse(versionId, s.arn());
                    }
                    return CreateSecretResponse.builder().arn(s.arn()).name(s.name()).versionId(versionId).build();
                }
                throw AwsException.resourceExists("The operation failed because the secret " + r.name() + " already exists.");
            }
            SecretRecord secret = SecretRecord.builder()
                    .arn(arn).accountId(ctx.accountId()).region(ctx.region())
                    .name(r.name()).description(r.description()).kmsKeyRef(r.kmsKeyId())
                    .createdAt(now).lastChangedAt(now)
                    .build();
            rows.insertSecret(secret);
            rows.putTags(arn, tags);
            ctx.touched(RESOURCE_TYPE, arn);
            if (value == null) {
                return CreateSecretResponse.builder().arn(arn).name(r.name()).build();
            }
            rows.insertVersion(arn, seal(key, arn, versionId, value, now));
            rows.setStage(arn, AWSCURRENT, versionId);
            return CreateSecretResponse.builder().arn(arn).name(r.name()).versionId(versionId).build();
        });
    }

    // ---- Read ---------------------------------------------------------------------------------

    private SdkPojo describeSecret(RequestContext ctx, DescribeSecretRequest r) {
        Validation.secretId(r.secretId());
        return store.read(rows -> {
            SecretRecord s = find(rows, ctx, r.secretId(), "DescribeSecret");
            Map<String, String> stages = rows.stages(s.arn());
            List<SecretStore.Tag> tags = rows.tags(s.arn());
            DescribeSecretResponse.Builder b = DescribeSecretResponse.builder()
                    .arn(s.arn()).name(s.name()).description(s.description()).kmsKeyId(s.kmsKeyRef())
                    .lastChangedDate(s.lastChangedAt()).lastAccessedDate(s.lastAccessedAt()).deletedDate(s.deletionAt())
                    .createdDate(s.createdAt()).owningService(s.owningService()).primaryRegion(s.primaryRegion())
                    .versionIdsToStages(versionsToStages(stages));
            rotation(s, b::rotationEnabled, b::rotationLambdaARN, b::lastRotatedDate, b::nextRotationDate);
            if (!tags.isEmpty() || rows.tagsChanged(s.arn())) {
                b.tags(sdkTags(tags));      // AWS: absent on a secret never tagged, [] once its last tag is removed
            }
            return b.build();
        });
    }

    private SdkPojo getSecretValue(RequestContext ctx, GetSecretValueRequest r) {
        Validation.secretId(r.secretId());
        Validation.versionId(r.versionId(), "versionId");
        if (r.versionStage() != null) {
            Validation.length(r.versionStage(), "versionStage", 1, 256);
        }
        Retrieved got = store.read(rows -> {
            SecretRecord s = find(rows, ctx, r.secretId(), "GetSecretValue");
            return retrieve(rows, s, r.versionId(), r.versionStage());
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

    /** The store's {@link SecretStore#seal}, its failure answered as AWS does (EncryptionFailure). */
    private VersionRecord seal(KmsKey key, String arn, String versionId, SecretValue value, Instant now) {
        try {
            return store.seal(key, arn, versionId, value, now);
        } catch (SealingException e) {
            throw SecretErrors.sealing(e);
        }
    }

    /** The store's {@link SecretStore#open}, its failure answered as AWS does (DecryptionFailure). */
    private SecretValue open(String arn, VersionRecord version) {
        try {
            return store.open(arn, version);
        } catch (SealingException e) {
            throw SecretErrors.sealing(e);
        }
    }

    private Retrieved retrieve(SecretStore.Rows rows, SecretRecord s, String versionId, String versionStage) throws SQLException {
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
        return new Retrieved(s, version, stages, open(s.arn(), version));
    }

    /** LastAccessedDate is a date (AWS rounds it to the day), so at most one write per secret per day. */
    private void noteAccess(Retrieved got, Instant now) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        if (day.equals(got.secret.lastAccessedAt()) && day.equals(got.version.lastAccessedAt())) {
            return;
        }
        store.write(rows -> {
            rows.touchAccessed(got.secret.arn(), got.version.versionId(), day);
            return null;
        });
    }

    private SdkPojo batchGetSecretValue(RequestContext ctx, BatchGetSecretValueRequest r) {
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
                    SecretRecord s = store.read(rows -> find(rows, ctx, id, "GetSecretValue"));
                    authorizer.authorize(ctx.caller(), "secretsmanager:GetSecretValue", s.arn());
                    targets.add(s);
                    requestedIds.add(id);
                } catch (AwsException e) {
                    errors.add(APIErrorType.builder().secretId(id).errorCode(e.code()).message(e.getMessage()).build());
                }
            }
        } else {
            authorizer.authorize(ctx.caller(), "secretsmanager:ListSecrets", null);
            int max = r.maxResults() == null ? 20 : r.maxResults();
            SecretFilter filter = SecretFilter.of(r.filters());
            Listing listing = list(ctx, "BatchGetSecretValue", List.of(filter.canonical()), filter, false, true, max, r.nextToken());
            for (SecretRecord s : listing.secrets) {
                try {
                    authorizer.authorize(ctx.caller(), "secretsmanager:GetSecretValue", s.arn());
                    targets.add(s);
                    requestedIds.add(s.arn());
                } catch (AwsException e) {
                    errors.add(APIErrorType.builder().secretId(s.arn()).errorCode(e.code()).message(e.getMessage()).build());
                }
            }
            nextToken = listing.nextToken;
        }
        for (int i = 0; i < targets.size(); i++) {
            SecretRecord s = targets.get(i);
            try {
                Retrieved got = store.read(rows -> retrieve(rows, s, null, null));
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
                errors.add(APIErrorType.builder().secretId(requestedIds.get(i)).errorCode(e.code()).message(e.getMessage()).build());
            }
        }
        return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors).nextToken(nextToken).build();
    }

    // ---- List ---------------------------------------------------------------------------------

    private SdkPojo listSecrets(RequestContext ctx, ListSecretsRequest r) {
        Validation.range(r.maxResults(), "maxResults", 1, 100);
        SecretSort.validate(r);
        // Without SortBy AWS lists by CreatedDate; without SortOrder this store lists ascending
        // (oldest first); AWS does not document the default direction.
        boolean ascending = r.sortOrder() != SortOrderType.DESC;
        SecretSort sort = SecretSort.of(r.sortBy());
        boolean includeDeleted = Boolean.TRUE.equals(r.includePlannedDeletion());
        int max = r.maxResults() == null ? 100 : r.maxResults();
        SecretFilter filter = SecretFilter.of(r.filters());
        List<String> binding = List.of(filter.canonical(), String.valueOf(includeDeleted), ascending ? "asc" : "desc", sort.wire());
        Listing listing = sort == SecretSort.CREATED_DATE
                ? list(ctx, "ListSecrets", binding, filter, includeDeleted, ascending, max, r.nextToken())
                : sortedListing(ctx, binding, filter, includeDeleted, sort, ascending, max, r.nextToken());
        List<String> arns = listing.secrets.stream().map(SecretRecord::arn).toList();
        Map<String, Map<String, String>> stages = store.read(rows -> rows.stages(arns));
        Map<String, List<SecretStore.Tag>> tags = listing.tags != null ? listing.tags : store.read(rows -> rows.tags(arns));
        List<SecretListEntry> entries = new ArrayList<>(listing.secrets.size());
        for (SecretRecord s : listing.secrets) {
            SecretListEntry.Builder b = SecretListEntry.builder()
                    .arn(s.arn()).name(s.name()).description(s.description()).kmsKeyId(s.kmsKeyRef())
                    .lastChangedDate(s.lastChangedAt()).lastAccessedDate(s.lastAccessedAt()).deletedDate(s.deletionAt())
                    .createdDate(s.createdAt()).owningService(s.owningService()).primaryRegion(s.primaryRegion())
                    .secretVersionsToStages(versionsToStages(stages.getOrDefault(s.arn(), Map.of())));
            rotation(s, b::rotationEnabled, b::rotationLambdaARN, b::lastRotatedDate, b::nextRotationDate);
            List<SecretStore.Tag> t = tags.get(s.arn());
            if (t != null) {
                b.tags(sdkTags(t));
            }
            entries.add(b.build());
        }
        return ListSecretsResponse.builder().secretList(entries).nextToken(listing.nextToken).build();
    }

    private record Listing(List<SecretRecord> secrets, Map<String, List<SecretStore.Tag>> tags, String nextToken) {}

    /** ListSecrets under a SortBy other than CreatedDate: see {@link SortedListing}. */
    private Listing sortedListing(RequestContext ctx, List<String> binding, SecretFilter filter, boolean includeDeleted,
                                  SecretSort sort, boolean ascending, int max, String token) {
        SecretSort.Position after = token == null ? null : SecretSort.Position.parse(sort, tokens.open(ctx, "ListSecrets", binding, token));
        SortedListing.Page page = store.read(rows -> SortedListing.read(rows, ctx.accountId(), ctx.region(),
                s -> inScope(s, ctx) && (includeDeleted || !s.scheduledForDeletion()) && !dueForDeletion(s, ctx.now()),
                filter, sort, ascending, after, max));
        String next = page.more()
                ? tokens.issue(ctx, "ListSecrets", binding, sort.position(page.secrets().get(page.secrets().size() - 1)).encode())
                : null;
        return new Listing(page.secrets(), page.tags(), next);
    }

    /**
     * Keyset paging over (created date, ARN) with the filters applied while scanning, so a narrow
     * filter over a large estate returns full pages without materializing everything. Tokens are
     * bound to {@code operation}, the caller's scope and {@code binding}: the parameters besides
     * the page size that decide what is listed.
     */
    private Listing list(RequestContext ctx, String operation, List<String> binding, SecretFilter filter, boolean includeDeleted,
                         boolean ascending, int max, String token) {
        Cursor cursor = token == null ? null : Cursor.parse(tokens.open(ctx, operation, binding, token));
        return store.read(rows -> {
            List<SecretRecord> out = new ArrayList<>(max);
            Map<String, List<SecretStore.Tag>> tagsOut = new LinkedHashMap<>();
            Long afterCreated = cursor == null ? null : cursor.createdAt;
            String afterArn = cursor == null ? null : cursor.arn;
            boolean more = false;
            while (true) {
                int chunk = Math.max(max * 2, 200);
                List<SecretRecord> batch = rows.page(ctx.accountId(), ctx.region(), ascending, afterCreated, afterArn, chunk);
                Map<String, List<SecretStore.Tag>> tags = filter.needsTags()
                        ? rows.tags(batch.stream().map(SecretRecord::arn).toList()) : null;
                for (int i = 0; i < batch.size(); i++) {
                    SecretRecord s = batch.get(i);
                    afterCreated = s.createdAt().toEpochMilli();
                    afterArn = s.arn();
                    if (!inScope(s, ctx)) {
                        continue;       // the query is scoped already; a row of another scope is never listed
                    }
                    if ((!includeDeleted && s.scheduledForDeletion()) || dueForDeletion(s, ctx.now())) {
                        continue;
                    }
                    List<SecretStore.Tag> t = tags == null ? List.of() : tags.getOrDefault(s.arn(), List.of());
                    if (!filter.isEmpty() && !filter.matches(new SecretFilter.Subject(s.name(), s.description(), t,
                            s.primaryRegion(), s.owningService()))) {
                        continue;
                    }
                    if (out.size() == max) {
                        more = true;
                        break;
                    }
                    out.add(s);
                    if (tags != null) {
                        tagsOut.put(s.arn(), t);
                    }
                }
                if (more || batch.size() < chunk) {
                    break;
                }
            }
            String next = null;
            if (more) {
                SecretRecord last = out.get(out.size() - 1);
                next = tokens.issue(ctx, operation, binding, new Cursor(last.createdAt().toEpochMilli(), last.arn()).encode());
            }
            return new Listing(out, filter.needsTags() ? tagsOut : null, next);
        });
    }

    /** The paging position of a listing: the last secret returned. Travels inside a {@link PageTokens} token. */
    private record Cursor(long createdAt, String arn) {
        String encode() {
            return createdAt + "\n" + arn;
        }

        static Cursor parse(String state) {
            String[] parts = state.split("\n", -1);
            if (parts.length == 2) {
                try {
                    return new Cursor(Long.parseLong(parts[0]), parts[1]);
                } catch (NumberFormatException malformed) {
                    // refused below
                }
            }
            throw PageTokens.invalid();
        }
    }

    private SdkPojo listSecretVersionIds(RequestContext ctx, ListSecretVersionIdsRequest r) {
        Validation.secretId(r.secretId());
        Validation.range(r.maxResults(), "maxResults", 1, 100);
        int max = r.maxResults() == null ? 100 : r.maxResults();
        return store.read(rows -> {
            SecretRecord s = find(rows, ctx, r.secretId(), "ListSecretVersionIds");
            Map<String, String> stages = rows.stages(s.arn());
            List<SecretVersionsListEntry> all = new ArrayList<>();
            for (VersionRecord v : rows.versions(s.arn())) {
                List<String> labels = stagesOf(stages, v.versionId());
                if (labels.isEmpty() && !Boolean.TRUE.equals(r.includeDeprecated())) {
                    continue;
                }
                all.add(SecretVersionsListEntry.builder().versionId(v.versionId()).versionStages(labels)
                        .createdDate(v.createdAt()).lastAccessedDate(v.lastAccessedAt()).kmsKeyIds(v.kmsKeyArn()).build());
            }
            int from = 0;
            // Bound to the secret the SecretId names (however it is spelled), not to the spelling.
            List<String> binding = List.of(s.arn(), String.valueOf(Boolean.TRUE.equals(r.includeDeprecated())));
            if (r.nextToken() != null) {
                from = Math.min(all.size(), versionOffset(tokens.open(ctx, "ListSecretVersionIds", binding, r.nextToken())));
            }
            int to = (int) Math.min(all.size(), (long) from + max);
            String next = to < all.size() ? tokens.issue(ctx, "ListSecretVersionIds", binding, Integer.toString(to)) : null;
            return ListSecretVersionIdsResponse.builder().arn(s.arn()).name(s.name())
                    .versions(all.subList(from, to)).nextToken(next).build();
        });
    }

    private static int versionOffset(String state) {
        try {
            int offset = Integer.parseInt(state);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException malformed) {
            // refused below
        }
        throw PageTokens.invalid();
    }

    // ---- Write --------------------------------------------------------------------------------

    private SdkPojo putSecretValue(RequestContext ctx, PutSecretValueRequest r) {
        Validation.secretId(r.secretId());
        Validation.clientRequestToken(r.clientRequestToken());
        SecretValue value = Validation.value(r.secretString(), r.secretBinary(), true);
        List<String> labels = r.hasVersionStages() ? r.versionStages() : List.of(AWSCURRENT);
        validateLabels(labels);
        String versionId = r.clientRequestToken() != null ? r.clientRequestToken() : UUID.randomUUID().toString();
        SecretRecord target = store.read(rows -> find(rows, ctx, r.secretId(), "PutSecretValue"));
        KmsKey key = encryptionKey(ctx, target.kmsKeyRef());
        return store.write(rows -> {
            SecretRecord s = find(rows, ctx, r.secretId(), "PutSecretValue");
            requireNotDeleted(s);
            Optional<VersionRecord> existing = rows.version(s.arn(), versionId);
            if (existing.isPresent()) {
                if (!open(s.arn(), existing.get()).sameAs(value)) {
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
            addVersion(rows, s, seal(key, s.arn(), versionId, value, ctx.now()), attach, ctx.now());
            return PutSecretValueResponse.builder().arn(s.arn()).name(s.name()).versionId(versionId)
                    .versionStages(stagesOf(rows.stages(s.arn()), versionId)).build();
        });
    }

    private SdkPojo updateSecret(RequestContext ctx, UpdateSecretRequest r) {
        Validation.secretId(r.secretId());
        Validation.clientRequestToken(r.clientRequestToken());
        Validation.description(r.description());
        Validation.kmsKeyId(r.kmsKeyId());
        SecretValue value = Validation.value(r.secretString(), r.secretBinary(), false);
        String versionId = r.clientRequestToken() != null ? r.clientRequestToken() : UUID.randomUUID().toString();
        SecretRecord target = store.read(rows -> find(rows, ctx, r.secretId(), "UpdateSecret"));
        String keyRef = r.kmsKeyId() != null ? r.kmsKeyId() : target.kmsKeyRef();
        KmsKey key = encryptionKey(ctx, keyRef);
        boolean keyChanged = r.kmsKeyId() != null && !key.arn().equals(encryptionKeyArnOf(ctx, target.kmsKeyRef()));
        return store.write(rows -> {
            SecretRecord s = find(rows, ctx, r.secretId(), "UpdateSecret");
            requireNotDeleted(s);
            SecretRecord updated = s;
            if (r.description() != null) {
                updated = updated.withDescription(r.description());
            }
            if (r.kmsKeyId() != null) {
                updated = updated.withKmsKeyRef(r.kmsKeyId());
            }
            String newVersion = null;
            if (value != null) {
                Optional<VersionRecord> existing = rows.version(s.arn(), versionId);
                if (existing.isPresent()) {
                    if (!open(s.arn(), existing.get()).sameAs(value)) {
                        throw SecretErrors.tokenInUse(versionId, s.arn());
                    }
                } else {
                    addVersion(rows, updated, seal(key, s.arn(), versionId, value, ctx.now()), List.of(AWSCURRENT), ctx.now());
                }
                newVersion = versionId;
            }
            if (keyChanged) {
                // Labelled versions move to the new key; deprecated ones keep the key they were made with.
                Map<String, String> stages = rows.stages(s.arn());
                for (String vid : new HashSet<>(stages.values())) {
                    if (vid.equals(newVersion)) {
                        continue;
                    }
                    VersionRecord old = rows.version(s.arn(), vid).orElseThrow();
                    VersionRecord resealed = seal(key, s.arn(), vid, open(s.arn(), old), old.createdAt());
                    rows.replaceVersionCrypto(s.arn(), resealed);
                }
            }
            rows.updateSecret(updated.withLastChangedAt(ctx.now()));
            return UpdateSecretResponse.builder().arn(s.arn()).name(s.name()).versionId(newVersion).build();
        });
    }

    /**
     * Stores a new version and attaches its labels. Each label moves from wherever it was; when
     * AWSCURRENT moves, the version that had it becomes AWSPREVIOUS. Old unlabelled versions
     * beyond the limit are removed, oldest first, but never one younger than a day.
     */
    private void addVersion(SecretStore.Rows rows, SecretRecord s, VersionRecord version, List<String> labels, Instant now)
            throws SQLException {
        rows.insertVersion(s.arn(), version);
        for (String label : labels) {
            moveLabel(rows, s.arn(), label, version.versionId());
        }
        rows.updateSecret(s.withLastChangedAt(now));
        pruneDeprecated(rows, s.arn(), now);
    }

    private void moveLabel(SecretStore.Rows rows, String arn, String label, String toVersion) throws SQLException {
        Map<String, String> stages = rows.stages(arn);
        String from = stages.get(label);
        if (toVersion.equals(from)) {
            return;
        }
        if (stagesOf(stages, toVersion).size() >= MAX_LABELS_PER_VERSION) {
            throw AwsException.limitExceeded("A version can have at most " + MAX_LABELS_PER_VERSION + " staging labels.");
        }
        rows.setStage(arn, label, toVersion);
        if (AWSCURRENT.equals(label) && from != null) {
            rows.setStage(arn, AWSPREVIOUS, from);
        }
    }

    private void pruneDeprecated(SecretStore.Rows rows, String arn, Instant now) throws SQLException {
        Set<String> labelled = new HashSet<>(rows.stages(arn).values());
        List<VersionRecord> deprecated = rows.versions(arn).stream().filter(v -> !labelled.contains(v.versionId())).toList();
        int excess = deprecated.size() - MAX_DEPRECATED_VERSIONS;
        Instant youngest = now.minus(Duration.ofDays(1));
        for (int i = deprecated.size() - 1; i >= 0 && excess > 0; i--) {
            VersionRecord v = deprecated.get(i);        // newest first, so walk from the oldest
            if (v.createdAt().isBefore(youngest)) {
                rows.deleteVersion(arn, v.versionId());
                excess--;
            }
        }
        if (excess > 0) {
            throw AwsException.limitExceeded("You have exceeded the maximum number of versions for this secret; "
                    + "unlabelled versions younger than 24 hours cannot be removed yet. Try again later.");
        }
    }

    private SdkPojo updateSecretVersionStage(RequestContext ctx, UpdateSecretVersionStageRequest r) {
        Validation.secretId(r.secretId());
        Validation.stage(r.versionStage(), "versionStage");
        Validation.versionId(r.removeFromVersionId(), "removeFromVersionId");
        Validation.versionId(r.moveToVersionId(), "moveToVersionId");
        String label = r.versionStage();
        return store.write(rows -> {
            SecretRecord s = find(rows, ctx, r.secretId(), "UpdateSecretVersionStage");
            requireNotDeleted(s);
            Map<String, String> stages = rows.stages(s.arn());
            String current = stages.get(label);
            if (r.moveToVersionId() == null && r.removeFromVersionId() == null) {
                throw AwsException.invalidParameter("You must specify MoveToVersionId, RemoveFromVersionId, or both.");
            }
            if (r.moveToVersionId() != null && rows.version(s.arn(), r.moveToVersionId()).isEmpty()) {
                // Our choice: AWS's own wording for a VersionId the secret lacks (AWS's answer here was not found).
                throw SecretErrors.noValueAtVersion(r.moveToVersionId());
            }
            if (r.removeFromVersionId() != null && !r.removeFromVersionId().equals(current)) {
                throw SecretErrors.labelNotOnVersion(label, r.removeFromVersionId());
            }
            if (current != null && r.moveToVersionId() != null && !current.equals(r.moveToVersionId()) && r.removeFromVersionId() == null) {
                throw SecretErrors.labelAttachedElsewhere(label, current);
            }
            if (r.moveToVersionId() == null) {
                if (AWSCURRENT.equals(label)) {
                    throw AwsException.invalidParameter("You can't remove the AWSCURRENT staging label without moving it to another version.");
                }
                rows.removeStage(s.arn(), label);
            } else {
                moveLabel(rows, s.arn(), label, r.moveToVersionId());
            }
            rows.updateSecret(s.withLastChangedAt(ctx.now()));
            pruneDeprecated(rows, s.arn(), ctx.now());
            return UpdateSecretVersionStageResponse.builder().arn(s.arn()).name(s.name()).build();
        });
    }

    // ---- Delete and restore -------------------------------------------------------------------

    private SdkPojo deleteSecret(RequestContext ctx, DeleteSecretRequest r) {
        Validation.secretId(r.secretId());
        boolean force = Boolean.TRUE.equals(r.forceDeleteWithoutRecovery());
        if (force && r.recoveryWindowInDays() != null) {
            throw AwsException.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        long days = r.recoveryWindowInDays() == null ? 30 : r.recoveryWindowInDays();
        if (!force && (days < 7 || days > 30)) {
            throw AwsException.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        return store.write(rows -> {
            SecretRecord s;
            try {
                s = find(rows, ctx, r.secretId(), "DeleteSecret");
            } catch (AwsException e) {
                if (force && "ResourceNotFoundException".equals(e.code())) {
                    return nothingToDelete(ctx, r.secretId());
                }
                throw e;
            }
            if (force) {
                rows.deleteSecret(s.arn());
                return DeleteSecretResponse.builder().arn(s.arn()).name(s.name()).deletionDate(ctx.now()).build();
            }
            requireNotDeleted(s);
            Instant deletion = ctx.now().plus(Duration.ofDays(days));
            rows.updateSecret(s.withDeletionAt(deletion).withLastChangedAt(ctx.now()));
            return DeleteSecretResponse.builder().arn(s.arn()).name(s.name()).deletionDate(deletion).build();
        });
    }

    /**
     * AWS answers a forced deletion of a secret it does not have as a success carrying the name
     * asked for (LocalStack issue 5872, checked against AWS; the same in moto), so clean-up code
     * is idempotent. AWS's ARN for it could not be established: we echo an ARN given as the
     * SecretId, and otherwise build one for the name with a fresh random suffix, as for a new secret.
     */
    private static DeleteSecretResponse nothingToDelete(RequestContext ctx, String secretId) {
        String name = secretId;
        String arn;
        if (secretId.startsWith("arn:")) {
            arn = secretId;
            name = secretId.split(":", 7)[6];
        } else {
            arn = "arn:aws:secretsmanager:" + ctx.region() + ":" + ctx.accountId() + ":secret:" + secretId + "-" + randomSuffix();
        }
        return DeleteSecretResponse.builder().arn(arn).name(name).deletionDate(ctx.now()).build();
    }

    private SdkPojo restoreSecret(RequestContext ctx, RestoreSecretRequest r) {
        Validation.secretId(r.secretId());
        return store.write(rows -> {
            SecretRecord s = find(rows, ctx, r.secretId(), "RestoreSecret");
            if (s.scheduledForDeletion()) {
                rows.updateSecret(s.withDeletionAt(null).withLastChangedAt(ctx.now()));
            }
            return RestoreSecretResponse.builder().arn(s.arn()).name(s.name()).build();
        });
    }

    // ---- Passwords ----------------------------------------------------------------------------

    private SdkPojo getRandomPassword(RequestContext ctx, GetRandomPasswordRequest r) {
        Validation.range(r.passwordLength(), "passwordLength", 1, 4096);
        Validation.length(r.excludeCharacters(), "excludeCharacters", 0, 4096);
        String password = PasswordGenerator.generate(new PasswordGenerator.Options(
                r.passwordLength() == null ? 32 : r.passwordLength().intValue(), r.excludeCharacters(),
                Boolean.TRUE.equals(r.excludeNumbers()), Boolean.TRUE.equals(r.excludePunctuation()),
                Boolean.TRUE.equals(r.excludeUppercase()), Boolean.TRUE.equals(r.excludeLowercase()),
                Boolean.TRUE.equals(r.includeSpace()), !Boolean.FALSE.equals(r.requireEachIncludedType())));
        return GetRandomPasswordResponse.builder().randomPassword(password).build();
    }

    // ---- Shared -------------------------------------------------------------------------------

    /**
     * Finds a secret by name, full ARN or partial ARN (without the random suffix) in the caller's
     * account and region. An ARN is {@code arn:partition:secretsmanager:region:account:secret:name};
     * one whose partition, region or account field holds characters those fields never have
     * names no secret. Another account's ARN is refused: cross-account access needs a resource
     * policy, which this store does not evaluate yet. Secrets past their recovery window are gone
     * even before the maintenance pass removes them.
     *
     * <p>Whatever the lookup lands on must live in the caller's own account and region (the ARN's
     * text is not trusted to say so: a region name could once smuggle another account's ARN prefix
     * in); anything else is answered exactly as a secret that does not exist.
     */
    private SecretRecord find(SecretStore.Rows rows, RequestContext ctx, String secretId, String action) throws SQLException {
        Optional<SecretRecord> found;
        if (secretId.startsWith("arn:")) {
            String[] parts = secretId.split(":", 7);
            if (parts.length < 7 || !"secretsmanager".equals(parts[2]) || !"secret".equals(parts[5])) {
                throw AwsException.invalidParameter("Invalid secret ARN: " + secretId);
            }
            if (!ARN_PARTITION.matcher(parts[1]).matches() || !ARN_REGION.matcher(parts[3]).matches()
                    || !ARN_ACCOUNT.matcher(parts[4]).matches()) {
                throw notFound();
            }
            if (!parts[4].equals(ctx.accountId())) {
                throw AwsException.accessDenied("User: " + ctx.caller().arn() + " is not authorized to perform: secretsmanager:"
                        + action + " on resource: " + secretId + " because no resource-based policy allows the secretsmanager:"
                        + action + " action");
            }
            found = parts[3].equals(ctx.region()) ? rows.byArn(secretId) : Optional.empty();
            if (found.isEmpty() && parts[3].equals(ctx.region())) {
                found = rows.byName(ctx.accountId(), ctx.region(), parts[6]);
            }
        } else {
            found = rows.byName(ctx.accountId(), ctx.region(), secretId);
        }
        SecretRecord s = found.filter(x -> inScope(x, ctx) && !dueForDeletion(x, ctx.now()))
                .orElseThrow(SecretsManagerApi::notFound);
        ctx.touched(RESOURCE_TYPE, s.arn());
        return s;
    }

    private static AwsException notFound() {
        return SecretErrors.notFound();
    }

    /** Whether a secret lives in the caller's own account and region, by its record, never by its ARN's text. */
    private static boolean inScope(SecretRecord s, RequestContext ctx) {
        return s.accountId().equals(ctx.accountId()) && s.region().equals(ctx.region());
    }

    private static boolean dueForDeletion(SecretRecord s, Instant now) {
        return s.deletionAt() != null && !s.deletionAt().isAfter(now);
    }

    static void requireNotDeleted(SecretRecord s) {
        if (s.scheduledForDeletion()) {
            throw SecretErrors.markedForDeletion();
        }
    }

    /** The key new versions are sealed with: the named customer key, or the account's aws/secretsmanager key. */
    private KmsKey encryptionKey(RequestContext ctx, String keyRef) {
        if (keyRef == null || keyRef.isEmpty()) {
            return keys.secretsManagerKey(ctx.accountId(), ctx.region(), ctx.now());
        }
        return keys.resolve(ctx.accountId(), ctx.region(), keyRef)
                .orElseThrow(() -> SecretErrors.unusableKmsKey(ctx.accountId(), ctx.region(), keyRef));
    }

    private String encryptionKeyArnOf(RequestContext ctx, String keyRef) {
        if (keyRef == null || keyRef.isEmpty()) {
            return keys.secretsManagerKey(ctx.accountId(), ctx.region(), ctx.now()).arn();
        }
        return keys.resolve(ctx.accountId(), ctx.region(), keyRef).map(KmsKey::arn).orElse(null);
    }

    private static void validateLabels(List<String> labels) {
        String subject = labels.isEmpty() ? Validator.shown("versionStages", labels) : Validator.unshown("versionStages");
        Validator.check().lengthOf(subject, labels.size(), 1, MAX_LABELS_PER_VERSION).orThrow();
        for (String l : labels) {
            Validation.stage(l, "versionStages.member");
        }
    }

    private static List<String> stagesOf(Map<String, String> stages, String versionId) {
        List<String> out = new ArrayList<>(2);
        stages.forEach((stage, vid) -> {
            if (vid.equals(versionId)) {
                out.add(stage);
            }
        });
        return out;
    }

    /** Versions with their labels in the order the labels were attached; null (left out, as AWS does) when there are none. */
    private static Map<String, List<String>> versionsToStages(Map<String, String> stages) {
        if (stages.isEmpty()) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        stages.forEach((stage, vid) -> out.computeIfAbsent(vid, k -> new ArrayList<>()).add(stage));
        return out;
    }

    private static List<Tag> sdkTags(List<SecretStore.Tag> tags) {
        return tags.stream().map(t -> Tag.builder().key(t.key()).value(t.value()).build()).toList();
    }

    private static void rotation(SecretRecord s, java.util.function.Consumer<Boolean> enabled, java.util.function.Consumer<String> lambda,
                                 java.util.function.Consumer<Instant> last, java.util.function.Consumer<Instant> next) {
        if (s.rotationEnabled() || s.rotationLambdaArn() != null) {
            enabled.accept(s.rotationEnabled());
            lambda.accept(s.rotationLambdaArn());
        }
        last.accept(s.lastRotatedAt());
        next.accept(s.nextRotationAt());
    }

    private static String randomSuffix() {
        byte[] r = Aead.randomBytes(6);
        StringBuilder sb = new StringBuilder(6);
        for (byte b : r) {
            sb.append(SUFFIX_ALPHABET.charAt(Math.floorMod(b, SUFFIX_ALPHABET.length())));
        }
        return sb.toString();
    }
}
