package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKey;
import io.strongroom.local.kms.KmsKeys;
import io.strongroom.local.wire.AwsException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the Secrets Manager operations find the secret a caller named and the KMS key its versions
 * are sealed with, and the checks every operation makes on them, with AWS's errors for each.
 */
final class SecretFinder {

    static final String RESOURCE_TYPE = "AWS::SecretsManager::Secret";

    /** What the fields of an ARN may hold: {@code aws}, {@code aws-cn}…; lower-case words and digits joined by hyphens; 12 digits. */
    private static final Pattern ARN_PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern ARN_REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ARN_ACCOUNT = Pattern.compile("[0-9]{12}");

    private final SecretStore store;
    private final KmsKeys keys;

    SecretFinder(SecretStore store, KmsKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /**
     * Finds a secret by name, full ARN or partial ARN (without the random suffix) in the caller's
     * account and region. An ARN is {@code arn:partition:secretsmanager:region:account:secret:name};
     * one whose partition, region or account field holds characters those fields never have
     * names no secret. Another account's ARN is refused: cross-account access needs a resource
     * policy, which this store does not evaluate yet. Secrets past their recovery window are gone
     * even before the maintenance pass removes them.
     *
     * <p>Whatever the lookup lands on must live in the caller's own account and region (the ARN's
     * text is not trusted to say so: a region name could once smuggle another account's ARN prefix
     * in); anything else is answered exactly as a secret that does not exist.
     */
    SecretRecord find(SecretStore.Rows rows, RequestContext ctx, String secretId, String action) throws SQLException {
        Optional<SecretRecord> found;
        if (secretId.startsWith("arn:")) {
            String[] parts = secretId.split(":", 7);
            if (parts.length < 7 || !"secretsmanager".equals(parts[2]) || !"secret".equals(parts[5])) {
                throw AwsException.invalidParameter("Invalid secret ARN: " + secretId);
            }
            if (!ARN_PARTITION.matcher(parts[1]).matches() || !ARN_REGION.matcher(parts[3]).matches()
                    || !ARN_ACCOUNT.matcher(parts[4]).matches()) {
                throw notFound();
            }
            if (!parts[4].equals(ctx.accountId())) {
                throw AwsException.accessDenied("User: " + ctx.caller().arn() + " is not authorized to perform: secretsmanager:"
                        + action + " on resource: " + secretId + " because no resource-based policy allows the secretsmanager:"
                        + action + " action");
            }
            found = parts[3].equals(ctx.region()) ? rows.byArn(secretId) : Optional.empty();
            if (found.isEmpty() && parts[3].equals(ctx.region())) {
                found = rows.byName(ctx.accountId(), ctx.region(), parts[6]);
            }
        } else {
            found = rows.byName(ctx.accountId(), ctx.region(), secretId);
        }
        SecretRecord s = found.filter(x -> inScope(x, ctx) && !dueForDeletion(x, ctx.now()))
                .orElseThrow(SecretFinder::notFound);
        ctx.touched(RESOURCE_TYPE, s.arn());
        return s;
    }

    /** {@link #find} in a read of its own, for operations that look a secret up before they write. */
    SecretRecord find(RequestContext ctx, String secretId, String action) {
        return store.read(rows -> find(rows, ctx, secretId, action));
    }

    private static AwsException notFound() {
        return SecretErrors.notFound();
    }

    /** Whether a secret lives in the caller's own account and region, by its record, never by its ARN's text. */
    static boolean inScope(SecretRecord s, RequestContext ctx) {
        return s.accountId().equals(ctx.accountId()) && s.region().equals(ctx.region());
    }

    static boolean dueForDeletion(SecretRecord s, Instant now) {
        return s.deletionAt() != null && !s.deletionAt().isAfter(now);
    }

    static void requireNotDeleted(SecretRecord s) {
        if (s.scheduledForDeletion()) {
            throw SecretErrors.markedForDeletion();
        }
    }

    /** The key new versions are sealed with: the named customer key, or the account's aws/secretsmanager key. */
    KmsKey encryptionKey(RequestContext ctx, String keyRef) {
        if (keyRef == null || keyRef.isEmpty()) {
            return keys.secretsManagerKey(ctx.accountId(), ctx.region(), ctx.now());
        }
        return keys.resolve(ctx.accountId(), ctx.region(), keyRef)
                .orElseThrow(() -> SecretErrors.unusableKmsKey(ctx.accountId(), ctx.region(), keyRef));
    }

    String encryptionKeyArnOf(RequestContext ctx, String keyRef) {
        if (keyRef == null || keyRef.isEmpty()) {
            return keys.secretsManagerKey(ctx.accountId(), ctx.region(), ctx.now()).arn();
        }
        return keys.resolve(ctx.accountId(), ctx.region(), keyRef).map(KmsKey::arn).orElse(null);
    }

    /** The store's {@link SecretStore#seal}, its failure answered as AWS does (EncryptionFailure). */
    VersionRecord seal(KmsKey key, String arn, String versionId, SecretValue value, Instant now) {
        try {
            return store.seal(key, arn, versionId, value, now);
        } catch (SealingException e) {
            throw SecretErrors.sealing(e);
        }
    }

    /** The store's {@link SecretStore#open}, its failure answered as AWS does (DecryptionFailure). */
    SecretValue open(String arn, VersionRecord version) {
        try {
            return store.open(arn, version);
        } catch (SealingException e) {
            throw SecretErrors.sealing(e);
        }
    }
}
