package io.strongroom.local.secrets;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One page of ListSecrets ordered by a {@link SecretSort} the store keeps no index for. Every
 * secret of the scope is read (in created order, a chunk at a time) and filtered, those after the
 * paging position are sorted, and the first {@code max} make the page. The next page starts
 * after the (attribute, ARN) position of the last one, so a secret is never listed twice nor
 * skipped while its attribute stays put; one that moves (a secret read or changed meanwhile)
 * is listed where it sits when its page is read, as a live index would list it.
 */
final class SortedListing {

    private static final int CHUNK = 500;

    /** A page: its secrets, their tags when the filter needed them (else null), and whether more follow. */
    record Page(List<SecretRecord> secrets, Map<String, List<SecretStore.Tag>> tags, boolean more) {}

    private SortedListing() {}

    static Page read(SecretStore.Rows rows, String accountId, String region, Predicate<SecretRecord> listable, SecretFilter filter,
                     SecretSort sort, boolean ascending, SecretSort.Position after, int max) throws SQLException {
        Comparator<SecretSort.Position> order = sort.order(ascending);
        List<SecretRecord> candidates = new ArrayList<>();
        Map<String, List<SecretStore.Tag>> tagsOf = new LinkedHashMap<>();
        Long afterCreated = null;
        String afterArn = null;
        while (true) {
            List<SecretRecord> batch = rows.page(accountId, region, true, afterCreated, afterArn, CHUNK);
            Map<String, List<SecretStore.Tag>> tags = filter.needsTags() ? rows.tags(batch.stream().map(SecretRecord::arn).toList()) : null;
            for (SecretRecord s : batch) {
                afterCreated = s.createdAt().toEpochMilli();
                afterArn = s.arn();
                if (!listable.test(s) || (after != null && order.compare(sort.position(s), after) <= 0)) {
                    continue;
                }
                List<SecretStore.Tag> t = tags == null ? List.of() : tags.getOrDefault(s.arn(), List.of());
                if (!filter.isEmpty() && !filter.matches(new SecretFilter.Subject(s.name(), s.description(), t,
                        s.primaryRegion(), s.owningService()))) {
                    continue;
                }
                candidates.add(s);
                if (tags != null) {
                    tagsOf.put(s.arn(), t);
                }
            }
            if (batch.size() < CHUNK) {
                break;
            }
        }
        candidates.sort((a, b) -> order.compare(sort.position(a), sort.position(b)));
        boolean more = candidates.size() > max;
        List<SecretRecord> out = more ? new ArrayList<>(candidates.subList(0, max)) : candidates;
        return new Page(out, filter.needsTags() ? tagsOf : null, more);
    }
}
