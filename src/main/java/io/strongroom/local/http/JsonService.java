package io.strongroom.local.http;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A service spoken over AWS JSON 1.1: requests carry {@code X-Amz-Target: <prefix>.<Operation>}
 * and are signed for {@code signingName}. Services describe themselves with {@link #builder}.
 */
public final class JsonService {

    private final String signingName;
    private final String targetPrefix;
    private final String eventSource;
    private final Map<String, JsonOperation<?>> operations;

    private JsonService(String signingName, String targetPrefix, String eventSource, Map<String, JsonOperation<?>> operations) {
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.eventSource = eventSource;
        this.operations = Collections.unmodifiableMap(operations);
    }

    public String signingName() {
        return signingName;
    }

    public String targetPrefix() {
        return targetPrefix;
    }

    /** The CloudTrail {@code eventSource}, e.g. {@code secretsmanager.amazonaws.com}. */
    public String eventSource() {
        return eventSource;
    }

    public JsonOperation<?> operation(String name) {
        return operations.get(name);
    }

    public Map<String, JsonOperation<?>> operations() {
        return operations;
    }

    public static Builder builder(String signingName, String targetPrefix, String eventSource) {
        return new Builder(signingName, targetPrefix, eventSource);
    }

    public static final class Builder {
        private final String signingName;
        private final String targetPrefix;
        private final String eventSource;
        private final Map<String, JsonOperation<?>> operations = new LinkedHashMap<>();
        private String quotaClass = "default";

        private Builder(String signingName, String targetPrefix, String eventSource) {
            this.signingName = signingName;
            this.targetPrefix = targetPrefix;
            this.eventSource = eventSource;
        }

        /** Operations declared after this count against {@code quotaClass} (see {@link Quotas}). */
        public Builder quota(String quotaClass) {
            this.quotaClass = quotaClass;
            return this;
        }

        /** A read-only operation on no particular resource: the pipeline authorizes it on {@code *}. */
        public <Q extends SdkPojo> Builder read(String name, Supplier<? extends SdkBuilder<?, ? extends Q>> request, JsonOperation.Handler<Q> handler) {
            operations.put(name, new JsonOperation<>(name, request, handler, true, quotaClass, false));
            return this;
        }

        /** A mutating operation on no particular resource: the pipeline authorizes it on {@code *}. */
        public <Q extends SdkPojo> Builder write(String name, Supplier<? extends SdkBuilder<?, ? extends Q>> request, JsonOperation.Handler<Q> handler) {
            operations.put(name, new JsonOperation<>(name, request, handler, false, quotaClass, false));
            return this;
        }

        /** A read-only operation on a resource it finds: the handler authorizes it with the resource's policy. */
        public <Q extends SdkPojo> Builder readOn(String name, Supplier<? extends SdkBuilder<?, ? extends Q>> request, JsonOperation.Handler<Q> handler) {
            operations.put(name, new JsonOperation<>(name, request, handler, true, quotaClass, true));
            return this;
        }

        /** A mutating operation on a resource it finds: the handler authorizes it with the resource's policy. */
        public <Q extends SdkPojo> Builder writeOn(String name, Supplier<? extends SdkBuilder<?, ? extends Q>> request, JsonOperation.Handler<Q> handler) {
            operations.put(name, new JsonOperation<>(name, request, handler, false, quotaClass, true));
            return this;
        }

        public JsonService build() {
            return new JsonService(signingName, targetPrefix, eventSource, new LinkedHashMap<>(operations));
        }
    }
}
