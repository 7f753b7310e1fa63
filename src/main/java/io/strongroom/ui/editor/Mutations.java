package io.strongroom.ui.editor;

import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutations;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The one gateway for every change the console makes to secrets. View models never call the
 * write methods of {@link SecretsService} themselves; they describe the change as a
 * {@link Mutation} and hand it here, so a decorator wrapped around this single method sees every
 * write: the action journal records who, what, which scope, when and the result, and
 * {@link #refusingWhen} stops all of them in read-only mode.
 *
 * <p>Called on a background thread (inside {@code UiExecutor.submit}); it blocks until AWS answers
 * and throws what the service layer throws ({@code ScopeException}).
 */
@FunctionalInterface
public interface Mutations {

    <R> R apply(Mutation<R> mutation);

    /** The undecorated gateway: performs each mutation with the service layer. */
    static Mutations direct(SecretsService service) {
        Objects.requireNonNull(service, "service");
        return through(SecretMutations.of(service));
    }

    /**
     * Performs each mutation through {@code mutations} — in the console, the journaled and
     * read-only-guarded {@code JournaledSecrets}, so every change is recorded with its outcome.
     */
    static Mutations through(SecretMutations mutations) {
        Objects.requireNonNull(mutations, "mutations");
        return new Mutations() {
            @Override
            public <R> R apply(Mutation<R> mutation) {
                return mutation.execute(mutations);
            }
        };
    }

    /**
     * This gateway, refusing every mutation with {@link ReadOnlyModeException} while
     * {@code readOnly} is true: a second line behind the view models' own checks, so a control
     * someone forgot to disable still cannot change anything.
     */
    default Mutations refusingWhen(BooleanSupplier readOnly) {
        Objects.requireNonNull(readOnly, "readOnly");
        Mutations inner = this;
        return new Mutations() {
            @Override
            public <R> R apply(Mutation<R> mutation) {
                if (readOnly.getAsBoolean()) {
                    throw new ReadOnlyModeException(mutation);
                }
                return inner.apply(mutation);
            }
        };
    }
}
