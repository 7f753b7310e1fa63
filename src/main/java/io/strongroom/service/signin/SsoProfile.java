package io.strongroom.service.signin;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An IAM Identity Center profile as the AWS CLI reads it: {@code sso_session} naming an
 * {@code [sso-session NAME]} section (start URL, region, registration scopes), or the legacy form
 * with {@code sso_start_url} and {@code sso_region} on the profile itself; plus the account and
 * role whose credentials the profile yields.
 *
 * @param sessionName null for the legacy form (its token cache is keyed by the start URL, and
 *                    the AWS tools do not refresh its token)
 */
record SsoProfile(String profileName, String sessionName, String startUrl, String region, List<String> scopes,
                  String accountId, String roleName) {

    static final String SSO_SESSION = "sso_session";
    static final String SSO_SESSION_SECTION = "sso-session";

    static boolean isSso(Profile p) {
        return p.property(SSO_SESSION).isPresent() || p.property("sso_start_url").isPresent();
    }

    /** The profile's SSO settings; a missing setting is an {@link IllegalArgumentException} naming it. */
    static SsoProfile of(ProfileFile file, Profile p) {
        Optional<String> session = p.property(SSO_SESSION);
        Profile settings = p;
        if (session.isPresent()) {
            settings = file.getSection(SSO_SESSION_SECTION, session.get()).orElseThrow(() -> new IllegalArgumentException(
                    "profile " + p.name() + " names sso_session " + session.get() + ", but there is no [sso-session "
                            + session.get() + "] section"));
        }
        List<String> scopes = settings.property("sso_registration_scopes")
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
        return new SsoProfile(p.name(), session.orElse(null), required(settings, "sso_start_url"),
                required(settings, "sso_region"), scopes, required(p, "sso_account_id"), required(p, "sso_role_name"));
    }

    private static String required(Profile p, String property) {
        return p.property(property).orElseThrow(() -> new IllegalArgumentException(
                "profile " + p.name() + " has no " + property));
    }

    /** What names the token in the cache: the session name, or the start URL in the legacy form. */
    String tokenCacheKey() {
        return sessionName != null ? sessionName : startUrl;
    }

    boolean refreshable() {
        return sessionName != null;
    }
}
