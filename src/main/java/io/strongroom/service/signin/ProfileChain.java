package io.strongroom.service.signin;

import io.strongroom.domain.CredentialsRef;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a named profile into a credentials provider the way the AWS CLI reads the shared config:
 * {@code role_arn} with {@code source_profile} (followed recursively; a cycle is an error, a
 * profile naming itself uses its own keys) or {@code credential_source} (Environment,
 * Ec2InstanceMetadata, EcsContainer), with {@code role_session_name}, {@code duration_seconds},
 * {@code external_id} and {@code mfa_serial}; SSO ({@code sso_session} or {@code sso_start_url});
 * {@code credential_process} (the SDK's ProcessCredentialsProvider, which runs the command, reads
 * its JSON and holds the credentials until their Expiration); web identity (left to the SDK);
 * static keys.
 */
final class ProfileChain {

    private static final String CREDENTIAL_SOURCE = "credential_source";
    private static final String MFA_SERIAL = "mfa_serial";
    private static final String EXTERNAL_ID = "external_id";
    private static final String DURATION_SECONDS = "duration_seconds";
    private static final String ROLE_SESSION_NAME = "role_session_name";
    private static final String DEFAULT_STS_REGION = "us-east-1";

    private final SignIn signIn;
    private final Clock clock;

    ProfileChain(SignIn signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
    }

    SignInCredentials provider(CredentialsRef.Profile ref) {
        try {
            ProfileFile file = SignInClients.profileFile(ref);
            AwsCredentialsProvider p = resolve(ref, file, ref.profileName(), new ArrayList<>());
            return p instanceof SignInCredentials s ? s : new PlainCredentials(p);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return PlainCredentials.failing(e.getMessage());
        }
    }

    private AwsCredentialsProvider resolve(CredentialsRef.Profile ref, ProfileFile file, String name, List<String> chain) {
        if (chain.contains(name)) {
            chain.add(name);
            throw new IllegalArgumentException("the profiles' source_profile settings form a cycle: " + String.join(" -> ", chain));
        }
        chain.add(name);
        Profile p = file.profile(name).orElseThrow(() -> new IllegalArgumentException(
                chain.size() == 1 ? "there is no profile named " + name : "profile " + chain.get(chain.size() - 2)
                        + " names source_profile " + name + ", which does not exist"));
        if (p.property(ProfileProperty.ROLE_ARN).isPresent() && p.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isEmpty()) {
            return assumeRole(ref, file, p, chain);
        }
        if (SsoProfile.isSso(p)) {
            CredentialsRef.Profile at = new CredentialsRef.Profile(name, ref.configFile(), ref.credentialsFile());
            return new SsoCredentials(signIn, at, file, SsoProfile.of(file, p), clock);
        }
        if (p.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent()) {
            return ProcessCredentialsProvider.builder().command(p.property(ProfileProperty.CREDENTIAL_PROCESS).get()).build();
        }
        if (p.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isPresent()) {
            return ProfileCredentialsProvider.builder().profileFile(file).profileName(name).build();
        }
        return staticKeys(p).orElseThrow(() -> new IllegalArgumentException("profile " + name + " holds no credentials"));
    }

    private AwsCredentialsProvider assumeRole(CredentialsRef.Profile ref, ProfileFile file, Profile p, List<String> chain) {
        Optional<String> sourceProfile = p.property(ProfileProperty.SOURCE_PROFILE);
        Optional<String> credentialSource = p.property(CREDENTIAL_SOURCE);
        AwsCredentialsProvider source;
        if (sourceProfile.isPresent() && credentialSource.isPresent()) {
            throw new IllegalArgumentException("profile " + p.name() + " has both source_profile and credential_source");
        } else if (sourceProfile.isPresent() && sourceProfile.get().equals(p.name())) {
            source = staticKeys(p).orElseThrow(() -> new IllegalArgumentException("profile " + p.name()
                    + " is its own source_profile but holds no keys"));
        } else if (sourceProfile.isPresent()) {
            source = resolve(ref, file, sourceProfile.get(), chain);
        } else if (credentialSource.isPresent()) {
            source = credentialSource(p.name(), credentialSource.get());
        } else {
            throw new IllegalArgumentException("profile " + p.name() + " has role_arn but neither source_profile nor credential_source");
        }
        AssumeRoleCredentials.Role role = new AssumeRoleCredentials.Role(p.name(), p.property(ProfileProperty.ROLE_ARN).get(),
                p.property(ROLE_SESSION_NAME).orElse("strongroom-" + clock.instant().getEpochSecond()),
                p.property(DURATION_SECONDS).map(s -> integer(p.name(), s)).orElse(null),
                p.property(EXTERNAL_ID).orElse(null), p.property(MFA_SERIAL).orElse(null));
        String region = p.property(ProfileProperty.REGION).orElse(DEFAULT_STS_REGION);
        return new AssumeRoleCredentials(signIn, signIn.clients().sts(source, region, file, p.name(), null), role, clock,
                source);
    }

    private static AwsCredentialsProvider credentialSource(String profile, String kind) {
        return switch (kind) {
            case "Environment" -> EnvironmentVariableCredentialsProvider.create();
            case "Ec2InstanceMetadata" -> InstanceProfileCredentialsProvider.create();
            case "EcsContainer" -> ContainerCredentialsProvider.create();
            default -> throw new IllegalArgumentException("profile " + profile + " has credential_source " + kind
                    + "; the AWS CLI knows Environment, Ec2InstanceMetadata and EcsContainer");
        };
    }

    private static Optional<AwsCredentialsProvider> staticKeys(Profile p) {
        Optional<String> id = p.property(ProfileProperty.AWS_ACCESS_KEY_ID);
        Optional<String> secret = p.property(ProfileProperty.AWS_SECRET_ACCESS_KEY);
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> token = p.property(ProfileProperty.AWS_SESSION_TOKEN);
        return Optional.of(StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(id.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(id.get(), secret.get())));
    }

    private static Integer integer(String profile, String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("profile " + profile + " has duration_seconds " + value + ", not a number");
        }
    }
}
