package io.strongroom.service.signin;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Instant;
import java.util.Optional;

/**
 * A provider that never needs the user (static keys, a credential process, the environment, an
 * instance role, web identity) seen as {@link SignInCredentials}; its expiry is the one its last
 * credentials stated. A profile that cannot yield credentials at all is one of these too, failing
 * with its reason when asked.
 */
final class PlainCredentials implements SignInCredentials, AutoCloseable {

    private final AwsCredentialsProvider delegate;
    private volatile Instant lastExpiry;

    PlainCredentials(AwsCredentialsProvider delegate) {
        this.delegate = delegate;
    }

    /** A provider that fails with {@code reason} (a broken profile): the SDK error names it as a credentials problem. */
    static PlainCredentials failing(String reason) {
        return new PlainCredentials(() -> {
            throw SdkClientException.create("Unable to load credentials: " + reason);
        });
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials c = delegate.resolveCredentials();
        lastExpiry = c.expirationTime().orElse(null);
        return c;
    }

    @Override
    public AwsCredentials resolve(boolean interactive) {
        return resolveCredentials();
    }

    @Override
    public Optional<Instant> expiry() {
        return Optional.ofNullable(lastExpiry);
    }

    @Override
    public void forget() {
        lastExpiry = null;
    }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable c) {
            c.close();
        }
    }
}
