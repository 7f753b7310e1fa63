package io.strongroom.service.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.local.audit.AuditLog;
import io.strongroom.service.FanOut;
import io.strongroom.service.QuotaClass;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.TimeSource;
import io.strongroom.testing.ServiceStack;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Audit services over a {@link ServiceStack}'s running store, and what the store itself recorded
 * of their LookupEvents calls: the store's own trail counts the calls a service made, with the
 * parameters it asked for. LookupEvents is paced at 1,000 a second here, not 2, so tests that
 * page through many events do not wait.
 */
final class AuditStack implements AutoCloseable {

    static final int DENIED = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    final ServiceStack stack;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final RateLimiters limiters = new RateLimiters(TimeSource.system(), Map.of(QuotaClass.CLOUDTRAIL_LOOKUP, 1000.0));

    /** With account {@link #DENIED} refused LookupEvents. */
    AuditStack() {
        this(true);
    }

    AuditStack(boolean oneAccountDenied) {
        stack = oneAccountDenied ? ServiceStack.start(4, DENIED) : ServiceStack.start(4);
    }

    /** A new service, with a cache of its own. */
    AuditService service() {
        return service(AuditService.DEFAULT_CACHE_EVENTS);
    }

    AuditService service(int cacheEvents) {
        return new AuditService(stack.clients(), new FanOut(pool, 4, limiters), stack.store().clock(), cacheEvents);
    }

    Scope scope(int account, String region) {
        return stack.scope(account, region);
    }

    SecretsManagerClient secrets(int account, String region) {
        return stack.store().secrets(stack.store().adminKey(account), Region.of(region));
    }

    /** The LookupEvents calls made in {@code scope}'s account and region so far, oldest first, as the store recorded them. */
    List<AuditLog.StoredEvent> lookupCalls(Scope scope) {
        List<AuditLog.StoredEvent> out = new ArrayList<>();
        AuditLog.Cursor after = null;
        do {
            AuditLog.Page page = stack.store().store().audit().lookup(new AuditLog.Query(scope.accountId(), scope.region(), "EventName",
                    "LookupEvents", null, null, 50, after));
            out.addAll(page.events());
            after = page.next();
        } while (after != null);
        Collections.reverse(out);
        return out;
    }

    int lookupCallCount(Scope scope) {
        return lookupCalls(scope).size();
    }

    /** The parameters of the last LookupEvents call in {@code scope}. */
    JsonNode lastLookupParameters(Scope scope) {
        List<AuditLog.StoredEvent> calls = lookupCalls(scope);
        try {
            return JSON.readTree(calls.get(calls.size() - 1).event().requestParameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::eventId).toList();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        stack.close();
    }
}
