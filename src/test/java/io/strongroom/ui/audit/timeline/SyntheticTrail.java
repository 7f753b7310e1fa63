package io.strongroom.ui.audit.timeline;

import io.strongroom.domain.Account;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A plausible CloudTrail history of one account for the audit parts' tests, screenshots and the
 * timeline benchmark, built in memory (deterministic for a seed): app roles reading their own
 * secrets all day, most in business hours, from private addresses; a nightly batch; the security
 * auditor's weekly listing; the CI deployer writing and reading back values on deploy days (from
 * its runner, in the afternoon); rotations; a few
 * errors; and the incident three days before {@code now} at 03:00 UTC, from 203.0.113.77 (a ListSecrets
 * sweep, a BatchGetSecretValue of 23 secrets, a spike of reads of payments-prod/db and a burst of
 * AccessDenied). No value appears anywhere: CloudTrail records none.
 */
public final class SyntheticTrail {

    public static final String ACCOUNT_ID = "111122223333";
    public static final String REGION = "eu-west-1";
    public static final Scope SCOPE = new Scope(new Account(ACCOUNT_ID, "payments-prod", URI.create("http://127.0.0.1:4566"),
            new CredentialsRef.Profile("payments-prod"), "profile"), REGION);
    public static final String PAYMENTS_API = "arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/payments-api/ecs-task-7d1e";
    public static final String ORDERS_WORKER = "arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/orders-worker/ecs-task-19ab";
    public static final String REPORTING = "arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/reporting-batch/nightly";
    public static final String AUDITOR = "arn:aws:iam::" + ACCOUNT_ID + ":user/security-auditor";
    public static final String CI_DEPLOYER = "arn:aws:iam::" + ACCOUNT_ID + ":user/ci-deployer";
    public static final String INCIDENT_IP = "203.0.113.77";
    public static final String PAYMENTS_DB = secret("payments-prod/db", "a1B2c3");
    public static final String PAYMENTS_STRIPE = secret("payments-prod/stripe-api-key", "Xy7Kq2");
    public static final String ORDERS_DB = secret("orders-prod/db", "Pq9Lm4");
    public static final String ORDERS_QUEUE = secret("orders-prod/queue-token", "Rt5Vb8");
    public static final String WAREHOUSE = secret("reporting/warehouse", "Hj3Nn6");
    /** Secrets the CI deployer may not read: the burst of AccessDenied is on them. */
    public static final List<String> FORBIDDEN = List.of(secret("hr-prod/payroll-db", "Zz1Aa2"), secret("finance-prod/ledger", "Kk4Ll5"),
            secret("hr-prod/okta-scim-token", "Mm6Nn7"));

    /** The fixed events beside the background reads: weekly listings, deploys, rotations, errors and the incident. */
    private final List<AuditRecord> out = new ArrayList<>();
    private final long seed;
    private final Instant now;
    /** Re-seeded for each part, so the fixed events are the same whatever the number of background reads. */
    private Random random;

    private SyntheticTrail(Instant now, long seed) {
        this.now = now;
        this.seed = seed;
    }

    public static String secret(String name, String suffix) {
        return "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT_ID + ":secret:" + name + "-" + suffix;
    }

