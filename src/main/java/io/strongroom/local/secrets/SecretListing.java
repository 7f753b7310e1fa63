package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.strongroom.local.secrets.SecretFinder.dueForDeletion;
import static io.strongroom.local.secrets.SecretFinder.inScope;
import static io.strongroom.local.secrets.SecretVersions.versionsToStages;

/**
 * ListSecrets, and the paging through the caller's secrets that BatchGetSecretValue by filters
 * shares; also how a secret's metadata is shown, which DescribeSecret shares.
 */
final class SecretListing {

    private final SecretParts parts;

    SecretListing(SecretParts parts) {
        this.parts = parts;
    }

    SdkPojo listSecrets(RequestContext ctx, ListSecretsRequest r) {
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
        Map<String, Map<String, String>> stages = parts.store().read(rows -> rows.stages(arns));
        Map<String, List<SecretStore.Tag>> tags = listing.tags != null ? listing.tags : parts.store().read(rows -> rows.tags(arns));
        List<SecretListEntry> entries = new ArrayList<>(listing.secrets.size());
        for (SecretRecord s : listing.secrets) {
            SecretListEntry.Builder b = SecretListEntry.builder()
                    .arn(s.arn()).name(s.name()).description(s.description()).kmsKeyId(s.kmsKeyRef())
                    .lastChangedDate(s.lastChangedAt()).lastAccessedDate(s.lastAccessedAt()).deletedDate(s.deletionAt())
                    .createdDate(s.createdAt()).owningService(s.owningService()).primaryRegion(s.primaryRegion())
                    .secretVersionsToStages(versionsToStages(stages.getOrDefault(s.arn(), Map.of())));
            rotation(s, b::rotationEnabled, b::rotationLambdaARN, b::rotationRules, b::lastRotatedDate, b::nextRotationDate);
            List<SecretStore.Tag> t = tags.get(s.arn());
            if (t != null) {
                b.tags(sdkTags(t));
            }
            entries.add(b.build());
        }
        return ListSecretsResponse.builder().secretList(entries).nextToken(listing.nextToken).build();
    }

    /** One page of secrets; {@code tags} are theirs when the filter needed them read, else null. */
    record Listing(List<SecretRecord> secrets, Map<String, List<SecretStore.Tag>> tags, String nextToken) {}

    /** ListSecrets under a SortBy other than CreatedDate: see {@link SortedListing}. */
    private Listing sortedListing(RequestContext ctx, List<String> binding, SecretFilter filter, boolean includeDeleted,
                                  SecretSort sort, boolean ascending, int max, String token) {
        SecretSort.Position after = token == null ? null
                : SecretSort.Position.parse(sort, parts.tokens().open(ctx, "ListSecrets", binding, token));
        SortedListing.Page page = parts.store().read(rows -> SortedListing.read(rows, ctx.accountId(), ctx.region(),
                s -> inScope(s, ctx) && (includeDeleted || !s.scheduledForDeletion()) && !dueForDeletion(s, ctx.now()),
                filter, sort, ascending, after, max));
        String next = page.more()
                ? parts.tokens().issue(ctx, "ListSecrets", binding, sort.position(page.secrets().get(page.secrets().size() - 1)).encode())
                : null;
        return new Listing(page.secrets(), page.tags(), next);
    }

    /**
     * Keyset paging over (created date, ARN) with the filters applied while scanning, so a narrow
     * filter over a large estate returns full pages without materializing everything. Tokens are
     * bound to {@code operation}, the caller's scope and {@code binding}: the parameters besides
     * the page size that decide what is listed.
     */
    Listing list(RequestContext ctx, String operation, List<String> binding, SecretFilter filter, boolean includeDeleted,
                 boolean ascending, int max, String token) {
        Cursor cursor = token == null ? null : Cursor.parse(parts.tokens().open(ctx, operation, binding, token));
        return parts.store().read(rows -> {
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
                next = parts.tokens().issue(ctx, operation, binding, new Cursor(last.createdAt().toEpochMilli(), last.arn()).encode());
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

    static List<Tag> sdkTags(List<SecretStore.Tag> tags) {
        return tags.stream().map(t -> Tag.builder().key(t.key()).value(t.value()).build()).toList();
    }

    /** A secret's rotation members, into the builder of a DescribeSecret answer or a ListSecrets entry. */
    static void rotation(SecretRecord s, Consumer<Boolean> enabled, Consumer<String> lambda,
                         Consumer<software.amazon.awssdk.services.secretsmanager.model.RotationRulesType> rules,
                         Consumer<Instant> last, Consumer<Instant> next) {
        if (s.rotationEnabled() || s.rotationLambdaArn() != null) {
            enabled.accept(s.rotationEnabled());
            lambda.accept(s.rotationLambdaArn());
            rules.accept(RotationRules.shown(s));
        }
        last.accept(s.lastRotatedAt());
        next.accept(RotationRules.nextRotationDate(s));
    }
}
