package io.strongroom.local.http;

import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.Caller;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies AWS Signature Version 4 header signatures against local access keys.
 *
 * <p>The check runs against real time, not the store's simulated clock: clients sign with
 * the time on their own machine, and a test that moves the store's clock 30 days ahead must
 * still be able to talk to it. Requests more than 15 minutes off are refused, as AWS does.
 */
public final class SigV4Verifier {

    /** Who signed, and for which region and service the signature is scoped. */
    public record Verified(Caller caller, String region, String service) {}

    /** Why a request was refused; each protocol names these with its own error codes. */
    public enum Failure { MISSING, INCOMPLETE, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED, EXPIRED_TOKEN }

    /** An authentication refusal, carrying the access key it claimed (for the audit trail) when one was readable. */
    public static final class AuthException extends RuntimeException {
        private final Failure failure;
        private final String accessKeyId;
        private final String region;

        AuthException(Failure failure, String message, String accessKeyId, String region) {
            super(message, null, false, false);
            this.failure = failure;
            this.accessKeyId = accessKeyId;
            this.region = region;
        }

        public Failure failure() {
            return failure;
        }

        public String accessKeyId() {
            return accessKeyId;
        }

        public String region() {
            return region;
        }
    }

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** IAM's AccessKeyIdType: 16 to 128 word characters. */
    private static final int MAX_KEY_ID_LENGTH = 128;
    private static final java.util.regex.Pattern SERVICE = java.util.regex.Pattern.compile("[a-z0-9-]{1,64}");
    private static final java.util.regex.Pattern ACCESS_KEY_ID = java.util.regex.Pattern.compile("\\w{16,128}");
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Accounts accounts;
    private final Clock realTime;
    private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();

    /** The store's clock, on which temporary credentials expire (tests move it). */
    private final Clock storeTime;

    /**
     * @param realTime the clock a signature's date is checked against (the client's, in effect)
     * @param storeTime the store's clock, on which temporary credentials expire
     */
    public SigV4Verifier(Accounts accounts, Clock realTime, Clock storeTime) {
        this.accounts = accounts;
        this.realTime = realTime;
        this.storeTime = storeTime;
    }

    /** A verifier whose temporary credentials expire on the same clock signatures are checked against. */
    public SigV4Verifier(Accounts accounts, Clock realTime) {
        this(accounts, realTime, realTime);
    }

