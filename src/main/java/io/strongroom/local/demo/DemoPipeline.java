package io.strongroom.local.demo;

import io.strongroom.local.iam.IamRole;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The CI deployer's ordinary days in the history: security-audit's {@code ci-deployer} role, as
 * the deploy pipeline's CodeBuild session {@value #SESSION}, fetches the deploy tokens it needs
 * at each run: its own account's {@code ci/github/deploy-token} (by name) and payments-prod's
 * shared {@code ci/github/deploy-token} and {@code ci/dockerhub/pull-token} (by ARN, across
 * accounts, as {@link DemoGrants} allows), all in us-east-1. Runs are at fixed hours (UTC): four a
 * weekday, two a weekend day, the last at 20:xx every day; each run gets fresh session credentials
 * (a new {@code ASIA...} key, valid twelve hours) and runs on one of two CodeBuild hosts in the VPC.
 * So the principal reads only at 09, 13, 17 and 20 o'clock, from two private addresses, three
 * secrets, three reads a run: a steady pattern the anomalies learn.
 */
final class DemoPipeline {

    static final String SESSION = "codebuild-deploy";
    static final String REGION = "us-east-1";
    static final List<String> SOURCE_IPS = List.of("10.50.200.21", "10.50.200.22");
    static final String CLIENT = "aws-sdk-go-v2/1.25.3 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/secretsmanager#1.28.2";
    static final String OWN_TOKEN = "ci/github/deploy-token";
    static final List<String> SHARED_TOKENS = List.of("ci/github/deploy-token", "ci/dockerhub/pull-token");
    private static final int[] WEEKDAY_HOURS = {9, 13, 17, 20};
    private static final int[] WEEKEND_HOURS = {13, 20};
    /** How long a run's session credentials stay valid. */
    static final java.time.Duration SESSION_DURATION = java.time.Duration.ofHours(12);

    /** One pipeline run: when it fetched its tokens, with which session key, from which host. */
    record Run(Instant at, String accessKeyId, String sourceIp) {}

    private final IamRole role;
    private final DemoHistoryEstate.Account own;
    private final DemoHistoryEstate.Account sharing;
    private final List<Run> runs;

    private DemoPipeline(IamRole role, DemoHistoryEstate.Account own, DemoHistoryEstate.Account sharing, List<Run> runs) {
        this.role = role;
        this.own = own;
        this.sharing = sharing;
        this.runs = runs;
    }

    /** The pipeline, if the auditing account has its CI role; its runs over {@code days}. */
    static Optional<DemoPipeline> of(DemoHistoryEstate estate, List<LocalDate> days, Random random) {
        Optional<DemoHistoryEstate.Account> own = estate.account(DemoPrincipals.AUDITING_ACCOUNT);
        Optional<IamRole> role = own.flatMap(a -> estate.role(a, DemoPrincipals.CI_DEPLOYER));
        if (role.isEmpty()) {
            return Optional.empty();
        }
        List<Run> runs = new ArrayList<>();
        int n = 0;
        for (LocalDate day : days) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            for (int hour : weekend ? WEEKEND_HOURS : WEEKDAY_HOURS) {
                Instant at = DemoRoutine.within(day, hour, random);
                runs.add(new Run(at, DemoTrail.sessionKeyId("ci-run " + at), SOURCE_IPS.get(n++ % SOURCE_IPS.size())));
            }
        }
        return Optional.of(new DemoPipeline(role.get(), own.get(),
                estate.account(DemoCatalog.CI_SHARING_ACCOUNT).orElse(null), List.copyOf(runs)));
    }

    IamRole role() {
        return role;
    }

    DemoHistoryEstate.Account own() {
        return own;
    }

    /** The account whose ci/ secrets the pipeline reads across accounts, if present. */
    Optional<DemoHistoryEstate.Account> sharing() {
        return Optional.ofNullable(sharing);
    }

    /** The last run before {@code t}: its session key is the one still valid then. */
    Optional<Run> lastRunBefore(Instant t) {
        Run last = null;
        for (Run r : runs) {
            if (r.at().isBefore(t)) {
                last = r;
            }
        }
        return Optional.ofNullable(last);
    }

    /** A secret a run reads, and the ID it is read by (a name in the role's own account, an ARN across accounts). */
    record Read(DemoHistoryEstate.Secret secret, String secretId) {}

    /** The secrets a run reads. */
    List<Read> reads() {
        List<Read> out = new ArrayList<>();
        own.find(REGION, OWN_TOKEN).filter(s -> s.deleted() == null).ifPresent(s -> out.add(new Read(s, s.name())));
        if (sharing != null) {
            for (String name : SHARED_TOKENS) {
                sharing.find(REGION, name).filter(s -> s.deleted() == null).ifPresent(s -> out.add(new Read(s, s.arn())));
            }
        }
        return out;
    }

    /** Writes every run's reads. */
    void write(DemoTrail trail) {
        DemoTrail.Actor actor = DemoTrail.Actor.session(role, SESSION, CLIENT);
        List<Read> reads = reads();
        for (Run run : runs) {
            Instant t = run.at();
            for (Read read : reads) {
                if (read.secret().liveAt(t)) {
                    trail.read(new DemoTrail.Call(actor, REGION, t, run.sourceIp(), run.accessKeyId()), read.secret(), read.secretId(), null);
                }
                t = t.plusMillis(400 + trail.random().nextInt(2500));
            }
        }
    }
}
