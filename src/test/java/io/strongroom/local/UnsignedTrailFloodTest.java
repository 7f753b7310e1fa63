package io.strongroom.local;

import io.strongroom.local.audit.UnverifiedRefusal;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.paginators.LookupEventsIterable;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unsigned STS sign-ins are recorded in the trail of the account whose role they name, as AWS
 * records them, but nobody has proven who sent them: a flood of them must not grow that
 * account's trail at will. They share the unverified refusals' rate limit, and every call
 * turned away is still counted.
 */
class UnsignedTrailFloodTest {

    static final int CALLS = 80;

    @Test
    void aFloodOfUnsignedSignInsIsRecordedAtTheRefusalsRateAndTheRestIsCounted() throws Exception {
        try (RunningStore store = new RunningStore()) {
            HttpClient http = HttpClient.newHttpClient();
            String account = store.adminKey(1).accountId();
            String form = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=flood"
                    + "&RoleArn=" + URLEncoder.encode("arn:aws:iam::" + account + ":role/ci", StandardCharsets.UTF_8)
                    + "&WebIdentityToken=not-a-jwt-at-all";
            HttpRequest request = HttpRequest.newBuilder(store.store().endpoint().resolve("/"))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            long started = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertEquals(400, reply.statusCode(), "every call is still answered: " + reply.body());
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            store.store().audit().flush();
            List<Event> recorded = new ArrayList<>();
            try (CloudTrailClient trail = store.cloudTrail(store.adminKey(1), RunningStore.REGION)) {
                LookupEventsIterable pages = trail.lookupEventsPaginator(b -> b.lookupAttributes(a -> a
                        .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("AssumeRoleWithWebIdentity")));
                pages.events().forEach(recorded::add);
            }
            // A burst of 20, then 20 a second.
            assertTrue(recorded.size() >= 20, "the first calls are on the trail: " + recorded.size());
            assertTrue(recorded.size() <= 20 + Math.ceil(seconds * 20) + 1,
                    recorded.size() + " events recorded in " + seconds + " s: more than the refusals' rate");
            long counted = store.store().audit().unverifiedRefusals(100).stream().mapToLong(UnverifiedRefusal::notRecorded).sum();
            assertEquals(CALLS, recorded.size() + counted, "every call is on the trail or counted in a summary");
        }
    }
}
