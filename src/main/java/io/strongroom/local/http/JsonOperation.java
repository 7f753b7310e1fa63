package io.strongroom.local.http;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.util.function.Supplier;

/**
 * One operation of a JSON 1.1 service: how to build its request model, what serves it, whether
 * it only reads (CloudTrail's {@code readOnly}), which request-quota class it counts against, and
 * who authorizes it: the pipeline, before the handler runs, for an action on no particular
 * resource; the handler itself, once it has found the resource and its policy
 * ({@code onResource}: it must call {@link RequestContext#authorize} before it acts).
 */
public record JsonOperation<Q extends SdkPojo>(
        String name,
        Supplier<? extends SdkBuilder<?, ? extends Q>> requestBuilder,
        Handler<Q> handler,
        boolean readOnly,
        String quotaClass,
        boolean onResource) {

    @FunctionalInterface
    public interface Handler<Q> {
        SdkPojo handle(RequestContext context, Q request);
    }

    Q parse(byte[] body) {
        return JsonCodec.read(body, requestBuilder);
    }

    /** A REST-JSON request's model: members from the path and query string, the rest from the body. */
    Q parseRest(byte[] body, java.util.Map<String, String> path, java.util.Map<String, String> query) {
        return JsonCodec.readRest(body, path, query, requestBuilder);
    }

    /** As {@link #parseRest(byte[], java.util.Map, java.util.Map)}, with the members bound to headers. */
    Q parseRest(byte[] body, java.util.Map<String, String> path, java.util.Map<String, String> query,
                java.util.Map<String, String> headers) {
        return JsonCodec.readRest(body, path, query, headers, requestBuilder);
    }

    @SuppressWarnings("unchecked")
    SdkPojo execute(RequestContext context, SdkPojo request) {
        return handler.handle(context, (Q) request);
    }

    /**
     * Runs this operation's handler on a request model that is already built, in process: the
     * same validation, encryption and storage as a request over HTTP, but none of the pipeline
     * around it (no SigV4, quotas, simulated latency, authorization or audit event). For the
     * store's own administrative callers ({@code LocalStore.invoke}), which decide those parts
     * themselves; nothing reachable from the network calls this.
     *
     * @throws IllegalArgumentException if {@code request} is not this operation's request model
     */
    public SdkPojo invoke(RequestContext context, SdkPojo request) {
        Class<?> expected = requestBuilder.get().build().getClass();
        if (!expected.isInstance(request)) {
            throw new IllegalArgumentException(name + " takes a " + expected.getSimpleName() + ", not a "
                    + (request == null ? "null" : request.getClass().getSimpleName()));
        }
        return execute(context, request);
    }
}
