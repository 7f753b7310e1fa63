package io.strongroom.local.audit;

import io.strongroom.local.http.JsonService;

/** CloudTrail's event history: LookupEvents over the store's audit trail. */
public final class CloudTrailApi {

    private final AuditLog audit;

    public CloudTrailApi(AuditLog audit) {
        this.audit = audit;
    }

    public JsonService service() {
        return JsonService.builder("cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "cloudtrail.amazonaws.com")
                .build();
    }
}
