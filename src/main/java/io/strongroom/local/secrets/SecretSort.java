package io.strongroom.local.secrets;

import io.strongroom.local.validation.Validator;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.SortByType;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * ListSecrets' {@code SortBy}: the attribute a listing is ordered by, and the paging position
 * within that order.
 *
 * <p>AWS documents the values ({@code created-date}, {@code last-accessed-date},
 * {@code last-changed-date}, {@code name}; SDK {@code SortByType}, botocore's
 * {@code SortByType}) and that without SortBy "secrets are listed by CreatedDate"; it does not
 * document the rest, so these are our choices:
 * <ul>
 *   <li>Ties (equal dates; LastAccessedDate is a day) are broken by ARN, in the same direction,
 *       so a descending listing is exactly the ascending one reversed and every position is
 *       unique, which keyset paging needs.
 *   <li>{@code name} orders by UTF-16 code unit ({@code String.compareTo}): case-sensitive,
 *       uppercase before lowercase, the order of the characters a name may hold.
 *   <li>A secret without the attribute (never accessed) sorts after every secret that has it,
 *       ascending and descending alike, as a search index puts documents missing the sort field
 *       last.
 * </ul>
 */
enum SecretSort {
    CREATED_DATE("created-date", s -> millis(s.createdAt())),
    LAST_ACCESSED_DATE("last-accessed-date", s -> millis(s.lastAccessedAt())),
    LAST_CHANGED_DATE("last-changed-date", s -> millis(s.lastChangedAt())),
    NAME("name", SecretRecord::name);

    /** The enum set as the service model lists it, for the ValidationException message. */
    static final String ENUM_SET = "[created-date, last-accessed-date, last-changed-date, name]";

    private final String wire;
    private final Function<SecretRecord, String> key;

    SecretSort(String wire, Function<SecretRecord, String> key) {
        this.wire = wire;
        this.key = key;
    }

    String wire() {
        return wire;
    }

    /** The sort a request asks for; CreatedDate when it names none. Unknown values are the caller's to refuse first. */
    static SecretSort of(SortByType sortBy) {
        if (sortBy == null) {
            return CREATED_DATE;
        }
        return switch (sortBy) {
            case NAME -> NAME;
            case LAST_ACCESSED_DATE -> LAST_ACCESSED_DATE;
            case LAST_CHANGED_DATE -> LAST_CHANGED_DATE;
            default -> CREATED_DATE;
        };
    }

    /** SortOrder and SortBy against the model's enums: a ValidationException naming each value outside them. */
    static void validate(ListSecretsRequest r) {
        Validator v = Validator.check();
        if (r.sortOrder() == SortOrderType.UNKNOWN_TO_SDK_VERSION) {
            v.fails(Validator.shown("sortOrder", r.sortOrderAsString()), "Member must satisfy enum value set: [asc, desc]");
        }
        if (r.sortBy() == SortByType.UNKNOWN_TO_SDK_VERSION) {
            v.fails(Validator.shown("sortBy", r.sortByAsString()), "Member must satisfy enum value set: " + ENUM_SET);
        }
        v.orThrow();
    }

    /** Where a secret sits in this order. */
    Position position(SecretRecord s) {
        return new Position(key.apply(s), s.arn());
    }

    /** The order of positions, {@code ascending} or not; a missing attribute sorts last either way. */
    Comparator<Position> order(boolean ascending) {
        return (a, b) -> {
            if (a.key() == null || b.key() == null) {
                if (a.key() != null) {
                    return -1;
                }
                if (b.key() != null) {
                    return 1;
                }
                int byArn = a.arn().compareTo(b.arn());
                return ascending ? byArn : -byArn;
            }
            int c = this == NAME ? a.key().compareTo(b.key()) : Long.compare(Long.parseLong(a.key()), Long.parseLong(b.key()));
            if (c == 0) {
                c = a.arn().compareTo(b.arn());
            }
            return ascending ? c : -c;
        };
    }

    private static String millis(Instant t) {
        return t == null ? null : Long.toString(t.toEpochMilli());
    }

    /** A paging position: the last secret returned. Travels inside a {@link PageTokens} token. */
    record Position(String key, String arn) {
        String encode() {
            return (key == null ? "-" : "+" + key) + "\n" + arn;
        }

        /** The position a token carried for {@code sort}, or InvalidNextTokenException. */
        static Position parse(SecretSort sort, String state) {
            String[] parts = state.split("\n", -1);
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                if (parts[0].equals("-")) {
                    return new Position(null, parts[1]);
                }
                if (parts[0].charAt(0) == '+') {
                    String key = parts[0].substring(1);
                    if (sort == NAME || isLong(key)) {
                        return new Position(key, parts[1]);
                    }
                }
            }
            throw PageTokens.invalid();
        }

        private static boolean isLong(String s) {
            try {
                Long.parseLong(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
