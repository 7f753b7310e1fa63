package io.strongroom.local.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The account IDs a user chooses for a new store ({@code serve --account-id}): what makes a list
 * of them valid, and the aliases the accounts get.
 *
 * <p>An AWS account ID is exactly 12 decimal digits, leading zeros included (AWS documents it so
 * and its ARNs always carry all 12: https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html).
 * {@code 000000000000}, which other local emulators use, is therefore a valid choice here, though
 * no real account has it. IDs must differ from each other: each one is an account of its own.
 */
public final class AccountIds {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private AccountIds() {}

    /** Whether {@code id} is 12 decimal digits. */
    public static boolean isValid(String id) {
        return id != null && ACCOUNT_ID.matcher(id).matches();
    }

    /**
     * The chosen IDs, in order, stripped of surrounding blanks (a list written as {@code "a, b"});
     * refuses anything but 12 digits and an ID given twice. The messages name the offending value
     * as given and say what is expected; they are shown to the user as they are.
     *
     * @throws IllegalArgumentException naming the first ID that is not valid, or the first one given twice
     */
    public static List<String> validate(List<String> ids) {
        List<String> out = new ArrayList<>(ids.size());
        Set<String> seen = new LinkedHashSet<>();
        for (String given : ids) {
            String id = given == null ? "" : given.strip();
            if (!isValid(id)) {
                throw new IllegalArgumentException("an account ID is exactly 12 digits, e.g. 123456789012; got '"
                        + (given == null ? "" : given) + "'");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("account ID " + id + " is given twice; each account needs an ID of its own");
            }
            out.add(id);
        }
        return List.copyOf(out);
    }

    /**
     * The alias of the account created at {@code index} (from 0): the default accounts' aliases
     * first, in their order, so a store of chosen IDs has the same accounts (and the same demo
     * estate) as one of random IDs; past those, {@code account-4}, {@code account-5}, and so on.
     */
    public static String aliasAt(int index) {
        return index < Accounts.DEFAULT_ALIASES.size() ? Accounts.DEFAULT_ALIASES.get(index) : "account-" + (index + 1);
    }
}
