package io.strongroom.service.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The SSO token cache the AWS CLI v2 and the AWS SDKs share: {@code ~/.aws/sso/cache}, one JSON
 * file per token named by the SHA-1 of the session name (or, in the legacy form, of the start
 * URL), and one per OIDC client registration named by the SHA-1 of the JSON botocore builds from
 * the start URL, region, scopes and session name. Files are written atomically with owner-only
 * permissions (0600), as botocore's JSONFileCache writes them.
 */
final class SsoTokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An OIDC client registration (RegisterClient) as botocore caches it. */
    record Registration(String clientId, String clientSecret, Instant expiresAt, List<String> scopes) {
        @Override
        public String toString() {
            return "Registration[" + clientId + ", expires " + expiresAt + ", secret ****]";
        }
    }

    private final Path directory;

    SsoTokenCache(Path directory) {
        this.directory = directory;
    }

    /** Where the AWS CLI and the SDK keep it: {@code <home>/.aws/sso/cache}, home found as the SDK finds it. */
    static Path defaultDirectory() {
        return Path.of(UserHomeDirectoryUtils.userHomeDirectory(), ".aws", "sso", "cache");
    }

    Path directory() {
        return directory;
    }

    Path tokenFile(SsoProfile p) {
        return directory.resolve(sha1(p.tokenCacheKey()) + ".json");
    }

    Path registrationFile(SsoProfile p) {
        return directory.resolve(sha1(registrationKey(p)) + ".json");
    }

    /** The cached token, if a readable one is there; an unreadable file counts as none. */
    Optional<SsoToken> token(SsoProfile p) {
        Optional<JsonNode> n = read(tokenFile(p));
        if (n.isEmpty() || !n.get().hasNonNull("accessToken") || !n.get().hasNonNull("expiresAt")) {
            return Optional.empty();
        }
        JsonNode t = n.get();
        return Optional.of(new SsoToken(text(t, "startUrl"), text(t, "region"), text(t, "accessToken"),
                instant(text(t, "expiresAt")), text(t, "refreshToken"), text(t, "clientId"), text(t, "clientSecret"),
                instant(text(t, "registrationExpiresAt"))));
    }

    void writeToken(SsoProfile p, SsoToken token) {
        ObjectNode n = JSON.createObjectNode();
        n.put("startUrl", token.startUrl());
        n.put("region", token.region());
        n.put("accessToken", token.accessToken());
        n.put("expiresAt", timestamp(token.expiresAt()));
        if (token.refreshToken() != null) {
            n.put("refreshToken", token.refreshToken());
        }
        if (token.clientId() != null) {
            n.put("clientId", token.clientId());
            n.put("clientSecret", token.clientSecret());
            n.put("registrationExpiresAt", timestamp(token.registrationExpiresAt()));
        }
        write(tokenFile(p), n);
    }

    /** Deletes the cached token (a revoked one), so the next sign-in starts the device flow. */
    void removeToken(SsoProfile p) {
        try {
            Files.deleteIfExists(tokenFile(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the cached SSO token of profile " + p.profileName(), e);
        }
    }

    Optional<Registration> registration(SsoProfile p) {
        return read(registrationFile(p)).filter(n -> n.hasNonNull("clientId") && n.hasNonNull("clientSecret"))
                .map(n -> new Registration(text(n, "clientId"), text(n, "clientSecret"), instant(text(n, "expiresAt")),
                        p.scopes()));
    }

    void writeRegistration(SsoProfile p, Registration r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("clientId", r.clientId());
        n.put("clientSecret", r.clientSecret());
        n.put("expiresAt", timestamp(r.expiresAt()));
        if (!r.scopes().isEmpty()) {
            r.scopes().forEach(n.putArray("scopes")::add);
        }
        write(registrationFile(p), n);
    }

    /**
     * botocore's registration cache key: {@code json.dumps} of tool, startUrl, region, scopes and
     * session_name with sorted keys and Python's default separators, ASCII only.
     */
    static String registrationKey(SsoProfile p) {
        String scopes = p.scopes().isEmpty() ? "null"
                : "[" + String.join(", ", p.scopes().stream().map(SsoTokenCache::pyString).toList()) + "]";
        return "{\"region\": " + pyString(p.region()) + ", \"scopes\": " + scopes
                + ", \"session_name\": " + (p.sessionName() == null ? "null" : pyString(p.sessionName()))
                + ", \"startUrl\": " + pyString(p.startUrl()) + ", \"tool\": \"botocore\"}";
    }

    /** A string as Python's json.dumps writes it with ensure_ascii. */
    static String pyString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    /** The form the AWS CLI writes: UTC, whole seconds, a Z suffix ({@code 2026-12-07T18:54:04Z}). */
    static String timestamp(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Reads what the AWS tools have written: {@code ...Z}, an offset, or the older {@code ...UTC} suffix. */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        String v = s.endsWith("UTC") ? s.substring(0, s.length() - 3) + "Z" : s;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;   // unreadable: treated as expired, so a new sign-in replaces it
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void write(Path file, ObjectNode content) {
        try {
            Files.createDirectories(directory);
            // createTempFile makes the file owner-only (0600) on POSIX file systems
            Path tmp = Files.createTempFile(directory, ".strongroom-", ".tmp");
            try {
                Files.write(tmp, JSON.writeValueAsBytes(content));
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SSO cache in " + directory, e);
        }
    }
}
