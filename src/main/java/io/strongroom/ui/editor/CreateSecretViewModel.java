package io.strongroom.ui.editor;

import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.SecretsService;
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
public final class CreateSecretViewModel extends EditorDialogModel<VersionWritten> {

    private final Scope scope;
    private final ValueEditorModel value;
    private final KmsKeyPicker kmsKey;
    private final TagListModel tags;
    private String requestToken;

    // ---- Properties: inputs --------------------------------------------------------------------
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");

    // ---- Properties: state ---------------------------------------------------------------------
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem");
    private final ReadOnlyStringWrapper nameWarning = new ReadOnlyStringWrapper(this, "nameWarning");
    private final ReadOnlyStringWrapper descriptionProblem = new ReadOnlyStringWrapper(this, "descriptionProblem");

    public CreateSecretViewModel(EditorContext ctx, Scope scope) {
        super(ctx, "CreateSecret", "canCreate", "created");
        this.scope = Objects.requireNonNull(scope);
        this.value = ValueEditorModel.of(ctx, scope);
        this.tags = new TagListModel(texts);
        this.kmsKey = new KmsKeyPicker(ctx.keys(), scope, ctx.executor(), texts);
        Inputs.onChange(this::changed, name, description, value.problemProperty(), value.revisionProperty(),
                value.validProperty(), tags.rows(), kmsKey.selectedProperty());
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

    public ReadOnlyBooleanProperty canCreateProperty() {
        return canRun();
    }

    /** The created secret, once CreateSecret succeeded: the dialog closes on it. */
    public ReadOnlyObjectProperty<VersionWritten> createdProperty() {
        return result();
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
        return submit();
    }

    @Override
    String subject() {
        return name.get();
    }

    @Override
    boolean send() {
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
    @Override
    public void dispose() {
        kmsKey.cancel();
        value.wipe();
    }

    /** The request as composed changed: a new request token next time. */
    private void changed() {
        requestToken = null;
        validate();
    }

    @Override
    void validate() {
        nameProblem.set(rules.nameProblem(name.get()).orElse(null));
        nameWarning.set(rules.nameWarning(name.get()).orElse(null));
        descriptionProblem.set(rules.descriptionProblem(description.get()).orElse(null));
        command.settle(first(nameProblem.get(), descriptionProblem.get(), value.problemProperty().get(),
                tags.problemProperty().get(), when(!value.validProperty().get(), "value.reading")));
    }
}
