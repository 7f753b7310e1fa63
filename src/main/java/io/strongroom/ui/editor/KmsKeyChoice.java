package io.strongroom.ui.editor;

import io.strongroom.domain.KeyInfo;
import io.strongroom.ui.common.Texts;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the KMS key picker: the AWS managed {@code aws/secretsmanager} key (the default,
 * {@link #DEFAULT}) or a customer managed key of the secret's scope. Data only: the picker's
 * second line is {@link #detail(Texts)}.
 *
 * @param keyRef      what is sent as {@code KmsKeyId} (the key ARN), null for the default key
 * @param label       what the picker shows first (the alias, or the key ID)
 * @param kind        which of the three the second line describes
 * @param keyId       a customer managed key's ID, else null
 * @param description a customer managed key's description, else null
 * @param references  the IDs, ARNs and alias names that name this key
 */
public record KmsKeyChoice(String keyRef, String label, Kind kind, String keyId, String description, List<String> references) {

    /** What a choice is, for the picker's second line. */
    public enum Kind { AWS_MANAGED, CUSTOMER_MANAGED, UNLISTED }

    /** The alias AWS resolves to the account's default Secrets Manager key. */
    public static final String DEFAULT_ALIAS = "alias/aws/secretsmanager";

    public static final KmsKeyChoice DEFAULT = new KmsKeyChoice(null, "aws/secretsmanager", Kind.AWS_MANAGED, null, null,
            List.of(DEFAULT_ALIAS, "aws/secretsmanager"));

    public KmsKeyChoice {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A customer managed key as KeysService describes it. */
    public static KmsKeyChoice of(KeyInfo key) {
        String alias = key.aliases().isEmpty() ? null : key.aliases().get(0);
        String label = alias == null ? key.keyId() : alias.replaceFirst("^alias/", "");
        List<String> refs = new java.util.ArrayList<>(key.aliases());
        refs.add(key.keyId());
        if (key.arn() != null) {
            refs.add(key.arn());
        }
        return new KmsKeyChoice(key.arn() != null ? key.arn() : key.keyId(), label, Kind.CUSTOMER_MANAGED, key.keyId(),
                key.description(), refs);
    }

    /** A key the secret uses that is not in the list (another account's key, or one we may not describe). */
    public static KmsKeyChoice unlisted(String keyRef) {
        return new KmsKeyChoice(keyRef, keyRef.replaceFirst("^arn:aws[a-z-]*:kms:[^:]*:[^:]*:", ""), Kind.UNLISTED, null, null,
                List.of(keyRef));
    }

    /**
     * The picker's second line: "AWS managed key (default)", "Customer managed · 1234abcd… · description",
     * "Key not listed in this scope".
     *
     * @param texts the console's texts: the line is the editor bundle's ({@link EditorContext#MESSAGES})
     */
    public String detail(Texts texts) {
        Texts editor = texts.in(EditorContext.MESSAGES);
        return switch (kind) {
            case AWS_MANAGED -> editor.format("kms.default.detail");
            case UNLISTED -> editor.format("kms.unlisted.detail");
            case CUSTOMER_MANAGED -> {
                String shortId = keyId.length() > 8 ? keyId.substring(0, 8) + "\u2026" : keyId;
                yield editor.format("kms.customer.detail", shortId)
                        + (description == null || description.isBlank() ? "" : " \u00b7 " + description);
            }
        };
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
