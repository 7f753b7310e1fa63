package io.strongroom.service.signin;

import io.strongroom.domain.CredentialsRef;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Builds the SDK clients sign-in needs (SSO OIDC, the SSO portal, STS) on the registry's shared
 * HTTP pool. A client for a profile is given that profile's file and name, so the SDK resolves
 * its endpoint exactly as for any other client: {@code AWS_ENDPOINT_URL_SSO_OIDC} /
 * {@code AWS_ENDPOINT_URL_SSO} / {@code AWS_ENDPOINT_URL_STS}, then the profile's
 * {@code services} section ({@code sso_oidc}, {@code sso}, {@code sts} with {@code endpoint_url}),
 * then {@code endpoint_url}, then AWS's own endpoint for the region.
 */
final class SignInClients implements AutoCloseable {

    private record Key(String service, CredentialsRef.Profile profile, String region) {}

    private final SdkHttpClient http;
    private final ConcurrentMap<Key, AutoCloseable> clients = new ConcurrentHashMap<>();

    SignInClients(SdkHttpClient http) {
        this.http = http;
    }

    /** SSO OIDC needs no signature: its calls carry client secrets and device codes in the body. */
    SsoOidcClient oidc(CredentialsRef.Profile profile, ProfileFile file, String region) {
        return (SsoOidcClient) clients.computeIfAbsent(new Key("oidc", profile, region), k -> SsoOidcClient.builder()
                .httpClient(http).region(Region.of(region)).credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(profileConfig(file, profile.profileName())).build());
    }

    /** The SSO portal (GetRoleCredentials): authorized by the access token, not by a signature. */
    SsoClient sso(CredentialsRef.Profile profile, ProfileFile file, String region) {
        return (SsoClient) clients.computeIfAbsent(new Key("sso", profile, region), k -> SsoClient.builder()
                .httpClient(http).region(Region.of(region)).credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(profileConfig(file, profile.profileName())).build());
    }

    /**
     * An STS client signing with {@code source}, owned by the caller. With a profile its endpoint is
     * resolved from that profile; {@code endpoint} (when not null) overrides it.
     */
    StsClient sts(AwsCredentialsProvider source, String region, ProfileFile file, String profileName, URI endpoint) {
        StsClientBuilder b = StsClient.builder().httpClient(http).region(Region.of(region)).credentialsProvider(source);
        if (file != null) {
            b.overrideConfiguration(profileConfig(file, profileName));
        }
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }

    private static ClientOverrideConfiguration profileConfig(ProfileFile file, String profileName) {
        return ClientOverrideConfiguration.builder().defaultProfileFile(file).defaultProfileName(profileName).build();
    }

    /** The profile file a reference names: its explicit files, or the SDK's default locations. */
    static ProfileFile profileFile(CredentialsRef.Profile p) {
        if (p.configFile() == null && p.credentialsFile() == null) {
            return ProfileFile.defaultProfileFile();
        }
        ProfileFile.Aggregator agg = ProfileFile.aggregator();
        add(agg, p.configFile(), ProfileFile.Type.CONFIGURATION);
        add(agg, p.credentialsFile(), ProfileFile.Type.CREDENTIALS);
        return agg.build();
    }

    private static void add(ProfileFile.Aggregator agg, Path file, ProfileFile.Type type) {
        if (file != null && Files.isRegularFile(file)) {
            agg.addFile(ProfileFile.builder().content(file).type(type).build());
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(clients.values());
        clients.clear();
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing everything regardless
            }
        }
    }
}
