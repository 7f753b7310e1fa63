package io.strongroom.service.signin;

import io.strongroom.domain.CredentialsRef;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sign-in for the credentials that need the user: IAM Identity Center (SSO) profiles and role
 * profiles with an MFA device. Owned by the {@code ClientRegistry}, which asks it for the
 * credentials provider of every profile; the console and the CLI install their prompts here
 * ({@link #usePrompts}) and may sign a profile in ahead of any call ({@link #signIn}).
 *
 * <p>Providers prompt only while prompts are installed, and never inside
 * {@link #withoutPrompts}: there a sign-in that needs the user fails with
 * {@link SignInRequiredException} instead (the scope picker's "needs sign-in").
 */
public final class SignIn implements AutoCloseable {

    private final SsoTokenCache cache;
    private final SignInClients clients;
    private final SsoSignIn sso;
    private final ProfileChain chain;
    private final Clock clock;
    private final ThreadLocal<Boolean> quiet = ThreadLocal.withInitial(() -> false);
    private volatile DevicePrompt devicePrompt;
    private volatile MfaPrompt mfaPrompt;

    /**
     * @param http              the registry's shared HTTP client (not closed here)
     * @param ssoCacheDirectory where SSO tokens are cached; {@link #defaultSsoCacheDirectory()} is the
     *                          one the AWS CLI and SDKs share
     */
    public SignIn(SdkHttpClient http, Path ssoCacheDirectory, Clock clock) {
        this.cache = new SsoTokenCache(Objects.requireNonNull(ssoCacheDirectory, "ssoCacheDirectory"));
        this.clients = new SignInClients(http);
        this.clock = clock;
        this.sso = new SsoSignIn(cache, clients, clock);
        this.chain = new ProfileChain(this, clock);
    }

    /** {@code ~/.aws/sso/cache}, the home directory found as the SDK finds it. */
    public static Path defaultSsoCacheDirectory() {
        return SsoTokenCache.defaultDirectory();
    }

    /** Installs the prompts providers use from now on; either may be null (that kind then needs {@link #signIn}). */
    public void usePrompts(DevicePrompt device, MfaPrompt mfa) {
        this.devicePrompt = device;
        this.mfaPrompt = mfa;
    }

    /**
     * Signs an SSO profile in: a cached token with more than five minutes left is kept (no device
     * authorization), one near expiry is refreshed when it can be, and otherwise the device flow
     * runs with {@code prompt}. Blocks until approved; returns when the token expires.
     *
     * @throws SignInRequiredException denied, expired, cancelled, or the profile is not an SSO profile
     * @throws software.amazon.awssdk.core.exception.SdkException the OIDC service failed (AWS's code and message)
     */
    public Instant signIn(CredentialsRef.Profile profile, DevicePrompt prompt) {
        Objects.requireNonNull(prompt, "prompt");
        ProfileFile file = SignInClients.profileFile(profile);
        return sso.token(profile, file, ssoProfile(profile, file), prompt).expiresAt();
    }

    /** Whether a profile is an SSO profile ({@code sso_session} or {@code sso_start_url}). */
    public boolean isSso(CredentialsRef.Profile profile) {
        return SignInClients.profileFile(profile).profile(profile.profileName()).map(SsoProfile::isSso).orElse(false);
    }

    /** When the SSO profile's cached token expires, if a token is cached; empty for other profiles. */
    public Optional<Instant> ssoTokenExpiry(CredentialsRef.Profile profile) {
        ProfileFile file = SignInClients.profileFile(profile);
        Optional<Profile> p = file.profile(profile.profileName()).filter(SsoProfile::isSso);
        return p.flatMap(x -> sso.expiry(SsoProfile.of(file, x)));
    }

    /** Runs {@code work} on this thread with no prompt: a provider needing the user throws {@link SignInRequiredException}. */
    public <T> T withoutPrompts(Supplier<T> work) {
        boolean was = quiet.get();
        quiet.set(true);
        try {
            return work.get();
        } finally {
            quiet.set(was);
        }
    }

    /** Where SSO tokens are cached. */
    public Path ssoCacheDirectory() {
        return cache.directory();
    }

    /** The provider of a profile's credentials (for the registry; one per profile, kept there). */
    public SignInCredentials profileCredentials(CredentialsRef.Profile profile) {
        return chain.provider(profile);
    }

    /**
     * The provider of an assumed role's credentials: AssumeRole with {@code source}'s credentials
     * at {@code stsEndpoint} (null: the SDK's resolution for {@code sourceProfile}, or AWS).
     */
    public SignInCredentials assumedRole(CredentialsRef.AssumedRole role, AwsCredentialsProvider source, String region) {
        ProfileFile file = role.source() instanceof CredentialsRef.Profile p ? SignInClients.profileFile(p) : null;
        String profileName = role.source() instanceof CredentialsRef.Profile p ? p.profileName() : null;
        StsClient sts = clients.sts(source, region, file, profileName, role.stsEndpoint());
        return new AssumeRoleCredentials(this, sts, new AssumeRoleCredentials.Role(role.id(), role.roleArn(),
                role.sessionName(), null, null, null), clock, null);
    }

    boolean mayPrompt() {
        return !quiet.get();
    }

    DevicePrompt devicePrompt() {
        return mayPrompt() ? devicePrompt : null;
    }

    MfaPrompt mfaPrompt() {
        return mayPrompt() ? mfaPrompt : null;
    }

    SsoSignIn sso() {
        return sso;
    }

    SignInClients clients() {
        return clients;
    }

    private static SsoProfile ssoProfile(CredentialsRef.Profile ref, ProfileFile file) {
        Profile p = file.profile(ref.profileName()).orElseThrow(() -> new SignInRequiredException(
                "There is no profile named " + ref.profileName()));
        if (!SsoProfile.isSso(p)) {
            throw new SignInRequiredException("Profile " + ref.profileName() + " is not an IAM Identity Center profile");
        }
        try {
            return SsoProfile.of(file, p);
        } catch (IllegalArgumentException e) {
            throw new SignInRequiredException(e.getMessage(), e);
        }
    }

    /** Closes the sign-in clients (the shared HTTP client is the registry's). */
    @Override
    public void close() {
        clients.close();
    }

}
