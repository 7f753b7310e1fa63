package io.strongroom.ui.editor;

import io.strongroom.service.ScopeException;
import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.ReadOnlyGuard;
import io.strongroom.service.journal.ValueKind;
import java.util.List;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.ui.editor.ValueEditorModel.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.strongroom.ui.editor.StoreFixture.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The create dialog's view model against a real embedded store. */
class CreateSecretViewModelTest extends EditorStoreTest {

    static KeyMetadata customerKey;

    CreateSecretViewModel vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void createKey() {
        customerKey = fx.customerKey("payments data key", "alias/payments-data");
    }

    @BeforeEach
    void newViewModel() {
        vm = new CreateSecretViewModel(fakes.ctx(), fx.scope);
    }

    String current(String name) {
        return fx.currentText(name);
    }

    // ---- Each kind of value --------------------------------------------------------------------

    @Test
    void createsAPlainTextSecretWithTagsAndDescription() {
        String name = unique("prod/payments/stripe-api-key");
        vm.nameProperty().set(name);
        vm.descriptionProperty().set("Stripe restricted key for the payments API");
        vm.value().textProperty().set("fake-sk_test_0000");
        vm.tags().add("owner", "payments-team");
        vm.tags().add("env", "prod");
        assertTrue(vm.canCreateProperty().get(), vm.problemProperty().get());

        assertTrue(vm.create());
        assertNotNull(vm.createdProperty().get());
        assertEquals(name, vm.createdProperty().get().name());
        assertEquals("fake-sk_test_0000", current(name));
        SecretSummary s = fx.secrets.describe(fx.scope, name);
        assertEquals("Stripe restricted key for the payments API", s.description());
        assertEquals("payments-team", s.tags().get("owner"));
        assertEquals("prod", s.tags().get("env"));
        assertNull(s.kmsKeyId());
        assertEquals(1, fakes.mutations().applied().size());
        assertEquals("CreateSecret", fakes.mutations().applied().get(0).action());
        assertEquals("", vm.value().textProperty().get(), "the value is dropped after saving");
        assertFalse(vm.canCreateProperty().get(), "one dialog creates one secret");
    }

    @Test
    void createsJsonFromTheKeyValueBuilder() {
        String name = unique("analytics/redshift/etl-user");
        vm.nameProperty().set(name);
        vm.value().kindProperty().set(Kind.KEY_VALUE);
        vm.value().rows().get(0).keyProperty().set("username");
        vm.value().rows().get(0).valueProperty().set("etl_user");
        KeyValueRow pw = vm.value().addRow();
        pw.keyProperty().set("password");
        pw.valueProperty().set("fake-Redshift-1");
        assertTrue(vm.create(), vm.problemProperty().get());
        assertEquals("{\"username\":\"etl_user\",\"password\":\"fake-Redshift-1\"}", current(name));
    }

    @Test
    void createsJsonFromTheJsonEditor() {
        String name = unique("prod/db/orders");
        vm.nameProperty().set(name);
        vm.value().kindProperty().set(Kind.JSON);
        vm.value().jsonProperty().set("{\n  \"host\": \"orders.db.internal\",\n  \"port\": 5432\n}");
        assertTrue(vm.create(), vm.problemProperty().get());
        assertEquals("{\n  \"host\": \"orders.db.internal\",\n  \"port\": 5432\n}", current(name));
    }

    @Test
    void createsABinarySecretFromAFile() throws Exception {
        String name = unique("prod/tls/keystore");
        byte[] content = new byte[4096];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        Path file = Files.write(dir.resolve("keystore.p12"), content);
        fakes.dialogs().fileToOpen = file;
        vm.nameProperty().set(name);
        vm.value().chooseBinaryFile();
        assertEquals(Kind.BINARY, vm.value().kindProperty().get());
        assertEquals("keystore.p12", vm.value().binaryFileNameProperty().get());
        assertEquals(4096, vm.value().sizeProperty().get());

        assertTrue(vm.create(), vm.problemProperty().get());
        SecretPayload stored = fx.secrets.getValue(fx.scope, name, VersionSelector.current()).payload();
        assertTrue(stored.isBinary());
        assertArrayEquals(content, stored.bytes());
    }

    @Test
    void usesTheChosenCustomerManagedKey() {
        vm.loadKeys();
        KmsKeyChoice choice = vm.kmsKey().choices().stream().filter(c -> c.label().equals("payments-data")).findFirst().orElseThrow();
        assertEquals(KmsKeyChoice.DEFAULT, vm.kmsKey().choices().get(0), "the AWS managed key comes first");
        assertEquals(KmsKeyChoice.DEFAULT, vm.kmsKey().selectedProperty().get(), "and is the default");
        vm.kmsKey().selectedProperty().set(choice);

        String name = unique("prod/payments/webhook-secret");
        vm.nameProperty().set(name);
        vm.value().textProperty().set("fake-whsec");
        assertTrue(vm.create());
        assertEquals(customerKey.arn(), fx.secrets.describe(fx.scope, name).kmsKeyId());
    }

