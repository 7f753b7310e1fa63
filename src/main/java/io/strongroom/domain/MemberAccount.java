package io.strongroom.domain;

import java.util.Objects;

/**
 * One account an organization lists (organizations:ListAccounts), with whether it could be
 * reached through the organization's access role. A member that could not be reached keeps its
 * error (AWS's code and message, e.g. AccessDenied when the role is missing) and is still listed.
 *
 * @param account      the account, signed for through the role (or the management credentials)
 * @param email        the account's e-mail address as the organization states it
 * @param status       ACTIVE, SUSPENDED or PENDING_CLOSURE
 * @param errorCode    null when reached; otherwise AWS's error code or a client-side code
 * @param errorMessage null when reached
 */
public record MemberAccount(Account account, String email, String status, String errorCode, String errorMessage) {

    public MemberAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(status, "status");
    }

    public boolean reachable() {
        return errorCode == null && "ACTIVE".equals(status);
    }
}
