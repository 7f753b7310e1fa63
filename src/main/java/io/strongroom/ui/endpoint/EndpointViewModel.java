package io.strongroom.ui.endpoint;

import io.strongroom.domain.Account;
import io.strongroom.domain.CallerIdentity;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.CustomEndpoint;
import io.strongroom.domain.Scope;
import io.strongroom.service.IdentityService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The "add endpoint" dialog, and the "enter the secret access key" dialog for an endpoint saved
 * in an earlier session (the same form with only the secret to type).
 *
 * <p>Every field is checked as it is typed, before any call; a problem shows once the field was
 * edited (or on an attempt to save). "Test connection" asks STS GetCallerIdentity off the FX
 * thread and shows who the keys are or the error (scope, AWS code, message, request ID); a blank
 * account ID is filled in from the answer. Saving without an account ID asks STS the same way.
 * The secret access key is cleared from this model once the dialog is done.
 */
public final class EndpointViewModel {

    /** The form's fields, for "has the user touched it yet". */
    public enum Field { NAME, URL, ACCESS_KEY_ID, SECRET_ACCESS_KEY, ACCOUNT_ID, REGIONS }

    static final String DEFAULT_REGION = "us-east-1";

    private final EndpointsViewModel endpoints;
    private final UiExecutor ui;
    private final IdentityService identity;
    private final Texts texts;
    private final EndpointRules rules;
    /** The saved endpoint whose secret is being entered; null when adding. */
    private final EndpointsViewModel.Entry unlocking;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty accessKeyId = new SimpleStringProperty(this, "accessKeyId", "");
    private final StringProperty secretAccessKey = new SimpleStringProperty(this, "secretAccessKey", "");
    private final StringProperty accountId = new SimpleStringProperty(this, "accountId", "");
    private final StringProperty regions = new SimpleStringProperty(this, "regions", DEFAULT_REGION);

    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper(this, "urlProblem", "");
    private final ReadOnlyStringWrapper urlWarning = new ReadOnlyStringWrapper(this, "urlWarning", "");
    private final ReadOnlyStringWrapper accessKeyIdProblem = new ReadOnlyStringWrapper(this, "accessKeyIdProblem", "");
    private final ReadOnlyStringWrapper secretProblem = new ReadOnlyStringWrapper(this, "secretProblem", "");
    private final ReadOnlyStringWrapper accountIdProblem = new ReadOnlyStringWrapper(this, "accountIdProblem", "");
    private final ReadOnlyStringWrapper regionsProblem = new ReadOnlyStringWrapper(this, "regionsProblem", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper testable = new ReadOnlyBooleanWrapper(this, "testable");

    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyObjectWrapper<CallerIdentity> testIdentity = new ReadOnlyObjectWrapper<>(this, "testIdentity");
    private final ReadOnlyStringWrapper testError = new ReadOnlyStringWrapper(this, "testError", "");
    private final ReadOnlyStringWrapper testNote = new ReadOnlyStringWrapper(this, "testNote", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<CustomEndpoint> saved = new ReadOnlyObjectWrapper<>(this, "saved");

    private final Set<Field> touched = EnumSet.noneOf(Field.class);
    private boolean showAll;
    private boolean filling;
    private UiExecutor.Task testTask;
    private UiExecutor.Task saveTask;

    EndpointViewModel(EndpointsViewModel endpoints, UiExecutor ui, IdentityService identity, Texts texts,
                      EndpointsViewModel.Entry unlocking) {
        this.endpoints = Objects.requireNonNull(endpoints);
        this.ui = Objects.requireNonNull(ui);
        this.identity = Objects.requireNonNull(identity);
        this.texts = Objects.requireNonNull(texts);
        this.rules = new EndpointRules(texts);
        this.unlocking = unlocking;
        if (unlocking != null) {
            CustomEndpoint e = unlocking.endpoint();
            name.set(e.name());
            url.set(e.url().toString());
            accessKeyId.set(e.accessKeyId());
            accountId.set(e.accountId());
            regions.set(String.join(", ", e.regions()));
        }
        watch(name, Field.NAME, false);
        watch(url, Field.URL, true);
        watch(accessKeyId, Field.ACCESS_KEY_ID, true);
        watch(secretAccessKey, Field.SECRET_ACCESS_KEY, true);
        watch(accountId, Field.ACCOUNT_ID, false);
        watch(regions, Field.REGIONS, true);
        busy.bind(testing.or(saving));
        validate();
    }

    private void watch(StringProperty field, Field which, boolean staleTest) {
        field.addListener((o, was, now) -> {
            if (!filling) {
                touched.add(which);
                if (staleTest) {
                    // a result for other keys or another URL would mislead
                    testIdentity.set(null);
                    testError.set("");
                    testNote.set("");
                }
            }
            validate();
        });
    }

    // ---- Properties -----------------------------------------------------------------------------

    /** Entering a saved endpoint's secret: only the secret access key can be typed. */
    public boolean isUnlocking() {
        return unlocking != null;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty accessKeyIdProperty() {
        return accessKeyId;
    }

    /** Bound to a masked field; cleared when the dialog is done. */
    public StringProperty secretAccessKeyProperty() {
        return secretAccessKey;
    }

    /** Optional: blank asks the endpoint (STS GetCallerIdentity). */
    public StringProperty accountIdProperty() {
        return accountId;
    }

    /** Comma- or space-separated region codes. */
    public StringProperty regionsProperty() {
        return regions;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty urlProblemProperty() {
        return urlProblem.getReadOnlyProperty();
    }

    /** Not a problem, a caution: plain http to another machine. */
    public ReadOnlyStringProperty urlWarningProperty() {
        return urlWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accessKeyIdProblemProperty() {
        return accessKeyIdProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretProblemProperty() {
        return secretProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountIdProblemProperty() {
        return accountIdProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty regionsProblemProperty() {
        return regionsProblem.getReadOnlyProperty();
    }

    /** Every field is acceptable: Save is enabled. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** What a connection test needs is acceptable (a name is not needed). */
    public ReadOnlyBooleanProperty testableProperty() {
        return testable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** Who the keys are, after a test that passed; null otherwise. */
    public ReadOnlyObjectProperty<CallerIdentity> testIdentityProperty() {
        return testIdentity.getReadOnlyProperty();
    }

    /** Why the test failed (scope, AWS code, message, request ID), or "". */
    public ReadOnlyStringProperty testErrorProperty() {
        return testError.getReadOnlyProperty();
    }

    /** Something to know about a test that passed (the keys belong to another account), or "". */
    public ReadOnlyStringProperty testNoteProperty() {
        return testNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** A test or a save is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why saving failed, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The endpoint once saved (or unlocked): the dialog closes then. */
    public ReadOnlyObjectProperty<CustomEndpoint> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** Asks STS who the keys are, off the FX thread. */
    public void testConnection() {
        touched.addAll(EnumSet.of(Field.URL, Field.ACCESS_KEY_ID, Field.SECRET_ACCESS_KEY, Field.ACCOUNT_ID, Field.REGIONS));
        validate();
        if (!testable.get() || busy.get()) {
            return;
        }
        Scope scope = scope();
        String typedAccount = accountId.get().strip();
        testIdentity.set(null);
        testError.set("");
        testNote.set("");
        testing.set(true);
        testTask = ui.submit(() -> identity.callerIdentity(scope), (CallerIdentity id) -> {
            testing.set(false);
            testIdentity.set(id);
            if (typedAccount.isEmpty() && id.accountId() != null) {
                fill(accountId, id.accountId());
            } else if (id.accountId() != null && !typedAccount.equals(id.accountId())) {
                testNote.set(texts.format("endpoint.test.otherAccount", id.accountId(), typedAccount));
            }
        }, failure -> {
            testing.set(false);
            testError.set(ErrorText.of(failure));
        });
    }

    /**
     * Saves the endpoint (without its secret) and offers its account in the scope picker, asking
     * STS for the account ID first if none was typed. When entering a saved endpoint's secret,
     * nothing is saved: the secret is kept for this session.
     */
    public void save() {
        showAll = true;
        validate();
        if (!valid.get() || busy.get() || saved.get() != null) {
            return;
        }
        String secret = secretAccessKey.get();
        if (unlocking != null) {
            endpoints.unlocked(unlocking, secret);
            clearSecret();
            saved.set(unlocking.endpoint());
            return;
        }
        String endpointName = name.get().strip();
        URI endpointUrl = parseUrl(url.get());
        String keyId = accessKeyId.get().strip();
        String typedAccount = accountId.get().strip();
        List<String> regionList = EndpointRules.parseRegions(regions.get());
        Scope scope = scope();
        List<CustomEndpoint> all = endpoints.snapshot();
        error.set("");
        saving.set(true);
        saveTask = ui.submit(() -> {
            String account = typedAccount.isEmpty() ? identity.callerIdentity(scope).accountId() : typedAccount;
            CustomEndpoint endpoint = new CustomEndpoint(endpointName, endpointUrl, keyId, account, regionList);
            all.add(endpoint);
            endpoints.save(all);
            return endpoint;
        }, (CustomEndpoint endpoint) -> {
            saving.set(false);
            endpoints.added(endpoint, secret);
            clearSecret();
            saved.set(endpoint);
        }, failure -> {
            saving.set(false);
            error.set(texts.format("endpoint.saveFailed", ErrorText.of(failure)));
        });
    }

    /** The dialog closed: stops a running test or save and forgets the secret. */
    public void dispose() {
        if (testTask != null) {
            testTask.cancel();
        }
        if (saveTask != null && saved.get() == null) {
            saveTask.cancel();
        }
        testing.set(false);
        saving.set(false);
        clearSecret();
    }

    public void dismissError() {
        error.set("");
    }

    // ---- validation -----------------------------------------------------------------------------

    private void validate() {
        String n = check(Field.NAME, nameProblem, unlocking != null ? null : rules.problemWithName(name.get(), endpoints.takenNames()));
        String u = check(Field.URL, urlProblem, rules.problemWithUrl(url.get()));
        String k = check(Field.ACCESS_KEY_ID, accessKeyIdProblem, rules.problemWithKeyId(accessKeyId.get()));
        String s = check(Field.SECRET_ACCESS_KEY, secretProblem, rules.problemWithSecret(secretAccessKey.get()));
        String a = check(Field.ACCOUNT_ID, accountIdProblem, rules.problemWithAccountId(accountId.get()));
        String r = check(Field.REGIONS, regionsProblem, rules.problemWithRegions(regions.get()));
        URI parsed = u == null ? parseUrl(url.get()) : null;
        urlWarning.set(parsed != null && CustomEndpoint.plainHttpOffThisMachine(parsed) ? texts.get("endpoint.warning.plainHttp") : "");
        testable.set(u == null && k == null && s == null && a == null && r == null);
        valid.set(n == null && testable.get());
    }

    /** Shows {@code problem} once the field was touched (or a save was tried); returns it either way. */
    private String check(Field field, ReadOnlyStringWrapper shown, String problem) {
        shown.set(problem != null && (showAll || touched.contains(field)) ? problem : "");
        return problem;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static URI parseUrl(String value) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("validated before", e);
        }
    }

    /** The scope a test (and an account-ID lookup) runs in: this account in the first region. */
    private Scope scope() {
        String typedAccount = accountId.get().strip();
        URI endpoint = parseUrl(url.get());
        String alias = name.get().isBlank() ? endpoint.getHost() : name.get().strip();
        Account account = new Account(typedAccount.isEmpty() ? null : typedAccount, alias, endpoint,
                new CredentialsRef.StaticKeys(accessKeyId.get().strip(), secretAccessKey.get()), "custom endpoint " + endpoint);
        return account.in(EndpointRules.parseRegions(regions.get()).get(0));
    }

    /** Sets a field from an answer, not from the user: it does not count as touched. */
    private void fill(StringProperty field, String value) {
        filling = true;
        try {
            field.set(value);
        } finally {
            filling = false;
        }
    }

    private void clearSecret() {
        fill(secretAccessKey, "");
    }
}
