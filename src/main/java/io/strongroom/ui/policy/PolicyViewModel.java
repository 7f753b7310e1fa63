package io.strongroom.ui.policy;

import io.strongroom.domain.PolicyCheckResult;
import io.strongroom.domain.PolicyFinding;
import io.strongroom.domain.PolicyKind;
import io.strongroom.domain.ResourcePolicy;
import io.strongroom.service.PolicyService;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The resource policy of the secret shown (or the key policy of a KMS key, {@link PolicyTarget}): the stored document, a draft edited beside it,
 * Access Analyzer's findings on the draft (validated as the user types: the view calls
 * {@link #validate()} once typing pauses), a side-by-side diff, templates, and the one safe way to
 * change it: Apply first asks Access Analyzer whether the draft grants access the stored policy
 * does not (CheckNoNewAccess; with no stored policy, CheckNoPublicAccess) and asks before applying
 * one that does; then it is applied with BlockPublicPolicy through the journaled mutations, which
 * refuse in read-only mode. Delete asks first too.
 */
public final class PolicyViewModel {

    private final ObservableObjectValue<PolicyTarget> secret;
    private final ObservableBooleanValue readOnly;
    private final PolicyService policies;
    private final SecretMutations mutations;
    private final DialogService dialogs;
    private final Texts texts;
    private final Runnable changed;
    private final LatestWins loading;
    private final LatestWins validation;
    private final LatestWins writing;

    private final ReadOnlyStringWrapper stored = new ReadOnlyStringWrapper(this, "stored");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ObservableList<PolicyFinding> findings = FXCollections.observableArrayList();
    private final ObservableList<LineDiff.Row> diff = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PolicyCheckResult> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper(this, "hasErrors");
    private final BooleanBinding canApply;
    private final BooleanBinding canDelete;
    private String validatedText;
    private ApplyGate keyPolicyGate = (target, proceed) -> proceed.run();

    /**
     * Asked before a key policy is put (after the access check): calls {@code proceed} to put it,
     * or does not. The Keys feature shows the secrets the key protects here.
     */
    @FunctionalInterface
    public interface ApplyGate {
        void ask(PolicyTarget target, Runnable proceed);
    }

    /**
     * @param secret  the secret or key shown (null when none)
     * @param changed tells the detail that the resource's policy changed
     */
    public PolicyViewModel(ObservableObjectValue<PolicyTarget> secret, ObservableBooleanValue readOnly, PolicyService policies,
                           SecretMutations mutations, UiExecutor executor, DialogService dialogs, Texts texts, Runnable changed) {
        this.secret = Objects.requireNonNull(secret);
        this.readOnly = Objects.requireNonNull(readOnly);
        this.policies = Objects.requireNonNull(policies);
        this.mutations = Objects.requireNonNull(mutations);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        this.changed = Objects.requireNonNull(changed);
        this.loading = new LatestWins(this, executor);
        this.validation = new LatestWins(this, executor);
        this.writing = new LatestWins(this, executor);
        draft.addListener(o -> {
            dirty.set(!normalized(draft.get()).equals(normalized(stored.get())));
            diff.setAll(LineDiff.of(stored.get(), draft.get()));
            check.set(null);
        });
        stored.addListener(o -> dirty.set(!normalized(draft.get()).equals(normalized(stored.get()))));
        canApply = Bindings.createBooleanBinding(() -> !readOnly.get() && secret.get() != null && secret.get().editable()
                        && dirty.get() && !hasErrors.get()
                        && !draft.get().isBlank() && !writing.isBusy() && !loading.isBusy(),
                readOnly, secret, dirty, hasErrors, draft, writing.busyProperty(), loading.busyProperty());
        canDelete = Bindings.createBooleanBinding(() -> !readOnly.get() && stored.get() != null && !writing.isBusy()
                        && secret.get() != null && secret.get().kind() == PolicyKind.SECRET,
                readOnly, stored, writing.busyProperty(), secret);
        secret.addListener((o, was, now) -> {
            if (was == null || now == null || !was.arn().equals(now.arn())) {
                load();
            }
        });
        load();
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** What is shown: a secret or a key (null when nothing is). */
    public ObservableObjectValue<PolicyTarget> target() {
        return secret;
    }

    /** The policy as stored on the secret; null when it has none. */
    public ReadOnlyStringProperty storedProperty() {
        return stored.getReadOnlyProperty();
    }

    /** The document being edited (the editor binds here). */
    public StringProperty draftProperty() {
        return draft;
    }

    /** Access Analyzer's findings on the draft last validated, most serious first. */
    public ObservableList<PolicyFinding> findings() {
        return FXCollections.unmodifiableObservableList(findings);
    }

    /** The draft against the stored policy, line by line. */
    public ObservableList<LineDiff.Row> diff() {
        return FXCollections.unmodifiableObservableList(diff);
    }

    /** The last access check's answer (before Apply, or on request); null until one ran for this draft. */
    public ReadOnlyObjectProperty<PolicyCheckResult> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** What the last command did, in words ("Policy applied."); empty when nothing to say. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether the draft differs from the stored policy (white space aside). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Whether the draft has findings of ERROR severity (AWS would refuse it). */
    public ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.busyProperty();
    }

    public ReadOnlyBooleanProperty validatingProperty() {
        return validation.busyProperty();
    }

    public ReadOnlyBooleanProperty writingProperty() {
        return writing.busyProperty();
    }

    /** The last failure of loading, validating, checking or writing, with its scope, code and request ID. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loading.errorProperty();
    }

    public ReadOnlyStringProperty validationErrorProperty() {
        return validation.errorProperty();
    }

    public ReadOnlyStringProperty writeErrorProperty() {
        return writing.errorProperty();
    }

    /** What asks before a key policy is applied (by default nothing does). */
    public void gateKeyPolicy(ApplyGate gate) {
        this.keyPolicyGate = Objects.requireNonNull(gate);
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Reads the stored policy of the secret shown; the draft starts as it. */
    public void load() {
        PolicyTarget s = secret.get();
        validation.cancel();
        findings.clear();
        hasErrors.set(false);
        validatedText = null;
        check.set(null);
        notice.set("");
        if (s == null) {
            loading.cancel();
            stored.set(null);
            draft.set("");
            return;
        }
        loading.run(p -> s.kind() == PolicyKind.KEY ? policies.keyPolicy(s.scope(), s.arn()) : policies.secretPolicy(s.scope(), s.arn()),
                (ResourcePolicy policy) -> {
            stored.set(policy.document());
            draft.set(policy.document() == null ? "" : policy.document());
            validate();
        });
    }

    /** Validates the draft with Access Analyzer (latest wins); an empty draft has nothing to validate. */
    public void validate() {
        PolicyTarget s = secret.get();
        String text = draft.get();
        // nothing to validate: no draft, or a policy nobody but AWS can change (an AWS managed key's)
        if (s == null || text.isBlank() || !s.editable()) {
            validation.cancel();
            findings.clear();
            hasErrors.set(false);
            validatedText = text;
            return;
        }
        if (text.equals(validatedText)) {
            return;
        }
        validation.run(p -> policies.validate(s.scope(), text, s.kind()), (List<PolicyFinding> found) -> {
            validatedText = text;
            findings.setAll(found.stream().sorted(java.util.Comparator.comparing(PolicyFinding::severity)).toList());
            hasErrors.set(found.stream().anyMatch(f -> f.severity() == PolicyFinding.Severity.ERROR));
        });
    }

    /** The templates for what is shown: a secret's or a key's. */
    public List<PolicyTemplates.Template> templates() {
        PolicyTarget t = secret.get();
        return PolicyTemplates.forKind(t == null ? PolicyKind.SECRET : t.kind());
    }

    /** Replaces the draft with a template written for the secret shown. */
    public void useTemplate(PolicyTemplates.Template template) {
        PolicyTarget s = secret.get();
        if (s != null) {
            draft.set(PolicyTemplates.write(template, s.arn(), s.scope().accountId(), s.scope().region()));
            validate();
        }
    }

    /** The draft goes back to the stored policy. */
    public void revert() {
        draft.set(stored.get() == null ? "" : stored.get());
        validate();
    }

    /** Asks Access Analyzer whether the draft grants access the stored policy does not (or, with none stored, public access). */
    public void checkAccess() {
        PolicyTarget s = secret.get();
        String proposed = draft.get();
        if (s == null || proposed.isBlank()) {
            return;
        }
        String existing = stored.get();
        writing.run(p -> accessCheck(s, existing, proposed), check::set);
    }

    /**
     * Applies the draft: checks it first (see {@link #checkAccess}), asks before applying one
     * that grants new access, then puts it with BlockPublicPolicy. Nothing is sent in read-only mode.
     */
    public void apply() {
        PolicyTarget s = secret.get();
        String proposed = draft.get();
        if (!canApply.get()) {
            return;
        }
        String existing = stored.get();
        writing.run(p -> accessCheck(s, existing, proposed), (PolicyCheckResult result) -> {
            check.set(result);
            if (!result.passed() && !dialogs.confirm(texts.format("apply.newAccess.title"),
                    texts.format("apply.newAccess.message", s.name(), reasons(result)))) {
                notice.set(texts.format("notice.notApplied"));
                return;
            }
            Runnable put = () -> writing.run(p -> s.kind() == PolicyKind.KEY
                    ? mutations.apply(new SecretMutation.PutKeyPolicy(s.scope(), s.arn(), proposed))
                    : mutations.apply(new SecretMutation.PutSecretPolicy(s.scope(), s.arn(), proposed, true)), done -> {
                stored.set(proposed);
                notice.set(texts.format("notice.applied"));
                changed.run();
            });
            if (s.kind() == PolicyKind.KEY) {
                keyPolicyGate.ask(s, put);
            } else {
                put.run();
            }
        });
    }

    /** Removes the secret's policy after confirmation: then only identity policies (and the key policy) decide. */
    public void delete() {
        PolicyTarget s = secret.get();
        if (!canDelete.get() || !dialogs.confirm(texts.format("delete.title"), texts.format("delete.message", s.name()))) {
            return;
        }
        writing.run(p -> mutations.apply(new SecretMutation.DeleteSecretPolicy(s.scope(), s.arn())), arn -> {
            stored.set(null);
            draft.set("");
            findings.clear();
            hasErrors.set(false);
            notice.set(texts.format("notice.deleted"));
            changed.run();
        });
    }

    private PolicyCheckResult accessCheck(PolicyTarget s, String existing, String proposed) {
        return existing == null
                ? policies.checkNoPublicAccess(s.scope(), proposed, s.kind())
                : policies.checkNoNewAccess(s.scope(), existing, proposed, s.kind());
    }

    private static String reasons(PolicyCheckResult result) {
        String listed = result.reasons().stream().map(r -> "\u2022 " + r.description()).collect(Collectors.joining("\n"));
        return listed.isEmpty() ? result.message() : listed;
    }

    private static String normalized(String text) {
        return text == null ? "" : text.replaceAll("\\s", "");
    }
}
