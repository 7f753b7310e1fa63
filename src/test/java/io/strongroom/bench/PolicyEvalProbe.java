package io.strongroom.bench;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;

import java.nio.file.Files;
import java.time.Instant;

/**
 * In process, without HTTP or SigV4: what GetSecretValue's handler costs with and without the
 * ten-statement resource policy of {@link StoreBenchmarks#TEN_STATEMENTS}, alternating, one thread.
 * A probe for finding where policy evaluation spends its time, not a figure for BENCHMARKS.md.
 */
public final class PolicyEvalProbe {

    public static void main(String[] args) throws Exception {
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(Files.createTempDirectory("probe-")).withPort(0))) {
            String account = store.accounts().list().get(0).accountId();
            Instant now = Instant.now();
            for (String name : new String[] {"plain", "policy"}) {
                store.invoke(account, "us-east-1", now, "secretsmanager", "CreateSecret",
                        CreateSecretRequest.builder().name(name).secretString("x".repeat(60)).build());
            }
            store.invoke(account, "us-east-1", now, "secretsmanager", "PutResourcePolicy",
                    PutResourcePolicyRequest.builder().secretId("policy").resourcePolicy(StoreBenchmarks.TEN_STATEMENTS).build());
            for (int round = 0; round < 6; round++) {
                for (String name : new String[] {"plain", "policy"}) {
                    int n = 20_000;
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        store.invoke(account, "us-east-1", now, "secretsmanager", "GetSecretValue",
                                GetSecretValueRequest.builder().secretId(name).build());
                    }
                    System.out.printf("round %d %-6s %.1f us/call%n", round, name, (System.nanoTime() - t0) / 1e3 / n);
                }
            }
        }
    }
}
