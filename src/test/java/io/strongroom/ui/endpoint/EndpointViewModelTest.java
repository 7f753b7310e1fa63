package io.strongroom.ui.endpoint;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.CustomEndpoint;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.IdentityService;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.TimeSource;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoint dialogs' models without the FX thread: inline validation before any call, the
 * connection test and the account-ID lookup through STS against a real embedded store, saving
 * without the secret, entering a saved endpoint's secret, and removing.
 */
class EndpointViewModelTest {

    static RunningStore store;
    static ClientRegistry clients;
    static IdentityService identity;
    static AccessKey admin;

    @BeforeAll
    static void startStore() {
        store = new RunningStore();
        clients = new ClientRegistry(ClientRegistry.Settings.defaults().withMaxAttempts(1));
        identity = new IdentityService(clients, new RateLimiters(TimeSource.system()));
        admin = store.adminKey(0);
    }

    @AfterAll
    static void stopStore() {
        clients.close();
        store.close();
    }

    /** What was saved, each save the whole list. */
    static final class RecordingStore implements EndpointsViewModel.Store {
        final List<List<CustomEndpoint>> saves = new ArrayList<>();
        IOException failWith;

        @Override
        public void save(List<CustomEndpoint> endpoints) throws IOException {
            if (failWith != null) {
                throw failWith;
            }
            saves.add(endpoints);
        }
    }

    static final class RecordingSources implements EndpointsViewModel.Sources {
        final List<AccountSource> opened = new ArrayList<>();
        final List<String> removed = new ArrayList<>();

        @Override
        public void opened(AccountSource source) {
            opened.add(source);
        }

        @Override
        public void removed(String sourceName) {
            removed.add(sourceName);
        }
    }

    RecordingStore saved;
    RecordingSources sources;
    RecordingDialogs dialogs;
    EndpointsViewModel endpoints;

    @BeforeEach
    void models() {
        saved = new RecordingStore();
        sources = new RecordingSources();
        dialogs = new RecordingDialogs();
        endpoints = new EndpointsViewModel(new DirectUiExecutor(), saved, identity, sources, dialogs, Texts.load());
        endpoints.restore(List.of());
    }

    /** A form filled in for the embedded store with the first account's admin key (no account ID). */
    EndpointViewModel filled() {
        EndpointViewModel vm = endpoints.startAdding();
        vm.nameProperty().set("local twin");
        vm.urlProperty().set(store.store().endpoint().toString());
        vm.accessKeyIdProperty().set(admin.accessKeyId());
        vm.secretAccessKeyProperty().set(admin.secretAccessKey());
        vm.regionsProperty().set("us-east-1, eu-west-1");
        return vm;
    }

    static final CustomEndpoint SAVED = new CustomEndpoint("staging", URI.create("http://127.0.0.1:9"), "AKIDSTAGING",
            "444455556666", List.of("eu-west-1"));

    @Nested
    class Validation {

        @Test
        void aFreshFormShowsNoProblemsButCannotBeSavedOrTested() {
            EndpointViewModel vm = endpoints.startAdding();
            assertEquals("", vm.nameProblemProperty().get());
            assertEquals("", vm.urlProblemProperty().get());
            assertEquals("", vm.secretProblemProperty().get());
            assertFalse(vm.validProperty().get());
            assertFalse(vm.testableProperty().get());
            assertEquals("us-east-1", vm.regionsProperty().get(), "one region to start from");
        }

        @Test
        void aProblemShowsOnceTheFieldWasEdited() {
            EndpointViewModel vm = endpoints.startAdding();
            vm.urlProperty().set("localhost:4566");
            assertEquals("Use an http:// or https:// URL.", vm.urlProblemProperty().get());
            assertEquals("", vm.nameProblemProperty().get(), "untouched fields stay quiet");
        }

