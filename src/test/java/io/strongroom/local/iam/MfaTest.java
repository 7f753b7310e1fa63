package io.strongroom.local.iam;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InvalidAuthenticationCodeException;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Virtual MFA devices through the real SDK's IAM client, and STS's AssumeRole and GetSessionToken
 * with SerialNumber and TokenCode against a trust policy that requires MFA. The test computes
 * codes from the seed CreateVirtualMFADevice hands out, as an authenticator app would.
 */
class MfaTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    private String account;
    private IamClient admin;
    private AccessKey user;
    private String userName;
    private byte[] seed;
    private String serial;

    private String code(long stepsFromNow) {
        return Totp.code(seed, Totp.step(store.clock().instant()) + stepsFromNow);
    }

    @BeforeEach
    void userWithAnEnabledDevice() {
        account = store.store().accounts().list().get(0).accountId();
        admin = store.iam(store.adminKey(0));
        user = store.userWithPolicy(account, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        userName = user.principalArn().substring(user.principalArn().lastIndexOf('/') + 1);
        VirtualMFADevice device = admin.createVirtualMFADevice(r -> r.virtualMFADeviceName(userName)).virtualMFADevice();
        serial = device.serialNumber();
        assertThat(serial).isEqualTo("arn:aws:iam::" + account + ":mfa/" + userName);
        String base32 = device.base32StringSeed().asUtf8String();
        assertThat(base32).matches("[A-Z2-7]{64}");
        seed = Totp.fromBase32(base32);
        admin.enableMFADevice(r -> r.userName(userName).serialNumber(serial).authenticationCode1(code(-1)).authenticationCode2(code(0)));
    }

    private String mfaRole() {
        String name = "needs-mfa-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createRole(r -> r.roleName(name).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}"));
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    private StsClient sts() {
        return store.sts(user, Region.US_EAST_1);
    }

    @Test
    void devicesAreListedAndTheirLifecycleIsIams() {
        assertThat(admin.listMFADevices(r -> r.userName(userName)).mfaDevices()).extracting(MFADevice::serialNumber).containsExactly(serial);
        assertThatThrownBy(() -> admin.createVirtualMFADevice(r -> r.virtualMFADeviceName(userName)))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> admin.deleteVirtualMFADevice(r -> r.serialNumber(serial))).isInstanceOf(DeleteConflictException.class);
        admin.deactivateMFADevice(r -> r.userName(userName).serialNumber(serial));
        assertThat(admin.listMFADevices(r -> r.userName(userName)).mfaDevices()).isEmpty();
        admin.deleteVirtualMFADevice(r -> r.serialNumber(serial));
    }

    @Test
    void enablingNeedsTwoConsecutiveCodes() {
        String other = admin.createVirtualMFADevice(r -> r.virtualMFADeviceName("spare-" + userName)).virtualMFADevice().serialNumber();
        assertThatThrownBy(() -> admin.enableMFADevice(r -> r.userName(userName).serialNumber(other)
                .authenticationCode1("123456").authenticationCode2("654321"))).isInstanceOf(InvalidAuthenticationCodeException.class)
                .hasMessageContaining("Authentication code for device is not valid.");
    }

    @Test
    void assumeRoleWithTheRightCodeMeetsAnMfaTrustPolicy() {
        String role = mfaRole();
        assertThatThrownBy(() -> sts().assumeRole(r -> r.roleArn(role).roleSessionName("no-mfa")))
                .isInstanceOf(StsException.class).hasMessageContaining("not authorized to perform: sts:AssumeRole");
        Credentials credentials = sts().assumeRole(r -> r.roleArn(role).roleSessionName("with-mfa")
                .serialNumber(serial).tokenCode(code(1))).credentials();     // code(0) went on enabling: a code is good once
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(store.store().accounts().credential(credentials.accessKeyId()).orElseThrow().caller().mfa()).isTrue();
    }

    @Test
    void aWrongReusedOrHalfMissingCodeIsRefusedWithStsMessages() {
        String role = mfaRole();
        String wrong = code(0).equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> sts().assumeRole(r -> r.roleArn(role).roleSessionName("wrong").serialNumber(serial).tokenCode(wrong)))
                .isInstanceOf(StsException.class)
                .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"))
                .hasMessageContaining("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        store.clock().advance(Duration.ofSeconds(Totp.STEP_SECONDS * 3L));
        String good = code(0);
        sts().assumeRole(r -> r.roleArn(role).roleSessionName("first").serialNumber(serial).tokenCode(good));
        assertThatThrownBy(() -> sts().assumeRole(r -> r.roleArn(role).roleSessionName("again").serialNumber(serial).tokenCode(good)))
                .hasMessageContaining("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        assertThatThrownBy(() -> sts().assumeRole(r -> r.roleArn(role).roleSessionName("half").serialNumber(serial)))
                .hasMessageContaining("MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
        assertThatThrownBy(() -> sts().assumeRole(r -> r.roleArn(role).roleSessionName("other").tokenCode(code(1))
                .serialNumber("arn:aws:iam::" + account + ":mfa/someone-else")))
                .hasMessageContaining("MultiFactorAuthentication failed, unable to validate MFA code.");
        assertThatThrownBy(() -> sts().assumeRole(r -> r.roleArn(role).roleSessionName("letters").serialNumber(serial).tokenCode("12a456")))
                .hasMessageContaining("tokenCode").satisfies(e -> assertThat(e.getMessage()).doesNotContain("12a456"));
    }

    @Test
    void getSessionTokenWithMfaGivesAnMfaSessionThatMeetsTheTrustPolicyWhenChained() {
        Instant before = store.clock().instant();
        Credentials session = store.sts(user, Region.US_EAST_1).getSessionToken(r -> r.serialNumber(serial).tokenCode(code(1))).credentials();
        assertThat(store.store().accounts().credential(session.accessKeyId()).orElseThrow().caller().mfa()).isTrue();
        Credentials plain = store.sts(user, Region.US_EAST_1).getSessionToken().credentials();
        assertThat(store.store().accounts().credential(plain.accessKeyId()).orElseThrow().caller().mfa()).isFalse();
        assertThat(store.clock().instant()).isAfterOrEqualTo(before);
    }
}
