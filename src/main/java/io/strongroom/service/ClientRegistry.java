package io.strongroom.service;

import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.service.signin.SignIn;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Owns every SDK client: one per (credentials, endpoint, region, service), built on first use,
 * reused by every caller (SDK clients are thread-safe and each holds connection state), and
 * closed together with the one shared HTTP connection pool when the registry is closed.
 *
 * <p>Retry mode is {@link RetryMode#STANDARD}, not ADAPTIVE: adaptive mode keeps one client-side
 * rate limiter per client and assumes a client maps to one throttling scope, but AWS throttles
 * per account, region and operation class, while one of these clients carries every operation
 * class of its scope. A throttled ListSecrets would slow GetSecretValue on the same client.
 * Pacing is done instead by {@link RateLimiters} per (account, region, quota class), and standard
 * mode adds bounded exponential backoff with jitter for what still gets throttled.
 */
public final class ClientRegistry implements AutoCloseable {

    /**
     * Client timeouts and pool size.
     *
     * @param apiCallTimeout        whole call, all retries included: a dead scope gives up after this
     * @param apiCallAttemptTimeout one attempt: a stuck connection is retried instead of hanging the call
     * @param maxAttempts           attempts per call in standard retry mode (1 = no retries)
     * @param maxConnections        connections in the shared pool (per route and in total)
     * @param connectionTimeout     TCP connect; short, so an unreachable endpoint fails fast
     */
    public record Settings(Duration apiCallTimeout, Duration apiCallAttemptTimeout, int maxAttempts, int maxConnections,
                           Duration connectionTimeout) {

        public Settings {
            Objects.requireNonNull(apiCallTimeout);
            Objects.requireNonNull(apiCallAttemptTimeout);
            Objects.requireNonNull(connectionTimeout);
            if (maxAttempts < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("maxAttempts and maxConnections are at least 1");
            }
        }

        /** 30 s per call, 10 s per attempt, 3 attempts, 64 connections, 3 s connect. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(10), 3, 64, Duration.ofSeconds(3));
        }

        public Settings withMaxAttempts(int attempts) {
            return new Settings(apiCallTimeout, apiCallAttemptTimeout, attempts, maxConnections, connectionTimeout);
        }
    }

    private enum Service { SECRETS_MANAGER, KMS, STS, CLOUDTRAIL, ACCESS_ANALYZER, IAM, LAMBDA, ORGANIZATIONS }

    /** The region IAM clients are built for (IAM is global; AWS signs it for us-east-1). */
    static final String IAM_REGION = "us-east-1";

    private record Key(Service service, CredentialsRef credentials, URI endpoint, String region) {}

    private final Settings settings;
    private final Predicate<Thread> mustNotBlock;
    private final SdkHttpClient http;
    private final ConcurrentMap<Key, SdkClient> clients = new ConcurrentHashMap<>();
    private final ConcurrentMap<CredentialsRef, AwsCredentialsProvider> providers = new ConcurrentHashMap<>();
    private final SignIn signIn;
    private volatile boolean closed;

    public ClientRegistry(Settings settings) {
        this(settings, t -> false);
    }

    /**
     * A registry whose clients refuse to send anything from a thread {@code mustNotBlock} names
     * (a UI thread): the call fails at once with {@link IllegalStateException} instead of
     * freezing the window for a network round trip. No request leaves the machine.
     */
    public ClientRegistry(Settings settings, Predicate<Thread> mustNotBlock) {
        this(settings, mustNotBlock, SignIn.defaultSsoCacheDirectory());
    }

    /**
     * A registry whose SSO profiles cache their IAM Identity Center tokens in
     * {@code ssoCacheDirectory} instead of {@code ~/.aws/sso/cache} (tests; a sandboxed user).
     */
    public ClientRegistry(Settings settings, Predicate<Thread> mustNotBlock, Path ssoCacheDirectory) {
        this.settings = settings;
        this.mustNotBlock = Objects.requireNonNull(mustNotBlock, "mustNotBlock");
        // One pool for every client: the Apache client keeps per-route limits, so endpoints do not
        // starve each other, and idle connections are reaped.
        this.http = ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectionTimeout())
                .socketTimeout(settings.apiCallAttemptTimeout())
                .connectionAcquisitionTimeout(settings.apiCallAttemptTimeout())
                .connectionMaxIdleTime(Duration.ofSeconds(60))
                .useIdleConnectionReaper(true)
                .build();
        this.signIn = new SignIn(http, ssoCacheDirectory, Clock.systemUTC());
    }

    /**
     * Sign-in for profiles that need the user (SSO, MFA): where the console and the CLI install
     * their prompts, sign a profile in ahead of a call, and read token expiry.
     */
    public SignIn signIn() {
        return signIn;
    }

    /**
     * The credentials provider every client of {@code ref} signs with: one per reference, kept
     * for the registry's life (a role or SSO session is held in it until near expiry).
     */
    public AwsCredentialsProvider credentials(CredentialsRef ref) {
        ensureOpen();
        AwsCredentialsProvider p = providers.get(ref);
        if (p == null) {
            // built outside the map: an assumed role's provider first builds its source's
            AwsCredentialsProvider built = provider(ref);
            p = providers.putIfAbsent(ref, built);
            if (p == null) {
                p = built;
            } else if (built instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the other thread's provider is kept
                }
            }
        }
        return p;
    }

    public SecretsManagerClient secretsManager(Scope scope) {
        return get(Service.SECRETS_MANAGER, scope, SecretsManagerClient::builder);
    }

    public KmsClient kms(Scope scope) {
        return get(Service.KMS, scope, KmsClient::builder);
    }

    public StsClient sts(Scope scope) {
        return get(Service.STS, scope, StsClient::builder);
    }

    public CloudTrailClient cloudTrail(Scope scope) {
        return get(Service.CLOUDTRAIL, scope, CloudTrailClient::builder);
    }

    /** Lambda: the rotation functions a secret can use (ListFunctions). */
    public LambdaClient lambda(Scope scope) {
        return get(Service.LAMBDA, scope, LambdaClient::builder);
    }

    /** IAM Access Analyzer: the policy checks (ValidatePolicy, CheckNoNewAccess…), which need no analyzer. */
    public AccessAnalyzerClient accessAnalyzer(Scope scope) {
        return get(Service.ACCESS_ANALYZER, scope, AccessAnalyzerClient::builder);
    }

    /**
     * IAM, a global service: one client per account (credentials and endpoint), whatever the
     * scope's region, built for {@value #IAM_REGION}. {@code Region.AWS_GLOBAL} would resolve AWS's
     * endpoint too, but with an endpoint override it signs for "aws-global", which no
     * wire-compatible endpoint (the embedded store included) accepts; us-east-1 is where AWS
     * signs IAM, so both work.
     */
    public IamClient iam(Scope scope) {
        return get(Service.IAM, scope, IAM_REGION, IamClient::builder);
    }

    /** AWS Organizations, a global service signed for {@value #IAM_REGION}: the organization account source. */
    public OrganizationsClient organizations(Scope scope) {
        return get(Service.ORGANIZATIONS, scope, IAM_REGION, OrganizationsClient::builder);
    }

    /** How many SDK clients are open. */
    public int size() {
        return clients.size();
    }

    @Override
    public void close() {
        closed = true;
        List<AutoCloseable> toClose = new ArrayList<>(clients.values());
        clients.clear();
        for (AwsCredentialsProvider p : providers.values()) {
            if (p instanceof AutoCloseable c) {
                toClose.add(c);
            }
        }
        providers.clear();
        toClose.add(signIn);
        toClose.add(http);
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing everything regardless
            }
        }
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C get(
            Service service, Scope scope, Supplier<B> builder) {
        return get(service, scope, scope.region(), builder);
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C get(
            Service service, Scope scope, String region, Supplier<B> builder) {
        ensureOpen();
        Key key = new Key(service, scope.credentials(), scope.endpoint(), region);
        C client = (C) clients.get(key);
        if (client == null) {
            // Built outside the map: computeIfAbsent would hold the map's bin while a client is built
            // (tens of milliseconds, more on the first one), and the fan-out's threads, each building
            // its own scope's client at once, would queue behind each other on shared bins.
            C built = build(key, builder.get());
            C raced = (C) clients.putIfAbsent(key, built);
            if (raced != null) {
                built.close();      // another thread built the same client first; the shared pool stays open
                client = raced;
            } else {
                client = built;
            }
        }
        if (closed) {
            // close() ran while this client was being built
            client.close();
            ensureOpen();
        }
        return client;
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C build(Key key, B builder) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .retryStrategy(b -> b.maxAttempts(settings.maxAttempts()))
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                .addExecutionInterceptor(new ThreadGuard(mustNotBlock));
        if (rootProfile(key.credentials()) instanceof CredentialsRef.Profile p) {
            ProfileFile file = profileFile(p);
            if (file != null) {
                // keep the client's own profile reading (endpoint_url, retry settings…) on the same files
                override.defaultProfileFile(file).defaultProfileName(p.profileName());
            }
        }
        builder.httpClient(http)
                .region(Region.of(key.region()))
                .credentialsProvider(credentials(key.credentials()))
                .overrideConfiguration(override.build());
        if (key.endpoint() != null) {
            builder.endpointOverride(key.endpoint());
        }
        return builder.build();
    }

    /** Refuses a call made on a thread that must not block, before anything is signed or sent. */
    private record ThreadGuard(Predicate<Thread> mustNotBlock) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            Thread caller = Thread.currentThread();
            if (mustNotBlock.test(caller)) {
                throw new IllegalStateException("an AWS call (" + context.request().getClass().getSimpleName()
                        + ") was made on " + caller.getName() + ", which must never wait for the network");
            }
        }
    }

    private AwsCredentialsProvider provider(CredentialsRef ref) {
        if (ref instanceof CredentialsRef.StaticKeys k) {
            return StaticCredentialsProvider.create(k.sessionToken() == null
                    ? AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())
                    : AwsSessionCredentials.create(k.accessKeyId(), k.secretAccessKey(), k.sessionToken()));
        }
        if (ref instanceof CredentialsRef.AssumedRole r) {
            return signIn.assumedRole(r, credentials(r.source()), IAM_REGION);
        }
        // role chains, MFA and SSO need prompts the SDK's ProfileCredentialsProvider cannot give
        return signIn.profileCredentials((CredentialsRef.Profile) ref);
    }

    /** The profile at the root of a reference (an assumed role's source, followed down), or null. */
    private static CredentialsRef rootProfile(CredentialsRef ref) {
        CredentialsRef r = ref;
        while (r instanceof CredentialsRef.AssumedRole a) {
            r = a.source();
        }
        return r instanceof CredentialsRef.Profile ? r : null;
    }

    /** The explicit files of a profile reference, or null to let the SDK use its defaults. */
    static ProfileFile profileFile(CredentialsRef.Profile p) {
        if (p.configFile() == null && p.credentialsFile() == null) {
            return null;
        }
        return ProfileFiles.load(p.configFile(), p.credentialsFile());
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the client registry is closed");
        }
    }

    /** Reads shared config/credentials files the way the SDK does, skipping a file that does not exist. */
    static final class ProfileFiles {
        private ProfileFiles() {}

        static ProfileFile load(Path configFile, Path credentialsFile) {
            ProfileFile.Aggregator agg = ProfileFile.aggregator();
            if (configFile != null && Files.isRegularFile(configFile)) {
                agg.addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build());
            }
            if (credentialsFile != null && Files.isRegularFile(credentialsFile)) {
                agg.addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build());
            }
            return agg.build();
        }
    }
}
