package io.strongroom.local.secrets;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.http.AwsException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Opaque NextToken values: the paging state, authenticated with an HMAC under a key that lives
 * only in this process. A token that was not issued here exactly as presented (edited, truncated,
 * re-encoded, or from before a restart) is refused with {@code InvalidNextTokenException}, so a
 * caller can never steer paging into a position the store did not hand out.
 */
final class PageTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final byte[] key = Aead.randomBytes(32);

    String issue(String state) {
        byte[] payload = state.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The state a token carries, or InvalidNextTokenException when this store did not issue it. */
    String open(String token) {
        int dot = token.indexOf('.');
        if (dot > 0) {
            try {
                byte[] payload = DECODER.decode(token.substring(0, dot));
                String state = new String(payload, StandardCharsets.UTF_8);
                byte[] expected = issue(state).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))) {
                    return state;
                }
            } catch (IllegalArgumentException malformed) {
                // refused below
            }
        }
        throw invalid();
    }

    static AwsException invalid() {
        return AwsException.invalidNextToken("The NextToken value is invalid or does not belong to this request.");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(payload);
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
