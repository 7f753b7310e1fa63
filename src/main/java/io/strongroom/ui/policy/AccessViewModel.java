package io.strongroom.ui.policy;

import io.strongroom.domain.AccessDecision;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretReader;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.AccessService;
import io.strongroom.service.PolicyService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who may use the secret shown, as IAM's policy simulator answers it (on AWS and on the embedded
 * store alike): "Who can read" simulates GetSecretValue for every user and role of the chosen
 * accounts against the secret's resource policy, and its KMS key's policy; "Test access as" asks
 * for one principal and one action, and shows the decision with the statements that made it.
 * Accounts whose principals cannot be listed are named with their error, and never stop the others.
 */
public final class AccessViewModel {

    /** The actions offered for "Test access as", most asked first. */
    public static final List<String> ACTIONS = List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret",
            "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret", "secretsmanager:DeleteSecret",
            "secretsmanager:GetResourcePolicy", "secretsmanager:PutResourcePolicy", "secretsmanager:RotateSecret");

    private final ReadOnlyObjectProperty<SecretSummary> secret;
    private final Supplier<? extends Collection<Scope>> scopes;
    private final AccessService access;
    private final PolicyService policies;
    private final Texts texts;
    private final LatestWins finding;
    private final LatestWins testing;

    private final ObservableList<SecretReader> readers = FXCollections.observableArrayList();
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final ObservableList<String> knownPrincipals = FXCollections.observableArrayList();
    private final StringProperty principal = new SimpleStringProperty(this, "principal", "");
    private final StringProperty action = new SimpleStringProperty(this, "action", ACTIONS.get(0));
    private final ReadOnlyObjectWrapper<AccessDecision> decision = new ReadOnlyObjectWrapper<>(this, "decision");
    private final ReadOnlyObjectWrapper<Boolean> searched = new ReadOnlyObjectWrapper<>(this, "searched", false);

    /** @param scopes the accounts (and regions) the console has chosen: whose principals are asked about */
    public AccessViewModel(ReadOnlyObjectProperty<SecretSummary> secret, Supplier<? extends Collection<Scope>> scopes,
                           AccessService access, PolicyService policies, UiExecutor executor, Texts texts) {
        this.secret = Objects.requireNonNull(secret);
        this.scopes = Objects.requireNonNull(scopes);
        this.access = Objects.requireNonNull(access);
        this.policies = Objects.requireNonNull(policies);
        this.texts = Objects.requireNonNull(texts);
        this.finding = new LatestWins(this, executor);
        this.testing = new LatestWins(this, executor);
        secret.addListener((o, was, now) -> {
            if (was == null || now == null || !was.arn().equals(now.arn())) {
                reset();
            }
        });
        principal.addListener(o -> decision.set(null));
        action.addListener(o -> decision.set(null));
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The principals that may read the value, or whose policies allow it while the key refuses (see {@link SecretReader#canRead}). */
    public ObservableList<SecretReader> readers() {
        return FXCollections.unmodifiableObservableList(readers);
    }

    /** Accounts that could not be asked, each with its scope, AWS error code and request ID. */
    public ObservableList<String> failures() {
        return FXCollections.unmodifiableObservableList(failures);
    }

    /** The principals seen so far (the readers): suggestions for "Test access as". */
    public ObservableList<String> knownPrincipals() {
        return FXCollections.unmodifiableObservableList(knownPrincipals);
    }

    public StringProperty principalProperty() {
        return principal;
    }

    public StringProperty actionProperty() {
        return action;
    }

    /** The last "Test access as" answer; null until one is asked for the current principal and action. */
    public ReadOnlyObjectProperty<AccessDecision> decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    /** Whether "Who can read" ran for the secret shown. */
    public ReadOnlyObjectProperty<Boolean> searchedProperty() {
        return searched.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty findingProperty() {
        return finding.busyProperty();
    }

    public ReadOnlyStringProperty findErrorProperty() {
        return finding.errorProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.busyProperty();
    }

    public ReadOnlyStringProperty testErrorProperty() {
        return testing.errorProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Asks, for every user and role of the chosen accounts, whether it may read the secret shown. */
    public void findReaders() {
        SecretSummary s = secret.get();
        if (s == null) {
            return;
        }
        List<Scope> asked = List.copyOf(scopes.get());
        finding.run(p -> {
            List<String> failed = new ArrayList<>();
            List<SecretReader> found = access.whoCanRead(asked, s.scope(), s.arn(), (ScopeError e) -> failed.add(ErrorText.of(e)));
            return new Found(found, failed);
        }, (Found found) -> {
            List<SecretReader> sorted = new ArrayList<>(found.readers());
            sorted.sort(Comparator.comparing((SecretReader r) -> !r.canRead()).thenComparing(SecretReader::account)
                    .thenComparing(SecretReader::principalArn));
            readers.setAll(sorted);
            failures.setAll(found.failures());
            knownPrincipals.setAll(sorted.stream().map(SecretReader::principalArn).distinct().toList());
            searched.set(true);
        });
    }

    /** Asks whether the principal typed may perform the action chosen on the secret shown. */
    public void testAccess() {
        SecretSummary s = secret.get();
        String who = principal.get() == null ? "" : principal.get().trim();
        String what = action.get() == null ? "" : action.get().trim();
        if (s == null || who.isEmpty() || what.isEmpty()) {
            return;
        }
        Scope principalScope = scopeOfPrincipal(who, s);
        if (principalScope == null) {
            testing.fail(texts.format("access.test.unknownAccount", accountOf(who)));
            return;
        }
        testing.run(p -> {
            String policy = policies.secretPolicy(s.scope(), s.arn()).document();
            return access.testAccess(principalScope, who, what, s.arn(), policy, s.scope().accountId());
        }, decision::set);
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private record Found(List<SecretReader> readers, List<String> failures) {}

    private void reset() {
        finding.cancel();
        testing.cancel();
        readers.clear();
        failures.clear();
        decision.set(null);
        searched.set(false);
    }

    /** A scope of the principal's account (IAM is global: any one will do), the secret's own first; null when none is chosen. */
    private Scope scopeOfPrincipal(String principalArn, SecretSummary s) {
        String account = accountOf(principalArn);
        if (s.scope().accountId().equals(account)) {
            return s.scope();
        }
        return scopes.get().stream().filter(sc -> sc.accountId().equals(account)).findFirst().orElse(null);
    }

    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }
}
