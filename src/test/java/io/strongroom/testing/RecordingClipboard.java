package io.strongroom.testing;

import io.strongroom.ui.common.ClipboardService;

/** A clipboard in memory. For view-model tests. */
public final class RecordingClipboard implements ClipboardService {

    private String content;
    public int sensitiveCopies;

    @Override
    public void put(String text) {
        content = text;
    }

    @Override
    public void putSensitive(String text, int clearAfterSeconds) {
        content = text;
        sensitiveCopies++;
    }

    @Override
    public String current() {
        return content;
    }
}
