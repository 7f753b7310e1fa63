package io.strongroom.ui.editor;

import io.strongroom.ui.common.ClipboardService;

import java.util.ArrayList;
import java.util.List;

/** A clipboard that remembers what was put on it and for how long sensitive text was to stay. */
public final class RecordingClipboard implements ClipboardService {

    public record Put(String text, boolean sensitive, int clearAfterSeconds) {
        @Override
        public String toString() {
            return "Put[" + (sensitive ? "****" : text) + ", sensitive=" + sensitive + ", " + clearAfterSeconds + " s]";
        }
    }

    public final List<Put> puts = new ArrayList<>();

    @Override
    public void put(String text) {
        puts.add(new Put(text, false, 0));
    }

    @Override
    public void putSensitive(String text, int clearAfterSeconds) {
        puts.add(new Put(text, true, clearAfterSeconds));
    }

    @Override
    public String current() {
        return puts.isEmpty() ? null : puts.get(puts.size() - 1).text();
    }

    public Put last() {
        return puts.isEmpty() ? null : puts.get(puts.size() - 1);
    }
}