    /** When the incident starts: 03:00 UTC three days before {@code now}. */
    public static Instant incidentStart(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3)).plus(Duration.ofHours(3));
    }

    /** 90 days up to {@code now}: {@code backgroundReads} app reads plus about 700 other events, the incident among them. */
    public static List<AuditRecord> history(Instant now, int backgroundReads, long seed) {
        SyntheticTrail t = new SyntheticTrail(now, seed);
        t.random = new Random(seed);
        t.weekly();
        t.random = new Random(seed + 1);
        t.incident();
        t.random = new Random(seed + 2);
        t.background(backgroundReads);
        return t.out;
    }

    /** Exactly {@code total} events: the fixed ones and as many background reads as it takes. */
    public static List<AuditRecord> historyOf(Instant now, int total, long seed) {
        int fixed = history(now, 0, seed).size();
        return history(now, Math.max(0, total - fixed), seed);
    }

    /** Only the incident's events (for anomaly tests). */
    public static List<AuditRecord> incident(Instant now) {
        SyntheticTrail t = new SyntheticTrail(now, 7);
        t.random = new Random(7);
        t.incident();
        return t.out;
    }

    // ---- the background -------------------------------------------------------------------------

    private record Reader(String principal, String type, String key, List<String> secrets, List<String> ips, boolean nightly) {}

    private void background(int reads) {
        List<Reader> readers = List.of(
                new Reader(PAYMENTS_API, "AssumedRole", "ASIAPAYMENTSAPI00001", List.of(PAYMENTS_DB, PAYMENTS_STRIPE), List.of("10.20.1.14", "10.20.2.31"), false),
                new Reader(ORDERS_WORKER, "AssumedRole", "ASIAORDERSWORKER0001", List.of(ORDERS_DB, ORDERS_QUEUE), List.of("10.20.3.7", "10.20.3.8"), false),
                new Reader(REPORTING, "AssumedRole", "ASIAREPORTINGBATCH01", List.of(WAREHOUSE, ORDERS_DB), List.of("10.20.9.2"), true));
        double[] share = {0.55, 0.35, 0.10};
        int hours = 90 * 24;
        Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours));
        double[][] cumulative = new double[readers.size()][hours];
        for (int r = 0; r < readers.size(); r++) {
            double sum = 0;
            for (int h = 0; h < hours; h++) {
                ZonedDateTime at = from.plus(Duration.ofHours(h)).atZone(ZoneOffset.UTC);
                sum += weight(readers.get(r), at);
                cumulative[r][h] = sum;
            }
        }
        for (int i = 0; i < reads; i++) {
            double p = random.nextDouble();
            int r = p < share[0] ? 0 : p < share[0] + share[1] ? 1 : 2;
            Reader reader = readers.get(r);
            double[] c = cumulative[r];
            int h = java.util.Arrays.binarySearch(c, random.nextDouble() * c[c.length - 1]);
            h = h < 0 ? -h - 1 : h;
            Instant t = from.plus(Duration.ofHours(h)).plusSeconds(random.nextInt(3600));
            if (!t.isBefore(now)) {
                t = now.minusSeconds(1 + random.nextInt(600));
            }
            String secret = reader.secrets().get(random.nextInt(reader.secrets().size()));
            String ip = reader.ips().get(random.nextInt(reader.ips().size()));
            boolean missing = random.nextInt(2000) == 0;
            add(t, "GetSecretValue", reader.principal(), reader.type(), reader.key(), ip, "aws-sdk-java/2.25.60 md/io#sync",
                    missing ? "ResourceNotFoundException" : null, missing ? "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT" : null,
                    true, secret);
        }
    }

    /** How busy an hour is for a reader: business hours on weekdays for the apps, 01:00 to 03:00 for the batch. */
    private static double weight(Reader r, ZonedDateTime at) {
        int hour = at.getHour();
        if (r.nightly()) {
            return hour >= 1 && hour < 3 ? 10 : 0;
        }
        boolean weekend = at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
        double w = hour >= 7 && hour < 19 ? 10 : 2;
        return weekend ? w * 0.35 : w;
    }

    // ---- the other actors ----------------------------------------------------------------------

    private void weekly() {
        List<String> all = new ArrayList<>(List.of(PAYMENTS_DB, PAYMENTS_STRIPE, ORDERS_DB, ORDERS_QUEUE, WAREHOUSE));
        all.addAll(FORBIDDEN);
        Instant day = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(90));
        for (; day.isBefore(now); day = day.plus(Duration.ofDays(1))) {
            DayOfWeek dow = day.atZone(ZoneOffset.UTC).getDayOfWeek();
            if (dow == DayOfWeek.MONDAY) {
                Instant t = day.plus(Duration.ofHours(9)).plusSeconds(random.nextInt(1800));
                add(t, "ListSecrets", AUDITOR, "IAMUser", "AKIAAUDITOR000000001", "198.51.100.23", "aws-cli/2.15.30", null, null, true);
                for (String s : all) {
                    t = t.plusSeconds(2 + random.nextInt(5));
                    add(t, "DescribeSecret", AUDITOR, "IAMUser", "AKIAAUDITOR000000001", "198.51.100.23", "aws-cli/2.15.30", null, null, true, s);
                    add(t.plusSeconds(1), "GetResourcePolicy", AUDITOR, "IAMUser", "AKIAAUDITOR000000001", "198.51.100.23", "aws-cli/2.15.30",
                            null, null, true, s);
                }
            }
            if ((dow == DayOfWeek.TUESDAY || dow == DayOfWeek.THURSDAY) && day.plus(Duration.ofHours(15)).isBefore(now)) {
                Instant t = day.plus(Duration.ofHours(14)).plusSeconds(random.nextInt(3000));
                String target = random.nextBoolean() ? PAYMENTS_STRIPE : ORDERS_QUEUE;
                add(t, "PutSecretValue", CI_DEPLOYER, "IAMUser", "AKIACIDEPLOYER000001", "10.30.0.5", "aws-cli/2.15.30", null, null, false, target);
                add(t.plusSeconds(3), "DescribeSecret", CI_DEPLOYER, "IAMUser", "AKIACIDEPLOYER000001", "10.30.0.5", "aws-cli/2.15.30", null, null, true, target);
                for (int i = 0; i < 6; i++) {        // the deploy job reads back what it configures
                    add(t.plusSeconds(20 + i * 15L), "GetSecretValue", CI_DEPLOYER, "IAMUser", "AKIACIDEPLOYER000001", "10.30.0.5",
                            "aws-cli/2.15.30", null, null, true, i % 2 == 0 ? PAYMENTS_STRIPE : ORDERS_QUEUE);
                }
            }
            long epochDay = day.getEpochSecond() / 86_400;
            if (epochDay % 30 == 11 && day.plus(Duration.ofHours(5)).isBefore(now)) {
                Instant t = day.plus(Duration.ofHours(4)).plusSeconds(random.nextInt(600));
                rotation(t, PAYMENTS_DB);
                rotation(t.plusSeconds(40), ORDERS_DB);
            }
            if (random.nextInt(9) == 0 && day.plus(Duration.ofHours(12)).isBefore(now)) {
                add(day.plus(Duration.ofHours(11)).plusSeconds(random.nextInt(3600)), "GetSecretValue", ORDERS_WORKER, "AssumedRole",
                        "ASIAORDERSWORKER0001", "10.20.3.7", "aws-sdk-java/2.25.60 md/io#sync", "ThrottlingException", "Rate exceeded", true, ORDERS_QUEUE);
            }
        }
    }

    private void rotation(Instant t, String secret) {
        service(t, "RotationStarted", null, secret);
        service(t.plusSeconds(20 + random.nextInt(30)), "RotationSucceeded", null, secret);
    }

    private void incident() {
        Instant t = incidentStart(now).plusSeconds(130);
        String key = "AKIACIDEPLOYER000001";
        String agent = "python-requests/2.31.0";
        for (int i = 0; i < 3; i++) {
            add(t.plusSeconds(i * 7L), "ListSecrets", CI_DEPLOYER, "IAMUser", key, INCIDENT_IP, agent, null, null, true);
        }
        Instant batch = t.plusSeconds(40);
        List<String> swept = new ArrayList<>(List.of(PAYMENTS_DB, PAYMENTS_STRIPE, ORDERS_DB, ORDERS_QUEUE, WAREHOUSE));
        for (int i = 0; swept.size() < 23; i++) {
            swept.add(secret((i % 2 == 0 ? "payments-prod/merchant-" : "orders-prod/partner-") + (i + 1), "Qq" + (1000 + i)));
        }
        add(batch, "BatchGetSecretValue", CI_DEPLOYER, "IAMUser", key, INCIDENT_IP, agent, null, null, true, swept.toArray(String[]::new));
        for (int i = 0; i < swept.size(); i++) {
            add(batch.plusSeconds(i * 10L), "GetSecretValue", CI_DEPLOYER, "IAMUser", key, INCIDENT_IP, agent, null, null, true, swept.get(i));
        }
        Instant spike = batch.plusSeconds(300);
        for (int i = 0; i < 64; i++) {
            add(spike.plusSeconds(i * 41L), "GetSecretValue", CI_DEPLOYER, "IAMUser", key, INCIDENT_IP, agent, null, null, true, PAYMENTS_DB);
        }
        Instant denied = spike.plusSeconds(180);
        for (int i = 0; i < 14; i++) {
            String s = FORBIDDEN.get(i % FORBIDDEN.size());
            String name = s.substring(s.indexOf(":secret:") + 8, s.length() - 7);
            add(denied.plusSeconds(i * 8L), "GetSecretValue", CI_DEPLOYER, "IAMUser", key, INCIDENT_IP, agent, "AccessDeniedException",
                    "User: " + CI_DEPLOYER + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + name
                            + " because no identity-based policy allows the secretsmanager:GetSecretValue action", true, s);
        }
    }

    // ---- records -------------------------------------------------------------------------------

    private void service(Instant t, String name, String error, String secret) {
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String json = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"accountId\":\"" + ACCOUNT_ID + "\",\"invokedBy\":\"secretsmanager.amazonaws.com\"},"
                + "\"eventTime\":\"" + t.truncatedTo(ChronoUnit.SECONDS) + "\",\"eventSource\":\"secretsmanager.amazonaws.com\",\"eventName\":\"" + name
                + "\",\"awsRegion\":\"" + REGION + "\",\"sourceIPAddress\":\"secretsmanager.amazonaws.com\",\"userAgent\":\"secretsmanager.amazonaws.com\","
                + "\"requestParameters\":null,\"responseElements\":null,\"additionalEventData\":{\"SecretId\":\"" + secret + "\"},"
                + "\"eventID\":\"" + id + "\",\"readOnly\":false,\"eventType\":\"AwsServiceEvent\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"" + ACCOUNT_ID + "\",\"eventCategory\":\"Management\"}";
        out.add(new AuditRecord(SCOPE, id, t.truncatedTo(ChronoUnit.SECONDS), name, "secretsmanager.amazonaws.com", null, "AWSService", null, null,
                "secretsmanager.amazonaws.com", "secretsmanager.amazonaws.com", null, error, false, null, List.of(secret), json));
    }

    private void add(Instant t, String name, String principal, String type, String key, String ip, String agent, String errorCode,
                     String errorMessage, boolean readOnly, String... secrets) {
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String request = new UUID(random.nextLong(), random.nextLong()).toString();
        String user = principal.substring(principal.lastIndexOf('/') + 1);
        StringBuilder json = new StringBuilder(700).append("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"").append(type)
                .append("\",\"arn\":\"").append(principal).append("\",\"accountId\":\"").append(ACCOUNT_ID).append("\",\"accessKeyId\":\"")
                .append(key).append("\"},\"eventTime\":\"").append(t.truncatedTo(ChronoUnit.SECONDS)).append("\",\"eventSource\":\"secretsmanager.amazonaws.com\",")
                .append("\"eventName\":\"").append(name).append("\",\"awsRegion\":\"").append(REGION).append("\",\"sourceIPAddress\":\"").append(ip)
                .append("\",\"userAgent\":\"").append(agent).append('"');
        if (errorCode != null) {
            json.append(",\"errorCode\":\"").append(errorCode).append("\",\"errorMessage\":\"").append(errorMessage).append('"');
        }
        json.append(",\"requestParameters\":").append(secrets.length == 1 ? "{\"secretId\":\"" + secrets[0] + "\"}"
                : secrets.length > 1 ? "{\"secretIdList\":[" + secrets.length + " secrets]}" : "{\"maxResults\":100}");
        json.append(",\"responseElements\":null,\"requestID\":\"").append(request).append("\",\"eventID\":\"").append(id)
                .append("\",\"readOnly\":").append(readOnly).append(",\"resources\":[");
        for (int i = 0; i < secrets.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"accountId\":\"").append(ACCOUNT_ID).append("\",\"type\":\"AWS::SecretsManager::Secret\",\"ARN\":\"")
                    .append(secrets[i]).append("\"}");
        }
        json.append("],\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"").append(ACCOUNT_ID)
                .append("\",\"eventCategory\":\"Management\"}");
        out.add(new AuditRecord(SCOPE, id, t.truncatedTo(ChronoUnit.SECONDS), name, "secretsmanager.amazonaws.com", principal, type, user, key,
                ip, agent, errorCode, errorMessage, readOnly, request, List.of(secrets), json.toString()));
    }
}
