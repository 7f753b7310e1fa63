package io.strongroom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.PolicyCheckResult;
import io.strongroom.domain.PolicyFinding;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code policy} command found, and its three renderings: text for a terminal or a CI log
 * ({@code file:line:col: SEVERITY CODE message}, columns 1-based), JSON, and SARIF 2.1.0 for code
 * scanning (one run, tool driver {@code strongroom}, one rule per issue code). Positions come from
 * Access Analyzer's spans: lines 1-based, columns 0-based there, so a column is printed plus one.
 */
final class PolicyReport {

    /** The severity of a failed custom check (CheckNoNewAccess…); a passed one is {@link #PASS}. */
    static final String FAIL = "FAIL";
    static final String PASS = "PASS";

    /**
     * One line of the report.
     *
     * @param severity a {@link PolicyFinding.Severity} name, {@link #FAIL} or {@link #PASS}
     * @param path     the policy element, {@code Statement[0].Effect}, or empty
     * @param span     where in the file, or null for the file as a whole
     * @param failing  whether this item fails the run
     */
    record Item(Path file, String severity, String code, String message, String path, PolicyFinding.Span span,
                String helpUri, boolean failing) {}

    private final List<Item> items = new ArrayList<>();

    void finding(Path file, PolicyFinding f, PolicyFinding.Severity failOn) {
        items.add(new Item(file, f.severity().name(), f.issueCode(), f.message(), f.path(), f.span(), f.learnMoreLink(),
                f.severity().atLeast(failOn)));
    }

    /** A custom check's answer: one PASS item, or one FAIL item per reason, located on the statement when it can be. */
    void check(Path file, String code, PolicyCheckResult result, StatementLocator statements) {
        if (result.passed()) {
            items.add(new Item(file, PASS, code, result.message(), "", null, null, false));
            return;
        }
        if (result.reasons().isEmpty()) {
            items.add(new Item(file, FAIL, code, result.message(), "", null, null, true));
        }
        for (PolicyCheckResult.Reason r : result.reasons()) {
            PolicyFinding.Span span = statements.span(r.statementIndex(), r.statementId());
            String path = span == null || r.statementIndex() == null ? "" : "Statement[" + r.statementIndex() + "]";
            items.add(new Item(file, FAIL, code, r.description(), path, span, null, true));
        }
    }

    boolean failed() {
        return items.stream().anyMatch(Item::failing);
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    void write(PolicyTarget.Format format, PrintWriter out) {
        switch (format) {
            case text -> items.forEach(i -> out.println(text(i)));
            case json -> out.println(pretty(json()));
            case sarif -> out.println(pretty(sarif()));
        }
        out.flush();
    }

    static String text(Item i) {
        String where = i.file().toString();
        if (i.span() != null) {
            where += ":" + i.span().start().line() + ":" + (i.span().start().column() + 1);
        }
        return where + ": " + i.severity() + " " + i.code() + " " + i.message();
    }

    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("result", failed() ? FAIL : PASS);
        ArrayNode list = root.putArray("items");
        for (Item i : items) {
            ObjectNode o = list.addObject();
            o.put("file", i.file().toString());
            o.put("severity", i.severity());
            o.put("code", i.code());
            o.put("message", i.message());
            o.put("path", i.path());
            if (i.span() != null) {
                o.put("line", i.span().start().line());
                o.put("column", i.span().start().column() + 1);
                o.put("endLine", i.span().end().line());
                o.put("endColumn", i.span().end().column() + 1);
            }
            if (i.helpUri() != null) {
                o.put("learnMore", i.helpUri());
            }
            o.put("failing", i.failing());
        }
        return root;
    }

    ObjectNode sarif() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "strongroom");
        driver.put("informationUri", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        for (Item i : items) {
            Integer index = ruleIndex.get(i.code());
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(i.code(), index);
                ObjectNode rule = rules.addObject();
                rule.put("id", i.code());
                rule.putObject("shortDescription").put("text", i.code().replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
                if (i.helpUri() != null) {
                    rule.put("helpUri", i.helpUri());
                }
            }
            ObjectNode r = results.addObject();
            r.put("ruleId", i.code());
            r.put("ruleIndex", index);
            if (PASS.equals(i.severity())) {
                r.put("kind", "pass");
                r.put("level", "none");
            } else {
                r.put("level", level(i.severity()));
            }
            r.putObject("message").put("text", i.message());
            ObjectNode location = r.putArray("locations").addObject();
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(i.file()));
            if (i.span() != null) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", i.span().start().line());
                region.put("startColumn", i.span().start().column() + 1);
                region.put("endLine", i.span().end().line());
                region.put("endColumn", i.span().end().column() + 1);
            }
            if (!i.path().isEmpty()) {
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName", i.path());
            }
            r.putObject("properties").put("severity", i.severity());
        }
        return root;
    }

    /** SARIF levels: errors and failed checks are errors, warnings of either kind warnings, suggestions notes. */
    static String level(String severity) {
        return switch (severity) {
            case "ERROR", FAIL -> "error";
            case "SECURITY_WARNING", "WARNING" -> "warning";
            default -> "note";
        };
    }

    /** A relative path stays relative (code scanning resolves it against the checkout); an absolute one is a file URI. */
    static String uri(Path file) {
        return file.isAbsolute() ? file.toUri().toString() : file.toString().replace('\\', '/');
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String pretty(ObjectNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
