package io.strongroom.ui.editor;

import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A gateway that remembers every mutation it was given, then performs it. */
public final class RecordingMutations implements SecretMutations {

    private final SecretMutations inner;
    private final List<SecretMutation<?>> applied = Collections.synchronizedList(new ArrayList<>());

    public RecordingMutations(SecretMutations inner) {
        this.inner = inner;
    }

    @Override
    public <R> R apply(SecretMutation<R> mutation) {
        applied.add(mutation);
        return inner.apply(mutation);
    }

    public List<SecretMutation<?>> applied() {
        return List.copyOf(applied);
    }

    public List<String> actions() {
        return applied().stream().map(SecretMutation::action).toList();
    }

    public void clear() {
        applied.clear();
    }
}
