package io.strongroom.service.signin;

import java.util.Optional;

/**
 * Asks the user for the current code of an MFA device before a role profile's AssumeRole (the
 * console: a dialog; the CLI: the terminal). Called on the thread that needs the credentials.
 */
public interface MfaPrompt {

    /**
     * The code for {@code mfaSerial} (a device ARN or a hardware serial number), or empty when
     * the user cancels.
     */
    Optional<String> code(String profileName, String mfaSerial);
}
