package io.strongroom.local.iam;

import java.util.List;

/**
 * A store was asked to start with account IDs other than those its data directory was created
 * with. The store keeps its accounts: re-keying them would orphan every secret, key and audit
 * event stored under the old IDs, and adding accounts beside them would leave the caller's
 * fixtures pointing at accounts that are not the first, so neither happens silently.
 */
public final class AccountIdsMismatchException extends IllegalStateException {

    private final List<String> storedIds;
    private final List<String> requestedIds;

    public AccountIdsMismatchException(String dataDir, List<String> storedIds, List<String> requestedIds) {
        super("the data directory " + dataDir + " was created with account IDs " + String.join(", ", storedIds)
                + " and keeps them; it cannot start with " + String.join(", ", requestedIds));
        this.storedIds = List.copyOf(storedIds);
        this.requestedIds = List.copyOf(requestedIds);
    }

    public List<String> storedIds() {
        return storedIds;
    }

    public List<String> requestedIds() {
        return requestedIds;
    }
}
