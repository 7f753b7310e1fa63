package io.strongroom.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scope picker's last applied choice, kept in {@code scope.json} in the user's config
 * directory: account keys (source and account, never credentials) and regions, or "all regions"
 * as a flag so regions AWS adds later are included. A missing or unreadable file is no memory.
 */
public final class ScopeMemory {

    public static final String FILE_NAME = "scope.json";

    /** What was chosen. {@code accounts} holds {@link ScopePickerViewModel#accountKey} values. */
    public record Choice(List<String> accounts, List<String> regions, boolean allRegions) {
        public Choice {
            accounts = List.copyOf(accounts);
            regions = List.copyOf(regions);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    /** What {@link #preload} read or {@link #save} wrote; null until either ran. */
    private volatile Optional<Choice> preloaded;

    public ScopeMemory(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    /** The memory file in {@code configDir}. */
    public static ScopeMemory in(Path configDir) {
        return new ScopeMemory(configDir.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the file now (call it on a background thread); later {@link #load()} calls answer from
     * what was read, so the FX thread never waits for the disk at start-up.
     */
    public void preload() {
        preloaded = read();
    }

    /** The remembered choice: the preloaded or last saved one if there is one, else read from the file. */
    public Optional<Choice> load() {
        Optional<Choice> known = preloaded;
        return known != null ? known : read();
    }

    private Optional<Choice> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new Choice(strings(root.get("accounts")), strings(root.get("regions")),
                    root.path("allRegions").asBoolean(false)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();        // a damaged file only costs the user their last choice
        }
    }

    /** Writes atomically (a temporary file moved over the old one), so a crash never leaves half a file. */
    public void save(Choice choice) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode accounts = root.putArray("accounts");
        choice.accounts().forEach(accounts::add);
        ArrayNode regions = root.putArray("regions");
        choice.regions().forEach(regions::add);
        root.put("allRegions", choice.allRegions());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            preloaded = Optional.of(choice);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }
}
