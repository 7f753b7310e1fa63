package io.strongroom.ui.shell;

import io.strongroom.domain.Account;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.List;

/**
 * One account offered by a source, with its tick box and its session as the picker shows it
 * (set by {@link ScopeSessionsViewModel}): who it signs in as and until when, "sign-in needed",
 * or the error.
 */
public final class AccountChoice {
    private final Account account;
    private final String sourceName;
    private final List<String> sourceRegions;
    final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
    final ReadOnlyObjectWrapper<SessionStatus> status = new ReadOnlyObjectWrapper<>(this, "status", SessionStatus.UNKNOWN);
    final ReadOnlyStringWrapper sessionText = new ReadOnlyStringWrapper(this, "sessionText", "");
    final ReadOnlyStringWrapper sessionDetail = new ReadOnlyStringWrapper(this, "sessionDetail", "");
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

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

    /** The account's session as last checked. */
    public ReadOnlyObjectProperty<SessionStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public SessionStatus status() {
        return status.get();
    }

    /** One line: "signed in as user/admin, expires in 47 min", "Sign-in needed", "AccessDenied: …". */
    public ReadOnlyStringProperty sessionTextProperty() {
        return sessionText.getReadOnlyProperty();
    }

    public String sessionText() {
        return sessionText.get();
    }

    /** The full identity ARN or message, for a tooltip. */
    public ReadOnlyStringProperty sessionDetailProperty() {
        return sessionDetail.getReadOnlyProperty();
    }

    /** A check or a sign-in is running for this account. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** What the picker shows of an account's session. */
    public enum SessionStatus {
        /** Not checked yet. */
        UNKNOWN,
        /** Signed in: the identity and expiry are known. */
        ACTIVE,
        /** The user has to sign in (SSO device flow, MFA code). */
        NEEDS_SIGN_IN,
        /** Unreachable, refused, misconfigured: the error's code and message. */
        FAILED
    }
}