        @Test
        void tryingToSaveShowsEveryProblemAndCallsNothing() {
            EndpointViewModel vm = endpoints.startAdding();
            vm.save();
            assertEquals("Give the endpoint a name.", vm.nameProblemProperty().get());
            assertEquals("Enter the endpoint’s URL.", vm.urlProblemProperty().get());
            assertEquals("Enter the access key ID.", vm.accessKeyIdProblemProperty().get());
            assertEquals("Enter the secret access key.", vm.secretProblemProperty().get());
            assertEquals("", vm.accountIdProblemProperty().get(), "optional");
            assertEquals(List.of(), saved.saves);
            assertNull(vm.savedProperty().get());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "https://secrets.internal.example:4566 |",
                "http://localhost:4566                 |",
                "HTTPS://Secrets.Example               |",
                "localhost:4566                        | Use an http:// or https:// URL.",
                "ftp://files.example                   | Use an http:// or https:// URL.",
                "secrets.example                       | Use an http:// or https:// URL.",
                "https://                              | Not a URL: Expected authority",
                "http:///path                          | The URL needs a host name.",
                "https://user:pass@secrets.example     | Leave credentials out of the URL; enter them below.",
                "https://secrets.example/?x=1          | An endpoint URL has no query or fragment.",
                "https://secrets.example/#top          | An endpoint URL has no query or fragment.",
                "https://secrets example               | Not a URL: Illegal character in authority",
        })
        void urls(String url, String problem) {
            EndpointViewModel vm = endpoints.startAdding();
            vm.urlProperty().set(url);
            assertEquals(problem == null ? "" : problem, vm.urlProblemProperty().get());
        }

