package io.strongroom.ui.editor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A gateway that remembers every mutation it was given, then performs it. */
public final class RecordingMutations implements Mutations {

    private final Mutations inner;
    private final List<Mutation<?>> applied = Collections.synchronizedList(new ArrayList<>());

    public RecordingMutations(Mutations inner) {
        this.inner = inner;
    }

    @Override
    public <R> R apply(Mutation<R> mutation) {
        applied.add(mutation);
        return inner.apply(mutation);
    }

    public List<Mutation<?>> applied() {
        return List.copyOf(applied);
    }

    public List<String> actions() {
        return applied().stream().map(Mutation::action).toList();
    }

    public void clear() {
        applied.clear();
    }
}
