package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeErrorsTest {

    private final Scope scope = new Account("111122223333", "payments-prod", URI.create("http://127.0.0.1:1"),
            new CredentialsRef.StaticKeys("AKIA", "s"), "test").in("eu-west-1");

    @Test
    void serviceErrorsKeepCodeMessageRequestIdAndStatus() {
        SecretsManagerException e = (SecretsManagerException) SecretsManagerException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                .requestId("req-42").statusCode(400).message("Rate exceeded (Service: SecretsManager...)").build();
        ScopeError err = ScopeErrors.of(scope, new CompletionException(e));
        assertEquals(new ScopeError(scope, "ThrottlingException", "Rate exceeded", "req-42", 400), err);
    }

    @Test
    void connectionFailuresAreUnreachable() {
        assertEquals(ScopeError.UNREACHABLE, ScopeErrors.of(scope,
                SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused"))).errorCode());
        assertEquals(ScopeError.UNREACHABLE, ScopeErrors.of(scope,
                SdkClientException.create("Unable to execute HTTP request", new UnknownHostException("nowhere.example"))).errorCode());
    }

    @Test
    void timeoutsCancellationAndBugsHaveTheirOwnCodes() {
        assertEquals(ScopeError.TIMEOUT, ScopeErrors.of(scope, ApiCallTimeoutException.create(30_000)).errorCode());
        assertEquals(ScopeError.CANCELLED, ScopeErrors.of(scope, AbortedException.create("interrupted")).errorCode());
        assertEquals(ScopeError.CANCELLED, ScopeErrors.of(scope, new InterruptedException()).errorCode());
        ScopeError bug = ScopeErrors.of(scope, new NullPointerException("x"));
        assertEquals(ScopeError.INTERNAL_ERROR, bug.errorCode());
        assertTrue(bug.message().startsWith("NullPointerException"));
    }

    @Test
    void aScopeExceptionPassesThroughUnchanged() {
        ScopeException original = new ScopeException(new ScopeError(scope, "AccessDeniedException", "no", "r", 400), null);
        assertEquals(original, ScopeErrors.exception(scope, original));
    }
}
