package io.strongroom.service.audit;

import io.strongroom.domain.AuditRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A large, plausible trail for measuring the detector: 40 app roles reading their own three
 * secrets by day and in a nightly batch over 90 days, from their own addresses, in no particular
 * order, and a sweep of twelve secrets by a deployer from a new address near the end.
 */
public final class AnomalyBenchmarkData {

    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    public static final Instant END = START.plus(Duration.ofDays(90));

    private AnomalyBenchmarkData() {}

    /** About {@code size} records, the same every time. */
    public static List<AuditRecord> estate(int size) {
        Trails t = new Trails();
        Random rnd = new Random(42);
        int roles = 40;
        while (t.records.size() < size - 13) {
            int role = rnd.nextInt(roles);
            int day = rnd.nextInt(90);
            int hour = rnd.nextInt(5) == 0 ? 2 : 8 + rnd.nextInt(10);
            Instant time = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plusSeconds(rnd.nextInt(3600));
            String principal = "arn:aws:sts::111122223333:assumed-role/app-" + role + "/task-" + day;
            t.read(principal, "app-" + role + "/secret-" + rnd.nextInt(3), time, "10.0." + role + "." + (1 + rnd.nextInt(3)));
        }
        String deployer = "arn:aws:iam::111122223333:user/ci-deployer";
        Instant night = START.plus(Duration.ofDays(87)).plus(Duration.ofHours(3));
        t.add(deployer, "ListSecrets", night, "203.0.113.77", null);
        for (int i = 0; i < 12; i++) {
            t.read(deployer, "payments-prod/secret-" + i, night.plusSeconds(10L * i + 5), "203.0.113.77");
        }
        return List.copyOf(t.records);
    }
}
