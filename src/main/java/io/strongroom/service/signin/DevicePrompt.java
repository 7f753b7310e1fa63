package io.strongroom.service.signin;

import java.net.URI;
import java.time.Instant;

/**
 * Shows an IAM Identity Center device sign-in to the user: the console opens a dialog and the
 * browser, the CLI prints the code and the address on stderr. Called on the thread that signs
 * in (never the UI thread); {@link #cancelled()} is asked between polls, and interrupting the
 * signing-in thread cancels too.
 */
public interface DevicePrompt {

    /**
     * A pending device authorization (SSO OIDC StartDeviceAuthorization).
     *
     * @param profileName             the profile being signed in
     * @param userCode                the code the user confirms on the verification page
     * @param verificationUri         the page where the code is entered
     * @param verificationUriComplete the page with the code filled in (what a browser should open)
     * @param expiresAt               when the code stops being accepted
     */
    record DeviceCode(String profileName, String userCode, URI verificationUri, URI verificationUriComplete,
                      Instant expiresAt) {}

    /** Shows the code and where to enter it. */
    void show(DeviceCode code);

    /** Whether the user gave up; polled between CreateToken attempts. */
    default boolean cancelled() {
        return false;
    }

    /** The authorization ended: signed in, or not (denied, expired, cancelled). */
    default void finished(boolean signedIn) {}
}
