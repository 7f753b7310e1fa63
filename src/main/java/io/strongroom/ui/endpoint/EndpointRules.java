package io.strongroom.ui.endpoint;

import io.strongroom.domain.CustomEndpoint;
import io.strongroom.ui.common.Texts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a custom endpoint's form fields must be, each check answering the problem to show (null
 * when there is none). Kept apart from {@link EndpointViewModel}, which decides when a problem is
 * shown and what may run.
 */
final class EndpointRules {

    private final Texts texts;

    EndpointRules(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** The regions typed, split on commas, semicolons or spaces, without repeats, in order. */
    static List<String> parseRegions(String value) {
        if (value == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(value.split("[,;\\s]+"))
                .filter(s -> !s.isEmpty()).toList()));
    }

    /** {@code takenNames} in lower case. */
    String problemWithName(String value, Set<String> takenNames) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return texts.get("endpoint.problem.name.required");
        }
        if (v.length() > CustomEndpoint.MAX_NAME_LENGTH) {
            return texts.format("endpoint.problem.name.tooLong", CustomEndpoint.MAX_NAME_LENGTH);
        }
        if (!CustomEndpoint.isValidName(v)) {
            return texts.get("endpoint.problem.name.control");
        }
        if (takenNames.contains(v.toLowerCase(Locale.ROOT))) {
            return texts.format("endpoint.problem.name.taken", v);
        }
        return null;
    }

    String problemWithUrl(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return texts.get("endpoint.problem.url.required");
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            return texts.format("endpoint.problem.url.syntax", e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque()) {
            return texts.get("endpoint.problem.url.scheme");
        }
        if (uri.getRawUserInfo() != null) {
            return texts.get("endpoint.problem.url.userInfo");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return texts.get("endpoint.problem.url.host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return texts.get("endpoint.problem.url.query");
        }
        return CustomEndpoint.isValidUrl(uri) ? null : texts.get("endpoint.problem.url.scheme");
    }

    String problemWithKeyId(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return texts.get("endpoint.problem.keyId.required");
        }
        if (v.length() > CustomEndpoint.MAX_KEY_ID_LENGTH) {
            return texts.format("endpoint.problem.keyId.tooLong", CustomEndpoint.MAX_KEY_ID_LENGTH);
        }
        return CustomEndpoint.isValidAccessKeyId(v) ? null : texts.get("endpoint.problem.keyId.chars");
    }

    String problemWithSecret(String value) {
        if (value == null || value.isEmpty()) {
            return texts.get("endpoint.problem.secret.required");
        }
        // a pasted key often carries a newline or a space: refuse rather than strip a secret silently
        return value.chars().anyMatch(Character::isWhitespace) ? texts.get("endpoint.problem.secret.whitespace") : null;
    }

    String problemWithAccountId(String value) {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() || CustomEndpoint.ACCOUNT_ID.matcher(v).matches() ? null : texts.get("endpoint.problem.accountId");
    }

    String problemWithRegions(String value) {
        List<String> list = parseRegions(value);
        if (list.isEmpty()) {
            return texts.get("endpoint.problem.regions.required");
        }
        for (String r : list) {
            if (!CustomEndpoint.isValidRegion(r)) {
                return texts.format("endpoint.problem.regions.invalid", r);
            }
        }
        return null;
    }
}
