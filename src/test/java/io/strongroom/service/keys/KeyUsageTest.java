package io.strongroom.service.keys;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which secrets a key encrypts, for every way a secret names its key, and what a change to it would break. */
class KeyUsageTest {

    static final Account A = new Account("111111111111", "prod", URI.create("http://127.0.0.1:1"),
            new CredentialsRef.StaticKeys("AKIATEST000000000001", "x"), "test");
    static final Account B = new Account("222222222222", "dev", URI.create("http://127.0.0.1:1"),
            new CredentialsRef.StaticKeys("AKIATEST000000000002", "x"), "test");
    static final Scope EAST = A.in("us-east-1");
    static final String ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String ARN = "arn:aws:kms:us-east-1:111111111111:key/" + ID;

    static KeyInfo key(Scope scope, String id, String arn, List<String> aliases, String manager) {
        return new KeyInfo(scope, id, arn, aliases, null, "Enabled", true, manager, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT",
                "AWS_KMS", null, null, false, false, null);
    }

    static final KeyInfo CUSTOMER = key(EAST, ID, ARN, List.of("alias/payments", "alias/payments-old"), "CUSTOMER");
    static final KeyInfo MANAGED = key(EAST, "99999999-0000-0000-0000-000000000000",
            "arn:aws:kms:us-east-1:111111111111:key/99999999-0000-0000-0000-000000000000", List.of("alias/aws/secretsmanager"), "AWS");

    static SecretSummary secret(Scope scope, String name, String kmsKeyId, String primaryRegion) {
        return new SecretSummary(scope, "arn:aws:secretsmanager:" + scope.region() + ":" + scope.accountId() + ":secret:" + name + "-AbCdEf",
                name, null, kmsKeyId, null, null, null, null, null, Map.of(), null, primaryRegion, Map.of(), List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            "key ID,                  1234abcd-12ab-34cd-56ef-1234567890ab,                                    true",
            "key ARN,                 arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab, true",
            "alias name,              alias/payments,                                                          true",
            "second alias,            alias/payments-old,                                                      true",
            "alias ARN,               arn:aws:kms:us-east-1:111111111111:alias/payments,                      true",
            "another key's ID,        5678abcd-12ab-34cd-56ef-1234567890ab,                                    false",
            "another alias,           alias/orders,                                                            false",
            "alias ARN other region,  arn:aws:kms:eu-west-1:111111111111:alias/payments,                      false",
            "key ARN other account,   arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab, false",
            "the default key,         NULL,                                                                    false",
    })
    void aCustomerKeyIsUsedWhenTheSecretNamesItInAnyForm(String how, String ref, boolean uses) {
        assertEquals(uses, KeyUsage.uses(CUSTOMER, secret(EAST, "app/db", ref, null)), how);
    }

    @Test
    void aSecretNamingNoKeyUsesItsRegionsAwsSecretsManagerKey() {
        assertTrue(KeyUsage.uses(MANAGED, secret(EAST, "app/db", null, null)));
        assertTrue(KeyUsage.uses(MANAGED, secret(EAST, "app/db", "", null)));
        assertTrue(KeyUsage.uses(MANAGED, secret(EAST, "app/db", "alias/aws/secretsmanager", null)));
        assertFalse(KeyUsage.uses(MANAGED, secret(A.in("eu-west-1"), "app/db", null, null)), "another region's default key");
        assertFalse(KeyUsage.uses(MANAGED, secret(B.in("us-east-1"), "app/db", null, null)), "another account's default key");
    }

    @Test
    void onlySecretsOfTheKeysAccountAndRegionCanUseIt() {
        assertFalse(KeyUsage.uses(CUSTOMER, secret(A.in("eu-west-1"), "app/db", ID, null)), "same ID, other region");
        assertFalse(KeyUsage.uses(CUSTOMER, secret(B.in("us-east-1"), "app/db", "alias/payments", null)), "same alias, other account");
    }

    @Test
    void theImpactListsUnreadableSecretsAndReplicasAndTheReplicasElsewhereThatGoStale() {
        SecretSummary primary = secret(EAST, "app/db", "alias/payments", null);
        SecretSummary replicaHere = secret(EAST, "app/cache", ARN, "eu-west-1");
        SecretSummary replicaWest = secret(A.in("eu-west-1"), "app/db", null, "us-east-1");
        SecretSummary replicaTokyo = secret(A.in("ap-northeast-1"), "app/db", "alias/tokyo", "us-east-1");
        SecretSummary unrelated = secret(EAST, "app/other", null, null);
        KeyImpact impact = KeyImpact.of(CUSTOMER, List.of(unrelated, replicaWest, primary, replicaTokyo, replicaHere));

        assertEquals(List.of(replicaHere, primary), impact.unreadable(), "by region then name");
        assertEquals(1, impact.regionCount());
        assertEquals(1, impact.replicaCount());
        assertEquals(List.of("ap-northeast-1", "eu-west-1"), List.copyOf(impact.staleReplicasByRegion().keySet()));
        assertEquals(Map.of(KeyUsage.idOf(CUSTOMER), 2, KeyUsage.idOf(MANAGED), 1),
                KeyUsage.counts(List.of(CUSTOMER, MANAGED), List.of(unrelated, replicaWest, primary, replicaTokyo, replicaHere)));
    }
}
