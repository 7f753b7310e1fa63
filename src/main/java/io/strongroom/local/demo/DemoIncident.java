package io.strongroom.local.demo;

import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The incident planted in the demo's audit history, for the anomalies to find.
 *
 * <h2>The story</h2>
 * <p>The deploy pipeline (security-audit's {@code ci-deployer} role, CodeBuild session
 * {@value DemoPipeline#SESSION}, see {@link DemoPipeline}) reads three deploy tokens on every run,
 * at 09, 13, 17 and 20 o'clock UTC, from two CodeBuild hosts at 10.50.200.21/22, with the Go SDK.
 * The evening run the day before the incident printed its session credentials, and the pipeline's
 * configuration with the ARNs of the secrets it may read, into a public build log. The credentials
 * stayed valid for twelve hours.
 *
 * <p>On the UTC date three days before the demo was seeded, at {@value #START_TEXT} UTC, someone
 * uses that run's access key from {@value #SOURCE_IP} (TEST-NET-3: an address no part of the
 * estate ever used), with the AWS CLI. Every call is answered as the demo's IAM really answers it
 * (the role may read {@code ci/} secrets and nothing else), all within a quarter of an hour and,
 * but for three of the listings, in us-east-1:
 * <ol>
 *   <li><b>Trying the key.</b> GetSecretValue of {@code ci/github/deploy-token}, the token the log
 *       showed being read: it works.</li>
 *   <li><b>Looking around.</b> ListSecrets ten times in us-east-1 (all, then by prefix: ci/, prod/,
 *       rds/, ...) and once in each other region: thirteen AccessDeniedException within a minute.
 *       Then BatchGetSecretValue of twenty payments-prod ARNs from the configuration, and of the
 *       pipeline's own account's {@code ci/} names: both refused, the role may not batch-read.</li>
 *   <li><b>One by one.</b> GetSecretValue of the twenty payments-prod ARNs: the nine {@code ci/}
 *       secrets payments-prod shares with the pipeline come back, most of them never read by it
 *       before; the eleven others (the Stripe and Adyen keys, the orders database's master user,
 *       the card-vault keystore...) are refused, in under two minutes. Then the pipeline's own
 *       account's {@code ci/} secrets by name.</li>
 *   <li><b>The dump.</b> GetSecretValue of every secret that came back, current version and
 *       previous where there is one; last, the auditing account's break-glass credentials, refused
 *       by that secret's deny-all policy.</li>
 * </ol>
 * The pipeline's next runs go on as usual; nobody noticed. The secrets read in steps 3 and 4 that
 * the pipeline never reads show that day as their LastAccessedDate.
 *
 * <h2>What the anomalies find (with {@code AnomalyThresholds.DEFAULT})</h2>
 * All for the principal {@code arn:aws:sts::<security-audit>:assumed-role/ci-deployer/codebuild-deploy}
 * (see {@link #principalArn}):
 * <ul>
 *   <li>NEW_SOURCE_IP: {@value #SOURCE_IP}, from the first call on (a read);</li>
 *   <li>OFF_HOURS: hundreds of reads before, none ever in the 03:00 hour;</li>
 *   <li>FIRST_READ: every shared {@code ci/} secret but the two it reads on each run, and its own
 *       account's other {@code ci/} secrets;</li>
 *   <li>RATE_SPIKE: about thirty values read in the 03:00 hour in us-east-1 alone, against at most
 *       three in any hour before;</li>
 *   <li>ACCESS_DENIED_BURST: thirteen refused ListSecrets within a minute, then eleven refused
 *       GetSecretValue within two minutes;</li>
 *   <li>SWEEP: ListSecrets ten times within a minute in us-east-1 (thirteen in all), refused: the
 *       demo's IAM lets the role neither list nor batch-read, so the sweep is the attempt. A
 *       detector that counts only successful listings finds no SWEEP here; the twenty distinct
 *       secrets asked for one by one within two minutes are the sweep's other trace.</li>
 * </ul>
 */
public final class DemoIncident {

    public static final String SOURCE_IP = "203.0.113.77";
    /** How many days before the seeding the incident happens (on that UTC date, at {@link #START}). */
    public static final int DAYS_BEFORE = 3;
    public static final LocalTime START = LocalTime.of(3, 4, 12);
    static final String START_TEXT = "03:04:12";
    static final String CLIENT = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off";
    /** The payments-prod secrets in the leaked configuration besides the shared ones, these first where present. */
    private static final List<String> WANTED = List.of("prod/payments/stripe-api-key", "prod/payments/adyen-api-key",
            "rds/orders-db/master", "prod/card-vault/tls-keystore", "third-party/datadog/api-key");
    private static final List<String> PREFIXES = List.of("ci/", "prod/", "rds/", "third-party/", "security/", "shared/", "prod/payments/",
            "prod/card-vault/", "analytics/");
    private static final int CONFIGURED = 20;
    private static final String REGION = DemoPipeline.REGION;

    private DemoIncident() {}

    /** When the incident starts, for a history seeded at {@code seededAt}. */
    public static Instant start(Instant seededAt) {
        return seededAt.atZone(ZoneOffset.UTC).toLocalDate().minusDays(DAYS_BEFORE).atTime(START).toInstant(ZoneOffset.UTC);
    }

    /** The principal the incident is about, in the auditing account {@code accountId}. */
    public static String principalArn(String accountId) {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + DemoPrincipals.CI_DEPLOYER + "/" + DemoPipeline.SESSION;
    }

    /**
     * Writes the incident into {@code trail}; returns how many events it wrote (none without the
     * pipeline's key still valid at that moment, or without payments-prod).
     */
    static int plant(DemoTrail trail, DemoPipeline pipeline, Instant seededAt) {
        Instant begins = start(seededAt);
        Optional<DemoPipeline.Run> leaked = pipeline.lastRunBefore(begins)
                .filter(run -> run.at().plus(DemoPipeline.SESSION_DURATION).isAfter(begins.plus(Duration.ofMinutes(15))));
        Optional<DemoHistoryEstate.Account> payments = pipeline.sharing();
        if (leaked.isEmpty() || payments.isEmpty()) {
            return 0;
        }
        int before = trail.events().size();
        DemoTrail.Call call = new DemoTrail.Call(DemoTrail.Actor.session(pipeline.role(), DemoPipeline.SESSION, CLIENT), REGION, begins,
                SOURCE_IP, leaked.get().accessKeyId());
        Instant t = begins;
        List<DemoHistoryEstate.Secret> own = live(pipeline.own().in(REGION), t).stream()
                .filter(s -> s.name().startsWith(DemoCatalog.CI_PREFIX) && !s.name().equals(DemoPipeline.OWN_TOKEN)).toList();
        Optional<DemoHistoryEstate.Secret> token = pipeline.own().find(REGION, DemoPipeline.OWN_TOKEN).filter(s -> s.liveAt(begins));

        // 1. Trying the key.
        if (token.isPresent()) {
            trail.read(call, token.get(), token.get().name(), null);
        }

        // 2. Looking around: refused.
        t = listing(trail, call.at(t.plusSeconds(24)));
        List<DemoHistoryEstate.Secret> configured = configured(payments.get().in(REGION), t);
        List<String> arns = configured.stream().map(DemoHistoryEstate.Secret::arn).toList();
        t = t.plusSeconds(12);
        trail.denied(call.at(t), "BatchGetSecretValue", BatchGetSecretValueRequest.builder().secretIdList(arns).build(), null,
                "secretsmanager:BatchGetSecretValue", "because no identity-based policy allows the secretsmanager:BatchGetSecretValue action");
        t = t.plusSeconds(9);
        trail.denied(call.at(t), "BatchGetSecretValue", BatchGetSecretValueRequest.builder()
                        .secretIdList(own.stream().map(DemoHistoryEstate.Secret::name).toList()).build(), null,
                "secretsmanager:BatchGetSecretValue", "because no identity-based policy allows the secretsmanager:BatchGetSecretValue action");

        // 3. One by one: the shared ones come back, the others are refused.
        List<DemoHistoryEstate.Secret> got = new ArrayList<>();
        t = t.plusSeconds(20);
        for (DemoHistoryEstate.Secret s : configured) {
            t = t.plusMillis(3000 + trail.random().nextInt(3000));
            if (s.name().startsWith(DemoCatalog.CI_PREFIX)) {
                trail.read(call.at(t), s, s.arn(), null);
                got.add(s);
            } else {
                trail.denied(call.at(t), "GetSecretValue", GetSecretValueRequest.builder().secretId(s.arn()).build(), s.arn(),
                        "secretsmanager:GetSecretValue", "because no resource-based policy allows the secretsmanager:GetSecretValue action");
            }
        }
        t = t.plusSeconds(25);
        for (DemoHistoryEstate.Secret s : own) {
            t = t.plusMillis(2000 + trail.random().nextInt(2000));
            trail.read(call.at(t), s, s.name(), null);
            got.add(s);
        }
        token.ifPresent(got::add);

        // 4. The dump: current and previous.
        t = t.plusSeconds(30);
        for (DemoHistoryEstate.Secret s : got) {
            t = t.plusMillis(2500 + trail.random().nextInt(3000));
            trail.read(call.at(t), s, s.arn(), null);
            if (s.versions().size() > 1) {
                t = t.plusMillis(1500 + trail.random().nextInt(2000));
                trail.read(call.at(t), s, s.arn(), "AWSPREVIOUS");
            }
        }
        Optional<DemoHistoryEstate.Secret> breakGlass = pipeline.own().find(REGION, DemoGrants.LOCKED_DOWN_SECRET);
        if (breakGlass.isPresent() && breakGlass.get().liveAt(t)) {
            t = t.plusSeconds(21);
            trail.denied(call.at(t), "GetSecretValue", GetSecretValueRequest.builder().secretId(DemoGrants.LOCKED_DOWN_SECRET).build(),
                    breakGlass.get().arn(), "secretsmanager:GetSecretValue", "with an explicit deny in a resource-based policy");
        }
        return trail.events().size() - before;
    }

    /** Step 2's listings, every one refused: ten in us-east-1, one in each other region; returns when they ended. */
    private static Instant listing(DemoTrail trail, DemoTrail.Call call) {
        List<ListSecretsRequest> tries = new ArrayList<>(List.of(ListSecretsRequest.builder().maxResults(100).build()));
        for (String prefix : PREFIXES) {
            tries.add(ListSecretsRequest.builder().maxResults(100)
                    .filters(Filter.builder().key(FilterNameStringType.NAME).values(prefix).build()).build());
        }
        Instant t = call.at();
        for (ListSecretsRequest request : tries) {
            trail.denied(call.at(t), "ListSecrets", request, null, "secretsmanager:ListSecrets",
                    "because no identity-based policy allows the secretsmanager:ListSecrets action");
            t = t.plusMillis(2500 + trail.random().nextInt(2500));
        }
        for (String region : DemoEstate.REGIONS) {
            if (!region.equals(REGION)) {
                trail.denied(call.in(region).at(t), "ListSecrets", tries.get(0), null, "secretsmanager:ListSecrets",
                        "because no identity-based policy allows the secretsmanager:ListSecrets action");
                t = t.plusMillis(2500 + trail.random().nextInt(2500));
            }
        }
        return t;
    }

    private static List<DemoHistoryEstate.Secret> live(List<DemoHistoryEstate.Secret> secrets, Instant t) {
        return secrets.stream().filter(s -> s.liveAt(t)).toList();
    }

    /**
     * The twenty payments-prod ARNs in the leaked configuration: every {@code ci/} secret, then the
     * best-known others, then the payments team's, then by name; in the order of their names.
     */
    private static List<DemoHistoryEstate.Secret> configured(List<DemoHistoryEstate.Secret> secrets, Instant t) {
        List<DemoHistoryEstate.Secret> live = live(secrets, t);
        List<DemoHistoryEstate.Secret> out = new ArrayList<>(live.stream().filter(s -> s.name().startsWith(DemoCatalog.CI_PREFIX)).toList());
        Comparator<DemoHistoryEstate.Secret> fame = Comparator.comparingInt((DemoHistoryEstate.Secret s) -> {
            int wanted = WANTED.indexOf(s.name());
            return wanted >= 0 ? wanted : s.name().startsWith("prod/pay") ? WANTED.size() : WANTED.size() + 1;
        }).thenComparing(DemoHistoryEstate.Secret::name);
        live.stream().filter(s -> !s.name().startsWith(DemoCatalog.CI_PREFIX)).sorted(fame).limit(Math.max(0, CONFIGURED - out.size()))
                .forEach(out::add);
        out.sort(Comparator.comparing(DemoHistoryEstate.Secret::name));
        return out;
    }
}
