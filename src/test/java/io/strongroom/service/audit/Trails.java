package io.strongroom.service.audit;

import io.strongroom.domain.Account;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built audit trails for the detector's tests: a month from {@link #START}, with a steady
 * estate (an app role reading its two secrets by day and in a nightly batch, a CI deployer
 * deploying on weekdays, an auditor listing weekly) that raises nothing, and the calls a test
 * adds on top.
 */
final class Trails {

    static final Scope SCOPE = new Scope(new Account("111122223333", "prod", URI.create("http://127.0.0.1:4566"),
            new CredentialsRef.StaticKeys("AKIAPROD000000000001", "x"), "embedded store"), "us-east-1");
    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    static final int DAYS = 30;
    static final Instant END = START.plus(Duration.ofDays(DAYS));

    static final String APP_ROLE = "arn:aws:sts::111122223333:assumed-role/app-task";
    static final String CI = "arn:aws:iam::111122223333:user/ci-deployer";
    static final String AUDITOR = "arn:aws:iam::111122223333:user/security-auditor";
    static final String CI_RUNNER_IP = "198.51.100.20";

    final List<AuditRecord> records = new ArrayList<>();
    private int seq;

    static String secret(String name) {
        return "arn:aws:secretsmanager:us-east-1:111122223333:secret:" + name + "-AbCdEf";
    }

    /** The app role's session of day {@code day}: a new session name every day, as a task gets. */
    static String appSession(int day) {
        return APP_ROLE + "/task-" + day;
    }

    static Instant at(int day, int hour, int minute) {
        return START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }

    AuditRecord add(String principal, String eventName, Instant time, String ip, String errorCode, String... resources) {
        boolean readOnly = !eventName.startsWith("Put");
        String number = Integer.toString(seq++);
        String eventId = "evt-" + "00000000".substring(number.length()) + number;
        AuditRecord r = new AuditRecord(SCOPE, eventId, time, eventName, "secretsmanager.amazonaws.com", principal,
                principal.contains(":assumed-role/") ? "AssumedRole" : "IAMUser", principal.substring(principal.lastIndexOf('/') + 1),
                "AKIA" + Math.abs(principal.hashCode()), ip, "aws-sdk-java/2", errorCode,
                errorCode == null ? null : "not allowed", readOnly, "req-" + eventId, List.of(resources), null);
        records.add(r);
        return r;
    }

    Trails read(String principal, String secretName, Instant time, String ip) {
        add(principal, "GetSecretValue", time, ip, null, secret(secretName));
        return this;
    }

    Trails denied(String principal, String secretName, Instant time, String ip) {
        add(principal, "GetSecretValue", time, ip, "AccessDeniedException", secret(secretName));
        return this;
    }

    /** A BatchGetSecretValue of {@code names}: the batch's own event and one GetSecretValue per secret, as CloudTrail has it. */
    Trails batchRead(String principal, Instant time, String ip, String... names) {
        String[] arns = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            arns[i] = secret(names[i]);
        }
        add(principal, "BatchGetSecretValue", time, ip, null, arns);
        for (String arn : arns) {
            add(principal, "GetSecretValue", time, ip, null, arn);
        }
        return this;
    }

    /** The steady estate over every day of the month: nothing in it is an anomaly. */
    Trails steady() {
        for (int day = 0; day < DAYS; day++) {
            String app = appSession(day);
            String appIp = day % 2 == 0 ? "10.0.1.10" : "10.0.1.11";
            for (int hour = 9; hour < 17; hour++) {
                for (int minute = 5; minute < 60; minute += 20) {
                    read(app, "app/db", at(day, hour, minute), appIp);
                    read(app, "app/api", at(day, hour, minute + 1), appIp);
                }
            }
            // the nightly batch: far more than a day hour, every night
            for (int minute = 0; minute < 40; minute++) {
                read(app, "app/db", at(day, 2, minute), "10.0.1.10");
                read(app, "app/db", at(day, 2, minute).plusSeconds(30), "10.0.1.10");
            }
            if (day % 7 < 5) {
                for (int hour = 14; hour < 16; hour++) {
                    read(CI, "ci/deploy-key", at(day, hour, 0), CI_RUNNER_IP);
                    add(CI, "DescribeSecret", at(day, hour, 1), CI_RUNNER_IP, null, secret("app/api"));
                    add(CI, "PutSecretValue", at(day, hour, 2), CI_RUNNER_IP, null, secret("app/api"));
                }
            }
            if (day % 7 == 3) {
                for (int page = 0; page < 3; page++) {
                    add(AUDITOR, "ListSecrets", at(day, 11, page), "10.9.0.4", null);
                }
                add(AUDITOR, "DescribeSecret", at(day, 11, 5), "10.9.0.4", null, secret("app/db"));
            }
        }
        return this;
    }
}