    @Test
    void generatesPasswordsWithGetRandomPassword() {
        PasswordGeneratorModel gen = vm.value().generator();
        gen.lengthProperty().set(24);
        gen.excludePunctuationProperty().set(true);
        assertTrue(vm.value().generatePassword());
        String pw = vm.value().textProperty().get();
        assertEquals(24, pw.length());
        assertTrue(pw.chars().allMatch(Character::isLetterOrDigit));

        vm.value().kindProperty().set(Kind.KEY_VALUE);
        vm.value().rows().get(0).keyProperty().set("username");
        vm.value().rows().get(0).valueProperty().set("app");
        vm.value().selectedRowProperty().set(null);
        assertTrue(vm.value().generatePassword());
        KeyValueRow row = vm.value().rows().get(1);
        assertEquals("password", row.key());
        assertEquals(24, row.value().length());

        gen.lengthProperty().set(5000);
        assertNotNull(gen.problemProperty().get());
        assertFalse(vm.value().generatePassword());
        gen.lengthProperty().set(16);
        gen.excludeNumbersProperty().set(true);
        gen.excludeUppercaseProperty().set(true);
        gen.excludeLowercaseProperty().set(true);
        assertNotNull(gen.problemProperty().get(), "nothing left to generate from");
        assertTrue(fakes.mutations().applied().isEmpty(), "generating a password changes nothing");
    }

    // ---- Invalid input is caught before any call -----------------------------------------------

    @Test
    void anInvalidNameIsBlockedBeforeAnyCall() {
        vm.value().textProperty().set("fake");
        vm.nameProperty().set("prod/payments key");
        assertEquals("A space at position 14 is not allowed. Use letters, digits and / _ + = . @ -", vm.nameProblemProperty().get());
        assertFalse(vm.canCreateProperty().get());
        assertFalse(vm.create());

        vm.nameProperty().set("x".repeat(513));
        assertTrue(vm.nameProblemProperty().get().contains("512"));
        assertFalse(vm.create());

        vm.nameProperty().set("");
        assertNotNull(vm.nameProblemProperty().get());
        assertFalse(vm.create());

        assertTrue(fakes.mutations().applied().isEmpty());
        assertFalse(fx.exists("prod/payments key"));
        assertFalse(fx.exists("x".repeat(513).substring(0, 512)));
    }

    @Test
    void anOversizeValueIsBlockedBeforeAnyCall() {
        String name = unique("big/text");
        vm.nameProperty().set(name);
        vm.value().textProperty().set("a".repeat(65_537));
        assertEquals("The value is 65,537 bytes; Secrets Manager stores at most 65,536 bytes.", vm.problemProperty().get());
        assertFalse(vm.create());

        vm.value().textProperty().set("\u00e9".repeat(32_769));    // 65,538 bytes of UTF-8 in 32,769 characters
        assertFalse(vm.canCreateProperty().get());

        vm.value().textProperty().set("a".repeat(65_536));
        assertTrue(vm.canCreateProperty().get(), "exactly the limit is fine");
        vm.value().textProperty().set("a".repeat(65_537));
        assertFalse(vm.create());
        assertTrue(fakes.mutations().applied().isEmpty());
        assertFalse(fx.exists(name));
    }

    @Test
    void anOversizeFileIsRefusedWithoutBeingSent() throws Exception {
        String name = unique("big/binary");
        Path file = Files.write(dir.resolve("huge.bin"), new byte[65_537]);
        vm.nameProperty().set(name);
        vm.value().loadBinary(file);
        assertEquals("huge.bin: The value is 65,537 bytes; Secrets Manager stores at most 65,536 bytes.", vm.problemProperty().get());
        assertFalse(vm.create());
        assertFalse(fx.exists(name));

        Files.write(file, new byte[0]);
        vm.value().loadBinary(file);
        assertNotNull(vm.problemProperty().get());
        assertFalse(vm.create());
        assertFalse(fx.exists(name));
        assertTrue(fakes.mutations().applied().isEmpty());
    }

