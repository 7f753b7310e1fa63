package io.strongroom.service.signin;

import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.time.Duration;
import java.time.Instant;

/** When a held session is renewed: five minutes before its credentials expire, as the SDK's providers do. */
final class Sessions {

    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private Sessions() {}

    static boolean lasts(AwsCredentials c, Instant now) {
        return c.expirationTime().map(e -> e.isAfter(now.plus(RENEW_BEFORE))).orElse(true);
    }
}
