package io.strongroom.local.audit;

import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for Secrets Manager that stores nothing but audits like the real one will:
 * CreateSecret is a write naming its secret; BatchGetSecretValue asks for one GetSecretValue
 * event per secret it returns; ListSecrets counts against a scarce quota class; DescribeSecret
 * fails with a bug.
 */
final class StubSecretsManager {

    static final String SECRET_TYPE = "AWS::SecretsManager::Secret";
    /** Quota class of ListSecrets here: give it a low rate to see throttling. */
    static final String SCARCE_QUOTA = "stub:scarce";
    /** A BatchGetSecretValue that names this secret fails as a whole, after the others were read. */
    static final String POISON = "poison";

    private StubSecretsManager() {}

    static JsonService service() {
        return JsonService.builder("secretsmanager", "secretsmanager", "secretsmanager.amazonaws.com")
                .write("CreateSecret", CreateSecretRequest::builder, StubSecretsManager::createSecret)
                .read("BatchGetSecretValue", BatchGetSecretValueRequest::builder, StubSecretsManager::batchGetSecretValue)
                .read("DescribeSecret", DescribeSecretRequest::builder, (ctx, req) -> {
                    throw new IllegalStateException("stub failure");
                })
                .quota(SCARCE_QUOTA)
                .read("ListSecrets", ListSecretsRequest::builder, (ctx, req) -> ListSecretsResponse.builder().build())
                .build();
    }

    static String arn(RequestContext ctx, String name) {
        return "arn:aws:secretsmanager:" + ctx.region() + ":" + ctx.accountId() + ":secret:" + name + "-AbCdEf";
    }

    private static CreateSecretResponse createSecret(RequestContext ctx, CreateSecretRequest req) {
        String arn = arn(ctx, req.name());
        ctx.touched(SECRET_TYPE, arn);
        return CreateSecretResponse.builder().arn(arn).name(req.name()).build();
    }

    private static BatchGetSecretValueResponse batchGetSecretValue(RequestContext ctx, BatchGetSecretValueRequest req) {
        List<SecretValueEntry> values = new ArrayList<>();
        List<APIErrorType> errors = new ArrayList<>();
        for (String id : req.secretIdList()) {
            if (id.startsWith("missing")) {
                errors.add(APIErrorType.builder().secretId(id).errorCode("ResourceNotFoundException")
                        .message("Secrets Manager can't find the specified secret.").build());
                continue;
            }
            if (id.equals(POISON)) {
                throw AwsException.invalidRequest("The batch could not be completed.");
            }
            String arn = arn(ctx, id);
            ctx.alsoRecord("GetSecretValue", true, SECRET_TYPE, arn);
            values.add(SecretValueEntry.builder().arn(arn).name(id).secretString("stub").build());
        }
        return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors).build();
    }
}
