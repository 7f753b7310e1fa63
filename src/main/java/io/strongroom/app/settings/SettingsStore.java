package io.strongroom.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.CustomEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@link Settings} kept as {@value #FILE_NAME} in the per-user config directory
 * ({@link ConfigDirectory}).
 *
 * <ul>
 *   <li>Loading never fails: a missing file gives the defaults; an unreadable one is kept aside
 *       as {@code settings.json.bak-<time>} and the defaults are used; a readable one with some
 *       bad fields keeps its good fields, takes defaults for the rest and is also backed up.
 *       {@link #loadProblems()} says what happened, for a one-time notice.</li>
 *   <li>Saving is atomic: the new content goes to a temporary file in the same directory, is
 *       forced to disk, then moved over the old file, so a crash leaves the old settings or the
 *       new ones, never half of either.</li>
 *   <li>Fields written by a newer Strongroom are kept as they are on save.</li>
 *   <li>Custom endpoints are written field by field from {@link CustomEndpoint}, which has no
 *       secret access key; a secret someone typed into the file by hand is not read and is gone
 *       after the next save (decision record 0006).</li>
 * </ul>
 *
 * <p>Thread-safe; saving is a small synchronous file write.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";
    static final int FORMAT_VERSION = 1;

    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> KNOWN = Set.of("version", "theme", "readOnly", "scopes", "inventoryColumns",
            "clipboardClearSeconds", "endpoints", "anomalyThresholds", "organizations");
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Writes the bytes into the temporary file; a seam for tests that fail half-way. */
    interface Sink {
        void write(FileChannel channel, byte[] bytes) throws IOException;

        Sink FULL = (channel, bytes) -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        };
    }

    private final Path file;
    private final Clock clock;
    private final Sink sink;
    private final List<String> problems = new ArrayList<>();
    private Path backup;
    private ObjectNode unknownFields = JSON.createObjectNode();
    private Settings current;

    SettingsStore(Path file, Clock clock, Sink sink) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.current = load();
    }

    /** Loads (never failing) {@value #FILE_NAME} from {@code configDir}. */
    public static SettingsStore open(Path configDir) {
        return new SettingsStore(configDir.resolve(FILE_NAME), Clock.systemUTC(), Sink.FULL);
    }

    public Path file() {
        return file;
    }

    public synchronized Settings current() {
        return current;
    }

    /** What was wrong with the file when it was loaded; empty when it was fine or absent. */
    public synchronized List<String> loadProblems() {
        return List.copyOf(problems);
    }

    /** Where the unreadable or partly bad file was kept, if it was. */
    public synchronized Optional<Path> backup() {
        return Optional.ofNullable(backup);
    }

    /**
     * Applies {@code change} to the current settings and saves the result.
     *
     * @throws UncheckedIOException when it cannot be saved; the current settings are then unchanged
     */
    public synchronized Settings update(UnaryOperator<Settings> change) {
        Settings next = Objects.requireNonNull(change.apply(current), "changed settings");
        write(next);
        current = next;
        return next;
    }

    public Settings save(Settings settings) {
        return update(s -> settings);
    }

    // ---- Loading ------------------------------------------------------------------------------

    private Settings load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Settings.defaults();
        } catch (IOException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
            return Settings.defaults();
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            problems.add(file.getFileName() + " is not a settings file; using the defaults");
            keepBackup(true);
            return Settings.defaults();
        }
        Settings defaults = Settings.defaults();
        Theme theme = field(root, "theme", defaults.theme(),
                n -> n.isTextual() ? Theme.parse(n.asText()).orElse(null) : null);
        Boolean readOnly = field(root, "readOnly", defaults.readOnly(), n -> n.isBoolean() ? n.asBoolean() : null);
        ScopeSelection scopes = field(root, "scopes", defaults.scopes(), n -> {
            if (!n.isObject()) {
                return null;
            }
            List<String> accounts = strings(n.get("accounts"));
            List<String> regions = strings(n.get("regions"));
            return accounts == null || regions == null ? null : new ScopeSelection(accounts, regions);
        });
        List<String> columns = field(root, "inventoryColumns", defaults.inventoryColumns(), SettingsStore::strings);
        Duration clipboard = field(root, "clipboardClearSeconds", defaults.clipboardClearDelay(), n -> {
            if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                return null;
            }
            Duration d = Duration.ofSeconds(n.asInt());
            return d.compareTo(Settings.MIN_CLIPBOARD_CLEAR) < 0 || d.compareTo(Settings.MAX_CLIPBOARD_CLEAR) > 0 ? null : d;
        });
        List<CustomEndpoint> endpoints = field(root, "endpoints", defaults.endpoints(), this::endpoints);
        AnomalyThresholds thresholds = field(root, "anomalyThresholds", defaults.anomalyThresholds(), ThresholdsJson::read);
        List<OrganizationSetting> organizations = field(root, "organizations", defaults.organizations(), SettingsStore::organizations);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                unknownFields.set(e.getKey(), e.getValue());
            }
        }
        if (!problems.isEmpty()) {
            keepBackup(false);
        }
        return new Settings(theme, readOnly, scopes, columns, clipboard, endpoints, thresholds, organizations);
    }

    /** The endpoints that are whole; one that is not is left out (and noted) rather than losing the others. */
    private List<CustomEndpoint> endpoints(JsonNode n) {
        if (!n.isArray()) {
            return null;
        }
        List<CustomEndpoint> out = new ArrayList<>();
        int position = 0;
        for (JsonNode item : n) {
            position++;
            CustomEndpoint e = endpoint(item);
            if (e == null) {
                problems.add("endpoint " + position + " in " + file.getFileName() + " is invalid and was left out");
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static CustomEndpoint endpoint(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        String name = text(n.get("name"));
        String url = text(n.get("url"));
        String keyId = text(n.get("accessKeyId"));
        String accountId = text(n.get("accountId"));
        List<String> regions = strings(n.get("regions"));
        if (name == null || url == null || keyId == null || accountId == null || regions == null) {
            return null;
        }
        try {
            return new CustomEndpoint(name, new URI(url), keyId, accountId, regions);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The organizations, or null (the field is invalid) when one of them is not whole. */
    private static List<OrganizationSetting> organizations(JsonNode n) {
        if (!n.isArray()) {
            return null;
        }
        List<OrganizationSetting> out = new ArrayList<>();
        for (JsonNode item : n) {
            String key = text(item.get("managementKey"));
            String role = text(item.get("roleName"));
            if (key == null || role == null) {
                return null;
            }
            out.add(new OrganizationSetting(key, role));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** A field's value, or its default when absent (silently) or invalid (noted as a problem). */
    private <T> T field(JsonNode root, String name, T fallback, Function<JsonNode, T> read) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        T value;
        try {
            value = read.apply(n);
        } catch (RuntimeException e) {
            value = null;
        }
        if (value == null) {
            problems.add("\"" + name + "\" in " + file.getFileName() + " is invalid; using the default");
            return fallback;
        }
        return value;
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || !n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                return null;
            }
            out.add(item.asText());
        }
        return out;
    }

    /** Keeps the file as it was before it is overwritten with settings that lost some of it. */
    private void keepBackup(boolean move) {
        String stamp = BACKUP_TIME.format(clock.instant());
        Path target = file.resolveSibling(FILE_NAME + ".bak-" + stamp);
        for (int i = 1; Files.exists(target); i++) {
            target = file.resolveSibling(FILE_NAME + ".bak-" + stamp + "-" + i);
        }
        try {
            if (move) {
                Files.move(file, target);
            } else {
                Files.copy(file, target);
            }
            backup = target;
            problems.add("the previous file was kept as " + target.getFileName());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep a backup of " + file + ": " + e.getMessage());
        }
    }

    // ---- Saving -------------------------------------------------------------------------------

    static ObjectNode toJson(Settings s, ObjectNode unknown) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        root.put("theme", s.theme().jsonName());
        root.put("readOnly", s.readOnly());
        ObjectNode scopes = root.putObject("scopes");
        ArrayNode accounts = scopes.putArray("accounts");
        s.scopes().accountKeys().forEach(accounts::add);
        ArrayNode regions = scopes.putArray("regions");
        s.scopes().regions().forEach(regions::add);
        ArrayNode columns = root.putArray("inventoryColumns");
        s.inventoryColumns().forEach(columns::add);
        root.put("clipboardClearSeconds", s.clipboardClearDelay().toSeconds());
        // field by field, never by reflection: what is written is exactly what is listed here
        ArrayNode endpoints = root.putArray("endpoints");
        for (CustomEndpoint e : s.endpoints()) {
            ObjectNode o = endpoints.addObject();
            o.put("name", e.name());
            o.put("url", e.url().toString());
            o.put("accessKeyId", e.accessKeyId());
            o.put("accountId", e.accountId());
            ArrayNode endpointRegions = o.putArray("regions");
            e.regions().forEach(endpointRegions::add);
        }
        ThresholdsJson.write(root, "anomalyThresholds", s.anomalyThresholds());
        ArrayNode organizations = root.putArray("organizations");
        for (OrganizationSetting o : s.organizations()) {
            organizations.addObject().put("managementKey", o.managementKey()).put("roleName", o.roleName());
        }
        unknown.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        return root;
    }

    private void write(Settings settings) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(toJson(settings, unknownFields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, FILE_NAME + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                sink.write(ch, bytes);
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the settings to " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless
                }
            }
        }
    }

    /** Makes the rename itself durable where the platform allows it (not on Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
