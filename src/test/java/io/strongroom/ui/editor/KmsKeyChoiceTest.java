package io.strongroom.ui.editor;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KMS key picker's entries: data that names a key, and the second line the picker shows in the texts it is given. */
class KmsKeyChoiceTest {

    private static final Texts TEXTS = Texts.load();
    private static final Scope SCOPE = new Scope(new Account("123456789012", "dev", URI.create("http://127.0.0.1:4566"),
            new CredentialsRef.StaticKeys("AKIADEV0000000000001", "x"), "embedded store"), "eu-west-1");

    private static KeyInfo key(String description) {
        return new KeyInfo(SCOPE, "1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", List.of("alias/orders"),
                description, "Enabled", true, "CUSTOMER", "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", "AWS_KMS",
                null, null, false, null, null);
    }

    @Test
    void secondLinesSayWhichKindOfKeyInTheEditorsWords() {
        assertEquals("AWS managed key (default)", KmsKeyChoice.DEFAULT.detail(TEXTS));
        assertEquals("Customer managed \u00b7 1234abcd\u2026 \u00b7 order data", KmsKeyChoice.of(key("order data")).detail(TEXTS));
        assertEquals("Customer managed \u00b7 1234abcd\u2026", KmsKeyChoice.of(key(" ")).detail(TEXTS), "no blank description");
        assertEquals("Key not listed in this scope", KmsKeyChoice.unlisted("arn:aws:kms:eu-west-1:999999999999:key/x").detail(TEXTS));
        assertEquals(KmsKeyChoice.DEFAULT.detail(TEXTS), KmsKeyChoice.DEFAULT.detail(TEXTS.in("io.strongroom.ui.secret.messages")),
                "the line is the editor bundle's whichever feature's texts ask");
    }

    @Test
    void aCustomerKeyIsNamedByItsAliasIdAndArn() {
        KmsKeyChoice orders = KmsKeyChoice.of(key(null));
        assertEquals("orders", orders.label());
        assertTrue(orders.matches("alias/orders"));
        assertTrue(orders.matches("1234abcd-12ab-34cd-56ef-1234567890ab"));
        assertTrue(orders.matches(orders.keyRef()));
        assertTrue(KmsKeyChoice.DEFAULT.matches(null) && KmsKeyChoice.DEFAULT.matches(KmsKeyChoice.DEFAULT_ALIAS));
    }
}
