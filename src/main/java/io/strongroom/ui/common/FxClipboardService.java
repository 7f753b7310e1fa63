package io.strongroom.ui.common;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The system clipboard. A sensitive copy is cleared after its delay if the clipboard still holds
 * it; what is kept meanwhile is a SHA-256 fingerprint of the value, never the value itself, so
 * the delay does not keep a secret alive on the heap. Call on the FX thread.
 */
public final class FxClipboardService implements ClipboardService {

    /** When to run the clear-check; a PauseTransition in the app, something faster in tests. */
    @FunctionalInterface
    public interface Delay {
        void after(Duration delay, Runnable action);
    }

    private final Supplier<Clipboard> clipboard;
    private final Delay delay;

    public FxClipboardService() {
        this(Clipboard::getSystemClipboard, FxClipboardService::pause);
    }

    public FxClipboardService(Supplier<Clipboard> clipboard, Delay delay) {
        this.clipboard = Objects.requireNonNull(clipboard);
        this.delay = Objects.requireNonNull(delay);
    }

    private static void pause(Duration d, Runnable action) {
        PauseTransition p = new PauseTransition(javafx.util.Duration.millis(d.toMillis()));
        p.setOnFinished(e -> action.run());
        p.play();
    }

    @Override
    public void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        clipboard.get().setContent(content);
    }

    @Override
    public void putSensitive(String text, int clearAfterSeconds) {
        put(text);
        byte[] fingerprint = fingerprint(text);
        delay.after(Duration.ofSeconds(clearAfterSeconds), () -> {
            String now = current();
            // someone copied something else meanwhile: theirs to keep
            if (now != null && MessageDigest.isEqual(fingerprint, fingerprint(now))) {
                clipboard.get().clear();
            }
        });
    }

    @Override
    public String current() {
        Clipboard c = clipboard.get();
        return c.hasString() ? c.getString() : null;
    }

    private static byte[] fingerprint(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
