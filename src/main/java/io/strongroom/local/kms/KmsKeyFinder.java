package io.strongroom.local.kms;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * How the KMS operations find the key a caller named, authorize the call on it with its key policy
 * ({@link KmsKeyAccess}), and the checks every operation makes on it (key state), with KMS's errors
 * for each.
 */
final class KmsKeyFinder {

    static final String KEY_RESOURCE = "AWS::KMS::Key";
    static final String ALIAS_PREFIX = "alias/";

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final KmsKeys keys;
    private final KmsKeyAccess access;

    KmsKeyFinder(KmsKeys keys) {
        this.keys = keys;
        this.access = new KmsKeyAccess(keys);
    }

    /** How an operation lets its caller name a key. */
    enum Naming {
        /** Key ID or key ARN. */
        KEY,
        /** Key ID, key ARN, alias name or alias ARN. */
        KEY_OR_ALIAS,
        /** As {@link #KEY_OR_ALIAS}; a predefined AWS alias with no key yet gets its AWS managed key (DescribeKey). */
        KEY_OR_ALIAS_CREATING_PREDEFINED
    }

    /** A key or alias reference, parsed: alias references have an alias name, key references a key ID. */
    private record Reference(String accountId, String region, String keyId, String aliasName) {
        String arn() {
            return "arn:aws:kms:" + region + ":" + accountId + ":" + (aliasName != null ? aliasName : "key/" + keyId);
        }
    }

    /** As {@link #key(RequestContext, String, String, Naming, Map)} with no condition keys of the request. */
    KmsKey key(RequestContext ctx, String action, String reference, Naming naming) {
        return key(ctx, action, reference, naming, Map.of());
    }

    /**
     * Finds the key a caller named and authorizes {@code kms:ACTION} on it with its key policy
     * ({@link KmsKeyAccess}), under the request's condition keys ({@code requestConditions}) and
     * those of the key. Fails as KMS does: a malformed key ID or an ARN of another Region is
     * {@code NotFoundException}, a malformed ARN {@code InvalidArnException}, a key that does not
     * exist {@code NotFoundException} naming its ARN, a key the policies do not let the caller use
     * {@code AccessDeniedException}. The key found is named in the audit event.
     *
     * <p>A key of another account is reached by its key ARN, or by its alias ARN where the
     * operation accepts aliases, and only by the operations AWS lets other accounts perform; an
     * alias name is always looked up in the caller's own account. The account and Region are
     * taken from the key's record, never from the text of an ARN (a Region name could once smuggle
     * another account's ARN prefix in): a key whose record does not match the reference and the
     * caller's Region, or an alias whose key is not in the alias's own account, is not found.
     */
    KmsKey key(RequestContext ctx, String action, String reference, Naming naming, Map<String, List<String>> requestConditions) {
        Reference ref = parse(ctx, reference, naming != Naming.KEY);
        KmsKey key = find(ctx, action, ref, naming);
        ctx.touched(KEY_RESOURCE, key.arn());
        access.authorize(ctx, action, key, ref.aliasName(), requestConditions);
        return key;
    }

    /**
     * The key a ciphertext names (Decrypt and ReEncrypt without a key ID), in any account of the
     * caller's Region, as KMS finds it from the ciphertext's own metadata; authorized as {@link #key}.
     */
    KmsKey keyOfCiphertext(RequestContext ctx, String action, String keyId, Map<String, List<String>> requestConditions) {
        KmsKey key = keys.byId(keyId).filter(k -> k.region().equals(ctx.region()))
                .orElseThrow(() -> keyNotFound(new Reference(ctx.accountId(), ctx.region(), keyId, null).arn()));
        ctx.touched(KEY_RESOURCE, key.arn());
        access.authorize(ctx, action, key, null, requestConditions);
        return key;
    }

    /**
     * A key of the caller's own account named by key ID, key ARN, alias name or alias ARN, found
     * without a key policy check, for ListAliases, which IAM policies alone authorize. Another
     * account's key is refused.
     */
    KmsKey ownKey(RequestContext ctx, String action, String reference) {
        Reference ref = parse(ctx, reference, true);
        KmsKey key = find(ctx, action, ref, Naming.KEY_OR_ALIAS);
        if (!inScope(key, ctx)) {
            throw denied(ctx, action, key);
        }
        ctx.touched(KEY_RESOURCE, key.arn());
        return key;
    }

    /** The key policy evaluation, for checks beyond an operation's own (PutKeyPolicy's lock-out check, aliases). */
    KmsKeyAccess access() {
        return access;
    }

