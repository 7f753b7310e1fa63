package io.strongroom.service.journal;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.ScopeException;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The console's one read-only check. As {@link SecretMutations} it refuses every mutation while
 * read-only mode is on, without sending anything: the backstop behind the disabled controls. A
 * refusal is a {@link ScopeException} with the code {@value #READ_ONLY}, so it names the scope
 * like any other failure and, with the guard inside {@link JournaledSecrets}, is journaled as a
 * failed attempt. View models ask the same guard ({@link #isActive()}) before offering a change.
 */
public final class ReadOnlyGuard implements SecretMutations {

    /** The error code of a refused mutation (client-side: no request was made). */
    public static final String READ_ONLY = "ReadOnlyMode";

    private final SecretMutations delegate;
    private final BooleanSupplier readOnly;

    /** {@code readOnly} is asked on the calling thread, at every call. */
    public ReadOnlyGuard(SecretMutations delegate, BooleanSupplier readOnly) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.readOnly = Objects.requireNonNull(readOnly, "readOnly");
    }

    /** Whether read-only mode is on now: every mutation is refused while it is. */
    public boolean isActive() {
        return readOnly.getAsBoolean();
    }

    @Override
    public <R> R apply(SecretMutation<R> mutation) {
        Scope scope = mutation.scope();
        if (isActive()) {
            throw new ScopeException(new ScopeError(scope, READ_ONLY,
                    "Strongroom is in read-only mode; the change was not sent", null, 0), null);
        }
        return delegate.apply(mutation);
    }
}
