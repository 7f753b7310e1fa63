package io.strongroom.ui.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditTextTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "arn:aws:sts::111122223333:assumed-role/ci-deployer/build-7 | ci-deployer/build-7",
            "arn:aws:iam::111122223333:user/team/payments/alice | alice",
            "arn:aws:iam::111122223333:user/admin | admin",
            "arn:aws:iam::111122223333:root | root",
            "arn:aws:iam::111122223333:role/service-role/rotator | rotator",
            "arn:aws:sts::111122223333:federated-user/bob | bob",
            "secretsmanager.amazonaws.com | secretsmanager.amazonaws.com",
            "unknown | unknown"})
    void aPrincipalIsShortenedToWhoItWas(String principal, String shortName) {
        assertEquals(shortName, AuditText.shortPrincipal(principal));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/payments/stripe-api-key-AbC123 | prod/payments/stripe-api-key",
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-1 | db-1",
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:with-dash-in-name-x1Y2z3 | with-dash-in-name",
            "no/such/secret | no/such/secret"})
    void aSecretIsNamedWithoutItsArnAndSuffix(String arn, String name) {
        assertEquals(name, AuditText.secretName(arn));
    }
}
