package io.strongroom.local.sts;

import io.strongroom.local.iam.Accounts;
import io.strongroom.local.wire.AwsException;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GetAccessKeyInfo: the account an access key ID belongs to. For the store's own keys that is
 * the account that owns the key. For any other key the store answers what AWS answers for a
 * key issued since 2019: AWS writes the owning account into the key ID itself (after the
 * four-letter prefix, base32: bits 1 to 40 of the first six bytes), and GetAccessKeyInfo reads
 * it back without needing the key to exist, so {@code ASIAQNZGKIQY56JQ7WML} belongs to
 * 029608264753. A key ID that cannot carry an account (a character outside base32 where the
 * account is written, as in older keys or made-up IDs) gets AWS's common InvalidParameterValue
 * error and its documented text: AWS says only that such a key "might return an error that the
 * key doesn't exist", without naming it (a choice, written down in the report).
 */
final class AccessKeyInfo {

    private static final Pattern ENCODED = Pattern.compile("[A-Z]{4}[A-Z2-7]{10}.*");
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Accounts accounts;

    AccessKeyInfo(Accounts accounts) {
        this.accounts = accounts;
    }

    String account(Map<String, String> parameters) {
        StsValidation check = new StsValidation(parameters);
        String keyId = check.string("AccessKeyId", true, 16, 128, StsValidation.ACCESS_KEY_ID_PATTERN,
                StsValidation.ACCESS_KEY_ID_PATTERN_TEXT);
        check.done();
        Optional<String> own = accounts.credential(keyId).map(k -> k.caller().accountId());
        return own.or(() -> encodedAccount(keyId)).orElseThrow(() -> new AwsException("InvalidParameterValue", 400,
                "An invalid or out-of-range value was supplied for the input parameter."));
    }

    /** The account AWS writes into a key ID, or empty when the ID cannot carry one. */
    static Optional<String> encodedAccount(String keyId) {
        if (!ENCODED.matcher(keyId).matches()) {
            return Optional.empty();
        }
        long bits = 0;                                   // ten base32 characters: 50 bits, the first 48 are six bytes
        for (int i = 4; i < 14; i++) {
            bits = (bits << 5) | BASE32.indexOf(keyId.charAt(i));
        }
        long firstSixBytes = bits >>> 2;
        long account = (firstSixBytes & 0x7fffffffff80L) >>> 7;
        return Optional.of(String.format("%012d", account));
    }
}
