package io.strongroom.testing;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

/**
 * A virtual MFA device for tests: created and enabled for a user through IAM
 * (CreateVirtualMFADevice, EnableMFADevice with two consecutive codes), and the RFC 6238 codes
 * (HMAC-SHA1, 30-second steps, six digits) an authenticator app would show for its seed.
 */
public final class Totp {

    private final String serial;
    private final byte[] seed;

    private Totp(String serial, byte[] seed) {
        this.serial = serial;
        this.seed = seed;
    }

    /** Creates a device named {@code name} and enables it for {@code userName}. */
    public static Totp enable(IamClient iam, String userName, String name) {
        VirtualMFADevice d = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice();
        Totp t = new Totp(d.serialNumber(), base32(d.base32StringSeed().asString(StandardCharsets.US_ASCII)));
        // the two codes before the current one: AWS (and the store) take a code once, so the
        // current code stays free for the test's first sign-in
        long step = Instant.now().getEpochSecond() / 30;
        iam.enableMFADevice(r -> r.userName(userName).serialNumber(t.serial)
                .authenticationCode1(t.code(step - 2)).authenticationCode2(t.code(step - 1)));
        return t;
    }

    /** Deactivates and deletes the device. */
    public void remove(IamClient iam, String userName) {
        iam.deactivateMFADevice(r -> r.userName(userName).serialNumber(serial));
        iam.deleteVirtualMFADevice(r -> r.serialNumber(serial));
    }

    public String serial() {
        return serial;
    }

    /** The code for now. */
    public String code() {
        return code(Instant.now().getEpochSecond() / 30);
    }

    /** A code that is certainly not the current one. */
    public String wrongCode() {
        return String.format("%06d", (Integer.parseInt(code()) + 1) % 1_000_000);
    }

    String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32, as IAM gives a virtual device's seed. */
    static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
