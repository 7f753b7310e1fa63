package io.strongroom.local.demo;

import io.strongroom.local.iam.IamRole;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The services' own reads in the history: each {@code app-<service>} task role (session named
 * after the service) reads the secrets its policy gives it, in every region it has them, as a
 * service with a cache does: at fixed hours (UTC) of a weekday, one or two in the region's business
 * hours and one in its overnight batch, and only at the batch hour on weekends. Each read is
 * somewhere in its hour; the role's credentials change daily; it calls from two task addresses
 * per region in its account's VPC ({@code 10.x}). One GetSecretValue a secret: the task roles'
 * policies allow nothing else (no BatchGetSecretValue).
 *
 * <p>Which secrets: those in use, i.e. the store's LastAccessedDate is within the history's span.
 * A secret created within the span is not read (a service's first read of a new secret would be a
 * first-read anomaly), nor one already older than the span's last read. A secret in use that is
 * now scheduled for deletion is read until its LastAccessedDate and then no more: it was retired,
 * then cleaned up. Every other one is read until today (see {@link DemoHistory} for how its
 * LastAccessedDate is brought in line). The auditing account's break-glass credentials are read by
 * no service: their deny-all policy would refuse it.
 *
 * <p>Two ordinary failures recur, so the Audit view has errors that are not the incident:
 * analytics-dev's {@code reporting} service tries the warehouse admin credentials every Monday
 * and is refused (its policy never allowed them), and one analytics-dev service asks for a
 * secret that was never created every weekday.
 */
final class DemoRoutine {

    /** The hour (UTC) business starts for the services of each region. */
    private static final Map<String, Integer> BUSINESS_START = Map.of("us-east-1", 13, "us-west-2", 16, "eu-west-1", 7,
            "ap-southeast-2", 22);
    private static final Map<String, Integer> ACCOUNT_OCTET = Map.of("payments-prod", 10, "analytics-dev", 30, "security-audit", 50);
    private static final Map<String, String> CLIENTS = Map.of(
            "payments-prod", "aws-sdk-java/2.25.16 Linux/5.10.205-195.807.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS "
                    + "Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/standard",
            "analytics-dev", "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.209-198.858.amzn2.x86_64 md/arch#x86_64 "
                    + "lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69",
            "security-audit", "aws-sdk-go-v2/1.25.3 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/secretsmanager#1.28.2");
    static final String REFUSED_SERVICE = "reporting";
    static final String REFUSED_SECRET = "analytics/redshift/admin";

    private final DemoHistoryEstate estate;
    private final DemoTrail trail;
    private final List<LocalDate> days;
    private final Instant from;

    DemoRoutine(DemoHistoryEstate estate, DemoTrail trail, List<LocalDate> days, Instant from) {
        this.estate = estate;
        this.trail = trail;
        this.days = days;
        this.from = from;
    }

