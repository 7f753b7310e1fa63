package io.strongroom.local.audit;

import io.strongroom.local.http.AwsException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * LookupEvents' {@code NextToken}s: opaque to clients, and good only for the query that issued
 * them. A token carries the position to continue from and a MAC over that position and the
 * query's defining parameters (account, region, attribute, time range, category), so a token
 * that was altered, made up, or presented with a different query is refused with
 * {@code InvalidNextTokenException}, as CloudTrail refuses "a token that was previously used in
 * a request with different parameters". The page size is not bound: a client may change it
 * between pages.
 *
 * <p>The MAC key lives in memory only, so tokens do not survive a restart of the store.
 */
final class LookupTokens {

    private static final byte VERSION = 1;
    private static final int POSITION_BYTES = 1 + Long.BYTES + Long.BYTES;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    LookupTokens() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** A token to continue {@code binding}'s query after {@code cursor}. */
    String issue(AuditLog.Cursor cursor, List<String> binding) {
        byte[] position = ByteBuffer.allocate(POSITION_BYTES)
                .put(VERSION).putLong(cursor.eventTimeMillis()).putLong(cursor.seq()).array();
        byte[] token = Arrays.copyOf(position, POSITION_BYTES + MAC_BYTES);
        System.arraycopy(mac(position, binding), 0, token, POSITION_BYTES, MAC_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The position a token continues from, if it was issued for exactly this query. */
    AuditLog.Cursor open(String token, List<String> binding) {
        byte[] raw;
        try {
            raw = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length != POSITION_BYTES + MAC_BYTES || raw[0] != VERSION) {
            throw invalid();
        }
        byte[] position = Arrays.copyOf(raw, POSITION_BYTES);
        byte[] expected = mac(position, binding);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, POSITION_BYTES, raw.length))) {
            throw invalid();
        }
        ByteBuffer b = ByteBuffer.wrap(position, 1, Long.BYTES * 2);
        return new AuditLog.Cursor(b.getLong(), b.getLong());
    }

    private byte[] mac(byte[] position, List<String> binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(position);
            mac.update(encode(binding));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed, with null distinct from empty, so no two bindings encode alike. */
    private static byte[] encode(List<String> binding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String part : binding) {
                if (part == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static AwsException invalid() {
        return new AwsException("InvalidNextTokenException", 400,
                "The NextToken is not valid, or was issued for a request with different parameters.");
    }
}
