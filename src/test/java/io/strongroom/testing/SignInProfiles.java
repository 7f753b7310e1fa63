package io.strongroom.testing;

import io.strongroom.service.signin.DevicePrompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AWS config files for sign-in tests, pointing a profile at the embedded store the way a user's
 * config points at AWS: a {@code [services NAME]} section with each service's
 * {@code endpoint_url}, named by the profile's {@code services} setting. And a device prompt that
 * approves (or denies) on the store's approval page with one form POST, as a person would.
 */
public final class SignInProfiles {

    /** The services whose endpoints a test profile overrides, by the SDK's profile key. */
    private static final List<String> SERVICES = List.of("sso", "sso_oidc", "sts", "secrets_manager", "kms", "iam",
            "organizations");

    private SignInProfiles() {}

    /** A {@code [services local-store]} section sending every service a test touches to {@code endpoint}. */
    public static String servicesSection(URI endpoint) {
        StringBuilder b = new StringBuilder("[services local-store]\n");
        for (String s : SERVICES) {
            b.append(s).append(" =\n  endpoint_url = ").append(endpoint).append('\n');
        }
        return b.toString();
    }

    /** Writes {@code profiles} plus the services section to {@code dir/config}; returns the file. */
    public static Path writeConfig(Path dir, URI endpoint, String profiles) {
        Path config = dir.resolve("config");
        try {
            Files.writeString(config, profiles + "\n" + servicesSection(endpoint));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** A device prompt that decides every code on the store's approval page as user {@code admin}. */
    public static final class PagePrompt implements DevicePrompt {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final URI endpoint;
        private final String decision;
        public final List<DeviceCode> shown = new CopyOnWriteArrayList<>();
        public final List<Boolean> finished = new CopyOnWriteArrayList<>();
        public final List<Integer> pageStatus = new CopyOnWriteArrayList<>();

        private PagePrompt(URI endpoint, String decision) {
            this.endpoint = endpoint;
            this.decision = decision;
        }

        public static PagePrompt approving(URI endpoint) {
            return new PagePrompt(endpoint, "approve");
        }

        public static PagePrompt denying(URI endpoint) {
            return new PagePrompt(endpoint, "deny");
        }

        @Override
        public void show(DeviceCode code) {
            shown.add(code);
            HttpRequest post = HttpRequest.newBuilder(endpoint.resolve("/sso/device"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user_code=" + code.userCode() + "&user_name=admin&decision=" + decision))
                    .build();
            try {
                pageStatus.add(HTTP.send(post, HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void finished(boolean signedIn) {
            finished.add(signedIn);
        }
    }
}
