package io.strongroom.cli;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretFilter;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.FanOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * {@code strongroom inventory}: every secret across the chosen accounts and regions, listed
 * in parallel through the service layer. A scope that fails is reported on stderr with its
 * AWS error code and request ID; the others are listed anyway, and the exit code says so.
 */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "List secrets across accounts and regions (no values are ever printed).")
public final class InventoryCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @Mixin
    ScopeOptions where = new ScopeOptions();

    @Option(names = "--format", description = "table, json or csv (default ${DEFAULT-VALUE}).", defaultValue = "table")
    Format format;

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Server-side ListSecrets filter: name, description, tag-key, tag-value, primary-region, owning-service or all; "
                    + "a value starting with ! negates. Repeatable.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--include-planned-deletion", description = "Also list secrets scheduled for deletion.")
    boolean includePlannedDeletion;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Backends backends;

    public InventoryCommand(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scope> scopes = where.scopes(backends);
        SecretQuery query = query();
        List<SecretSummary> rows = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        FanOut.Handle handle = backends.secrets().list(scopes, query, new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<SecretSummary> items) {
                rows.addAll(items);
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                failures.add(scope.label() + ": " + error.errorCode() + ": " + error.message()
                        + (error.requestId() == null ? "" : " (request ID " + error.requestId() + ")"));
            }
        });
        try {
            handle.done().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the listing failed: " + e.getCause().getMessage(), e.getCause());
        }
        List<SecretSummary> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(SecretSummary::accountAlias, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(SecretSummary::region).thenComparing(SecretSummary::name));
        switch (format) {
            case table -> Output.table(out, sorted);
            case json -> Output.json(out, sorted);
            case csv -> Output.csv(out, sorted);
        }
        out.flush();
        failures.stream().sorted().forEach(f -> err.println("strongroom: " + f));
        err.flush();
        return failures.isEmpty() ? 0 : 3;
    }

    private SecretQuery query() {
        SecretQuery q = SecretQuery.all().withPlannedDeletion(includePlannedDeletion);
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--filter takes KEY=VALUE, got '" + f + "'");
            }
            String key = f.substring(0, eq);
            String value = f.substring(eq + 1);
            SecretFilter.Key k = java.util.Arrays.stream(SecretFilter.Key.values()).filter(x -> x.wireName().equals(key)).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown filter key '" + key + "'"));
            boolean negated = value.startsWith("!");
            SecretFilter filter = SecretFilter.of(k, negated ? value.substring(1) : value);
            q = q.withFilter(negated ? filter.negate() : filter);
        }
        return q;
    }

    /** The three output formats. None of them can print a value: rows hold metadata only. */
    static final class Output {
        static final String[] COLUMNS = {"account", "account_id", "region", "name", "description", "kms_key", "rotation",
                "last_changed", "last_accessed", "created", "deletion_date", "tags", "arn"};

        static List<String> cells(SecretSummary s) {
            return List.of(nz(s.accountAlias()), nz(s.accountId()), s.region(), s.name(), nz(s.description()),
                    s.kmsKeyId() == null ? "aws/secretsmanager" : s.kmsKeyId(),
                    s.rotation() != null && s.rotation().enabled() ? "enabled" : "off",
                    date(s.lastChanged()), date(s.lastAccessed()), date(s.created()), date(s.deletedDate()),
                    tags(s.tags()), s.arn());
        }

        static void table(PrintWriter out, List<SecretSummary> rows) {
            int[] shown = {0, 2, 3, 6, 7, 8, 10};      // the columns a terminal has room for
            List<List<String>> lines = new ArrayList<>();
            List<String> header = new ArrayList<>();
            for (int i : shown) header.add(COLUMNS[i].toUpperCase(Locale.ROOT).replace('_', ' '));
            lines.add(header);
            for (SecretSummary s : rows) {
                List<String> c = cells(s);
                List<String> line = new ArrayList<>();
                for (int i : shown) line.add(c.get(i));
                lines.add(line);
            }
            int[] width = new int[shown.length];
            for (List<String> l : lines) {
                for (int i = 0; i < l.size(); i++) width[i] = Math.max(width[i], l.get(i).length());
            }
            for (List<String> l : lines) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i == l.size() - 1 ? l.get(i) : String.format("%-" + (width[i] + 2) + "s", l.get(i)));
                }
                out.println(sb.toString().stripTrailing());
            }
            out.println(rows.size() + " secret" + (rows.size() == 1 ? "" : "s"));
        }

        static void csv(PrintWriter out, List<SecretSummary> rows) {
            out.println(String.join(",", COLUMNS));
            for (SecretSummary s : rows) {
                out.println(String.join(",", cells(s).stream().map(Output::csvCell).toList()));
            }
        }

        /** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
        static String csvCell(String v) {
            String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
            return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                    ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
        }

        static void json(PrintWriter out, List<SecretSummary> rows) {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var array = mapper.createArrayNode();
            for (SecretSummary s : rows) {
                var o = array.addObject();
                List<String> c = cells(s);
                for (int i = 0; i < COLUMNS.length; i++) {
                    if (COLUMNS[i].equals("tags")) {
                        var t = o.putObject("tags");
                        s.tags().forEach(t::put);
                    } else {
                        o.put(COLUMNS[i], c.get(i).isEmpty() ? null : c.get(i));
                    }
                }
            }
            try {
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        private static String date(Instant i) {
            return i == null ? "" : i.toString();
        }

        private static String tags(Map<String, String> tags) {
            if (tags == null || tags.isEmpty()) return "";
            List<String> parts = new ArrayList<>();
            tags.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(";", parts);
        }
    }
}
