package io.strongroom.local.secrets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ListSecrets filters, key by key, against AWS's documented matching rules (API reference
 * "Filter", user guide "Find secrets in AWS Secrets Manager") and the model validator's
 * refusals. The fixture is the only thing in its store, so each expectation is an exact set.
 */
class ListSecretsFilterRulesTest extends StoreTestCase {

    @BeforeAll
    static void start() {
        create("DatabaseSecret", "My basic description", tag("Production", "Blue green"));
        create("databaseSecret", "Description of my secret", tag("prod", "credsDatabase#892"));
        create("MyData", "my description", tag("1 Prod", "Prod1"));
        create("app/credsDatabase", "Conducts an AWS rotation for RDS", tag("team", "ops"));
    }

    private static void create(String name, String description, Tag... tags) {
        sm.createSecret(b -> b.name(name).description(description).secretString("v").tags(tags));
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Filter filter(String key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    private static Set<String> names(Filter... filters) {
        return sm.listSecrets(b -> b.filters(filters)).secretList().stream().map(SecretListEntry::name).collect(Collectors.toSet());
    }

    // ---- matching rules

    @Test
    void nameMatchesTheBeginningOfTheNameCaseSensitively() {
        // The user guide's own example: Name: Data returns DatabaseSecret, not databaseSecret or MyData.
        assertEquals(Set.of("DatabaseSecret"), names(filter("name", "Data")));
    }

    @Test
    void descriptionMatchesWordsInAnyOrderIgnoringCase() {
        // The user guide's example: "My Description" matches all four of these descriptions.
        assertEquals(Set.of("DatabaseSecret", "databaseSecret", "MyData"), names(filter("description", "My Description")));
        assertEquals(Set.of("DatabaseSecret", "databaseSecret", "MyData"), names(filter("description", "descr")), "a word's prefix");
        assertEquals(Set.of("databaseSecret"), names(filter("description", "secret")), "a word other than the first");
        assertEquals(Set.of("app/credsDatabase"), names(filter("description", "rds ROTATION")));
        assertEquals(Set.of(), names(filter("description", "cription")), "not a substring of a word");
    }

    @Test
    void tagKeyAndTagValueMatchTheBeginningCaseSensitively() {
        // The user guide's example: Prod matches Production and Prod1, not prod or "1 Prod".
        assertEquals(Set.of("DatabaseSecret"), names(filter("tag-key", "Prod")));
        assertEquals(Set.of("MyData"), names(filter("tag-value", "Prod")));
        assertEquals(Set.of("DatabaseSecret"), names(filter("tag-value", "Blue g")), "a value with a space");
    }

    @Test
    void allBreaksTheValueIntoWordsAtCaseLetterDigitAndPunctuationChanges() {
        // The user guide's example: credsDatabase#892 searches for creds, Database and 892.
        assertEquals(Set.of("databaseSecret"), names(filter("all", "credsDatabase 892")), "all three words in the tag value");
        assertEquals(Set.of("databaseSecret", "app/credsDatabase"), names(filter("all", "CREDS database")));
        assertEquals(Set.of("DatabaseSecret", "databaseSecret"), names(filter("all", "secret")), "a camel-case word of the name");
    }

    @Test
    void allNeedsEveryWordInTheSameAttribute() {
        // "blue" is in DatabaseSecret's tag value and "basic" in its description: no one field has both.
        assertEquals(Set.of("DatabaseSecret"), names(filter("all", "blue green")));
        assertEquals(Set.of(), names(filter("all", "blue basic")));
    }

    @Test
    void theSameKeyTwiceMustHoldBothTimes() {
        assertEquals(Set.of("databaseSecret"), names(filter("description", "description"), filter("description", "secret")));
    }

    @Test
    void aNegatedDescriptionLeavesOutEveryMatch() {
        assertEquals(Set.of("MyData", "app/credsDatabase"), names(filter("description", "!secret", "!basic")));
    }

    @Test
    void descriptionAndNameAnswerAsAwsWasObservedToAnswer() {
        // Descriptions "a secret", "an secret", "asecret", "thesecret" and the answers AWS gave
        // for them (a test run against AWS itself, published with LocalStack's suite).
        SecretsManagerClient other = store.secrets(store.adminKey(0), Region.EU_WEST_2);
        other.createSecret(b -> b.name("testing1/one").description("a secret").secretString("v"));
        other.createSecret(b -> b.name("/testing2/two").description("an secret").secretString("v"));
        other.createSecret(b -> b.name("testing3/three").description("asecret").secretString("v"));
        other.createSecret(b -> b.name("/testing4/four").description("thesecret").secretString("v"));
        java.util.function.Function<Filter[], Set<String>> list = fs -> other.listSecrets(b -> b.filters(fs)).secretList().stream()
                .map(SecretListEntry::name).collect(Collectors.toSet());
        assertEquals(Set.of("/testing2/two", "/testing4/four"), list.apply(new Filter[] {filter("name", "/")}));
        assertEquals(Set.of("testing1/one", "testing3/three"), list.apply(new Filter[] {filter("name", "!/")}));
        assertEquals(Set.of(), list.apply(new Filter[] {filter("name", "testing1 one")}));
        assertEquals(Set.of("testing1/one", "/testing2/two", "testing3/three"), list.apply(new Filter[] {filter("description", "a")}));
        assertEquals(Set.of("/testing4/four"), list.apply(new Filter[] {filter("description", "!a")}));
        assertEquals(Set.of("testing1/one", "/testing2/two"), list.apply(new Filter[] {filter("description", "a secret")}));
        assertEquals(4, list.apply(new Filter[] {filter("description", "!c")}).size(), "no word starts with c");
        assertEquals(Set.of(), list.apply(new Filter[] {filter("description", "a"), filter("name", "secret")}));
    }

    // ---- refusals

    @Test
    void anInvalidKeyIsAValidationExceptionNamingTheFilterAndTheEnum() {
        AwsServiceException e = refused("ValidationException", () -> sm.listSecrets(b -> b.filters(
                filter("name", "a"), filter("colour", "red"))));
        assertEquals("1 validation error detected: Value 'colour' at 'filters.2.member.key' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void aFilterWithoutKeyOrWithoutValuesIsAnInvalidParameterException() {
        // Key and Values are optional in the model, so the model validator lets them through.
        AwsServiceException noKey = refused(InvalidParameterException.class, "InvalidParameterException",
                () -> sm.listSecrets(b -> b.filters(Filter.builder().values("x").build())));
        assertEquals("Invalid filter key", noKey.awsErrorDetails().errorMessage());
        AwsServiceException noValues = refused(InvalidParameterException.class, "InvalidParameterException",
                () -> sm.listSecrets(b -> b.filters(Filter.builder().key(FilterNameStringType.DESCRIPTION).build())));
        assertEquals("Invalid filter values for key: description", noValues.awsErrorDetails().errorMessage());
    }

    @Test
    void valuesOutsideTheModelsLimitsAreValidationExceptions() {
        AwsServiceException empty = refused("ValidationException", () -> sm.listSecrets(b -> b.filters(
                Filter.builder().key(FilterNameStringType.NAME).values(List.of()).build())));
        assertEquals("1 validation error detected: Value '[]' at 'filters.1.member.values' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", empty.awsErrorDetails().errorMessage());
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("v" + i);
        }
        AwsServiceException tooMany = refused("ValidationException", () -> sm.listSecrets(b -> b.filters(
                Filter.builder().key(FilterNameStringType.NAME).values(eleven).build())));
        assertEquals("1 validation error detected: Value '" + eleven + "' at 'filters.1.member.values' failed to satisfy constraint: "
                + "Member must have length less than or equal to 10", tooMany.awsErrorDetails().errorMessage());
        AwsServiceException pattern = refused("ValidationException", () -> sm.listSecrets(b -> b.filters(filter("name", "semi;colon"))));
        assertEquals("1 validation error detected: Value '[semi;colon]' at 'filters.1.member.values' failed to satisfy constraint: "
                + "Member must satisfy constraint: [Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$]",
                pattern.awsErrorDetails().errorMessage());
        refused("ValidationException", () -> sm.listSecrets(b -> b.filters(filter("name", "x".repeat(513)))));
    }

    @Test
    void everyViolationIsReportedTogether() {
        AwsServiceException e = refused("ValidationException", () -> sm.listSecrets(b -> b.filters(
                filter("colour", "red"), filter("size", "semi;colon"))));
        assertEquals("3 validation errors detected: "
                + "Value 'colour' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[description, name, tag-key, tag-value, primary-region, owning-service, all]; "
                + "Value 'size' at 'filters.2.member.key' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[description, name, tag-key, tag-value, primary-region, owning-service, all]; "
                + "Value '[semi;colon]' at 'filters.2.member.values' failed to satisfy constraint: "
                + "Member must satisfy constraint: [Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$]",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void anEmptyValueIsWithinTheModelAndMatchesEveryName() {
        // The value pattern ends in '*' and has no minimum length, so "" is valid; every name starts with "".
        assertEquals(4, names(filter("name", "")).size());
    }
}
