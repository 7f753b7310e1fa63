package io.strongroom.ui.editor;

import io.strongroom.domain.DeletionMode;
import io.strongroom.ui.common.Texts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS Secrets Manager's input rules, checked in the console before anything is sent, each
 * returning the problem as a sentence a person can act on (empty when the input is fine), in the
 * texts the rules were made with.
 * The limits are those of the Secrets Manager API model and the embedded store enforces the same.
 */
public final class SecretRules {

    public static final int MAX_NAME_LENGTH = 512;
    public static final int MAX_DESCRIPTION_LENGTH = 2048;
    /** SecretString (UTF-8) and SecretBinary alike. */
    public static final int MAX_VALUE_BYTES = 65_536;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_KEY_LENGTH = 128;
    public static final int MAX_TAG_VALUE_LENGTH = 256;
    public static final int MIN_PASSWORD_LENGTH = 1;
    public static final int MAX_PASSWORD_LENGTH = 4096;

    private static final Pattern NAME_CHAR = Pattern.compile("[A-Za-z0-9/_+=.@\\-]");
    /** AWS appends "-" and six random characters to names in ARNs; a name shaped like that confuses ARN lookups. */
    private static final Pattern ARN_SUFFIX_LOOKALIKE = Pattern.compile(".*-[A-Za-z0-9]{6}");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    /** The editor's texts, where the rules' sentences are. */
    private final Texts texts;

    /**
     * @param texts the console's texts (any feature's view of them): the rules read the editor's
     *              bundle, {@link EditorContext#MESSAGES}, through {@link Texts#in}, so the secret
     *              detail can check tags with the sentences the editor uses
     */
    public SecretRules(Texts texts) {
        this.texts = texts.in(EditorContext.MESSAGES);
    }

    /** 1 to 512 characters of letters, digits and {@code / _ + = . @ -}. */
    public Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return problem("rule.name.empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return problem("rule.name.tooLong", MAX_NAME_LENGTH, name.length());
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (!NAME_CHAR.matcher(c).matches()) {
                return problem("rule.name.character", printable(cp), i + 1);
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** Not an error, but worth a word: AWS advises against names ending in a hyphen and six characters. */
    public Optional<String> nameWarning(String name) {
        if (name != null && nameProblem(name).isEmpty() && ARN_SUFFIX_LOOKALIKE.matcher(name).matches()) {
            return problem("rule.name.arnSuffix");
        }
        return Optional.empty();
    }

    public Optional<String> descriptionProblem(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            return problem("rule.description.tooLong", MAX_DESCRIPTION_LENGTH, description.length());
        }
        return Optional.empty();
    }

    /** A text value: 1 to 65,536 bytes of UTF-8. */
    public Optional<String> textValueProblem(String text) {
        if (text == null || text.isEmpty()) {
            return problem("rule.value.empty");
        }
        return sizeProblem(text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** A value's size in bytes: 1 to 65,536. */
    public Optional<String> sizeProblem(long bytes) {
        if (bytes <= 0) {
            return problem("rule.value.empty");
        }
        if (bytes > MAX_VALUE_BYTES) {
            return problem("rule.value.tooLarge", bytes, MAX_VALUE_BYTES);
        }
        return Optional.empty();
    }

    /** 1 to 128 characters of letters, digits, spaces and {@code _ . : / = + - @}; not starting with {@code aws:}. */
    public Optional<String> tagKeyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return problem("rule.tag.keyEmpty");
        }
        if (key.length() > MAX_TAG_KEY_LENGTH) {
            return problem("rule.tag.keyTooLong", MAX_TAG_KEY_LENGTH);
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            return problem("rule.tag.reserved");
        }
        if (!TAG_TEXT.matcher(key).matches()) {
            return problem("rule.tag.characters", key);
        }
        return Optional.empty();
    }

    /** 0 to 256 characters of letters, digits, spaces and {@code _ . : / = + - @}. */
    public Optional<String> tagValueProblem(String key, String value) {
        String v = value == null ? "" : value;
        if (v.length() > MAX_TAG_VALUE_LENGTH) {
            return problem("rule.tag.valueTooLong", key, MAX_TAG_VALUE_LENGTH);
        }
        if (!TAG_TEXT.matcher(v).matches()) {
            return problem("rule.tag.valueCharacters", key);
        }
        return Optional.empty();
    }

    /** A tag's key problem, else its value's: the order in which a person fixes a tag. */
    public Optional<String> tagProblem(String key, String value) {
        return tagKeyProblem(key).or(() -> tagValueProblem(key, value));
    }

    public Optional<String> recoveryWindowProblem(int days) {
        if (days < DeletionMode.MIN_RECOVERY_DAYS || days > DeletionMode.MAX_RECOVERY_DAYS) {
            return problem("rule.recovery.range", DeletionMode.MIN_RECOVERY_DAYS, DeletionMode.MAX_RECOVERY_DAYS);
        }
        return Optional.empty();
    }

    public Optional<String> passwordLengthProblem(int length) {
        if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
            return problem("rule.password.length", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
        }
        return Optional.empty();
    }

    private Optional<String> problem(String key, Object... args) {
        return Optional.of(texts.format(key, args));
    }

    private String printable(int cp) {
        if (Character.isWhitespace(cp)) {
            return cp == ' ' ? texts.format("rule.char.space") : String.format("U+%04X", cp);
        }
        if (Character.isISOControl(cp)) {
            return String.format("U+%04X", cp);
        }
        return "\u2018" + new String(Character.toChars(cp)) + "\u2019";
    }
}
