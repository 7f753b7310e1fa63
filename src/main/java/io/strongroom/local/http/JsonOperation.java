package io.strongroom.local.http;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.util.function.Supplier;

/**
 * One operation of a JSON 1.1 service: how to build its request model, what serves it, whether
 * it only reads (CloudTrail's {@code readOnly}), and which request-quota class it counts against.
 */
public record JsonOperation<Q extends SdkPojo>(
        String name,
        Supplier<? extends SdkBuilder<?, ? extends Q>> requestBuilder,
        Handler<Q> handler,
        boolean readOnly,
        String quotaClass) {

    @FunctionalInterface
    public interface Handler<Q> {
        SdkPojo handle(RequestContext context, Q request);
    }

    Q parse(byte[] body) {
        return JsonCodec.read(body, requestBuilder);
    }

    @SuppressWarnings("unchecked")
    SdkPojo execute(RequestContext context, SdkPojo request) {
        return handler.handle(context, (Q) request);
    }
}
