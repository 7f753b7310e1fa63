package io.strongroom.ui.inventory;

import io.strongroom.domain.SecretSummary;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One inventory row: a {@link SecretSummary} plus what the table and the search need, computed
 * once when the row is made. No JavaFX properties per row: at 100,000 rows, per-row observable
 * state costs more memory than the data itself; cells ask for plain values when they show.
 *
 * <p>Two rows are equal when they are the same secret in the same scope ({@link #key()}), so a
 * refreshed row finds the selection of the row it replaces.
 */
public final class SecretRow {

    /** KMS key shown for secrets without one: Secrets Manager's AWS managed key. */
    public static final String DEFAULT_KMS_KEY = "aws/secretsmanager";

    private final SecretSummary summary;
    private final String key;
    private final String searchKey;
    private final String tagsText;
    private final String kmsKeyLabel;

    public SecretRow(SecretSummary summary) {
        this.summary = Objects.requireNonNull(summary);
        this.key = keyOf(summary.scope().id(), summary.arn());
        this.tagsText = tagsText(summary.tags());
        this.kmsKeyLabel = kmsKeyLabel(summary.kmsKeyId());
        this.searchKey = searchKey(summary, tagsText, kmsKeyLabel);
    }

    /** Identity of a secret across refreshes: its scope and ARN. */
    public static String keyOf(String scopeId, String arn) {
        return scopeId + '|' + arn;
    }

    public SecretSummary summary() {
        return summary;
    }

    public String key() {
        return key;
    }

    /** Lowercase text of every searchable field, separated by a character nobody searches for. */
    public String searchKey() {
        return searchKey;
    }

    public String name() {
        return summary.name();
    }

    public String arn() {
        return summary.arn();
    }

    public String accountAlias() {
        return summary.accountAlias();
    }

    public String accountId() {
        return summary.accountId();
    }

    public String region() {
        return summary.region();
    }

    public String description() {
        return summary.description() == null ? "" : summary.description();
    }

    /** The key as given (ID, ARN or alias), or null for the AWS managed key. */
    public String kmsKeyId() {
        return summary.kmsKeyId();
    }

    /** Short form for the table: the part after the last ':' of an ARN, or the managed key's alias. */
    public String kmsKeyLabel() {
        return kmsKeyLabel;
    }

    public boolean usesDefaultKey() {
        return usesDefaultKey(summary);
    }

    /** Whether {@code secret} is encrypted with Secrets Manager's AWS managed key (it names none). */
    static boolean usesDefaultKey(SecretSummary secret) {
        return secret.kmsKeyId() == null || secret.kmsKeyId().isEmpty();
    }

    public boolean rotationEnabled() {
        return summary.rotation().enabled();
    }

    public Instant lastRotated() {
        return summary.rotation().lastRotated();
    }

    public Instant nextRotation() {
        return summary.rotation().nextRotation();
    }

    public Instant lastAccessed() {
        return summary.lastAccessed();
    }

    public Instant lastChanged() {
        return summary.lastChanged();
    }

    public Instant created() {
        return summary.created();
    }

    public Instant deletionDate() {
        return summary.deletedDate();
    }

    public boolean plannedForDeletion() {
        return summary.isPlannedForDeletion();
    }

    public Map<String, String> tags() {
        return summary.tags();
    }

    /** {@code env=prod, owner=payments}, in the order AWS returned them. */
    public String tagsText() {
        return tagsText;
    }

    public String owningService() {
        return summary.owningService() == null ? "" : summary.owningService();
    }

    public String primaryRegion() {
        return summary.primaryRegion();
    }

    /** True when rotation is on and the next rotation date has passed. */
    public boolean rotationOverdue(Instant now) {
        Instant next = nextRotation();
        return rotationEnabled() && next != null && next.isBefore(now);
    }

    /** Every needle (already lowercase) occurs somewhere in the row. */
    boolean matchesAll(String[] needles) {
        for (String n : needles) {
            if (!searchKey.contains(n)) {
                return false;
            }
        }
        return true;
    }

    /** Some tag's key starts with {@code keyPrefix} and its value with {@code valuePrefix} (either may be empty). */
    boolean hasTag(String keyPrefix, String valuePrefix) {
        for (Map.Entry<String, String> t : summary.tags().entrySet()) {
            if (t.getKey().startsWith(keyPrefix) && (t.getValue() == null ? valuePrefix.isEmpty() : t.getValue().startsWith(valuePrefix))) {
                return true;
            }
        }
        return false;
    }

    private static String tagsText(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        tags.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(v == null ? "" : v);
        });
        return sb.toString();
    }

    private static String kmsKeyLabel(String kmsKeyId) {
        if (kmsKeyId == null || kmsKeyId.isEmpty()) {
            return DEFAULT_KMS_KEY;
        }
        int colon = kmsKeyId.lastIndexOf(':');
        return colon >= 0 && kmsKeyId.startsWith("arn:") ? kmsKeyId.substring(colon + 1) : kmsKeyId;
    }

    private static String searchKey(SecretSummary s, String tagsText, String kms) {
        StringBuilder sb = new StringBuilder(128);
        append(sb, s.name());
        append(sb, s.accountAlias());
        append(sb, s.accountId());
        append(sb, s.region());
        append(sb, s.description());
        append(sb, kms);
        append(sb, tagsText);
        append(sb, s.owningService());
        append(sb, s.primaryRegion());
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder sb, String field) {
        if (field != null && !field.isEmpty()) {
            // a separator no needle contains, so a search never matches across two fields
            sb.append(field).append('\u0001');
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretRow r && key.equals(r.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "SecretRow[" + key + "]";
    }
}
