package io.strongroom.service.journal;

/**
 * Who performed an action.
 *
 * @param identityArn the principal the backend acted as (STS GetCallerIdentity), or null when it
 *                    could not be learned (the call never reached the backend)
 * @param credentials the printable identity of the credentials used ({@code profile:ops},
 *                    {@code keys:AKIA…}; never secret material)
 * @param osUser      the operating-system user running the console
 */
public record Actor(String identityArn, String credentials, String osUser) {}
