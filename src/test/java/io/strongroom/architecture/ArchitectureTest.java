package io.strongroom.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer rules of {@code docs/architecture.md}, read from one description
 * ({@code layers.properties} beside this class) and checked on the sources of {@code src/main/java}.
 *
 * <p>The sources are read by a small parser, not a compiler. It strips comments and string
 * literals, then takes a class's dependencies from its {@code import} lines (static and wildcard
 * ones included) and from fully qualified names in its code ({@code io.strongroom.x.Y},
 * {@code javafx.scene.Z}); inside the console it also sees a class use another of its own package
 * by simple name. Its limits: a name is "used" when the word occurs in the code, whether or not it
 * resolves to that class (a local variable spelt like a class counts); a simple name reached only
 * through a wildcard import of a package outside the sources is not seen; reflection and
 * {@code Class.forName} strings are not dependencies; a fully qualified name split over two lines
 * is missed.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b((?:io\\.strongroom|software\\.amazon|javafx|atlantafx|org\\.kordamp|org\\.controlsfx)(?:\\.[a-z_][\\w]*)*\\.[A-Z]\\w*)");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z]\\w*\\b");

    private static Properties layers;
    /** Every main source, by fully qualified class name. */
    private static Map<String, Source> sources;

    /** One dependency of a source file: the class or package it names, and the text that names it. */
    record Dependency(String target, String how) {
    }

    record Source(Path file, String className, String pkg, String code, List<Dependency> dependencies) {

        String where() {
            return MAIN.relativize(file).toString().replace('\\', '/');
        }

        String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    @BeforeAll
    static void readSources() throws IOException {
        layers = new Properties();
        try (InputStream in = ArchitectureTest.class.getResourceAsStream("layers.properties")) {
            assertTrue(in != null, "layers.properties is missing beside ArchitectureTest");
            layers.load(in);
        }
        assertTrue(Files.isDirectory(MAIN), "run from the project directory");
        sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Source s = parse(file);
                sources.put(s.className(), s);
            }
        }
    }

    // ---- the rules --------------------------------------------------------------------------

    @Test
    void everyLayerImportsOnlyWhatItMay() {
        List<String> offenders = new ArrayList<>();
        for (String layer : list("layers")) {
            String pkg = layers.getProperty(layer + ".package");
            List<String> forbids = list(layer + ".forbids");
            assertTrue(pkg != null && !forbids.isEmpty(), "layer " + layer + " needs a package and forbids");
            sourcesUnder(pkg).forEach(s -> offenders.addAll(breaches(s, forbids,
                    layer + " (" + layers.getProperty(layer + ".why", "") + ")")));
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void viewModelsTouchNoSceneClassAndNoBackend() {
        List<String> forbids = list("console.viewModelForbids");
        List<String> offenders = new ArrayList<>();
        consoleSources().filter(s -> s.simpleName().endsWith("ViewModel"))
                .forEach(s -> offenders.addAll(breaches(s, forbids, "view model")));
        assertEquals(List.of(), offenders);
    }

    /** Views are the console classes that use a scene library; nothing a view model is built from is one. */
    @Test
    void viewModelsAndTheModelsTheyUseAreNoViews() {
        Set<String> views = views();
        assertTrue(views.size() > 5, "the views are derived from the scene imports; found only " + views);
        List<String> offenders = new ArrayList<>();
        Map<String, String> reachedFrom = viewModelSide();
        for (var e : reachedFrom.entrySet()) {
            if (views.contains(e.getKey())) {
                Source s = sources.get(e.getKey());
                breaches(s, list("console.scene"), "view-model side (used by " + e.getValue() + ")").forEach(offenders::add);
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void viewsNeverCallTheServiceLayer() {
        List<String> forbids = list("console.viewForbids");
        List<String> offenders = new ArrayList<>();
        views().forEach(v -> offenders.addAll(breaches(sources.get(v), forbids, "view")));
        assertEquals(List.of(), offenders);
    }

    @Test
    void onlyTheMutationRecordsCallTheWritingServiceMethods() {
        Set<String> allowed = new TreeSet<>(list("writes.allowed"));
        List<String> writes = list("writes.methods").stream().map(m -> "." + m + "(").toList();
        List<String> receivers = list("writes.receivers").stream().flatMap(r -> Stream.of(r + "().", r + ".")).toList();
        List<String> offenders = new ArrayList<>();
        sourcesUnder(layers.getProperty("writes.package")).filter(s -> !allowed.contains(s.className())).forEach(s -> {
            String[] lines = s.code().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (receivers.stream().anyMatch(l::contains) && writes.stream().anyMatch(l::contains)) {
                    offenders.add(s.where() + ":" + (i + 1) + ": a write outside " + allowed + ": " + l.strip());
                }
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void noImportCycleBetweenThePackagesOfTheStore() {
        List<String> cycles = new ArrayList<>();
        for (String root : list("acyclic")) {
            cycles.addAll(cyclesUnder(root));
        }
        assertEquals(List.of(), cycles, "package cycles (each edge with one file and import that makes it)");
    }

    /** The checks above must be able to fail: the parser sees the kinds of dependency they rely on. */
    @Test
    void theParserSeesImportsQualifiedNamesAndSamePackageUses() {
        assertTrue(sources.size() > 100, "found only " + sources.size() + " sources");
        assertTrue(views().stream().anyMatch(v -> v.endsWith(".SecretDetailView")), "SecretDetailView is a view");
        assertTrue(!views().contains("io.strongroom.ui.secret.SecretDetailViewModel"));
        assertTrue(viewModelSide().containsKey("io.strongroom.ui.editor.ValueEditorModel"));
        assertTrue(sources.values().stream().flatMap(s -> s.dependencies().stream()).anyMatch(d -> d.how().startsWith("import static")),
                "static imports are read");
    }

    // ---- derived sets -----------------------------------------------------------------------

    private static Stream<Source> consoleSources() {
        return sourcesUnder(layers.getProperty("console.package"));
    }

    private static Stream<Source> mvvmSources() {
        List<String> pkgs = list("console.mvvmPackages");
        return sources.values().stream().filter(s -> matchesAny(s.pkg(), pkgs));
    }

    /** The classes of the MVVM packages that depend on a scene library. */
    private static Set<String> views() {
        List<String> scene = list("console.scene");
        Set<String> views = new TreeSet<>();
        mvvmSources().filter(s -> s.dependencies().stream().anyMatch(d -> matchesAny(d.target(), scene)))
                .forEach(s -> views.add(s.className()));
        return views;
    }

    /**
     * The view models and models of the MVVM packages, and every class of those packages they use, transitively; each with the
     * view model or model it was first reached from.
     */
    private static Map<String, String> viewModelSide() {
        List<String> suffixes = list("console.viewModelSuffixes");
        Map<String, String> reached = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        mvvmSources().filter(s -> suffixes.stream().anyMatch(s.simpleName()::endsWith)).forEach(s -> {
            reached.put(s.className(), s.simpleName());
            todo.add(s.className());
        });
        List<String> mvvm = list("console.mvvmPackages");
        while (!todo.isEmpty()) {
            Source s = sources.get(todo.poll());
            for (String used : usedClasses(s)) {
                String path = reached.get(s.className());
                String via = path.equals(s.simpleName()) ? path : path + " via " + s.simpleName();
                if (matchesAny(sources.get(used).pkg(), mvvm) && reached.putIfAbsent(used, via) == null) {
                    todo.add(used);
                }
            }
        }
        return reached;
    }

    /** The main classes a source uses: imported, fully qualified, or of its own package by simple name. */
    private static Set<String> usedClasses(Source s) {
        Set<String> used = new LinkedHashSet<>();
        Set<String> wildcards = new TreeSet<>();
        wildcards.add(s.pkg());
        for (Dependency d : s.dependencies()) {
            String cls = knownClass(d.target());
            if (cls != null) {
                used.add(cls);
            } else if (d.how().endsWith(".*;")) {
                wildcards.add(d.target());
            }
        }
        Matcher m = WORD.matcher(s.code());
        while (m.find()) {
            for (String pkg : wildcards) {
                String candidate = pkg + "." + m.group();
                if (sources.containsKey(candidate)) {
                    used.add(candidate);
                }
            }
        }
        used.remove(s.className());
        return used;
    }

    // ---- cycles -----------------------------------------------------------------------------

    private static List<String> cyclesUnder(String root) {
        // package -> package -> one example of the dependency
        Map<String, Map<String, String>> edges = new TreeMap<>();
        sourcesUnder(root).forEach(s -> {
            edges.computeIfAbsent(s.pkg(), k -> new TreeMap<>());
            for (Dependency d : s.dependencies()) {
                String target = packageOf(d);
                if (under(target, root) && !target.equals(s.pkg())) {
                    edges.get(s.pkg()).putIfAbsent(target, s.where() + ": " + d.how());
                }
            }
        });
        List<String> found = new ArrayList<>();
        for (Set<String> component : stronglyConnected(edges)) {
            if (component.size() < 2) {
                continue;
            }
            StringBuilder b = new StringBuilder("cycle between " + component + ":");
            for (String from : component) {
                edges.getOrDefault(from, Map.of()).forEach((to, example) -> {
                    if (component.contains(to)) {
                        b.append("\n    ").append(from).append(" -> ").append(to).append("  (").append(example).append(')');
                    }
                });
            }
            found.add(b.toString());
        }
        return found;
    }

    /** Tarjan's algorithm; components in discovery order, each sorted. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : edges.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, edges, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String v, Map<String, Map<String, String>> edges, Map<String, Integer> index, Map<String, Integer> low,
            Deque<String> stack, Set<String> onStack, List<Set<String>> components) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, stack, onStack, components);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }

    // ---- parsing ----------------------------------------------------------------------------

    private static Source parse(Path file) throws IOException {
        String code = stripCommentsAndLiterals(Files.readString(file));
        Matcher pm = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(code);
        String pkg = pm.find() ? pm.group(1) : "";
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        List<Dependency> deps = new ArrayList<>();
        Matcher im = IMPORT.matcher(code);
        StringBuilder body = new StringBuilder(code);
        while (im.find()) {
            String target = im.group(2);
            if (im.group(1) != null && im.group(3) == null) {
                target = target.substring(0, target.lastIndexOf('.')); // a static member: its class
            }
            deps.add(new Dependency(target, im.group().strip()));
            for (int i = im.start(); i < im.end(); i++) {
                if (body.charAt(i) != '\n') {
                    body.setCharAt(i, ' ');
                }
            }
        }
        String withoutImports = body.toString();
        Matcher qm = QUALIFIED.matcher(withoutImports.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", ""));
        while (qm.find()) {
            deps.add(new Dependency(qm.group(1), "reference " + qm.group(1)));
        }
        return new Source(file, pkg.isEmpty() ? name : pkg + "." + name, pkg, withoutImports, List.copyOf(deps));
    }

    /** Blanks comments and string, text-block and char literals, keeping the line breaks. */
    static String stripCommentsAndLiterals(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(src, i, end, out);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                out.append("\"\"");
                blank(src, i + 2, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(j + 1, n);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String src, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(src.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static List<String> breaches(Source s, List<String> forbids, String role) {
        return s.dependencies().stream().filter(d -> matchesAny(d.target(), forbids))
                .map(d -> s.where() + ": " + d.how() + "  [forbidden in " + role + "]").distinct().toList();
    }

    private static Stream<Source> sourcesUnder(String pkg) {
        return sources.values().stream().filter(s -> under(s.pkg(), pkg));
    }

    /** The main class a dependency names (a nested class resolves to its file's class), or null. */
    private static String knownClass(String target) {
        for (String t = target; t.contains("."); t = t.substring(0, t.lastIndexOf('.'))) {
            if (sources.containsKey(t)) {
                return t;
            }
        }
        return null;
    }

    private static String packageOf(Dependency d) {
        String cls = knownClass(d.target());
        if (cls != null) {
            return sources.get(cls).pkg();
        }
        if (d.how().endsWith(".*;")) {
            return d.target();
        }
        StringBuilder pkg = new StringBuilder();
        for (String part : d.target().split("\\.")) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                break;
            }
            pkg.append(pkg.isEmpty() ? "" : ".").append(part);
        }
        return pkg.toString();
    }

    private static boolean under(String name, String prefix) {
        return name.equals(prefix) || name.startsWith(prefix + ".");
    }

    private static boolean matchesAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(p -> under(name, p));
    }

    private static List<String> list(String key) {
        String v = layers.getProperty(key);
        assertTrue(v != null, "layers.properties has no " + key);
        return Stream.of(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