    /** A moment somewhere in {@code hour} (UTC) of {@code day}. */
    static Instant within(LocalDate day, int hour, Random random) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600L * Math.floorMod(hour, 24) + random.nextInt(3540))
                .plusMillis(random.nextInt(1000));
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Whether {@code s} is read by its service in the history (see the class comment). */
    boolean inUse(DemoHistoryEstate.Secret s) {
        return s.lastAccessed() != null && !s.lastAccessed().isBefore(from) && s.created().isBefore(from);
    }

    /** The auditing account's break-glass credentials: a deny-all policy keeps every service out (see {@link DemoGrants}). */
    static boolean lockedDown(DemoHistoryEstate.Secret s) {
        return s.accountAlias().equals(DemoPrincipals.AUDITING_ACCOUNT) && s.name().equals(DemoGrants.LOCKED_DOWN_SECRET);
    }

    /** The last moment {@code s} is read: the end of its LastAccessedDate's day if it was retired, else never. */
    private static Instant readUntil(DemoHistoryEstate.Secret s) {
        if (s.deleted() == null) {
            return Instant.MAX;
        }
        return s.lastAccessed().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    void write() {
        for (DemoHistoryEstate.Account account : estate.accounts()) {
            List<DemoCatalog.ServiceAccess> services = DemoCatalog.services(account.alias());
            for (int i = 0; i < services.size(); i++) {
                DemoCatalog.ServiceAccess service = services.get(i);
                Optional<IamRole> role = estate.role(account, DemoPrincipals.APP_PREFIX + service.service());
                if (role.isEmpty()) {
                    continue;
                }
                DemoTrail.Actor actor = DemoTrail.Actor.session(role.get(), service.service(),
                        CLIENTS.getOrDefault(account.alias(), CLIENTS.get("payments-prod")));
                for (int r = 0; r < DemoEstate.REGIONS.size(); r++) {
                    String region = DemoEstate.REGIONS.get(r);
                    List<DemoHistoryEstate.Secret> reads = account.in(region).stream()
                            .filter(s -> service.secretNames().stream().anyMatch(s::named) && inUse(s) && !lockedDown(s)).toList();
                    List<String> ips = List.of(ip(account.alias(), r, i, 0), ip(account.alias(), r, i, 1));
                    if (!reads.isEmpty()) {
                        service(actor, role.get(), region, i, reads, ips);
                    }
                    if (account.alias().equals("analytics-dev")) {
                        failures(account, actor, role.get(), service.service(), region, i, ips);
                    }
                }
            }
        }
    }

    /** One service's reads in one region, day by day. */
    private void service(DemoTrail.Actor actor, IamRole role, String region, int index, List<DemoHistoryEstate.Secret> reads,
                         List<String> ips) {
        int[] hours = hours(region, index);
        int n = 0;
        for (LocalDate day : days) {
            String key = DemoTrail.sessionKeyId(role.arn() + " " + day);
            for (int h = weekend(day) ? hours.length - 1 : 0; h < hours.length; h++) {
                DemoTrail.Call call = new DemoTrail.Call(actor, region, within(day, hours[h], trail.random()), ips.get(n++ % 2), key);
                List<DemoHistoryEstate.Secret> due = reads.stream().filter(s -> s.liveAt(call.at()) && call.at().isBefore(readUntil(s)))
                        .toList();
                for (DemoHistoryEstate.Secret s : due) {
                    // Each secret's cache expires on its own: reads of one hour spread over that hour.
                    trail.read(call.at(within(day, hours[h], trail.random())), s, s.name(), null);
                }
            }
        }
    }

    /** The ordinary failures of analytics-dev (see the class comment), each at one of the service's usual hours. */
    private void failures(DemoHistoryEstate.Account account, DemoTrail.Actor actor, IamRole role, String service, String region,
                          int index, List<String> ips) {
        int hour = hours(region, index)[0];
        Optional<DemoHistoryEstate.Secret> admin = account.find(region, REFUSED_SECRET);
        boolean refused = service.equals(REFUSED_SERVICE) && admin.isPresent();
        boolean missing = region.equals("us-west-2") && index == 1;
        if (!refused && !missing) {
            return;
        }
        for (LocalDate day : days) {
            DemoTrail.Call call = new DemoTrail.Call(actor, region, within(day, hour, trail.random()), ips.get(0),
                    DemoTrail.sessionKeyId(role.arn() + " " + day));
            if (refused && day.getDayOfWeek() == DayOfWeek.MONDAY && admin.get().liveAt(call.at())) {
                trail.denied(call, "GetSecretValue", GetSecretValueRequest.builder().secretId(REFUSED_SECRET).build(), admin.get().arn(),
                        "secretsmanager:GetSecretValue", "because no identity-based policy allows the secretsmanager:GetSecretValue action");
            }
            if (missing && !weekend(day)) {
                String name = "staging/" + service + "/launchdarkly-sdk-key";
                trail.failed(call, "GetSecretValue", true, GetSecretValueRequest.builder().secretId(name).build(), null,
                        "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            }
        }
    }

    /**
     * A service's reading hours in a region: one or (every other service) two in business hours,
     * then the overnight batch, the last and on weekends the only one.
     */
    private static int[] hours(String region, int index) {
        int start = BUSINESS_START.getOrDefault(region, 9);
        int shift = index % 3;
        return index % 2 == 0
                ? new int[] {(start + shift) % 24, (start + 4 + shift) % 24, (start + 13 + shift) % 24}
                : new int[] {(start + shift) % 24, (start + 13 + shift) % 24};
    }

    /** A task's address: {@code 10.<account>.<region subnet>.<service host>}. */
    private static String ip(String alias, int region, int service, int task) {
        return "10." + ACCOUNT_OCTET.getOrDefault(alias, 90) + "." + (region * 32 + 1 + task) + "." + (10 + service * 3);
    }
}
