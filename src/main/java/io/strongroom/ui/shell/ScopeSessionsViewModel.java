package io.strongroom.ui.shell;

import io.strongroom.domain.Account;
import io.strongroom.domain.SessionInfo;
import io.strongroom.service.SessionService;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The session of each account in the scope picker: who it signs in as and when that expires, or
 * that the user has to sign in, or the error (AWS's code and message, never a stack trace).
 *
 * <p>Statuses are asked of {@link SessionService#status} off the UI thread, at most
 * {@value #PARALLEL} at a time, and kept for {@link #FRESH}; {@link #checkAll} (the picker
 * opening) asks again for those older than that, or expired. {@link #signIn} starts a new
 * session through {@link SessionService#refresh}, which may show the console's sign-in dialogs
 * (installed on the client registry by the composition root).
 */
public final class ScopeSessionsViewModel {

    /** At most this many status checks run at once (each is a credentials resolution and an STS call). */
    static final int PARALLEL = 4;
    /** A status younger than this is shown as it is when the picker opens again. */
    static final Duration FRESH = Duration.ofMinutes(2);

    private record Known(SessionInfo info, Instant at) {}

    private final UiExecutor ui;
    private final Supplier<SessionService> sessions;
    private final Texts texts;
    private final Clock clock;
    private final Semaphore permits = new Semaphore(PARALLEL);
    /** By {@link #sessionKey}; written on the UI thread. */
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** @param sessions resolved on a background thread, at the first check (building it may wait for the services) */
    public ScopeSessionsViewModel(UiExecutor ui, Supplier<SessionService> sessions, Texts texts, Clock clock) {
        this.ui = Objects.requireNonNull(ui);
        this.sessions = Objects.requireNonNull(sessions);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Shows each account's known session (the countdowns worked out again) and checks those not
     * known, older than {@link #FRESH}, or expired. UI thread.
     */
    public void checkAll(List<AccountChoice> accounts) {
        Instant now = clock.instant();
        for (AccountChoice a : accounts) {
            Known k = known.get(sessionKey(a));
            if (k != null) {
                show(a, k.info());
            }
            boolean stale = k == null || k.at().plus(FRESH).isBefore(now)
                    || (k.info().expiresAt() != null && !k.info().expiresAt().isAfter(now));
            if (stale && !a.isBusy()) {
                check(a);
            }
        }
    }

    /** Asks for one account's session, never prompting. UI thread. */
    public void check(AccountChoice a) {
        a.busy.set(true);
        if (a.status() == AccountChoice.SessionStatus.UNKNOWN) {
            a.sessionText.set(texts.get("scope.session.checking"));
        }
        ui.submit(() -> {
            permits.acquire();
            try {
                return sessions.get().status(a.account());
            } finally {
                permits.release();
            }
        }, info -> done(a, info), error -> failed(a, error));
    }

    /**
     * Signs the account in again: drops its session and starts a new one, asking the user (the
     * device code dialog, the MFA dialog) as its profile needs. UI thread; the work runs off it.
     */
    public void signIn(AccountChoice a) {
        if (a.isBusy()) {
            return;
        }
        a.busy.set(true);
        a.sessionText.set(texts.get("scope.session.signingIn"));
        ui.submit(() -> sessions.get().refresh(a.account()), info -> done(a, info), error -> failed(a, error));
    }

    /**
     * Shows an error already known for an account (an organization member its role could not
     * reach at discovery), until a check says otherwise. UI thread.
     */
    public void knownError(AccountChoice a, String errorCode, String message) {
        SessionInfo info = new SessionInfo(a.account(), SessionInfo.State.FAILED, null, null, null, errorCode, message);
        known.put(sessionKey(a), new Known(info, clock.instant()));
        show(a, info);
    }

    /** The session last seen for an account, if any. */
    public java.util.Optional<SessionInfo> known(AccountChoice a) {
        return java.util.Optional.ofNullable(known.get(sessionKey(a))).map(Known::info);
    }

    /**
     * What a session is known by: the source and the credentials' printable identity. Not the
     * memory key, which is the account ID when known: two profiles of one account (an SSO
     * profile and a role profile) are two sessions.
     */
    public static String sessionKey(AccountChoice a) {
        return a.sourceName() + "|" + a.account().credentials().id();
    }

    private void done(AccountChoice a, SessionInfo info) {
        known.put(sessionKey(a), new Known(info, clock.instant()));
        a.busy.set(false);
        show(a, info);
    }

    private void failed(AccountChoice a, Throwable error) {
        a.busy.set(false);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        show(a, new SessionInfo(a.account(), SessionInfo.State.FAILED, null, null, null, null, message));
    }

    private void show(AccountChoice a, SessionInfo info) {
        switch (info.state()) {
            case ACTIVE -> {
                a.status.set(AccountChoice.SessionStatus.ACTIVE);
                String arn = info.identity() == null ? "" : info.identity().arn();
                a.sessionText.set(texts.format("scope.session.active", shortArn(arn), expiry(info.expiresAt())));
                a.sessionDetail.set(info.signInExpiresAt() == null ? arn
                        : texts.format("scope.session.signInUntil", arn, remaining(info.signInExpiresAt())));
            }
            case NEEDS_SIGN_IN -> {
                a.status.set(AccountChoice.SessionStatus.NEEDS_SIGN_IN);
                a.sessionText.set(texts.get("scope.session.needsSignIn"));
                a.sessionDetail.set(info.message() == null ? "" : info.message());
            }
            case FAILED -> {
                a.status.set(AccountChoice.SessionStatus.FAILED);
                String text = info.errorCode() == null ? String.valueOf(info.message())
                        : info.errorCode() + (info.message() == null ? "" : ": " + info.message());
                a.sessionText.set(text);
                a.sessionDetail.set(text);
            }
        }
    }

    /** "expires in 47 min", or "long-term keys" when the credentials do not expire. */
    String expiry(Instant expiresAt) {
        if (expiresAt == null) {
            return texts.get("scope.session.noExpiry");
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() || left.isZero() ? texts.get("scope.session.expired")
                : texts.format("scope.session.expiresIn", remaining(expiresAt));
    }

    /** "47 min", "7 h 12 min", "under a minute". */
    String remaining(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        if (left.toMinutes() < 1) {
            return texts.get("scope.session.underAMinute");
        }
        long hours = left.toHours();
        long minutes = left.toMinutesPart();
        return hours == 0 ? texts.format("scope.session.minutes", minutes) : texts.format("scope.session.hours", hours, minutes);
    }

    /** The role IAM Identity Center creates for a permission set: {@code AWSReservedSSO_<set>_<hash>}. */
    private static final java.util.regex.Pattern SSO_ROLE = java.util.regex.Pattern.compile("AWSReservedSSO_(.+)_[0-9a-f]{16}");

    /**
     * The part of an ARN after the account, an assumed role as role and session:
     * {@code user/admin}, {@code root}, {@code OrganizationAccountAccessRole/strongroom-organization},
     * and an IAM Identity Center role by its permission set, {@code AdministratorAccess/alice}.
     * The full ARN is the row's tooltip.
     */
    public static String shortArn(String arn) {
        if (arn == null) {
            return "";
        }
        String[] parts = arn.split(":", 6);
        String resource = parts.length == 6 ? parts[5] : arn;
        if (!resource.startsWith("assumed-role/")) {
            return resource;
        }
        String[] role = resource.split("/", 3);
        java.util.regex.Matcher sso = SSO_ROLE.matcher(role[1]);
        String name = sso.matches() ? sso.group(1) : role[1];
        return role.length == 3 ? name + "/" + role[2] : name;
    }
}
