package io.strongroom.ui.common;

import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What the secret detail gives each of its tabs' view models: the secret shown, the console's
 * read-only mode, and where to say that a tab changed the secret. The detail coordinates; a tab
 * never talks to another tab.
 */
public interface DetailHost {

    /** The secret shown, as last described (replaced after every change); null when none is selected or it is gone. */
    ReadOnlyObjectProperty<SecretSummary> secretProperty();

    /** The console's read-only mode: while true a tab offers no change. */
    ObservableBooleanValue readOnly();

    /** A tab changed the secret: the detail describes it again and the inventory refreshes. */
    void changed();

    /** A tab deleted the secret (scheduled or forced). */
    void deleted(SecretDeletion deletion);
}
