package io.strongroom.ui.editor;

import javafx.beans.Observable;

/** The editor's one way of reacting to its inputs: a view model re-checks itself whenever one changes. */
final class Inputs {

    private Inputs() {}

    /** Runs {@code then} whenever one of {@code inputs} is invalidated. */
    static void onChange(Runnable then, Observable... inputs) {
        for (Observable o : inputs) {
            o.addListener(x -> then.run());
        }
    }
}
