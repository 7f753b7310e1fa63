package io.strongroom.service.journal;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.local.AdjustableClock;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Scopes and a journal on a fixed, adjustable clock, shared by the journal's tests and the journal view's. */
public final class JournalFixtures {

    public static final Instant T0 = Instant.parse("2025-03-14T09:26:53Z");

    public static final Account PAYMENTS = new Account("111122223333", "payments-prod", null,
            new CredentialsRef.Profile("payments-admin"), "profile (assume role)");
    public static final Account ANALYTICS = new Account("444455556666", "analytics-dev", URI.create("http://127.0.0.1:4566"),
            new CredentialsRef.StaticKeys("AKIALOCALANALYTICS01", "not-a-real-secret-key"), "embedded store");
    public static final Account UNNAMED = new Account(null, "sandbox", URI.create("https://vpce-123.secretsmanager.example"),
            new CredentialsRef.Profile("sandbox"), "custom endpoint https://vpce-123.secretsmanager.example");

    public static final Scope PAYMENTS_EU = PAYMENTS.in("eu-west-1");
    public static final Scope PAYMENTS_US = PAYMENTS.in("us-east-1");
    public static final Scope ANALYTICS_US = ANALYTICS.in("us-east-1");
    public static final Scope SANDBOX_EU = UNNAMED.in("eu-central-1");

    private JournalFixtures() {}

    public static AdjustableClock clock() {
        return new AdjustableClock(Clock.fixed(T0, ZoneOffset.UTC));
    }

    public static ActionJournal open(Path dir, Clock clock) {
        return ActionJournal.open(dir.resolve(ActionJournal.FILE_NAME), clock, "alice");
    }
}
