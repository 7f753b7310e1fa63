package io.strongroom.domain;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A wire-compatible endpoint the user added (another emulator, a proxy, a VPC endpoint) with the
 * one account its access key signs for: what is remembered of it between runs.
 *
 * <p>There is deliberately no secret access key here. The secret half of the key pair is kept in
 * memory for the session only and asked for again on the next start (decision record 0006), so
 * nothing that writes this record, by hand or by reflection, can write the secret.
 *
 * @param name        what the user calls it; unique among endpoints, shown as the account's alias
 * @param url         the {@code http} or {@code https} URL every service is reached at
 * @param accessKeyId the access key ID requests are signed with
 * @param accountId   the 12-digit account ID the key belongs to (typed, or learnt from STS)
 * @param regions     the regions to look at behind this endpoint, at least one
 */
public record CustomEndpoint(String name, URI url, String accessKeyId, String accountId, List<String> regions) {

    public static final int MAX_NAME_LENGTH = 64;
    /** AWS's own bound for an access key ID. */
    public static final int MAX_KEY_ID_LENGTH = 128;
    public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** Lower-case words joined by hyphens: {@code us-east-1}, {@code eu-central-2}, an emulator's {@code local}. */
    public static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_REGION_LENGTH = 32;

    public CustomEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(regions, "regions");
        name = name.strip();
        if (!isValidName(name)) {
            throw new IllegalArgumentException("an endpoint name is 1 to " + MAX_NAME_LENGTH + " printable characters");
        }
        if (!isValidUrl(url)) {
            throw new IllegalArgumentException("an endpoint URL is an http or https URL with a host: " + url);
        }
        if (!isValidAccessKeyId(accessKeyId)) {
            throw new IllegalArgumentException("an access key ID is 1 to " + MAX_KEY_ID_LENGTH + " letters, digits or _");
        }
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("an account ID is 12 digits");
        }
        regions = List.copyOf(new LinkedHashSet<>(regions));
        if (regions.isEmpty() || !regions.stream().allMatch(CustomEndpoint::isValidRegion)) {
            throw new IllegalArgumentException("an endpoint has at least one region, each like us-east-1: " + regions);
        }
    }

    /** One to {@value #MAX_NAME_LENGTH} characters, none of them a control character, not blank. */
    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH
                && name.chars().noneMatch(Character::isISOControl);
    }

    /**
     * An absolute {@code http} or {@code https} URL with a host, and nothing the SDK would carry
     * along unseen: no user information (a password in a URL ends up in logs), query or fragment.
     */
    public static boolean isValidUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque() || url.getHost() == null || url.getHost().isEmpty()) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getRawUserInfo() == null
                && url.getRawQuery() == null && url.getRawFragment() == null;
    }

    /**
     * Letters, digits and {@code _} (AWS's own pattern, {@code [\w]+}), one to
     * {@value #MAX_KEY_ID_LENGTH} of them. Emulators accept any ID ({@code test}), so the
     * AWS length minimum of 16 is not required.
     */
    public static boolean isValidAccessKeyId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_KEY_ID_LENGTH && id.chars().allMatch(
                c -> c == '_' || (c < 128 && Character.isLetterOrDigit(c)));
    }

    public static boolean isValidRegion(String region) {
        return region != null && region.length() <= MAX_REGION_LENGTH && REGION.matcher(region).matches();
    }

    /** Whether requests to this endpoint travel unencrypted to another machine (plain http, not loopback). */
    public boolean plainHttpOffThisMachine() {
        return plainHttpOffThisMachine(url);
    }

    public static boolean plainHttpOffThisMachine(URI url) {
        if (url == null || url.getScheme() == null || !url.getScheme().equalsIgnoreCase("http") || url.getHost() == null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }
}
