package io.strongroom.ui.inventory;

import io.strongroom.domain.SecretSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The inventory's selection, kept across refreshes: a refresh lists the rows again as new objects,
 * and the ones that were selected are re-selected as they arrive ({@link #offer}); once all are
 * found, or the load ends, what did not come back is dropped. Not thread-safe: the inventory
 * calls it under its lock (on the UI thread with the FX executor).
 */
final class SelectionKeeper {

    private final ObservableList<SecretRow> selection = FXCollections.observableArrayList();
    private final ObservableList<SecretRow> selectionView = FXCollections.unmodifiableObservableList(selection);
    private final ReadOnlyObjectWrapper<SecretSummary> selectedSecret = new ReadOnlyObjectWrapper<>(this, "selectedSecret");
    /** Keys of rows selected when a refresh began that it has not listed again yet. */
    private final Set<String> pending = new LinkedHashSet<>();
    /** Rows of the current load that replace the selected ones. */
    private final List<SecretRow> reselected = new ArrayList<>();
    /** The selection's keys in the order the user had them. */
    private final List<String> order = new ArrayList<>();
    private String pendingFocus;

    ObservableList<SecretRow> selection() {
        return selectionView;
    }

    ReadOnlyObjectProperty<SecretSummary> selectedSecretProperty() {
        return selectedSecret.getReadOnlyProperty();
    }

    SecretSummary selectedSecret() {
        return selectedSecret.get();
    }

    /** A load begins: what is selected now is to be found again in what it lists. */
    void loadStarted() {
        if (pending.isEmpty()) {
            selection.forEach(r -> pending.add(r.key()));
            order.clear();
            order.addAll(pending);
            SecretSummary focus = selectedSecret.get();
            pendingFocus = focus == null ? null : keyOf(focus);
        } else {
            // a refresh during a refresh: what the first one re-found is to be found again
            reselected.forEach(r -> pending.add(r.key()));
        }
        reselected.clear();
    }

    /** Rows that arrived: true when some of them replace selected ones. */
    boolean offer(List<SecretRow> rows) {
        boolean found = false;
        if (!pending.isEmpty()) {
            for (SecretRow r : rows) {
                if (pending.remove(r.key())) {
                    reselected.add(r);
                    found = true;
                }
            }
        }
        return found;
    }

    /**
     * Re-selects the rows a refresh listed again (after they are in the table). Once all are
     * found, or the load ends ({@code last}), what did not come back is dropped from the selection.
     */
    void restore(boolean found, boolean last) {
        if (pending.isEmpty() && reselected.isEmpty() && pendingFocus == null) {
            return;
        }
        if (found) {
            reselected.sort(Comparator.comparingInt(r -> order.indexOf(r.key())));
            selection.setAll(reselected);
            for (SecretRow r : reselected) {
                if (r.key().equals(pendingFocus)) {
                    selectedSecret.set(r.summary());
                }
            }
        }
        if (pending.isEmpty() || last) {
            if (!selection.equals(reselected) || !sameInstances(selection, reselected)) {
                selection.setAll(reselected);
            }
            boolean focusBack = reselected.stream().anyMatch(r -> r.key().equals(pendingFocus));
            if (!focusBack) {
                selectedSecret.set(reselected.isEmpty() ? null : reselected.get(0).summary());
            }
            stopRestoring();
        }
    }

    /**
     * The table's selection changed: {@code rows} selected, {@code focused} the one the user is on
     * (null for the first). An empty selection while a refresh is re-finding rows is the table
     * losing rows that are about to come back, and is ignored.
     */
    void select(List<SecretRow> rows, SecretRow focused) {
        if (rows.isEmpty() && !pending.isEmpty()) {
            return;
        }
        stopRestoring();
        List<SecretRow> copy = List.copyOf(rows);
        if (!copy.equals(selection) || !sameInstances(copy, selection)) {
            selection.setAll(copy);
        }
        SecretRow f = focused != null && copy.contains(focused) ? focused : copy.isEmpty() ? null : copy.get(0);
        selectedSecret.set(f == null ? null : f.summary());
    }

    /** A secret changed elsewhere: its new row replaces the selected one. */
    void changed(SecretRow row) {
        int s = selection.indexOf(row);
        if (s >= 0) {
            selection.set(s, row);
        }
        SecretSummary current = selectedSecret.get();
        if (current != null && keyOf(current).equals(row.key())) {
            selectedSecret.set(row.summary());
        }
    }

    /** A secret is gone: it leaves the selection. */
    void removed(String key) {
        selection.removeIf(r -> r.key().equals(key));
        SecretSummary current = selectedSecret.get();
        if (current != null && keyOf(current).equals(key)) {
            selectedSecret.set(selection.isEmpty() ? null : selection.get(0).summary());
        }
    }

    private void stopRestoring() {
        pending.clear();
        order.clear();
        reselected.clear();
        pendingFocus = null;
    }

    private static String keyOf(SecretSummary s) {
        return SecretRow.keyOf(s.scope().id(), s.arn());
    }

    private static boolean sameInstances(List<SecretRow> a, List<SecretRow> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
