package io.strongroom.local.http;

import io.strongroom.local.wire.AwsException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Paging tokens (KMS's {@code Marker}/{@code NextMarker}, Secrets Manager's and CloudTrail's
 * {@code NextToken}) that are opaque to clients and good only for the request that issued them. A token carries a
 * listing position and a MAC over that position and a binding: the operation, the caller's
 * account and region, and the request parameters that define the result set (filters, sort
 * order, the key or secret listed). A token that was altered, made up, issued before a restart,
 * or presented with a different operation, account, region or parameters is refused with the
 * error the owning service uses for a bad token. The page size is never part of the binding:
 * a client may change it between pages.
 *
 * <p>The MAC key lives in memory only, one per instance, so each service's tokens are its own;
 * each service gives its own error. It lives with the protocol code because every service pages.
 */
public final class BoundTokens {

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Supplier<AwsException> invalid;

    /** @param invalid the error a token that is not good for the request is refused with */
    public BoundTokens(Supplier<AwsException> invalid) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.invalid = invalid;
    }

    /**
     * A token to continue {@code operation}'s listing after {@code position}, for this caller's
     * account and region and these {@code parameters} (null and empty are distinct values).
     */
    public String issue(RequestContext ctx, String operation, List<String> parameters, String position) {
        return issue(binding(ctx, operation, parameters), position);
    }

    /** The position a token carries, if it was issued here for exactly this request. */
    public String open(RequestContext ctx, String operation, List<String> parameters, String token) {
        return open(binding(ctx, operation, parameters), token);
    }

    /** A token for {@code position}, good only with exactly this {@code binding} (null parts allowed). */
    public String issue(List<String> binding, String position) {
        byte[] body = body(position.getBytes(StandardCharsets.UTF_8));
        byte[] token = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac(body, binding), 0, token, body.length, MAC_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The position a token continues from, if it was issued here for exactly this request; else the refusal. */
    /** The position {@code token} carries, if this instance issued it with exactly this {@code binding}. */
    public String open(List<String> binding, String token) {
        byte[] raw;
        try {
            raw = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid.get();
        }
        // Only the exact encoding that was handed out is accepted (no re-padded or re-encoded variants).
        if (raw.length < 1 + MAC_BYTES || raw[0] != VERSION || !ENCODER.encodeToString(raw).equals(token)) {
            throw invalid.get();
        }
        byte[] body = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] expected = mac(body, binding);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, body.length, raw.length))) {
            throw invalid.get();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body, 1, body.length - 1)).toString();
        } catch (CharacterCodingException e) {
            throw invalid.get();        // cannot happen for a token this instance issued
        }
    }

    private static byte[] body(byte[] position) {
        byte[] body = new byte[1 + position.length];
        body[0] = VERSION;
        System.arraycopy(position, 0, body, 1, position.length);
        return body;
    }

    private static List<String> binding(RequestContext ctx, String operation, List<String> parameters) {
        List<String> binding = new java.util.ArrayList<>(3 + parameters.size());
        binding.add(operation);
        binding.add(ctx.accountId());
        binding.add(ctx.region());
        binding.addAll(parameters);
        return binding;
    }

    private byte[] mac(byte[] body, List<String> binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encode(body, binding));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The body and every part of the binding, each length-prefixed (null distinct from empty),
     * after a count of the parts, so that no two different (position, binding) pairs encode alike.
     */
    private static byte[] encode(byte[] body, List<String> binding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + body.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(body.length);
            out.write(body);
            out.writeInt(binding.size());
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
}
