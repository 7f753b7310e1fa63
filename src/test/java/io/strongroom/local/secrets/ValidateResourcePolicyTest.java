package io.strongroom.local.secrets;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidationErrorsEntry;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ValidateResourcePolicy through the SDK: a sound policy passes; a malformed one, one with a
 * grammar error and one open to everyone fail with an entry naming the check; the document's
 * size and the secret it names are checked as AWS checks them. Nothing is stored.
 */
class ValidateResourcePolicyTest extends StoreTestCase {

    static final String READ_FOR_ONE_ACCOUNT = """
            {"Version":"2012-10-17","Statement":[{"Sid":"ReadForAnalytics","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::111122223333:root"},
             "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

    private static ValidateResourcePolicyResponse validate(String policy) {
        return sm.validateResourcePolicy(b -> b.resourcePolicy(policy));
    }

    private static List<String> checks(ValidateResourcePolicyResponse r) {
        return r.validationErrors().stream().map(ValidationErrorsEntry::checkName).toList();
    }

    @Test
    void aPolicyGrantingOneAccountReadPasses() {
        ValidateResourcePolicyResponse r = validate(READ_FOR_ONE_ACCOUNT);
        assertTrue(r.policyValidationPassed(), r.validationErrors().toString());
        assertTrue(r.validationErrors().isEmpty());
    }

    @Test
    void textThatIsNotJsonFailsWithTheSyntaxCheck() {
        ValidateResourcePolicyResponse r = validate("{\"Version\":\"2012-10-17\",\"Statement\":[");
        assertFalse(r.policyValidationPassed());
        assertEquals(List.of("JSON_SYNTAX_ERROR"), checks(r));
    }

    @Test
    void aStatementWithoutEffectFailsAndSaysWhere() {
        ValidateResourcePolicyResponse r = validate("""
                {"Version":"2012-10-17","Statement":[{"Principal":{"AWS":"arn:aws:iam::111122223333:root"},
                 "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""");
        assertFalse(r.policyValidationPassed());
        assertTrue(checks(r).contains("MISSING_EFFECT"), checks(r).toString());
        assertTrue(r.validationErrors().get(0).errorMessage().startsWith("Statement[0]"), r.validationErrors().get(0).errorMessage());
    }

    @Test
    void aPolicyOpenToEveryPrincipalFailsTheBroadAccessCheck() {
        ValidateResourcePolicyResponse r = validate("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",
                 "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""");
        assertFalse(r.policyValidationPassed());
        assertEquals(List.of(SecretPolicies.BROAD_ACCESS), checks(r));
    }

    @Test
    void everyoneDeniedIsNotBroadAccess() {
        ValidateResourcePolicyResponse r = validate("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*",
                 "Action":"secretsmanager:DeleteSecret","Resource":"*"}]}""");
        assertTrue(r.policyValidationPassed(), r.validationErrors().toString());
    }

    @Test
    void aPolicyOverTheSizeLimitIsAValidationError() {
        String padded = READ_FOR_ONE_ACCOUNT.replace("ReadForAnalytics", "R".repeat(SecretPolicies.MAX_POLICY_LENGTH));
        SecretsManagerException e = assertThrows(SecretsManagerException.class, () -> validate(padded));
        assertEquals(400, e.statusCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("resourcePolicy"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void aSecretThatDoesNotExistIsResourceNotFound() {
        assertThrows(ResourceNotFoundException.class,
                () -> sm.validateResourcePolicy(b -> b.secretId(uniqueName("", "no-such")).resourcePolicy(READ_FOR_ONE_ACCOUNT)));
    }

    @Test
    void aNamedSecretIsLookedUpAndValidationDoesNotAttachThePolicy() {
        String name = uniqueName("", "validated");
        sm.createSecret(b -> b.name(name).secretString("fake-value"));
        ValidateResourcePolicyResponse r = sm.validateResourcePolicy(b -> b.secretId(name).resourcePolicy(READ_FOR_ONE_ACCOUNT));
        assertTrue(r.policyValidationPassed());
    }
}