        @ParameterizedTest(name = "{0} -> warning {1}")
        @CsvSource({"http://10.0.0.5:4566, true", "http://127.0.0.1:4566, false", "http://localhost:4566, false",
                "https://10.0.0.5:4566, false"})
        void plainHttpToAnotherMachineIsACautionNotAProblem(String url, boolean warned) {
            EndpointViewModel vm = filled();
            vm.urlProperty().set(url);
            assertEquals(warned, !vm.urlWarningProperty().get().isEmpty());
            assertTrue(vm.validProperty().get());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "AKIAIOSFODNN7EXAMPLE |",
                "test                 |",
                "AKIA IOSFODNN7       | Letters, digits and _ only.",
                "AKIA-IOSFODNN7       | Letters, digits and _ only.",
                "ÄKIA                 | Letters, digits and _ only.",
        })
        void accessKeyIds(String keyId, String problem) {
            EndpointViewModel vm = endpoints.startAdding();
            vm.accessKeyIdProperty().set(keyId);
            assertEquals(problem == null ? "" : problem, vm.accessKeyIdProblemProperty().get());
        }

        @Test
        void anOverlongKeyIdIsRefused() {
            EndpointViewModel vm = endpoints.startAdding();
            vm.accessKeyIdProperty().set("A".repeat(129));
            assertEquals("At most 128 characters.", vm.accessKeyIdProblemProperty().get());
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY |",
                "'wJalrXUtnFEMI '                          | A secret access key has no spaces or line breaks.",
        })
        void secrets(String secret, String problem) {
            EndpointViewModel vm = endpoints.startAdding();
            vm.secretAccessKeyProperty().set(secret);
            assertEquals(problem == null ? "" : problem, vm.secretProblemProperty().get());
        }

        @Test
        void aPastedSecretWithALineBreakIsRefusedRatherThanQuietlyTrimmed() {
            EndpointViewModel vm = endpoints.startAdding();
            vm.secretAccessKeyProperty().set("wJalrXUtnFEMI\n");
            assertEquals("A secret access key has no spaces or line breaks.", vm.secretProblemProperty().get());
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
                "''             |",
                "123456789012   |",
                "12345          | An account ID is 12 digits.",
                "1234567890123  | An account ID is 12 digits.",
                "12345678901a   | An account ID is 12 digits.",
        })
        void accountIds(String accountId, String problem) {
            EndpointViewModel vm = endpoints.startAdding();
            vm.accountIdProperty().set("x");
            vm.accountIdProperty().set(accountId);
            assertEquals(problem == null ? "" : problem, vm.accountIdProblemProperty().get());
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
                "us-east-1                  |",
                "'us-east-1, eu-west-1'     |",
                "us-east-1 eu-west-1        |",
                "local                      |",
                "''                         | Enter at least one region.",
                "' , '                      | Enter at least one region.",
                "'us-east-1, EU-WEST-1'     | Not a region: EU-WEST-1 (regions look like us-east-1).",
                "us_east_1                  | Not a region: us_east_1 (regions look like us-east-1).",
        })
        void regions(String regions, String problem) {
            EndpointViewModel vm = endpoints.startAdding();
            vm.regionsProperty().set(regions);
            assertEquals(problem == null ? "" : problem, vm.regionsProblemProperty().get());
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
                "staging-emulator  |",
                "Embedded store    | “Embedded store” is already the name of an account source.",
                "aws PROFILES      | “aws PROFILES” is already the name of an account source.",
                "STAGING           | “STAGING” is already the name of an account source.",
                "'  '              | Give the endpoint a name.",
        })
        void names(String name, String problem) {
            endpoints.restore(List.of(SAVED));
            EndpointViewModel vm = endpoints.startAdding();
            vm.nameProperty().set(name);
            assertEquals(problem == null ? "" : problem, vm.nameProblemProperty().get());
        }

        @Test
        void anOverlongNameOrOneWithControlCharactersIsRefused() {
            EndpointViewModel vm = endpoints.startAdding();
            vm.nameProperty().set("n".repeat(65));
            assertEquals("At most 64 characters.", vm.nameProblemProperty().get());
            vm.nameProperty().set("line\u0007bell");
            assertEquals("Control characters are not allowed in a name.", vm.nameProblemProperty().get());
        }

        @Test
        void aTestNeedsNoNameButSavingDoes() {
            EndpointViewModel vm = filled();
            vm.nameProperty().set("");
            assertTrue(vm.testableProperty().get());
            assertFalse(vm.validProperty().get());
        }
    }

    @Nested
    class TestConnection {

        @Test
        void theRightKeysShowWhoTheyAreAndFillInTheAccountId() {
            EndpointViewModel vm = filled();
            vm.testConnection();
            assertNotNull(vm.testIdentityProperty().get(), vm.testErrorProperty().get());
            assertEquals(admin.accountId(), vm.testIdentityProperty().get().accountId());
            assertTrue(vm.testIdentityProperty().get().arn().startsWith("arn:aws:iam::" + admin.accountId() + ":"));
            assertEquals("", vm.testErrorProperty().get());
            assertEquals(admin.accountId(), vm.accountIdProperty().get(), "a blank account ID is filled in from the answer");
            assertFalse(vm.testingProperty().get());
        }

        @Test
        void keysOfAnotherAccountThanTypedAreNoted() {
            EndpointViewModel vm = filled();
            vm.accountIdProperty().set("999988887777");
            vm.testConnection();
            assertNotNull(vm.testIdentityProperty().get());
            assertEquals("These keys belong to account " + admin.accountId() + ", not 999988887777.", vm.testNoteProperty().get());
            assertEquals("999988887777", vm.accountIdProperty().get(), "what the user typed stays");
        }

        @Test
        void aWrongSecretShowsTheScopeTheAwsCodeAndTheRequestId() {
            EndpointViewModel vm = filled();
            vm.secretAccessKeyProperty().set("not-the-secret");
            vm.testConnection();
            assertNull(vm.testIdentityProperty().get());
            String error = vm.testErrorProperty().get();
            assertTrue(error.startsWith("local twin / us-east-1: SignatureDoesNotMatch — "), error);
            assertTrue(error.matches(".*\\(request ID [\\w-]+\\)$"), error);
        }

        @Test
        void anUnknownKeyIsNamedAsSuch() {
            EndpointViewModel vm = filled();
            vm.accessKeyIdProperty().set("AKIDNOBODYHASTHIS");
            vm.testConnection();
            assertTrue(vm.testErrorProperty().get().startsWith("local twin / us-east-1: InvalidClientTokenId"), vm.testErrorProperty().get());
        }

        @Test
        void anEndpointNobodyListensOnIsUnreachable() {
            EndpointViewModel vm = filled();
            vm.urlProperty().set("http://127.0.0.1:9");
            vm.testConnection();
            assertTrue(vm.testErrorProperty().get().startsWith("local twin / us-east-1: Unreachable"), vm.testErrorProperty().get());
        }

        @Test
        void changingTheKeysAfterATestClearsItsAnswer() {
            EndpointViewModel vm = filled();
            vm.testConnection();
            assertNotNull(vm.testIdentityProperty().get());
            vm.secretAccessKeyProperty().set("something-else");
            assertNull(vm.testIdentityProperty().get(), "an answer for other keys would mislead");
        }

        @Test
        void anIncompleteFormIsNotTested() {
            EndpointViewModel vm = filled();
            vm.secretAccessKeyProperty().set("");
            vm.testConnection();
            assertNull(vm.testIdentityProperty().get());
            assertEquals("", vm.testErrorProperty().get());
            assertEquals("Enter the secret access key.", vm.secretProblemProperty().get());
        }
    }

    @Nested
    class Saving {

        @Test
        void savingWithoutAnAccountIdAsksStsThenOffersTheAccount() {
            EndpointViewModel vm = filled();
            vm.save();
            CustomEndpoint endpoint = vm.savedProperty().get();
            assertNotNull(endpoint, vm.errorProperty().get());
            assertEquals(new CustomEndpoint("local twin", store.store().endpoint(), admin.accessKeyId(), admin.accountId(),
                    List.of("us-east-1", "eu-west-1")), endpoint);
            assertEquals(List.of(List.of(endpoint)), saved.saves);

            assertEquals(1, sources.opened.size());
            AccountSource source = sources.opened.get(0);
            assertEquals("local twin", source.name());
            assertEquals(List.of("us-east-1", "eu-west-1"), source.regions());
            Account account = source.accounts().get(0);
            assertEquals(admin.accountId(), account.accountId());
            assertEquals(new CredentialsRef.StaticKeys(admin.accessKeyId(), admin.secretAccessKey()), account.credentials(),
                    "the secret is usable for this session");

            assertTrue(endpoints.entry("local twin").orElseThrow().isOpen());
            assertEquals("", vm.secretAccessKeyProperty().get(), "the form forgets the secret");
        }

        @Test
        void aTypedAccountIdNeedsNoCall() {
            EndpointViewModel vm = filled();
            vm.urlProperty().set("http://127.0.0.1:9");     // nothing listens there
            vm.accountIdProperty().set("123456789012");
            vm.save();
            assertNotNull(vm.savedProperty().get(), vm.errorProperty().get());
            assertEquals("123456789012", vm.savedProperty().get().accountId());
        }

        @Test
        void whenStsCannotSayTheAccountNothingIsSaved() {
            EndpointViewModel vm = filled();
            vm.secretAccessKeyProperty().set("not-the-secret");
            vm.save();
            assertNull(vm.savedProperty().get());
            assertTrue(vm.errorProperty().get().startsWith("Not saved: local twin / us-east-1: SignatureDoesNotMatch"),
                    vm.errorProperty().get());
            assertEquals(List.of(), saved.saves);
            assertEquals(List.of(), sources.opened);
            assertEquals("not-the-secret", vm.secretAccessKeyProperty().get(), "the input stays to fix and retry");
        }

        @Test
        void whenTheSettingsCannotBeWrittenTheEndpointIsNotAdded() {
            saved.failWith = new IOException("disk full");
            EndpointViewModel vm = filled();
            vm.accountIdProperty().set("123456789012");
            vm.save();
            assertEquals("Not saved: disk full", vm.errorProperty().get());
            assertTrue(endpoints.entries().isEmpty());
            assertEquals(List.of(), sources.opened);
        }

        @Test
        void aSecondEndpointIsSavedWithTheFirst() {
            endpoints.restore(List.of(SAVED));
            EndpointViewModel vm = filled();
            vm.accountIdProperty().set("123456789012");
            vm.save();
            assertEquals(List.of("staging", "local twin"), saved.saves.get(0).stream().map(CustomEndpoint::name).toList());
        }

        @Test
        void closingTheDialogForgetsTheSecret() {
            EndpointViewModel vm = filled();
            vm.dispose();
            assertEquals("", vm.secretAccessKeyProperty().get());
        }
    }

    @Nested
    class SavedEndpoints {

        @Test
        void savedEndpointsComeBackLockedAndOfferNothing() {
            endpoints.restore(List.of(SAVED));
            assertEquals(1, endpoints.entries().size());
            assertFalse(endpoints.entries().get(0).isOpen());
            assertEquals(List.of(endpoints.entries().get(0)), endpoints.locked());
            assertEquals(List.of(), sources.opened);
        }

        @Test
        void enteringTheSecretOpensTheEndpointForTheSessionAndSavesNothing() {
            endpoints.restore(List.of(SAVED));
            EndpointsViewModel.Entry entry = endpoints.entries().get(0);
            EndpointViewModel vm = endpoints.startUnlocking(entry);
            assertTrue(vm.isUnlocking());
            assertEquals("staging", vm.nameProperty().get());
            assertEquals("http://127.0.0.1:9", vm.urlProperty().get());
            assertEquals("444455556666", vm.accountIdProperty().get());
            assertEquals("eu-west-1", vm.regionsProperty().get());
            assertFalse(vm.validProperty().get(), "only the secret is missing");

            vm.secretAccessKeyProperty().set("staging-secret");
            vm.save();
            assertEquals(SAVED, vm.savedProperty().get());
            assertTrue(entry.isOpen());
            assertEquals(List.of(), saved.saves, "the secret is never saved");
            assertEquals(new CredentialsRef.StaticKeys("AKIDSTAGING", "staging-secret"),
                    sources.opened.get(0).accounts().get(0).credentials());
            assertFalse(entry.toString().contains("staging-secret"));
        }

        @Test
        void removingAfterConfirmingSavesTheRestAndTakesTheAccountAway() {
            endpoints.restore(List.of(SAVED));
            EndpointsViewModel.Entry entry = endpoints.entries().get(0);
            endpoints.remove(entry);
            assertEquals(List.of("confirm: Remove endpoint"), dialogs.shown);
            assertEquals(List.of(List.of()), saved.saves);
            assertEquals(List.of("staging"), sources.removed);
            assertTrue(endpoints.entries().isEmpty());
        }

        @Test
        void removingIsCancelledByAnswerNo() {
            endpoints.restore(List.of(SAVED));
            dialogs.answer = false;
            endpoints.remove(endpoints.entries().get(0));
            assertEquals(List.of(), saved.saves);
            assertEquals(1, endpoints.entries().size());
        }

        @Test
        void aRemovalThatCannotBeSavedKeepsTheEndpoint() {
            endpoints.restore(List.of(SAVED));
            saved.failWith = new IOException("read-only file system");
            endpoints.remove(endpoints.entries().get(0));
            assertEquals(1, endpoints.entries().size());
            assertEquals(List.of(), sources.removed);
            assertEquals("error: Could not remove the endpoint", dialogs.shown.get(1));
        }
    }
}
