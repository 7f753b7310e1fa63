package io.strongroom.local.http;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A service spoken over AWS's REST-JSON protocol (Access Analyzer; Lambda and the SSO portal
 * later): an operation is named by its HTTP method and path ({@code POST /policy/validation},
 * {@code GET /2015-03-31/functions/{FunctionName}}), its members come from the path, the query
 * string and the JSON body as the SDK model binds them, and requests are signed for
 * {@code signingName}. The pipeline tells it from a JSON 1.1 request by the missing
 * {@code X-Amz-Target} header and the credential scope's service.
 */
public final class RestJsonService {

    /**
     * How an error's body is written. AWS's REST-JSON services mostly answer
     * {@code {"message": ...}}; IAM Identity Center's OIDC service answers as OAuth 2.0 does
     * (RFC 6749 section 5.2): {@code {"error": "authorization_pending", "error_description": ...}}.
     * Either way the error's code is in the {@code x-amzn-ErrorType} header, where the SDKs read it.
     */
    public enum ErrorBody { MESSAGE, OAUTH }

    /** One route: the method, the path split into segments ({@code {name}} binds a member), the operation. */
    record Route(String method, List<String> segments, JsonOperation<?> operation) {}

    /** A request's route and the path members it bound. */
    record Match(JsonOperation<?> operation, Map<String, String> pathParameters) {}

    private final String signingName;
    private final String eventSource;
    private final List<Route> routes;
    private final boolean unsigned;
    private final ErrorBody errorBody;

    private RestJsonService(String signingName, String eventSource, List<Route> routes, boolean unsigned, ErrorBody errorBody) {
        this.signingName = signingName;
        this.eventSource = eventSource;
        this.routes = List.copyOf(routes);
        this.unsigned = unsigned;
        this.errorBody = errorBody;
    }

    /**
     * Whether AWS serves this service's operations without a signature (IAM Identity Center's
     * portal and OIDC APIs: the SDK models them with no auth). Only requests with no
     * {@code Authorization} header whose method and path are one of its routes are served so;
     * every other request still needs SigV4.
     */
    public boolean unsigned() {
        return unsigned;
    }

    public ErrorBody errorBody() {
        return errorBody;
    }

    public String signingName() {
        return signingName;
    }

    /** The CloudTrail {@code eventSource}, e.g. {@code access-analyzer.amazonaws.com}. */
    public String eventSource() {
        return eventSource;
    }

    /** The route {@code method} and {@code rawPath} (percent-encoded, without the query) name, if any. */
    Optional<Match> match(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        for (Route r : routes) {
            if (!r.method().equals(method) || r.segments().size() != segments.size()) {
                continue;
            }
            Map<String, String> bound = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.size() && matches; i++) {
                String expected = r.segments().get(i);
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    bound.put(expected.substring(1, expected.length() - 1), decode(segments.get(i)));
                } else {
                    matches = expected.equals(segments.get(i));
                }
            }
            if (matches) {
                return Optional.of(new Match(r.operation(), bound));
            }
        }
        return Optional.empty();
    }

    /** Percent-decoding of one path segment ({@code +} stays a plus, as in a path it is one). */
    static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    public static Builder builder(String signingName, String eventSource) {
        return new Builder(signingName, eventSource, false, ErrorBody.MESSAGE);
    }

    /**
     * A service AWS serves unsigned (see {@link #unsigned}): its handlers run as an anonymous
     * caller and prove who is calling themselves (a bearer token, a client secret), and choose
     * the trail the call is recorded in ({@link RequestContext#recordAs}).
     */
    public static Builder unsignedBuilder(String signingName, String eventSource, ErrorBody errorBody) {
        return new Builder(signingName, eventSource, true, errorBody);
    }

    public static final class Builder {
        private final String signingName;
        private final String eventSource;
        private final List<Route> routes = new ArrayList<>();
        private final boolean unsigned;
        private final ErrorBody errorBody;
        private String quotaClass = "default";

        private Builder(String signingName, String eventSource, boolean unsigned, ErrorBody errorBody) {
            this.signingName = signingName;
            this.eventSource = eventSource;
            this.unsigned = unsigned;
            this.errorBody = errorBody;
        }

        /** Operations declared after this count against {@code quotaClass} (see {@link Quotas}). */
        public Builder quota(String quotaClass) {
            this.quotaClass = quotaClass;
            return this;
        }

        /** An operation that changes nothing (CloudTrail's {@code readOnly}). */
        public <Q extends SdkPojo> Builder read(String method, String path, String name,
                                                Supplier<? extends SdkBuilder<?, ? extends Q>> request, JsonOperation.Handler<Q> handler) {
            routes.add(new Route(method, segments(path), new JsonOperation<>(name, request, handler, true, quotaClass, false)));
            return this;
        }

        /**
         * A read of one resource: the handler authorizes the caller on that resource (its ARN
         * known only once the request is read) by {@link RequestContext#authorize}, instead of
         * the pipeline on {@code *}.
         */
        public <Q extends SdkPojo> Builder readOn(String method, String path, String name,
                                                  Supplier<? extends SdkBuilder<?, ? extends Q>> request, JsonOperation.Handler<Q> handler) {
            routes.add(new Route(method, segments(path), new JsonOperation<>(name, request, handler, true, quotaClass, true)));
            return this;
        }

        public <Q extends SdkPojo> Builder write(String method, String path, String name,
                                                 Supplier<? extends SdkBuilder<?, ? extends Q>> request, JsonOperation.Handler<Q> handler) {
            routes.add(new Route(method, segments(path), new JsonOperation<>(name, request, handler, false, quotaClass, false)));
            return this;
        }

        public RestJsonService build() {
            return new RestJsonService(signingName, eventSource, routes, unsigned, errorBody);
        }
    }
}
