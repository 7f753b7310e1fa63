package io.strongroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationState;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.FanOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * {@code strongroom rotation}: where every secret's rotation stands across the chosen accounts
 * and regions, as the console's Rotation view shows it: never rotated, overdue, failed, stuck, with
 * the failed step and its reason from CloudTrail's rotation events. For audits and pipelines: the
 * exit code is 1 when a secret shown is failed, stuck or overdue, 3 when a scope could not be read.
 */
@Command(name = "rotation", mixinStandardHelpOptions = true,
        description = "Show the rotation state of secrets across accounts and regions: never rotated, overdue, failed, stuck.")
public final class RotationCommand implements Callable<Integer> {

    enum Only { all, never, overdue, failed, stuck, problems }

    enum Format { table, json }

    @Mixin
    ScopeOptions where = new ScopeOptions();

    @Option(names = "--only", defaultValue = "all",
            description = "all, never (never rotated), overdue, failed, stuck, or problems (failed, stuck or overdue); default ${DEFAULT-VALUE}.")
    Only only;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--days", defaultValue = "90", description = "How far back rotation events are read, 1 to 90 (default ${DEFAULT-VALUE}).")
    int days;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Backends backends;
    private final Clock clock;

    public RotationCommand(Backends backends) {
        this(backends, Clock.systemUTC());
    }

    RotationCommand(Backends backends, Clock clock) {
        this.backends = backends;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (days < 1 || days > 90) {
            throw new ParameterException(spec.commandLine(), "--days must be from 1 to 90 (CloudTrail keeps 90 days)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scope> scopes = where.scopes(backends);
        List<SecretSummary> secrets = Collections.synchronizedList(new ArrayList<>());
        Map<String, RotationEvent> latest = Collections.synchronizedMap(new HashMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Instant now = clock.instant();
        await(backends.secrets().list(scopes, SecretQuery.all(), listener(secrets::addAll, failures)));
        await(backends.rotations().latestEvents(scopes, now.minus(Duration.ofDays(days)), listener(
                events -> events.forEach(e -> latest.put(e.secretArn(), e)), failures)));
        List<RotationState> states = new ArrayList<>();
        for (SecretSummary s : secrets) {
            RotationState state = RotationState.of(s, latest.get(s.arn()), now, RotationState.DEFAULT_STUCK_AFTER);
            if (shown(state)) {
                states.add(state);
            }
        }
        states.sort(Comparator.comparingInt((RotationState s) -> rank(s.status())).thenComparing(s -> !s.overdue())
                .thenComparing(s -> s.secret().accountAlias(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> s.secret().region()).thenComparing(s -> s.secret().name()));
        if (format == Format.json) {
            json(out, states);
        } else {
            table(out, states, now);
        }
        out.flush();
        failures.stream().sorted().forEach(f -> err.println("strongroom: " + f));
        err.flush();
        if (!failures.isEmpty()) {
            return 3;
        }
        return states.stream().anyMatch(RotationCommand::problem) ? 1 : 0;
    }

    private boolean shown(RotationState s) {
        return switch (only) {
            case all -> true;
            case never -> s.neverRotated();
            case overdue -> s.overdue();
            case failed -> s.status() == RotationState.Status.FAILED;
            case stuck -> s.status() == RotationState.Status.STUCK;
            case problems -> problem(s);
        };
    }

    static boolean problem(RotationState s) {
        return s.overdue() || s.status() == RotationState.Status.FAILED || s.status() == RotationState.Status.STUCK;
    }

    /** Stuck and failed first, then rotating, on, off, not configured. */
    static int rank(RotationState.Status status) {
        return switch (status) {
            case STUCK -> 0;
            case FAILED -> 1;
            case ROTATING -> 2;
            case ENABLED -> 3;
            case DISABLED -> 4;
            case NOT_CONFIGURED -> 5;
        };
    }

    private <T> FanOut.Listener<T> listener(java.util.function.Consumer<List<T>> pages, List<String> failures) {
        return new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<T> items) {
                pages.accept(items);
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                failures.add(scope.label() + ": " + error.errorCode() + ": " + error.message()
                        + (error.requestId() == null ? "" : " (request ID " + error.requestId() + ")"));
            }
        };
    }

    private static void await(FanOut.Handle handle) throws InterruptedException {
        try {
            handle.done().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the listing failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void table(PrintWriter out, List<RotationState> states, Instant now) {
        String[] head = {"STATUS", "ACCOUNT", "REGION", "NAME", "FUNCTION", "SCHEDULE", "LAST ROTATED", "NEXT", "LAST RESULT"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (RotationState s : states) {
            SecretSummary.Rotation r = s.secret().rotation();
            rows.add(new String[] {status(s), s.secret().accountAlias(), s.secret().region(), s.secret().name(),
                    r.lambdaArn() == null ? "-" : r.lambdaArn().substring(r.lambdaArn().lastIndexOf(':') + 1),
                    schedule(r), r.lastRotated() == null ? "never" : day(r.lastRotated()),
                    r.nextRotation() == null ? "-" : day(r.nextRotation()), result(s.last())});
        }
        TextTable.print(out, rows);
        out.println(states.size() + " secrets; " + states.stream().filter(RotationCommand::problem).count()
                + " failed, stuck or overdue; " + states.stream().filter(RotationState::neverRotated).count() + " never rotated");
    }

    private static String status(RotationState s) {
        String status = s.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return s.overdue() ? status + ", overdue" : status;
    }

    private static String schedule(SecretSummary.Rotation r) {
        if (r.scheduleExpression() != null) {
            return r.scheduleExpression() + (r.window() == null ? "" : " within " + r.window());
        }
        return r.automaticallyAfterDays() == null ? "-" : "every " + r.automaticallyAfterDays() + " days";
    }

    private static String result(RotationEvent e) {
        if (e == null) {
            return "-";
        }
        String what = switch (e.kind()) {
            case STARTED -> "started";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed" + (e.step() == null ? "" : " in " + e.step()) + (e.reason() == null ? "" : ": " + e.reason());
            case ABANDONED -> "abandoned";
        };
        return what + " " + e.time().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String day(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void json(PrintWriter out, List<RotationState> states) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        for (RotationState s : states) {
            SecretSummary.Rotation r = s.secret().rotation();
            ObjectNode o = all.addObject();
            o.put("status", s.status().name()).put("overdue", s.overdue()).put("neverRotated", s.neverRotated())
                    .put("account", s.secret().accountAlias()).put("accountId", s.secret().accountId())
                    .put("region", s.secret().region()).put("name", s.secret().name()).put("arn", s.secret().arn())
                    .put("function", r.lambdaArn()).put("automaticallyAfterDays", r.automaticallyAfterDays())
                    .put("scheduleExpression", r.scheduleExpression()).put("window", r.window())
                    .put("lastRotated", r.lastRotated() == null ? null : r.lastRotated().toString())
                    .put("nextRotation", r.nextRotation() == null ? null : r.nextRotation().toString())
                    .put("pendingVersion", s.pendingVersion());
            if (s.last() != null) {
                o.putObject("lastEvent").put("event", s.last().kind().eventName()).put("time", s.last().time().toString())
                        .put("step", s.last().step()).put("message", s.last().message());
            }
        }
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
