package io.strongroom.ui.about;

import io.strongroom.ui.common.ClipboardService;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The About dialog: name, version, licence, the Java runtime, and the third-party libraries with
 * their licences, filtered by what the user types (in a library's name or licence). "Copy
 * details" puts the version, runtime and library list on the clipboard, for a bug report.
 */
public final class AboutViewModel {

    public static final String NAME = "Strongroom";

    private final AboutInfo info;
    private final ClipboardService clipboard;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final FilteredList<Library> libraries;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public AboutViewModel(AboutInfo info, ClipboardService clipboard) {
        this.info = Objects.requireNonNull(info);
        this.clipboard = Objects.requireNonNull(clipboard);
        ObservableList<Library> all = FXCollections.observableArrayList(info.libraries());
        this.libraries = new FilteredList<>(all, l -> true);
        filter.addListener((o, was, now) -> {
            String text = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            libraries.setPredicate(text.isEmpty() ? l -> true : l -> l.matches(text));
            updateSummary();
        });
        updateSummary();
    }

    public String name() {
        return NAME;
    }

    public String version() {
        return info.version();
    }

    public String licence() {
        return info.licence();
    }

    public String licenceText() {
        return info.licenceText();
    }

    public String runtime() {
        return info.runtime();
    }

    /** The libraries the filter lets through, in the generated list's order. */
    public ObservableList<Library> libraries() {
        return libraries;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** "N libraries" or "N of M libraries" while filtering; numbers only, the view words them. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public int libraryCount() {
        return (int) info.libraries().stream().map(Library::name).distinct().count();
    }

    /** Name, version, runtime and every bundled library with its licence, as plain text on the clipboard. */
    public void copyDetails() {
        clipboard.put(details());
    }

    String details() {
        return NAME + " " + info.version() + " (" + info.licence() + ")\n" + info.runtime() + "\n\nThird-party libraries:\n"
                + info.libraries().stream().map(l -> "  " + l.name() + " " + l.version() + " — " + l.licence())
                .collect(Collectors.joining("\n")) + "\n";
    }

    private void updateSummary() {
        long shown = libraries.stream().map(Library::name).distinct().count();
        int all = libraryCount();
        summary.set(shown == all ? Integer.toString(all) : shown + "/" + all);
    }
}
