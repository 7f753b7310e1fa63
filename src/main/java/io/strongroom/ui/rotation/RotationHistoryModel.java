package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.SecretVersion;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A secret's rotation history as one timeline, newest first: its versions (deprecated ones
 * included, each with the labels it holds now, so where AWSCURRENT, AWSPREVIOUS and AWSPENDING sit
 * shows at a glance) merged with its rotation events of the last 90 days. Loaded by
 * {@link RotationTabViewModel} together with the state, which needs the same events.
 */
public final class RotationHistoryModel {

    /**
     * By the second (CloudTrail gives events to the second, versions carry milliseconds); within one
     * second an outcome is shown above the version, and the version above the start that made it.
     */
    private static final Comparator<RotationHistoryEntry> NEWEST_FIRST = Comparator
            .comparing((RotationHistoryEntry e) -> e.time().truncatedTo(ChronoUnit.SECONDS))
            .thenComparing(e -> switch (e.kind()) {
                case STARTED -> 0;
                case VERSION -> 1;
                default -> 2;
            }).thenComparing(RotationHistoryEntry::time).reversed();

    private final ObservableList<RotationHistoryEntry> entries = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners added to it stay registered (a new view per call is only weakly held by the list). */
    private final ObservableList<RotationHistoryEntry> entriesShown = FXCollections.unmodifiableObservableList(entries);

    /** The timeline, newest first. */
    public ObservableList<RotationHistoryEntry> entries() {
        return entriesShown;
    }

    void show(List<SecretVersion> versions, List<RotationEvent> events) {
        entries.setAll(merge(versions, events));
    }

    void clear() {
        entries.clear();
    }

    /** Versions and rotation events in one list, newest first. */
    public static List<RotationHistoryEntry> merge(List<SecretVersion> versions, List<RotationEvent> events) {
        Set<String> rotated = new HashSet<>();
        List<RotationHistoryEntry> out = new ArrayList<>(versions.size() + events.size());
        for (RotationEvent e : events) {
            if (e.token() != null) {
                rotated.add(e.token());
            }
            out.add(RotationHistoryEntry.of(e));
        }
        for (SecretVersion v : versions) {
            out.add(RotationHistoryEntry.of(v, rotated.contains(v.versionId())));
        }
        out.sort(NEWEST_FIRST);
        return out;
    }
}
