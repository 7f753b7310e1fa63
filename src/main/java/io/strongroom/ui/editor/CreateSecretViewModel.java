package io.strongroom.ui.editor;

import io.strongroom.domain.NewSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ErrorText;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/**
 * The create-secret dialog: name (checked as it is typed), description, KMS key, tags and a value
 * of any kind. {@link #create()} sends nothing until every field is valid, and sends through
 * {@link Mutations} so the action journal records it.
 */
public final class CreateSecretViewModel {

    private final EditorContext ctx;
    private final Scope scope;
    private final ValueEditorModel value;
    private final KmsKeyPicker kmsKey;
    private final TagListModel tags = new TagListModel();
    private String requestToken;
    /** Held here: the console-wide read-only property must not keep a closed dialog alive. */
    private final InvalidationListener onReadOnly = x -> validate();

    // ---- Properties: inputs --------------------------------------------------------------------
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");

    // ---- Properties: state ---------------------------------------------------------------------
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem");
    private final ReadOnlyStringWrapper nameWarning = new ReadOnlyStringWrapper(this, "nameWarning");
    private final ReadOnlyStringWrapper descriptionProblem = new ReadOnlyStringWrapper(this, "descriptionProblem");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper(this, "canCreate");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<VersionWritten> created = new ReadOnlyObjectWrapper<>(this, "created");

    public CreateSecretViewModel(EditorContext ctx, Scope scope) {
        this.ctx = Objects.requireNonNull(ctx);
        this.scope = Objects.requireNonNull(scope);
        PasswordGeneratorModel generator = new PasswordGeneratorModel(ctx.secrets(), scope, ctx.executor());
        this.value = new ValueEditorModel(ctx.executor(), ctx.dialogs(), generator);
        this.kmsKey = new KmsKeyPicker(ctx.keys(), scope, ctx.executor());
        Observable[] inputs = {name, description, value.problemProperty(), value.revisionProperty(), value.validProperty(),
                tags.rows(), kmsKey.selectedProperty()};
        for (Observable o : inputs) {
            o.addListener(x -> changed());
        }
        busy.addListener(x -> validate());
        ctx.readOnly().addListener(new WeakInvalidationListener(onReadOnly));
        validate();
    }

    public Scope scope() {
        return scope;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ValueEditorModel value() {
        return value;
    }

    public KmsKeyPicker kmsKey() {
        return kmsKey;
    }

    public TagListModel tags() {
        return tags;
    }

    /** Why the name is not allowed (AWS's rules), or null. */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    /** Advice about an allowed name, or null. */
    public ReadOnlyStringProperty nameWarningProperty() {
        return nameWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProblemProperty() {
        return descriptionProblem.getReadOnlyProperty();
    }

    /** The first thing stopping {@link #create()}, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCreateProperty() {
        return canCreate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last create failed (scope, AWS code, message, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The created secret, once CreateSecret succeeded: the dialog closes on it. */
    public ReadOnlyObjectProperty<VersionWritten> createdProperty() {
        return created.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Loads the KMS key picker's keys (call when the dialog opens). */
    public void loadKeys() {
        kmsKey.load();
    }

    /**
     * Sends CreateSecret when everything is valid; returns whether it was sent. The request token
     * stays the same until something changes, so a retry after a lost answer cannot create twice.
     */
    public boolean create() {
        validate();
        if (!canCreate.get()) {
            if (ctx.isReadOnly()) {
                error.set(EditorText.get("readOnly.refused", "CreateSecret", name.get()));
            }
            return false;
        }
        if (requestToken == null) {
            requestToken = SecretsService.newRequestToken();
        }
        String d = description.get();
        NewSecret secret = new NewSecret(name.get(), d == null || d.isEmpty() ? null : d, kmsKey.selectedProperty().get().keyRef(),
                value.payload(), tags.tags(), requestToken);
        busy.set(true);
        error.set(null);
        ctx.executor().submit(() -> ctx.mutations().apply(new Mutation.Create(scope, secret)), written -> {
            busy.set(false);
            value.wipe();
            created.set(written);
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
        return true;
    }

    /** Drops the value from memory and stops loading keys (the dialog was closed). */
    public void dispose() {
        kmsKey.cancel();
        value.wipe();
    }

    /** The request as composed changed: a new request token next time. */
    private void changed() {
        requestToken = null;
        validate();
    }

    private void validate() {
        nameProblem.set(SecretRules.nameProblem(name.get()).orElse(null));
        nameWarning.set(SecretRules.nameWarning(name.get()).orElse(null));
        descriptionProblem.set(SecretRules.descriptionProblem(description.get()).orElse(null));
        String p = nameProblem.get();
        if (p == null) {
            p = descriptionProblem.get();
        }
        if (p == null) {
            p = value.problemProperty().get();
        }
        if (p == null) {
            p = tags.problemProperty().get();
        }
        if (p == null && !value.validProperty().get()) {
            p = EditorText.get("value.reading");
        }
        if (p == null && ctx.isReadOnly()) {
            p = EditorText.get("readOnly.banner");
        }
        problem.set(p);
        canCreate.set(p == null && !busy.get() && created.get() == null);
    }
}