    @Test
    void malformedJsonIsBlockedAndSaysWhere() {
        String name = unique("bad/json");
        vm.nameProperty().set(name);
        vm.value().kindProperty().set(Kind.JSON);
        vm.value().jsonProperty().set("{\n  \"user\": \"app\",\n  \"password\" \"fake-hunter2\"\n}");
        JsonValues.Problem p = vm.value().jsonProblemProperty().get();
        assertNotNull(p);
        assertEquals(3, p.line());
        assertEquals(14, p.column());
        assertEquals("Line 3, column 14: expected a colon after the key", vm.problemProperty().get());
        assertFalse(vm.create());

        vm.value().jsonProperty().set("{\"token\": fake-hunter2}");
        assertFalse(vm.problemProperty().get().contains("hunter2"), "problems never quote the value");
        assertFalse(vm.create());

        vm.value().jsonProperty().set("{\"a\": 1, \"a\": 2}");
        assertTrue(vm.problemProperty().get().contains("appears twice"));
        assertFalse(vm.create());

        assertTrue(fakes.mutations().applied().isEmpty());
        assertFalse(fx.exists(name));
    }

    @Test
    void keyValueRowsNeedKeysThatDiffer() {
        vm.nameProperty().set(unique("bad/kv"));
        vm.value().kindProperty().set(Kind.KEY_VALUE);
        assertEquals("Add at least one key.", vm.problemProperty().get());
        vm.value().rows().get(0).valueProperty().set("orphan");
        assertEquals("Every row with a value needs a key.", vm.problemProperty().get());
        vm.value().rows().get(0).keyProperty().set("user");
        KeyValueRow again = vm.value().addRow();
        again.keyProperty().set("user");
        assertTrue(vm.problemProperty().get().contains("appears twice"));
        assertFalse(vm.create());
        assertTrue(fakes.mutations().applied().isEmpty());
    }

    @Test
    void invalidTagsAreBlocked() {
        vm.nameProperty().set(unique("bad/tags"));
        vm.value().textProperty().set("fake");
        vm.tags().add("aws:owner", "x");
        assertFalse(vm.canCreateProperty().get());
        assertFalse(vm.create());
        assertTrue(fakes.mutations().applied().isEmpty());
    }

    @Test
    void awsErrorsShowScopeCodeAndRequestId() {
        String name = unique("dup/secret");
        fx.createText(name, "fake");
        vm.nameProperty().set(name);
        vm.value().textProperty().set("fake-2");
        assertTrue(vm.create());
        String error = vm.errorProperty().get();
        assertTrue(error.startsWith(fx.scope.label() + ": ResourceExistsException"), error);
        assertTrue(error.contains("request ID"), error);
        assertNull(vm.createdProperty().get());
        assertTrue(vm.canCreateProperty().get(), "the user may fix the name and try again");
    }

    @Test
    void readOnlyModeRefuses() {
        StoreFixture.Fakes ro = fx.fakes(true);
        CreateSecretViewModel readOnly = new CreateSecretViewModel(ro.ctx(), fx.scope);
        String name = unique("ro/secret");
        readOnly.nameProperty().set(name);
        readOnly.value().textProperty().set("fake");
        assertFalse(readOnly.canCreateProperty().get());
        assertFalse(readOnly.create());
        assertTrue(readOnly.errorProperty().get().startsWith("Read-only"));
        assertTrue(ro.mutations().applied().isEmpty());
        assertFalse(fx.exists(name));

        ro.readOnly().set(false);
        assertTrue(readOnly.canCreateProperty().get());
    }

    @Test
    void theGatewayItselfRefusesInReadOnlyMode() {
        boolean[] readOnly = {true};
        SecretMutations guarded = new ReadOnlyGuard(SecretMutations.of(fx.secrets), () -> readOnly[0]);
        String name = unique("guarded");
        SecretMutation.Create create = new SecretMutation.Create(fx.scope, new io.strongroom.domain.NewSecret(name, null, null,
                SecretPayload.ofText("fake"), null, io.strongroom.service.SecretsService.newRequestToken()));
        ScopeException refused = assertThrows(ScopeException.class, () -> guarded.apply(create));
        assertEquals(ReadOnlyGuard.READ_ONLY, refused.error().errorCode());
        assertFalse(fx.exists(name));
        readOnly[0] = false;
        guarded.apply(create);
        assertTrue(fx.exists(name));
    }

    @Test
    void mutationsDescribeThemselvesWithoutValues() {
        SecretMutation.PutValue put = new SecretMutation.PutValue(fx.scope, "arn:x", SecretPayload.ofText("fake-hunter2"), "t".repeat(32));
        assertFalse(put.toString().contains("hunter2"));
        assertFalse(put.details().toString().contains("hunter2"));
        assertEquals(new ActionDetails.PutValue(ValueKind.TEXT, List.of()), put.details());
    }
}
