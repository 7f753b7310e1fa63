package io.strongroom.ui.about;

/** A third-party library bundled with Strongroom: its Maven coordinates, version and licence (as its pom declares it). */
public record Library(String name, String version, String licence, String licenceUrl) {

    /** Whether {@code text} (lower case) occurs in the name or the licence. */
    boolean matches(String lowerCaseText) {
        return name.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseText)
                || licence.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseText);
    }
}
