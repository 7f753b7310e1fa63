package io.strongroom.service.journal;

import io.strongroom.domain.Scope;
import io.strongroom.service.IdentityService;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which principal a scope's credentials act as, for the journal's "who". Lookups never throw:
 * an identity that cannot be learned is recorded as unknown rather than blocking the journal.
 */
@FunctionalInterface
public interface ActingIdentity {

    /** The principal's ARN, or null when it is not known. */
    String arnOf(Scope scope);

    /** Never knows: for journals written where no STS is reachable. */
    static ActingIdentity unknown() {
        return scope -> null;
    }

    /**
     * STS GetCallerIdentity through {@code identities}, remembered per credentials and endpoint
     * for the session (the same keys are the same principal in every region). Failures are not
     * remembered, so a later action tries again.
     */
    static ActingIdentity cached(IdentityService identities) {
        Objects.requireNonNull(identities, "identities");
        Map<String, String> known = new ConcurrentHashMap<>();
        return scope -> {
            String key = scope.credentials().id() + "@" + scope.endpoint() + "#" + scope.account().key();
            String arn = known.get(key);
            if (arn != null) {
                return arn;
            }
            try {
                arn = identities.callerIdentity(scope).arn();
            } catch (RuntimeException e) {
                return null;
            }
            if (arn != null) {
                known.put(key, arn);
            }
            return arn;
        };
    }
}
