package io.strongroom.local;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StsTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    @Test
    void getCallerIdentityNamesTheSigningPrincipal() {
        AccessKey key = store.adminKey(1);
        GetCallerIdentityResponse who = store.sts(key, RunningStore.REGION).getCallerIdentity();
        assertEquals(key.accountId(), who.account());
        assertEquals("arn:aws:iam::" + key.accountId() + ":user/admin", who.arn());
    }

    @Test
    void wrongSecretKeyIsRefusedWithSignatureDoesNotMatch() {
        AccessKey key = store.adminKey(0);
        AccessKey forged = new AccessKey(key.accountId(), key.principalArn(), key.accessKeyId(), key.secretAccessKey() + "x");
        StsException e = assertThrows(StsException.class, () -> store.sts(forged, RunningStore.REGION).getCallerIdentity());
        assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
    }

    @Test
    void unknownAccessKeyIsRefusedWithInvalidClientTokenId() {
        AccessKey unknown = new AccessKey("000000000000", "arn:aws:iam::000000000000:user/x", "AKIAUNKNOWNUNKNOWN00", "secret");
        StsException e = assertThrows(StsException.class, () -> store.sts(unknown, RunningStore.REGION).getCallerIdentity());
        assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
    }
}
