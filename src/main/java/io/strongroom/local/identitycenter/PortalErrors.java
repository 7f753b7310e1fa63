package io.strongroom.local.identitycenter;

import io.strongroom.local.wire.AwsException;

/** The portal's errors, with AWS's codes, statuses and (where known) messages. */
final class PortalErrors {

    private PortalErrors() {}

    /** AWS's answer to a missing, unknown, expired or logged-out bearer token. */
    static AwsException unauthorized() {
        return new AwsException("UnauthorizedException", 401, "Session token not found or invalid");
    }

    /**
     * AWS's answer to GetRoleCredentials for a role the user is not assigned in that account
     * (not in the model's error list, but what the portal answers).
     */
    static AwsException noAccess() {
        return new AwsException("ForbiddenException", 403, "No access");
    }

    static AwsException invalidRequest(String message) {
        return new AwsException("InvalidRequestException", 400, message);
    }
}