    public Verified verify(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String authorization = first(headers, "authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new AuthException(Failure.MISSING, "Missing Authentication Token", null, null);
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw new AuthException(Failure.INCOMPLETE,
                    "Authorization header requires the " + ALGORITHM + " algorithm.", null, null);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq);
            String value = p.substring(eq + 1);
            switch (name) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> { /* ignored, as AWS does */ }
            }
        }
        List<String> missing = new ArrayList<>();
        if (credential == null) missing.add("Authorization header requires 'Credential' parameter.");
        if (signedHeaders == null) missing.add("Authorization header requires 'SignedHeaders' parameter.");
        if (signature == null) missing.add("Authorization header requires 'Signature' parameter.");
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null) missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (!missing.isEmpty()) {
            throw new AuthException(Failure.INCOMPLETE, String.join(" ", missing) + " Authorization=" + ALGORITHM, null, null);
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4]) || scope[0].isEmpty()) {
            throw new AuthException(Failure.INCOMPLETE,
                    "Credential should be scoped to a valid region, service and 'aws4_request' terminator.", null, null);
        }
        String accessKeyId = scope[0];
        String date = scope[1];
        String region = scope[2];
        String service = scope[3];
        if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
            // Refused before any lookup, and never carried further whole: a key id is at most 128 word characters.
            throw new AuthException(Failure.UNKNOWN_KEY, "The security token included in the request is invalid.",
                    accessKeyId.substring(0, Math.min(accessKeyId.length(), MAX_KEY_ID_LENGTH)), null);
        }
        if (!Regions.isValid(region)) {
            // The region becomes part of every ARN the request creates and names the trail it is recorded in:
            // only the partition's own regions are accepted.
            throw new AuthException(Failure.BAD_SIGNATURE, "Credential should be scoped to a valid region. ", accessKeyId, null);
        }
        if (!SERVICE.matcher(service).matches()) {
            // A signing name is a short lower-case word; anything else would only grow the signing-key cache.
            throw new AuthException(Failure.INCOMPLETE, "Credential should be scoped to correct service. ", accessKeyId, region);
        }
        List<String> signed = List.of(signedHeaders.split(";"));
        if (!signed.contains("host")) {
            throw new AuthException(Failure.INCOMPLETE, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
                    accessKeyId, region);
        }

        if (headers.containsKey("x-amz-target") && !signed.contains("x-amz-target")) {
            // The target names the operation: a signature that does not cover it could be replayed as any other operation.
            throw new AuthException(Failure.INCOMPLETE, "There were headers present in the request which were not signed: x-amz-target",
                    accessKeyId, region);
        }

        Instant signedAt = parseAmzDate(amzDate);
        if (signedAt == null) {
            throw new AuthException(Failure.INCOMPLETE, "X-Amz-Date must be in the ISO8601 basic format yyyyMMdd'T'HHmmss'Z'.", accessKeyId, region);
        }
        if (!amzDate.startsWith(date)) {
            throw new AuthException(Failure.BAD_SIGNATURE, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + date + "' != '" + amzDate.substring(0, Math.min(8, amzDate.length())) + "'", accessKeyId, region);
        }
        Instant now = realTime.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new AuthException(Failure.EXPIRED, "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)", accessKeyId, region);
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new AuthException(Failure.EXPIRED, "Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)", accessKeyId, region);
        }

        Optional<Accounts.KeyCredential> key = accounts.credential(accessKeyId);
        if (key.isEmpty()) {
            throw new AuthException(Failure.UNKNOWN_KEY, "The security token included in the request is invalid.", accessKeyId, region);
        }
        List<String> token = headers.get("x-amz-security-token");
        if (token != null && !key.get().temporary()) {
            // A session token belongs to temporary credentials only; one presented with a long-term key is refused, as AWS refuses it.
            throw new AuthException(Failure.UNKNOWN_KEY, "The security token included in the request is invalid.", accessKeyId, region);
        }
        String canonical = canonicalRequest(method, rawPath, rawQuery, headers, signedHeaders, body);
        if (canonical == null) {
            throw new AuthException(Failure.BAD_SIGNATURE,
                    "The request signature we calculated does not match the signature you provided. A signed header is missing from the request.",
                    accessKeyId, region);
        }
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + date + "/" + region + "/" + service + "/aws4_request\n"
                + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = signingKey(key.get().secretAccessKey(), accessKeyId, date, region, service);
        byte[] expected = HEX.formatHex(hmac(signingKey, stringToSign.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new AuthException(Failure.BAD_SIGNATURE,
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                    accessKeyId, region);
        }
        if (key.get().temporary()) {
            // Temporary credentials are only good with their own session token, and only until they expire.
            if (token == null || token.size() != 1
                    || !MessageDigest.isEqual(key.get().sessionTokenSha256(), sha256(token.get(0).getBytes(StandardCharsets.UTF_8)))) {
                throw new AuthException(Failure.UNKNOWN_KEY, "The security token included in the request is invalid.", accessKeyId, region);
            }
            if (!storeTime.instant().isBefore(key.get().expiresAt())) {
                throw new AuthException(Failure.EXPIRED_TOKEN, "The security token included in the request is expired", accessKeyId, region);
            }
        }
        return new Verified(key.get().caller(), region, service);
    }

    private String canonicalRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                    String signedHeaders, byte[] body) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(method).append('\n');
        sb.append(canonicalUri(rawPath)).append('\n');
        sb.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders.split(";")) {
            List<String> values = headers.get(name);
            if (values == null) {
                return null;
            }
            sb.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(trimAll(values.get(i)));
            }
            sb.append('\n');
        }
        sb.append('\n').append(signedHeaders).append('\n');
        sb.append(HEX.formatHex(sha256(body)));
        return sb.toString();
    }

    /**
     * Parses {@code yyyyMMdd'T'HHmmss'Z'} by hand: a DateTimeFormatter costs more than the rest
     * of the signature check. Returns null for anything malformed or out of range.
     */
    static Instant parseAmzDate(String s) {
        if (s.length() != 16 || s.charAt(8) != 'T' || s.charAt(15) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 4, 6);
        int day = digits(s, 6, 8);
        int hour = digits(s, 9, 11);
        int minute = digits(s, 11, 13);
        int second = digits(s, 13, 15);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Every service but S3 signs the path normalized and URI-encoded a second time. */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || "/".equals(rawPath)) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.isEmpty() || ".".equals(segment)) {
                continue;
            }
            if ("..".equals(segment)) {
                if (!segments.isEmpty()) segments.remove(segments.size() - 1);
                continue;
            }
            segments.add(uriEncode(segment));
        }
        String joined = "/" + String.join("/", segments);
        return rawPath.endsWith("/") && !joined.endsWith("/") ? joined + "/" : joined;
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {uriEncode(percentDecode(k)), uriEncode(percentDecode(v))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) sb.append('&');
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex. */
    static String uriEncode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** SigV4's header value normalization: trim, and fold runs of spaces into one (no regex: this runs per header per request). */
    static String trimAll(String value) {
        String v = value.trim();
        int i = 0;
        while (i < v.length() && !(Character.isWhitespace(v.charAt(i)) && i + 1 < v.length() && Character.isWhitespace(v.charAt(i + 1)))
                && (v.charAt(i) == ' ' || !Character.isWhitespace(v.charAt(i)))) {
            i++;
        }
        if (i == v.length()) {
            return v;                           // the common case: nothing to fold
        }
        StringBuilder sb = new StringBuilder(v.length());
        boolean inSpace = false;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (Character.isWhitespace(c)) {
                if (!inSpace) {
                    sb.append(' ');
                }
                inSpace = true;
            } else {
                sb.append(c);
                inSpace = false;
            }
        }
        return sb.toString();
    }

    private byte[] signingKey(byte[] secret, String accessKeyId, String date, String region, String service) {
        String cacheKey = accessKeyId + '/' + date + '/' + region + '/' + service;
        byte[] cached = signingKeys.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        byte[] kSecret = ("AWS4" + new String(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        byte[] kDate = hmac(kSecret, date.getBytes(StandardCharsets.UTF_8));
        byte[] kRegion = hmac(kDate, region.getBytes(StandardCharsets.UTF_8));
        byte[] kService = hmac(kRegion, service.getBytes(StandardCharsets.UTF_8));
        byte[] kSigning = hmac(kService, "aws4_request".getBytes(StandardCharsets.UTF_8));
        if (signingKeys.size() > 4096) {
            signingKeys.clear();
        }
        signingKeys.put(cacheKey, kSigning);
        return kSigning;
    }

    /** The account that owns an access key, or null when the key is unknown. */
    public String accountOf(String accessKeyId) {
        return accounts.credential(accessKeyId).map(k -> k.caller().accountId()).orElse(null);
    }

    /** Forgets derived keys, e.g. after an access key is deactivated. */
    public void forgetSigningKeys() {
        signingKeys.clear();
    }

    static byte[] sha256(byte[] data) {
        MessageDigest md = SHA256.get();
        md.reset();
        return md.digest(data);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
