package io.strongroom.ui.audit;

import io.strongroom.domain.Account;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;

import java.time.Instant;
import java.util.List;

/** Audit records made by hand, for the tests of what the view does with them (not of how they are read). */
final class Records {

    static final Scope PAYMENTS = new Account("111122223333", "payments-prod", null,
            new CredentialsRef.StaticKeys("AKIAEXAMPLE000000001", "x"), "embedded store").in("eu-west-1");
    static final String ROLE = "arn:aws:sts::111122223333:assumed-role/ci-deployer/build-7";
    static final String USER = "arn:aws:iam::111122223333:user/team/alice";
    static final String STRIPE = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/payments/stripe-api-key-AbC123";
    static final String LEDGER = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/payments/ledger-db-Zz9Yy8";

    private Records() {}

    /** A call by {@code principal} on {@code secret} (null: none) at {@code time}, failed with {@code errorCode} unless null. */
    static AuditRecord event(String id, String time, String eventName, String principal, String secret, String errorCode) {
        return new AuditRecord(PAYMENTS, id, Instant.parse(time), eventName, "secretsmanager.amazonaws.com", principal,
                principal == null ? null : principal.contains(":assumed-role/") ? "AssumedRole" : "IAMUser",
                principal == null ? null : principal.substring(principal.lastIndexOf('/') + 1), "AKIAEXAMPLE000000009",
                "10.0.4.12", "aws-sdk-java/2.59.1", errorCode, errorCode == null ? null : "not authorized", true, "req-" + id,
                secret == null ? List.of() : List.of(secret), "{\"eventID\":\"" + id + "\",\"eventName\":\"" + eventName + "\"}");
    }

    static AuditRecord read(String id, String time, String principal, String secret) {
        return event(id, time, "GetSecretValue", principal, secret, null);
    }

    static AuditRecord denied(String id, String time, String principal, String secret) {
        return event(id, time, "GetSecretValue", principal, secret, "AccessDeniedException");
    }
}
