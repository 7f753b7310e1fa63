package io.strongroom.app.settings;

import io.strongroom.domain.CustomEndpoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsStoreTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SettingsStore open() {
        return new SettingsStore(dir.resolve(SettingsStore.FILE_NAME), CLOCK, SettingsStore.Sink.FULL);
    }

    private void write(String json) throws IOException {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), json);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static final Settings CUSTOM = new Settings(Theme.DARK, true,
            new ScopeSelection(List.of("111122223333", "profile:sandbox"), List.of("eu-west-1", "us-east-1")),
            List.of("name", "account", "region", "lastChanged"), Duration.ofSeconds(45));

    @Nested
    class RoundTrip {

        @Test
        void aMissingFileGivesTheDefaultsWithoutComplaint() throws IOException {
            SettingsStore store = open();
            assertEquals(Settings.defaults(), store.current());
            assertEquals(Duration.ofSeconds(30), store.current().clipboardClearDelay());
            assertEquals(List.of(), store.loadProblems());
            assertEquals(List.of(), files(), "loading writes nothing");
        }

        @Test
        void everyFieldSurvivesSaveAndLoad() {
            open().save(CUSTOM);
            SettingsStore again = open();
            assertEquals(CUSTOM, again.current());
            assertEquals(List.of(), again.loadProblems());
        }

        @Test
        void theFileIsReadableJson() throws IOException {
            open().save(CUSTOM);
            String json = Files.readString(dir.resolve(SettingsStore.FILE_NAME));
            assertTrue(json.contains("\"theme\" : \"dark\""), json);
            assertTrue(json.contains("\"clipboardClearSeconds\" : 45"), json);
            assertTrue(json.contains("\"regions\" : [ \"eu-west-1\", \"us-east-1\" ]"), json);
        }

        @Test
        void updateChangesOneFieldAndKeepsTheRest() {
            SettingsStore store = open();
            store.save(CUSTOM);
            store.update(s -> s.withTheme(Theme.LIGHT));
            assertEquals(CUSTOM.withTheme(Theme.LIGHT), open().current());
        }

        @Test
        void fieldsFromANewerVersionAreKept() throws IOException {
            write("{\"version\": 7, \"theme\": \"dark\", \"futureFeature\": {\"x\": [1, 2]}}");
            SettingsStore store = open();
            assertEquals(Theme.DARK, store.current().theme());
            assertEquals(List.of(), store.loadProblems());
            store.update(s -> s.withReadOnly(true));
            String json = Files.readString(dir.resolve(SettingsStore.FILE_NAME));
            assertTrue(json.contains("futureFeature"), json);
            assertTrue(open().current().readOnly());
        }

        @Test
        void scopeSelectionsAndColumnsDropBlanksAndDuplicates() {
            ScopeSelection s = new ScopeSelection(List.of("a", " a ", "", "b"), List.of("eu-west-1", "eu-west-1"));
            assertEquals(List.of("a", "b"), s.accountKeys());
            assertEquals(List.of("eu-west-1"), s.regions());
            assertEquals(List.of("name"), Settings.defaults().withInventoryColumns(List.of("name", "name", " ")).inventoryColumns());
        }

        @Test
        void theClipboardDelayIsBounded() {
            assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withClipboardClearDelay(Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withClipboardClearDelay(Duration.ofHours(1)));
        }
    }

    static final CustomEndpoint STAGING = new CustomEndpoint("staging-emulator", URI.create("https://secrets.staging.example:4566"),
            "AKIASTAGINGEXAMPLE01", "444455556666", List.of("us-east-1", "eu-west-1"));
    static final CustomEndpoint LAB = new CustomEndpoint("lab proxy", URI.create("http://127.0.0.1:4566"), "test",
            "000000000000", List.of("local"));

    @Nested
    class ColumnsAndEndpoints {

        @Test
        void visibleColumnsSurviveSaveAndLoadInTheirOrder() {
            open().update(s -> s.withInventoryColumns(List.of("name", "region", "tags", "deletionDate")));
            assertEquals(List.of("name", "region", "tags", "deletionDate"), open().current().inventoryColumns());
        }

        @Test
        void endpointsSurviveSaveAndLoad() {
            SettingsStore store = open();
            store.save(CUSTOM.withEndpoints(List.of(STAGING, LAB)));
            SettingsStore again = open();
            assertEquals(List.of(STAGING, LAB), again.current().endpoints());
            assertEquals(CUSTOM.withEndpoints(List.of(STAGING, LAB)), again.current());
            assertEquals(List.of(), again.loadProblems());
        }

        @Test
        void anEndpointIsWrittenFieldByFieldAndHasNoSecret() throws IOException {
            open().save(Settings.defaults().withEndpoints(List.of(STAGING)));
            String json = Files.readString(dir.resolve(SettingsStore.FILE_NAME));
            assertTrue(json.contains("\"url\" : \"https://secrets.staging.example:4566\""), json);
            assertTrue(json.contains("\"accessKeyId\" : \"AKIASTAGINGEXAMPLE01\""), json);
            assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("secret\""), json);
            assertFalse(json.contains("secretAccessKey"), json);
        }

        @Test
        void aSecretTypedIntoTheFileByHandIsNotReadAndIsGoneAfterTheNextSave() throws IOException {
            write("""
                    {"endpoints": [{"name": "lab", "url": "http://127.0.0.1:4566", "accessKeyId": "test",
                      "secretAccessKey": "hand-typed-canary-secret", "accountId": "000000000000", "regions": ["us-east-1"]}]}""");
            SettingsStore store = open();
            assertEquals(1, store.current().endpoints().size());
            store.update(s -> s.withTheme(Theme.DARK));
            assertFalse(Files.readString(dir.resolve(SettingsStore.FILE_NAME)).contains("hand-typed-canary-secret"));
        }

        @Test
        void aBadEndpointIsLeftOutAndTheOthersAreKept() throws IOException {
            String json = """
                    {"endpoints": [
                      {"name": "good", "url": "https://a.example", "accessKeyId": "AKIDGOOD", "accountId": "111122223333", "regions": ["us-east-1"]},
                      {"name": "ftp", "url": "ftp://a.example", "accessKeyId": "AKIDFTP", "accountId": "111122223333", "regions": ["us-east-1"]},
                      {"name": "short account", "url": "https://b.example", "accessKeyId": "AKID", "accountId": "123", "regions": ["us-east-1"]},
                      {"name": "no regions", "url": "https://c.example", "accessKeyId": "AKID", "accountId": "111122223333", "regions": []},
                      {"name": "good", "url": "https://duplicate.example", "accessKeyId": "AKID2", "accountId": "111122223333", "regions": ["us-east-1"]},
                      "not an object"
                    ]}""";
            write(json);
            SettingsStore store = open();
            assertEquals(List.of("good"), store.current().endpoints().stream().map(CustomEndpoint::name).toList());
            assertEquals(URI.create("https://a.example"), store.current().endpoints().get(0).url(), "the first of a name wins");
            assertEquals(5, store.loadProblems().size(), store.loadProblems().toString());   // four bad entries and the backup note
            assertEquals(json, Files.readString(store.backup().orElseThrow()));
        }

        @Test
        void endpointsThatAreNotAListAreNoEndpoints() throws IOException {
            write("{\"endpoints\": {\"name\": \"x\"}, \"theme\": \"dark\"}");
            SettingsStore store = open();
            assertEquals(List.of(), store.current().endpoints());
            assertEquals(Theme.DARK, store.current().theme());
        }
    }

    @Nested
    class Corruption {

        @ParameterizedTest
        @ValueSource(strings = {"", "{", "not json", "[1, 2]", "\"dark\"", "{\"theme\": \"dark\",,}", "\u0000\u0001garbage"})
        void anUnreadableFileGivesTheDefaultsAndIsKeptAside(String content) throws IOException {
            write(content);
            SettingsStore store = open();
            assertEquals(Settings.defaults(), store.current());
            assertFalse(store.loadProblems().isEmpty());
            Path backup = dir.resolve("settings.json.bak-20250314-092653");
            assertEquals(backup, store.backup().orElseThrow());
            assertEquals(content, Files.readString(backup), "the user's file is kept byte for byte");
            assertFalse(Files.exists(dir.resolve(SettingsStore.FILE_NAME)));

            store.update(s -> s.withTheme(Theme.DARK));
            assertEquals(Theme.DARK, open().current().theme(), "the next save writes a good file");
        }

        @Test
        void badFieldsTakeTheirDefaultsAndGoodFieldsAreKept() throws IOException {
            String json = """
                    {"theme": "purple", "readOnly": "yes", "scopes": {"accounts": ["111122223333"], "regions": ["eu-west-1"]},
                     "inventoryColumns": ["name", 3], "clipboardClearSeconds": 2}""";
            write(json);
            SettingsStore store = open();
            Settings s = store.current();
            assertEquals(Theme.LIGHT, s.theme());
            assertFalse(s.readOnly());
            assertEquals(new ScopeSelection(List.of("111122223333"), List.of("eu-west-1")), s.scopes());
            assertEquals(List.of(), s.inventoryColumns());
            assertEquals(Duration.ofSeconds(30), s.clipboardClearDelay());
            assertEquals(5, store.loadProblems().size(), store.loadProblems().toString());
            assertEquals(json, Files.readString(store.backup().orElseThrow()));
            assertTrue(Files.exists(dir.resolve(SettingsStore.FILE_NAME)), "copied, not moved: the good fields are still there");
        }

        @Test
        void backupsNeverOverwriteEarlierBackups() throws IOException {
            write("{");
            open();
            write("{{");
            SettingsStore second = open();
            assertEquals("settings.json.bak-20250314-092653-1", second.backup().orElseThrow().getFileName().toString());
            assertEquals("{", Files.readString(dir.resolve("settings.json.bak-20250314-092653")));
        }

        @Test
        void nullsAndMissingFieldsAreDefaultsWithoutComplaint() throws IOException {
            write("{\"theme\": null}");
            SettingsStore store = open();
            assertEquals(Settings.defaults(), store.current());
            assertEquals(List.of(), store.loadProblems());
        }
    }

    @Nested
    class AtomicWrites {

        @Test
        void aSaveThatFailsHalfWayLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
            open().save(CUSTOM);
            byte[] before = Files.readAllBytes(dir.resolve(SettingsStore.FILE_NAME));
            SettingsStore failing = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME), CLOCK, (channel, bytes) -> {
                channel.write(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
                throw new IOException("disk full");
            });
            assertThrows(UncheckedIOException.class, () -> failing.update(s -> s.withTheme(Theme.LIGHT)));
            assertEquals(CUSTOM, failing.current(), "a failed save changes nothing in memory either");
            assertEquals(new String(before, StandardCharsets.UTF_8),
                    Files.readString(dir.resolve(SettingsStore.FILE_NAME)));
            assertEquals(List.of(SettingsStore.FILE_NAME), files());
        }

        @Test
        void concurrentSavesAlwaysLeaveACompleteFile() throws Exception {
            SettingsStore store = open();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<?>> writers = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int seconds = 10 + t;
                    writers.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 25; i++) {
                            store.update(s -> s.withClipboardClearDelay(Duration.ofSeconds(seconds)));
                        }
                        return null;
                    }));
                }
                Future<?> reader = pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 100; i++) {
                        if (Files.exists(dir.resolve(SettingsStore.FILE_NAME))) {
                            assertEquals(List.of(), open().loadProblems(), "a reader never sees half a file");
                        }
                    }
                    return null;
                });
                go.countDown();
                for (Future<?> w : writers) {
                    w.get();
                }
                reader.get();
            } finally {
                pool.shutdownNow();
            }
            assertEquals(store.current(), open().current());
            assertEquals(List.of(SettingsStore.FILE_NAME), files());
        }
    }

    @Nested
    class Location {

        @Test
        void aFlagWinsThenTheEnvironment() {
            assertEquals(Path.of("/flag"), ConfigDirectory.resolve("/flag", Map.of(ConfigDirectory.ENV, "/env"), "Linux", "/home/a"));
            assertEquals(Path.of("/env"), ConfigDirectory.resolve(null, Map.of(ConfigDirectory.ENV, "/env"), "Linux", "/home/a"));
        }

        @Test
        void linuxFollowsXdg() {
            assertEquals(Path.of("/xdg/strongroom"), ConfigDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", "/home/a"));
            assertEquals(Path.of("/home/a/.config/strongroom"), ConfigDirectory.resolve(null, Map.of(), "Linux", "/home/a"));
            assertEquals(Path.of("/home/a/.config/strongroom"),
                    ConfigDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "relative"), "Linux", "/home/a"), "relative XDG paths are ignored");
        }

        @Test
        void macOsAndWindows() {
            assertEquals(Path.of("/Users/a/Library/Application Support/Strongroom"),
                    ConfigDirectory.resolve(null, Map.of(), "Mac OS X", "/Users/a"));
            assertEquals(Path.of("C:\\Users\\a\\AppData\\Roaming", "Strongroom"),
                    ConfigDirectory.resolve(null, Map.of("APPDATA", "C:\\Users\\a\\AppData\\Roaming"), "Windows 11", "C:\\Users\\a"));
        }
    }
}
