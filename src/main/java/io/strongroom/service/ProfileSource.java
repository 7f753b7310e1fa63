package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS named profiles, read with the SDK's own parser so that every form the AWS CLI accepts is
 * understood the same way. A profile is offered when it can yield credentials: static keys,
 * {@code role_arn} (with {@code source_profile} or {@code credential_source}), SSO
 * ({@code sso_session} or the legacy {@code sso_start_url}), {@code credential_process}, or a web
 * identity token. Resolving them is left to the registry's sign-in
 * ({@link io.strongroom.service.signin.SignIn}) when a client is built, so nothing here calls the
 * network or runs a process.
 *
 * <p>The account ID is taken from what the profile states ({@code aws_account_id},
 * {@code sso_account_id}, the account in {@code role_arn}) and is otherwise null.
 */
final class ProfileSource implements AccountSource {

    private static final Pattern ROLE_ARN_ACCOUNT = Pattern.compile("^arn:[^:]+:iam::(\\d{12}):");
    private static final String SSO_SESSION = "sso_session";

    private final Path configFile;
    private final Path credentialsFile;

    ProfileSource(Path configFile, Path credentialsFile) {
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
    }

    @Override
    public String name() {
        return AWS_PROFILES_NAME;
    }

    @Override
    public List<Account> accounts() {
        ProfileFile file = configFile == null && credentialsFile == null
                ? ProfileFile.defaultProfileFile()
                : ClientRegistry.ProfileFiles.load(configFile, credentialsFile);
        List<Account> out = new ArrayList<>();
        file.profiles().values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(p -> kind(p).ifPresent(kind -> out.add(new Account(accountId(p), p.name(), null,
                        new CredentialsRef.Profile(p.name(), configFile, credentialsFile), "profile (" + kind + ")"))));
        return out;
    }

    /** What kind of credentials a profile yields, or empty when it yields none (a region-only profile). */
    static Optional<String> kind(Profile p) {
        if (p.property(ProfileProperty.ROLE_ARN).isPresent()) {
            return Optional.of("assume role");
        }
        if (p.property(SSO_SESSION).isPresent() || p.property(ProfileProperty.SSO_START_URL).isPresent()) {
            return Optional.of("SSO");
        }
        if (p.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent()) {
            return Optional.of("credential process");
        }
        if (p.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isPresent()) {
            return Optional.of("web identity");
        }
        if (p.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            return Optional.of(p.property(ProfileProperty.AWS_SESSION_TOKEN).isPresent() ? "session keys" : "static keys");
        }
        return Optional.empty();
    }

    private static String accountId(Profile p) {
        Optional<String> stated = p.property(ProfileProperty.AWS_ACCOUNT_ID).or(() -> p.property(ProfileProperty.SSO_ACCOUNT_ID));
        if (stated.isPresent()) {
            return stated.get();
        }
        return p.property(ProfileProperty.ROLE_ARN).map(arn -> {
            Matcher m = ROLE_ARN_ACCOUNT.matcher(arn);
            return m.find() ? m.group(1) : null;
        }).orElse(null);
    }
}
