package io.strongroom.ui.editor;

import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/**
 * The create-secret dialog: name (checked as it is typed), description, KMS key, tags and a value
 * of any kind. {@link #create()} sends nothing until every field is valid, and sends through
 * {@link SecretMutations} so the action journal records it.
 */
public final class CreateSecretViewModel {

    private final EditorContext ctx;
    private final Scope scope;
    /** Create: its problem, canCreate, busy, error and the created secret. */
    private final DialogCommand<VersionWritten> command;
    private final ValueEditorModel value;
    private final KmsKeyPicker kmsKey;
    private final TagListModel tags = new TagListModel();
    private String requestToken;

    // ---- Properties: inputs --------------------------------------------------------------------
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");

    // ---- Properties: state ---------------------------------------------------------------------
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem");
    private final ReadOnlyStringWrapper nameWarning = new ReadOnlyStringWrapper(this, "nameWarning");
    private final ReadOnlyStringWrapper descriptionProblem = new ReadOnlyStringWrapper(this, "descriptionProblem");

    public CreateSecretViewModel(EditorContext ctx, Scope scope) {
        this.ctx = Objects.requireNonNull(ctx);
        this.scope = Objects.requireNonNull(scope);
        this.command = new DialogCommand<>(this, ctx, "CreateSecret", "canCreate", "created", this::validate);
        PasswordGeneratorModel generator = new PasswordGeneratorModel(ctx.secrets(), scope, ctx.executor());
        this.value = new ValueEditorModel(ctx.executor(), ctx.dialogs(), generator);
        this.kmsKey = new KmsKeyPicker(ctx.keys(), scope, ctx.executor());
        Observable[] inputs = {name, description, value.problemProperty(), value.revisionProperty(), value.validProperty(),
                tags.rows(), kmsKey.selectedProperty()};
        for (Observable o : inputs) {
            o.addListener(x -> changed());
        }
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
        return command.problemProperty();
    }

    public ReadOnlyBooleanProperty canCreateProperty() {
        return command.canRunProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return command.busyProperty();
    }

    /** Why the last create failed (scope, AWS code, message, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return command.errorProperty();
    }

    /** The created secret, once CreateSecret succeeded: the dialog closes on it. */
    public ReadOnlyObjectProperty<VersionWritten> createdProperty() {
        return command.resultProperty();
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
        if (!command.mayRun(name.get())) {
            return false;
        }
        if (requestToken == null) {
            requestToken = SecretsService.newRequestToken();
        }
        String d = description.get();
        NewSecret secret = new NewSecret(name.get(), d == null || d.isEmpty() ? null : d, kmsKey.selectedProperty().get().keyRef(),
                value.payload(), tags.tags(), requestToken);
        command.send(() -> ctx.mutations().apply(new SecretMutation.Create(scope, secret)), value::wipe);
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
        command.settle(p);
    }
}
