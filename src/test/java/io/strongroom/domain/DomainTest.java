package io.strongroom.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainTest {

    static final String SECRET = "hunter2-correct-horse";

    static Account account() {
        return new Account("111122223333", "payments-prod", URI.create("http://127.0.0.1:4566"),
                new CredentialsRef.StaticKeys("AKIAEXAMPLE", SECRET, SECRET + "-token"), "embedded store");
    }

    @Nested
    class NothingSecretIsEverPrinted {
        @Test
        void payloads() {
            assertFalse(SecretPayload.ofText(SECRET).toString().contains(SECRET));
            assertFalse(SecretPayload.ofBinary(SECRET.getBytes(StandardCharsets.UTF_8)).toString().contains(SECRET));
        }

        @Test
        void valuesAndWrites() {
            SecretValue v = new SecretValue("arn", "db/password", "v1", List.of("AWSCURRENT"), Instant.EPOCH, SecretPayload.ofText(SECRET));
            assertFalse(v.toString().contains(SECRET));
            assertTrue(v.toString().contains("db/password"));
            assertFalse(SecretUpdate.value(SecretPayload.ofText(SECRET), "token").toString().contains(SECRET));
            assertFalse(new NewSecret("n", null, null, SecretPayload.ofText(SECRET), null, null).toString().contains(SECRET));
        }

        @Test
        void credentialsAndEverythingHoldingThem() {
            Account a = account();
            assertFalse(a.credentials().toString().contains(SECRET));
            assertFalse(a.toString().contains(SECRET));
            Scope s = a.in("eu-west-1");
            assertFalse(s.toString().contains(SECRET));
            assertFalse(s.id().contains(SECRET));
            assertFalse(new ScopeError(s, "AccessDeniedException", "no", "req-1", 400).toString().contains(SECRET));
        }

        @Test
        void reflectiveSerializationOfASummaryCannotWriteTheKeyOrTheValue() {
            SecretSummary sum = new SecretSummary(account().in("eu-west-1"), "arn", "db", null, null, null, null, null, null,
                    null, null, null, null, null, null);
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            String written;
            try {
                written = json.writeValueAsString(sum);
            } catch (com.fasterxml.jackson.core.JsonProcessingException refused) {
                written = "";   // refusing to serialize credentials is fine too
            }
            assertFalse(written.contains(SECRET), written);
            try {
                written = json.writeValueAsString(SecretPayload.ofText(SECRET));
            } catch (com.fasterxml.jackson.core.JsonProcessingException refused) {
                written = "";
            }
            assertFalse(written.contains(SECRET), written);
        }
    }

    @Test
    void payloadsCopyTheirBytesAndCompareByContent() {
        byte[] raw = {1, 2, 3};
        SecretPayload p = SecretPayload.ofBinary(raw);
        raw[0] = 9;
        assertArrayEquals(new byte[]{1, 2, 3}, p.bytes());
        p.bytes()[1] = 9;
        assertArrayEquals(new byte[]{1, 2, 3}, p.bytes());
        assertEquals(SecretPayload.ofText("é"), SecretPayload.ofText("é"));
        assertEquals(2, SecretPayload.ofText("é").size(), "size counts UTF-8 bytes, as AWS does");
        assertFalse(SecretPayload.ofText("abc").equals(SecretPayload.ofBinary("abc".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void scopesHaveAStableIdAndAReadableLabel() {
        Scope s = account().in("eu-west-1");
        assertEquals("payments-prod / eu-west-1", s.label());
        assertEquals("111122223333/eu-west-1@http://127.0.0.1:4566", s.id());
        Account aws = new Account(null, "dev", null, new CredentialsRef.Profile("dev"), "profile");
        assertEquals("profile:dev/us-east-1", aws.in("us-east-1").id());
    }

    @Nested
    class Filters {
        @ParameterizedTest
        @CsvSource({"NAME,name", "DESCRIPTION,description", "TAG_KEY,tag-key", "TAG_VALUE,tag-value",
                "PRIMARY_REGION,primary-region", "OWNING_SERVICE,owning-service", "ALL,all"})
        void keysUseSecretsManagerWireNames(SecretFilter.Key key, String wire) {
            assertEquals(wire, key.wireName());
        }

        @Test
        void negationPrefixesEveryValue() {
            SecretFilter f = SecretFilter.of(SecretFilter.Key.TAG_KEY, "team", "owner");
            assertEquals(List.of("team", "owner"), f.wireValues());
            assertEquals(List.of("!team", "!owner"), f.negate().wireValues());
            assertEquals(f, f.negate().negate());
        }

        @Test
        void awsLimitsAreCheckedEarly() {
            assertThrows(IllegalArgumentException.class, () -> SecretFilter.of(SecretFilter.Key.NAME));
            assertThrows(IllegalArgumentException.class, () -> SecretFilter.of(SecretFilter.Key.NAME,
                    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"));
            assertThrows(IllegalArgumentException.class, () -> SecretFilter.of(SecretFilter.Key.NAME, "!prod"));
        }

        @Test
        void queriesAccumulateFilters() {
            SecretQuery q = SecretQuery.all().withFilter(SecretFilter.of(SecretFilter.Key.NAME, "prod/"))
                    .withFilter(SecretFilter.of(SecretFilter.Key.TAG_KEY, "team")).withPlannedDeletion(true);
            assertEquals(2, q.filters().size());
            assertTrue(q.includePlannedDeletion());
        }
    }

    @Test
    void deletionModesFollowAwsRules() {
        assertEquals(30, DeletionMode.defaultRecovery().recoveryWindowDays());
        assertThrows(IllegalArgumentException.class, () -> DeletionMode.withRecovery(6));
        assertThrows(IllegalArgumentException.class, () -> DeletionMode.withRecovery(31));
        assertTrue(DeletionMode.forceWithoutRecovery().force());
    }

    @Test
    void updatesWithAValueNeedAToken() {
        assertThrows(IllegalArgumentException.class, () -> new SecretUpdate(null, null, SecretPayload.ofText("x"), null));
        assertThrows(IllegalArgumentException.class, () -> new SecretUpdate(null, null, null, null));
    }

    @Test
    void summariesAnswerInventoryQuestions() {
        Scope s = account().in("eu-west-1");
        SecretSummary sum = new SecretSummary(s, "arn", "db", null, null, null, null, null, null, Instant.EPOCH,
                Map.of("team", "blue"), null, "us-east-1", Map.of("v1", List.of("AWSPREVIOUS"), "v2", List.of("AWSCURRENT")), null);
        assertEquals("v2", sum.currentVersionId());
        assertTrue(sum.isReplica());
        assertTrue(sum.isPlannedForDeletion());
        assertFalse(sum.rotation().enabled());
        assertEquals("111122223333", sum.accountId());
        assertEquals("payments-prod", sum.accountAlias());
        assertNull(new SecretSummary(s, "arn", "db", null, null, null, null, null, null, null, null, null, null, null, null)
                .currentVersionId());
    }
}