    private KmsKey find(RequestContext ctx, String action, Reference ref, Naming naming) {
        if (ref.aliasName() == null) {
            return keys.byId(ref.keyId())
                    .filter(k -> k.accountId().equals(ref.accountId()) && k.region().equals(ref.region()))
                    .filter(k -> k.region().equals(ctx.region()))
                    .orElseThrow(() -> keyNotFound(ref.arn()));
        }
        boolean own = ref.accountId().equals(ctx.accountId());
        if (!own && !KmsKeyAccess.crossAccount(action)) {
            throw aliasNotFound(ref.arn());
        }
        Optional<KmsKeys.Alias> alias = keys.alias(ref.accountId(), ctx.region(), ref.aliasName());
        KmsKey key;
        if (alias.isEmpty() && own && naming == Naming.KEY_OR_ALIAS_CREATING_PREDEFINED
                && KmsKeys.SECRETS_MANAGER_ALIAS.equals(ref.aliasName())) {
            key = keys.secretsManagerKey(ctx.accountId(), ctx.region(), ctx.now());
        } else {
            key = alias.flatMap(a -> keys.byId(a.targetKeyId())).orElseThrow(() -> aliasNotFound(ref.arn()));
        }
        if (!key.accountId().equals(ref.accountId()) || !key.region().equals(ctx.region())) {
            throw aliasNotFound(ref.arn());     // an alias leads only to a key of its own account and Region
        }
        return key;
    }

    private static Reference parse(RequestContext ctx, String reference, boolean aliases) {
        if (reference.startsWith("arn:")) {
            String[] parts = reference.split(":", 6);
            if (parts.length < 6 || !parts[1].startsWith("aws") || !"kms".equals(parts[2]) || parts[3].isEmpty()
                    || !ACCOUNT_ID.matcher(parts[4]).matches()) {
                throw KmsErrors.invalidArn("Invalid arn " + reference);
            }
            String resource = parts[5];
            boolean keyArn = resource.startsWith("key/") && resource.length() > 4;
            boolean aliasArn = resource.startsWith(ALIAS_PREFIX) && resource.length() > ALIAS_PREFIX.length();
            if (!keyArn && !aliasArn) {
                throw KmsErrors.invalidArn("Invalid arn " + reference);
            }
            if (aliasArn && !aliases) {
                throw KmsErrors.invalidArn("Key Aliases are not supported for this operation");
            }
            if (!REGION.matcher(parts[3]).matches() || !parts[3].equals(ctx.region())) {
                throw KmsErrors.notFound("Invalid arn " + parts[3]);
            }
            return keyArn ? new Reference(parts[4], parts[3], resource.substring(4), null)
                    : new Reference(parts[4], parts[3], null, resource);
        }
        if (aliases && reference.startsWith(ALIAS_PREFIX)) {
            return new Reference(ctx.accountId(), ctx.region(), null, reference);
        }
        if (!KEY_ID.matcher(reference).matches()) {
            throw KmsErrors.notFound("Invalid keyId '" + reference + "'");
        }
        return new Reference(ctx.accountId(), ctx.region(), reference, null);
    }

    /** Whether a key lives in the caller's own account and Region, by its record. */
    static boolean inScope(KmsKey key, RequestContext ctx) {
        return key.accountId().equals(ctx.accountId()) && key.region().equals(ctx.region());
    }

    static AwsException denied(RequestContext ctx, String action, KmsKey key) {
        return AwsException.accessDenied("User: " + ctx.caller().arn() + " is not authorized to perform: kms:" + action
                + " on resource: " + key.arn() + " because no resource-based policy allows the kms:" + action + " action");
    }

    static AwsException keyNotFound(String keyArn) {
        return KmsErrors.notFound("Key '" + keyArn + "' does not exist");
    }

    static void requireEnabled(KmsKey key) {
        requireNotPendingDeletion(key);
        if (!key.usable()) {
            throw KmsErrors.disabled(key.arn() + " is disabled.");
        }
    }

    static void requireNotPendingDeletion(KmsKey key) {
        if (key.pendingDeletion()) {
            throw KmsErrors.invalidState(key.arn() + " is pending deletion.");
        }
    }

    /** Applies a change to the key's current record (state checks inside run under the engine's lock). */
    KmsKey change(KmsKey key, UnaryOperator<KmsKey> change) {
        return keys.change(key.keyId(), change).orElseThrow(() -> keyNotFound(key.arn()));
    }

    /** The time of a request as KMS records it, to the millisecond. */
    static Instant now(RequestContext ctx) {
        return ctx.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static Validator validKeyId(String keyId) {
        return Validator.check().notNull("keyId", keyId).length("keyId", keyId, 1, 2048);
    }

    static Validator validOptionalKeyId(String keyId) {
        return Validator.check().length("keyId", keyId, 1, 2048);
    }

    /**
     * A key for a cryptographic operation, named by key ID, key ARN, alias name or alias ARN,
     * authorized under {@code requestConditions} and enabled. AWS managed keys are refused by their
     * own key policy, which lets only their service use them.
     */
    KmsKey usableKey(RequestContext ctx, String action, String reference, Map<String, List<String>> requestConditions) {
        KmsKey key = key(ctx, action, reference, Naming.KEY_OR_ALIAS, requestConditions);
        requireEnabled(key);
        return key;
    }

    static boolean wellFormedKeyId(String keyId) {
        return KEY_ID.matcher(keyId).matches();
    }

    static AwsException aliasNotFound(String aliasArn) {
        return KmsErrors.notFound("Alias " + aliasArn + " is not found.");
    }
}
