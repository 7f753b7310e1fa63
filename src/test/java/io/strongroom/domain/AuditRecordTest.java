package io.strongroom.domain;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the audit trail's anomalies ask of a record: the secrets it names, and who acted. */
class AuditRecordTest {

    static final Scope SCOPE = new Scope(new Account("111122223333", "prod", URI.create("http://127.0.0.1:4566"),
            new CredentialsRef.StaticKeys("AKIAPROD000000000001", "x"), "embedded store"), "us-east-1");
    static final String ONE = "arn:aws:secretsmanager:us-east-1:111122223333:secret:one-AbCdEf";
    static final String TWO = "arn:aws:secretsmanager:us-east-1:111122223333:secret:two-AbCdEf";

    static AuditRecord record(String principalArn, String userName, List<String> resources) {
        return new AuditRecord(SCOPE, "e1", Instant.EPOCH, "BatchGetSecretValue", "secretsmanager.amazonaws.com", principalArn,
                null, userName, null, null, null, null, null, true, null, resources, null);
    }

    @Test
    void secretArnsAreEverySecretAmongTheResourcesInOrder() {
        AuditRecord batch = record(null, "u", List.of(TWO, "arn:aws:kms:us-east-1:111122223333:key/k", ONE));
        assertEquals(List.of(TWO, ONE), batch.secretArns());
        assertEquals(TWO, batch.secretArn());
        assertEquals(List.of(), record(null, "u", List.of("arn:aws:kms:us-east-1:111122223333:key/k")).secretArns());
    }

    @Test
    void anAssumedRolesSessionActsAsItsRole() {
        assertEquals("arn:aws:sts::111122223333:assumed-role/app-task",
                record("arn:aws:sts::111122223333:assumed-role/app-task/4f2a9c", null, List.of()).actor());
        assertEquals("arn:aws:iam::111122223333:user/ci-deployer",
                record("arn:aws:iam::111122223333:user/ci-deployer", null, List.of()).actor());
        assertEquals("arn:aws:sts::111122223333:assumed-role/no-session",
                record("arn:aws:sts::111122223333:assumed-role/no-session", null, List.of()).actor());
        assertEquals("someone", record(null, "someone", List.of()).actor());
    }
}
