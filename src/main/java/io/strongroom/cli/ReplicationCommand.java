package io.strongroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicatedSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.FanOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * {@code strongroom replication}: every replica of the multi-region secrets in the chosen accounts
 * and regions, with its status and AWS's status message, failures first. For disaster-recovery
 * checks in pipelines: exit 1 when a replica shown has failed, 3 when a scope (or a primary outside
 * the chosen regions) could not be read.
 */
@Command(name = "replication", mixinStandardHelpOptions = true,
        description = "Show the replicas of multi-region secrets across accounts and regions, failed ones first.")
public final class ReplicationCommand implements Callable<Integer> {

    enum Only { all, failed, progress }

    enum Format { table, json }

    @Mixin
    ScopeOptions where = new ScopeOptions();

    @Option(names = "--only", defaultValue = "all",
            description = "all, failed, or progress (replication still in progress); default ${DEFAULT-VALUE}.")
    Only only;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Backends backends;

    public ReplicationCommand(Backends backends) {
        this.backends = backends;
    }

    /** One replica of one primary, as a line of the report. */
    record Line(ReplicatedSecret secret, ReplicaStatus replica) {
        String status() {
            return replica.status() == null ? "Unknown" : replica.status();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, ReplicatedSecret> primaries = Collections.synchronizedMap(new LinkedHashMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        FanOut.Handle handle = backends.replication().map(where.scopes(backends), new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<ReplicatedSecret> items) {
                items.forEach(s -> primaries.merge(s.arn(), s, (was, now) -> was.primaryError() == null ? was : now));
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                failures.add(describe(scope, error));
            }
        });
        try {
            handle.done().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the listing failed: " + e.getCause().getMessage(), e.getCause());
        }
        List<Line> lines = new ArrayList<>();
        synchronized (primaries) {
            for (ReplicatedSecret s : primaries.values()) {
                if (s.primaryError() != null) {
                    failures.add(describe(s.primaryScope(), s.primaryError()) + " (the primary of " + s.name() + ")");
                }
                s.replicas().stream().map(r -> new Line(s, r)).filter(this::shown).forEach(lines::add);
            }
        }
        lines.sort(Comparator.comparingInt((Line l) -> rank(l.replica().status()))
                .thenComparing(l -> l.secret().primaryScope().accountAlias(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(l -> l.secret().name()).thenComparing(l -> l.replica().region()));
        if (format == Format.json) {
            json(out, lines);
        } else {
            table(out, lines, primaries.size());
        }
        out.flush();
        failures.stream().sorted().forEach(f -> err.println("strongroom: " + f));
        err.flush();
        if (!failures.isEmpty()) {
            return 3;
        }
        return lines.stream().anyMatch(l -> ReplicatedSecret.FAILED.equals(l.replica().status())) ? 1 : 0;
    }

    private boolean shown(Line l) {
        return switch (only) {
            case all -> true;
            case failed -> ReplicatedSecret.FAILED.equals(l.replica().status());
            case progress -> ReplicatedSecret.IN_PROGRESS.equals(l.replica().status());
        };
    }

    /** Failed first, then in progress, then in sync; a status not read last. */
    static int rank(String status) {
        if (status == null) {
            return 3;
        }
        return switch (status) {
            case ReplicatedSecret.FAILED -> 0;
            case ReplicatedSecret.IN_PROGRESS -> 1;
            case ReplicatedSecret.IN_SYNC -> 2;
            default -> 3;
        };
    }

    private static String describe(Scope scope, ScopeError error) {
        return scope.label() + ": " + error.errorCode() + ": " + error.message()
                + (error.requestId() == null ? "" : " (request ID " + error.requestId() + ")");
    }

    private static void table(PrintWriter out, List<Line> lines, int primaries) {
        String[] head = {"STATUS", "ACCOUNT", "PRIMARY", "NAME", "REPLICA", "KMS KEY", "MESSAGE"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (Line l : lines) {
            ReplicaStatus r = l.replica();
            rows.add(new String[] {l.status(), l.secret().primaryScope().accountAlias(), l.secret().primaryScope().region(),
                    l.secret().name(), r.region(), r.kmsKeyId() == null ? "aws/secretsmanager" : r.kmsKeyId(),
                    r.statusMessage() == null ? "-" : r.statusMessage()});
        }
        TextTable.print(out, rows);
        long failed = lines.stream().filter(l -> ReplicatedSecret.FAILED.equals(l.replica().status())).count();
        long progress = lines.stream().filter(l -> ReplicatedSecret.IN_PROGRESS.equals(l.replica().status())).count();
        out.println(primaries + " multi-region secrets; " + lines.size() + " replicas shown; " + failed + " failed; "
                + progress + " in progress");
    }

    private static void json(PrintWriter out, List<Line> lines) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        for (Line l : lines) {
            ReplicaStatus r = l.replica();
            ObjectNode o = all.addObject();
            o.put("status", r.status()).put("statusMessage", r.statusMessage())
                    .put("account", l.secret().primaryScope().accountAlias()).put("accountId", l.secret().primaryScope().accountId())
                    .put("primaryRegion", l.secret().primaryScope().region()).put("name", l.secret().name())
                    .put("primaryArn", l.secret().arn()).put("replicaRegion", r.region()).put("kmsKeyId", r.kmsKeyId())
                    .put("lastAccessed", r.lastAccessed() == null ? null : r.lastAccessed().toString());
        }
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
