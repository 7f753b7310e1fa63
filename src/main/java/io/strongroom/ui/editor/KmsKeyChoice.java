package io.strongroom.ui.editor;

import io.strongroom.domain.KeyInfo;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the KMS key picker: the AWS managed {@code aws/secretsmanager} key (the default,
 * {@link #DEFAULT}) or a customer managed key of the secret's scope.
 *
 * @param keyRef what is sent as {@code KmsKeyId} (the key ARN), null for the default key
 * @param label  what the picker shows first (the alias, or the key ID)
 * @param detail a second line: key ID, description
 */
public record KmsKeyChoice(String keyRef, String label, String detail, List<String> references) {

    /** The alias AWS resolves to the account's default Secrets Manager key. */
    public static final String DEFAULT_ALIAS = "alias/aws/secretsmanager";

    public static final KmsKeyChoice DEFAULT = new KmsKeyChoice(null, "aws/secretsmanager",
            SecretRules.text("kms.default.detail"), List.of(DEFAULT_ALIAS, "aws/secretsmanager"));

    public KmsKeyChoice {
        Objects.requireNonNull(label, "label");
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A customer managed key as KeysService describes it. */
    public static KmsKeyChoice of(KeyInfo key) {
        String alias = key.aliases().isEmpty() ? null : key.aliases().get(0);
        String label = alias == null ? key.keyId() : alias.replaceFirst("^alias/", "");
        String shortId = key.keyId().length() > 8 ? key.keyId().substring(0, 8) + "\u2026" : key.keyId();
        String detail = SecretRules.text("kms.customer.detail", shortId)
                + (key.description() == null || key.description().isBlank() ? "" : " \u00b7 " + key.description());
        List<String> refs = new java.util.ArrayList<>(key.aliases());
        refs.add(key.keyId());
        if (key.arn() != null) {
            refs.add(key.arn());
        }
        return new KmsKeyChoice(key.arn() != null ? key.arn() : key.keyId(), label, detail, refs);
    }

    /** A key the secret uses that is not in the list (another account's key, or one we may not describe). */
    public static KmsKeyChoice unlisted(String keyRef) {
        return new KmsKeyChoice(keyRef, keyRef.replaceFirst("^arn:aws[a-z-]*:kms:[^:]*:[^:]*:", ""),
                SecretRules.text("kms.unlisted.detail"), List.of(keyRef));
    }

    public boolean isDefault() {
        return keyRef == null;
    }

    /** Whether {@code ref} (a key ID, key ARN, alias name or null for the default) names this key. */
    public boolean matches(String ref) {
        if (ref == null || ref.isEmpty()) {
            return isDefault();
        }
        return ref.equals(keyRef) || references.contains(ref)
                || references.stream().anyMatch(r -> ref.endsWith(":" + r) || ref.endsWith("/" + r));
    }

    /** Whether a key suits secrets: customer managed, enabled, symmetric encryption. */
    static boolean suitsSecrets(KeyInfo k) {
        return k.isCustomerManaged() && Boolean.TRUE.equals(k.enabled())
                && (k.keyUsage() == null || "ENCRYPT_DECRYPT".equals(k.keyUsage()))
                && (k.keySpec() == null || "SYMMETRIC_DEFAULT".equals(k.keySpec()));
    }

    @Override
    public String toString() {
        return label;
    }
}
