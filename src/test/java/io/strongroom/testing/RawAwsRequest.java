package io.strongroom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.iam.AccessKey;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One AWS JSON 1.1 request built by hand and signed with the SDK's own SigV4 signer, so a test
 * can send exactly one defect (a broken body, a wrong header, a changed byte after signing)
 * while everything else about the request is correct.
 */
public final class RawAwsRequest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The request as signed; tests may change it before it is sent. */
    public static final class Signed {
        public final Map<String, List<String>> headers;
        public byte[] body;

        Signed(Map<String, List<String>> headers, byte[] body) {
            this.headers = headers;
            this.body = body;
        }

        public void removeHeader(String name) {
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        }

        public void setHeader(String name, String value) {
            removeHeader(name);
            headers.put(name, new ArrayList<>(List.of(value)));
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What came back: status, the x-amzn-ErrorType header, and the body's {@code __type} and {@code message}. */
    public record Reply(int status, String errorTypeHeader, String type, String message, JsonNode json) {

        public boolean isClientError() {
            return status >= 400 && status < 500;
        }
    }

    private final URI endpoint;
    private AccessKey key;
    private String target;
    private byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    private String contentType = "application/x-amz-json-1.1";
    private String service = "secretsmanager";
    private String region = RunningStore.REGION.id();
    private Clock signingClock = Clock.systemUTC();
    private Consumer<Signed> afterSigning = s -> { };
    private String sessionToken;

    private RawAwsRequest(URI endpoint, AccessKey key) {
        this.endpoint = endpoint;
        this.key = key;
    }

    public static RawAwsRequest to(URI endpoint, AccessKey key) {
        return new RawAwsRequest(endpoint, key);
    }

    /** {@code X-Amz-Target}; null leaves the header out. */
    public RawAwsRequest target(String target) {
        this.target = target;
        return this;
    }

    public RawAwsRequest body(String json) {
        return body(json.getBytes(StandardCharsets.UTF_8));
    }

    public RawAwsRequest body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    public RawAwsRequest signedWith(AccessKey key) {
        this.key = key;
        return this;
    }

    /** The service named in the credential scope (the signing name). */
    public RawAwsRequest signedFor(String service) {
        this.service = service;
        return this;
    }

    public RawAwsRequest contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    /** The region named in the credential scope; any text, valid or not. */
    public RawAwsRequest signedForRegion(String region) {
        this.region = region;
        return this;
    }

    /** Signs as temporary credentials would: with this session token in {@code X-Amz-Security-Token}. */
    public RawAwsRequest withSessionToken(String token) {
        this.sessionToken = token;
        return this;
    }

    public RawAwsRequest signedAt(Clock clock) {
        this.signingClock = clock;
        return this;
    }

    public RawAwsRequest afterSigning(Consumer<Signed> change) {
        this.afterSigning = change;
        return this;
    }

    public Signed sign() {
        SdkHttpRequest.Builder http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", contentType);
        if (target != null) {
            http.putHeader("X-Amz-Target", target);
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(sessionToken == null ? AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey())
                        : AwsSessionCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey(), sessionToken))
                .request(http.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, signingClock));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.request().forEachHeader((k, v) -> headers.put(k, new ArrayList<>(v)));
        return new Signed(headers, body.clone());
    }

    public Reply send() {
        Signed signed = sign();
        afterSigning.accept(signed);
        return send(endpoint, signed);
    }

    public static Reply send(URI endpoint, Signed signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body));
        signed.headers.forEach((name, values) -> {
            if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                    json.path("__type").asText(null), json.path("message").asText(null), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
