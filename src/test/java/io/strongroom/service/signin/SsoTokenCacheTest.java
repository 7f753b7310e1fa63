package io.strongroom.service.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache file names and formats the AWS CLI v2 (botocore) and the SDKs share. The expected
 * keys and hashes were produced by Python's {@code json.dumps(args, sort_keys=True)} and
 * {@code hashlib.sha1}, as botocore's SSOTokenFetcher computes them.
 */
class SsoTokenCacheTest {

    @TempDir
    Path dir;

    static final SsoProfile SESSION = new SsoProfile("dev", "local", "https://strongroom-test.awsapps.com/start", "us-east-1",
            List.of("sso:account:access"), "111122223333", "Admin");
    static final SsoProfile LEGACY = new SsoProfile("old", null, "https://d-90679.awsapps.com/start#/\u00e9", "eu-west-1",
            List.of(), "111122223333", "Admin");

    @Test
    void theRegistrationKeyIsBotocoresJson() {
        assertThat(SsoTokenCache.registrationKey(SESSION)).isEqualTo("{\"region\": \"us-east-1\", \"scopes\": [\"sso:account:access\"], "
                + "\"session_name\": \"local\", \"startUrl\": \"https://strongroom-test.awsapps.com/start\", \"tool\": \"botocore\"}");
        assertThat(SsoTokenCache.sha1(SsoTokenCache.registrationKey(SESSION))).isEqualTo("89b23a55aba658704dfb006622ee4f4a8cb79f12");
        assertThat(SsoTokenCache.sha1(SsoTokenCache.registrationKey(LEGACY))).isEqualTo("896ad866ab22193bcbb7c7717717356dafee2eff");
    }

    @Test
    void theTokenFileIsNamedBySessionOrByStartUrl() {
        SsoTokenCache cache = new SsoTokenCache(dir);
        assertThat(cache.tokenFile(SESSION).getFileName().toString()).isEqualTo("939bb46a04c3640c8c427e92b1b557e882e2d2a0.json");
        assertThat(cache.tokenFile(LEGACY).getFileName().toString())
                .isEqualTo(SsoTokenCache.sha1("https://d-90679.awsapps.com/start#/\u00e9") + ".json");
    }

    @Test
    void aTokenRoundTripsOwnerOnlyAndOlderTimestampFormsAreRead() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(dir.resolve("nested/cache"));
        Instant expires = Instant.parse("2026-12-07T18:54:04Z");
        SsoToken token = new SsoToken(SESSION.startUrl(), "us-east-1", "access", expires, "refresh", "client", "secret",
                expires.plusSeconds(86_400));
        cache.writeToken(SESSION, token);

        assertThat(cache.token(SESSION)).contains(token);
        assertThat(Files.getPosixFilePermissions(cache.tokenFile(SESSION))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(cache.tokenFile(SESSION))).contains("\"expiresAt\":\"2026-12-07T18:54:04Z\"");
        assertThat(token.toString()).doesNotContain("access").doesNotContain("refresh").doesNotContain("secret");

        Files.writeString(cache.tokenFile(SESSION), "{\"accessToken\":\"a\",\"expiresAt\":\"2026-12-07T18:54:04UTC\"}");
        assertThat(cache.token(SESSION).orElseThrow().expiresAt()).isEqualTo(expires);
        Files.writeString(cache.tokenFile(SESSION), "{\"accessToken\":\"a\",\"expiresAt\":\"2026-12-07T18:54:04+00:00\"}");
        assertThat(cache.token(SESSION).orElseThrow().expiresAt()).isEqualTo(expires);
        Files.writeString(cache.tokenFile(SESSION), "not json");
        assertThat(cache.token(SESSION)).isEmpty();
    }

    @Test
    void aRegistrationRoundTrips() {
        SsoTokenCache cache = new SsoTokenCache(dir);
        SsoTokenCache.Registration r = new SsoTokenCache.Registration("id", "secret", Instant.parse("2027-03-07T18:54:04Z"),
                SESSION.scopes());
        cache.writeRegistration(SESSION, r);
        assertThat(cache.registration(SESSION)).contains(r);
        assertThat(cache.registrationFile(SESSION).getFileName().toString()).isEqualTo("89b23a55aba658704dfb006622ee4f4a8cb79f12.json");
    }
}
