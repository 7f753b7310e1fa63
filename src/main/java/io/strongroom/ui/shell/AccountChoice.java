package io.strongroom.ui.shell;

import io.strongroom.domain.Account;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.List;

/** One account offered by a source, with its tick box. */
public final class AccountChoice {
    private final Account account;
    private final String sourceName;
    private final List<String> sourceRegions;
    final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    AccountChoice(Account account, String sourceName, List<String> sourceRegions) {
        this.account = account;
        this.sourceName = sourceName;
        this.sourceRegions = List.copyOf(sourceRegions);
    }

    /** The only regions this account is looked at in (its endpoint's), or empty for any. */
    public List<String> sourceRegions() {
        return sourceRegions;
    }

    public Account account() {
        return account;
    }

    /** "Embedded store", "AWS profiles"... */
    public String sourceName() {
        return sourceName;
    }

    public String alias() {
        return account.alias();
    }

    /** The account ID, or null when only STS can tell (a profile that does not state it). */
    public String accountId() {
        return account.accountId();
    }

    /** How the account signs: "embedded store", "profile (SSO)"... */
    public String origin() {
        return account.origin();
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public String key() {
        return ScopePickerViewModel.accountKey(sourceName, account);
    }
}
