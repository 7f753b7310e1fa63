package io.strongroom.cli;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.signin.SignInRequiredException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves each chosen profile's credentials before a command starts its calls, with the
 * terminal prompts installed: an SSO device flow or an MFA code then happens once, up front and
 * outside any call's timeout, and every scope of the profile reuses the session.
 */
final class SignInOnTerminal {

    private SignInOnTerminal() {}

    /** Signs each profile in; the first failure ends the command with AWS's code and message (never a token). */
    static void signIn(ClientRegistry clients, List<Account> accounts) {
        Set<CredentialsRef> seen = new LinkedHashSet<>();
        for (Account a : accounts) {
            if (a.credentials() instanceof CredentialsRef.Profile p && seen.add(p)) {
                try {
                    clients.credentials(p).resolveCredentials();
                } catch (SignInRequiredException e) {
                    throw new IllegalStateException("profile " + p.profileName() + ": " + e.getMessage(), e);
                } catch (SdkException e) {
                    throw new IllegalStateException("profile " + p.profileName() + ": " + describe(e), e);
                }
            }
        }
    }

    static String describe(SdkException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException s && s.awsErrorDetails() != null) {
                return s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage()
                        + (s.requestId() == null ? "" : " (request ID " + s.requestId() + ")");
            }
        }
        return e.getMessage();
    }
}
