package io.strongroom.local.secrets;

import io.strongroom.local.http.JsonService;
import io.strongroom.local.kms.KmsKeys;

public final class SecretsManagerApi {
    public SecretsManagerApi(SecretStore store, KmsKeys keys) {}
    public JsonService service() {
        return JsonService.builder("secretsmanager", "secretsmanager", "secretsmanager.amazonaws.com").build();
    }
}
