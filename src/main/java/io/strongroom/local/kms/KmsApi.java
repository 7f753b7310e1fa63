package io.strongroom.local.kms;

import io.strongroom.local.http.JsonService;

/** The KMS API (JSON 1.1, {@code X-Amz-Target: TrentService.<Operation>}). */
public final class KmsApi {

    private final KmsKeys keys;

    public KmsApi(KmsKeys keys) {
        this.keys = keys;
    }

    public JsonService service() {
        return JsonService.builder("kms", "TrentService", "kms.amazonaws.com").build();
    }
}
