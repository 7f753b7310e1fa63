package io.strongroom.local.http;

import io.strongroom.local.wire.AwsException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads and writes AWS JSON 1.1 bodies using the SDK's generated model classes as the schema.
 * Every model class lists its members as {@link SdkField}s with their wire names and types, so
 * one generic codec speaks exactly the shapes AWS uses, for every operation of every JSON
 * service, with no hand-written DTOs.
 *
 * <p>Type mismatches are the client's fault and come back as {@code SerializationException};
 * unknown members are ignored, as AWS ignores them.
 */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final BigDecimal MIN_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private JsonCodec() {}

    // ---- Reading -----------------------------------------------------------------------------

    /** Parses a request body into the model object built by {@code builder}, streaming (no tree). */
    public static <T> T read(byte[] body, Supplier<? extends SdkBuilder<?, ? extends T>> builder) {
        SdkBuilder<?, ? extends T> b = builder.get();
        fillFromBody(body, (SdkPojo) b);
        return b.build();
    }

    /**
     * Parses a REST-JSON request: the members the model binds to the path and the query string
     * from {@code path} and {@code query} (by their wire names), the rest from the JSON body.
     */
    public static <T> T readRest(byte[] body, Map<String, String> path, Map<String, String> query,
                                 Supplier<? extends SdkBuilder<?, ? extends T>> builder) {
        return readRest(body, path, query, Map.of(), builder);
    }

    /**
     * As {@link #readRest(byte[], Map, Map, Supplier)}, and the members the model binds to a
     * header (the SSO portal's {@code x-amz-sso_bearer_token}) from {@code headers}, whose names
     * are lower case.
     */
    public static <T> T readRest(byte[] body, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
                                 Supplier<? extends SdkBuilder<?, ? extends T>> builder) {
        SdkBuilder<?, ? extends T> b = builder.get();
        fillFromBody(body, (SdkPojo) b);
        for (SdkField<?> f : ((SdkPojo) b).sdkFields()) {
            String given = f.location() == MarshallLocation.PATH ? path.get(f.locationName())
                    : f.location() == MarshallLocation.QUERY_PARAM ? query.get(f.locationName())
                    : f.location() == MarshallLocation.HEADER ? headers.get(f.locationName().toLowerCase(java.util.Locale.ROOT)) : null;
            if (given != null) {
                f.set(b, scalar(f, given));
            }
        }
        return b.build();
    }

    /** A path or query member's text as the model's type. */
    private static Object scalar(SdkField<?> field, String text) {
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.STRING) {
                return text;
            }
            if (type == MarshallingType.INTEGER) {
                return Integer.valueOf(text);
            }
            if (type == MarshallingType.LONG) {
                return Long.valueOf(text);
            }
            if (type == MarshallingType.BOOLEAN && ("true".equals(text) || "false".equals(text))) {
                return Boolean.valueOf(text);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AwsException.serialization("Value '" + text + "' at '" + field.locationName() + "' is not valid for its type.");
    }

    private static void fillFromBody(byte[] body, SdkPojo builder) {
        if (body == null || body.length == 0) {
            return;
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw AwsException.serialization("Start of list or value found where a structure was expected.");
            }
            fill(p, builder, "");
            if (p.nextToken() != null) {
                throw AwsException.serialization("Unexpected content after the request's JSON object.");
            }
        } catch (IOException e) {
            throw AwsException.serialization("The request body is not valid JSON.");
        }
    }

    /** Each model class's members by wire name, computed once per class. */
    private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, SdkField<?>> fieldsOf(SdkPojo pojo) {
        return FIELDS.computeIfAbsent(pojo.getClass(), c -> {
            Map<String, SdkField<?>> byName = new java.util.HashMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                if (f.location() == MarshallLocation.PAYLOAD) {     // a REST member bound to the path or query is not read from the body
                    byName.put(f.locationName(), f);
                }
            }
            return byName;
        });
    }

    /** Reads the members of the object whose START_OBJECT the parser is on. */
    private static void fill(JsonParser p, SdkPojo builder, String path) throws IOException {
        Map<String, SdkField<?>> fields = fieldsOf(builder);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            SdkField<?> field = fields.get(name);
            if (field == null) {
                p.skipChildren();               // unknown members are ignored, as AWS does
                continue;
            }
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            field.set(builder, convert(p, field, path + name));
        }
        if (t != JsonToken.END_OBJECT) {
            throw AwsException.serialization("The request body is not valid JSON.");
        }
    }

    private static Object convert(JsonParser p, SdkField<?> field, String path) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        JsonToken t = p.currentToken();
        if (type == MarshallingType.STRING) {
            if (t != JsonToken.VALUE_STRING) throw mismatch(path, t, "a string");
            return p.getText();
        }
        if (type == MarshallingType.INTEGER) {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw mismatch(path, t, "an integer");
            return p.getIntValue();
        }
        if (type == MarshallingType.LONG) {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) throw mismatch(path, t, "a long integer");
            return p.getLongValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw mismatch(path, t, "a boolean");
            return t == JsonToken.VALUE_TRUE;
        }
        if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT) {
            if (!t.isNumeric()) throw mismatch(path, t, "a number");
            return type == MarshallingType.DOUBLE ? (Object) p.getDoubleValue() : (Object) p.getFloatValue();
        }
        if (type == MarshallingType.INSTANT) {
            if (!t.isNumeric()) throw mismatch(path, t, "a timestamp in epoch seconds");
            BigDecimal seconds;
            try {
                seconds = p.getDecimalValue();
            } catch (NumberFormatException | IOException infinite) {
                seconds = null;
            }
            if (seconds == null || seconds.compareTo(MIN_EPOCH_SECONDS) < 0 || seconds.compareTo(MAX_EPOCH_SECONDS) > 0) {
                throw AwsException.serialization("Value at '" + path + "' is not a timestamp this endpoint can represent.");
            }
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        if (type == MarshallingType.SDK_BYTES) {
            if (t != JsonToken.VALUE_STRING) throw mismatch(path, t, "a base64-encoded blob");
            try {
                return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(p.getText()));
            } catch (IllegalArgumentException e) {
                throw AwsException.serialization("Value at '" + path + "' is not valid base64.");
            }
        }
        if (type == MarshallingType.LIST) {
            if (t != JsonToken.START_ARRAY) throw mismatch(path, t, "a list");
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                i++;
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    throw AwsException.serialization("Value at '" + path + "." + i + "' must not be null.");
                }
                out.add(convert(p, member, path + "." + i));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            if (t != JsonToken.START_OBJECT) throw mismatch(path, t, "a map");
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    throw AwsException.serialization("Value at '" + path + "." + key + "' must not be null.");
                }
                out.put(key, convert(p, member, path + "." + key));
            }
            return out;
        }
        if (type == MarshallingType.SDK_POJO) {
            if (t != JsonToken.START_OBJECT) throw mismatch(path, t, "a structure");
            SdkPojo nested = field.constructor().get();
            fill(p, nested, path + ".");
            return ((SdkBuilder<?, ?>) nested).build();
        }
        throw AwsException.serialization("Value at '" + path + "' has a type this endpoint does not accept.");
    }

    private static AwsException mismatch(String path, JsonToken token, String expected) {
        String found = token == JsonToken.START_OBJECT ? "Start of structure or map"
                : token == JsonToken.START_ARRAY ? "Start of list"
                : token == JsonToken.VALUE_STRING ? "STRING_VALUE"
                : token != null && token.isNumeric() ? "NUMBER_VALUE"
                : token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? "BOOLEAN_VALUE" : "A value";
        return AwsException.serialization(found + " found where " + expected + " was expected (at '" + path + "').");
    }

    // ---- Writing -----------------------------------------------------------------------------

    public static byte[] write(SdkPojo pojo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeObject(g, pojo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeObject(JsonGenerator g, SdkPojo pojo) throws IOException {
        g.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            g.writeFieldName(field.locationName());
            writeValue(g, field, value);
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, SdkField<?> field, Object value) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.INSTANT) {
            g.writeNumber(epochSecondsText((Instant) value));
        } else if (type == MarshallingType.SDK_BYTES) {
            g.writeString(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (Object element : (List<?>) value) {
                writeValue(g, member, element);
            }
            g.writeEndArray();
        } else if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, member, e.getValue());
            }
            g.writeEndObject();
        } else if (type == MarshallingType.SDK_POJO) {
            writeObject(g, (SdkPojo) value);
        } else {
            writeScalar(g, value);
        }
    }

    /** Booleans and numbers as JSON literals; everything else (strings, enums) as a string. */
    private static void writeScalar(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Float f) {
            g.writeNumber(f);
        } else {
            g.writeString(String.valueOf(value));
        }
    }

    /**
     * Epoch seconds with millisecond precision as AWS writes them ({@code 1700000000.123}): the
     * text of {@code BigDecimal.valueOf(millis).movePointLeft(3)}, built without BigDecimal, which
     * was a sixth of the store's CPU in a 100-entry ListSecrets page (four dates per entry).
     */
    static String epochSecondsText(Instant instant) {
        long millis = instant.toEpochMilli();
        if (millis == Long.MIN_VALUE) {
            return BigDecimal.valueOf(millis).movePointLeft(3).toString();
        }
        long abs = Math.abs(millis);
        long fraction = abs % 1000;
        StringBuilder text = new StringBuilder(24);
        if (millis < 0) {
            text.append('-');
        }
        text.append(abs / 1000).append('.');
        if (fraction < 100) {
            text.append(fraction < 10 ? "00" : "0");
        }
        return text.append(fraction).toString();
    }

    /**
     * A CloudTrail-style view of a request as JSON: member names in lower camel case, members
     * named in {@code withheld} left out entirely (values, plaintexts, passwords), blobs and maps
     * never written.
     */
    public static String auditJson(SdkPojo pojo, Set<String> withheld) {
        java.io.StringWriter out = new java.io.StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeAudit(g, pojo, withheld);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeAudit(JsonGenerator g, SdkPojo pojo, Set<String> withheld) throws IOException {
        g.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            String name = field.locationName();
            Object value = field.getValueOrDefault(pojo);
            MarshallingType<?> type = field.marshallingType();
            if (value == null || withheld.contains(name) || value instanceof SdkAutoConstructList
                    || value instanceof SdkAutoConstructMap || type == MarshallingType.SDK_BYTES || type == MarshallingType.MAP) {
                continue;
            }
            g.writeFieldName(Character.toLowerCase(name.charAt(0)) + name.substring(1));
            writeAuditValue(g, field, value, withheld);
        }
        g.writeEndObject();
    }

    private static void writeAuditValue(JsonGenerator g, SdkField<?> field, Object value, Set<String> withheld) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            writeAudit(g, (SdkPojo) value, withheld);
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (Object element : (List<?>) value) {
                if (member.marshallingType() == MarshallingType.SDK_BYTES || member.marshallingType() == MarshallingType.MAP) {
                    continue;
                }
                writeAuditValue(g, member, element, withheld);
            }
            g.writeEndArray();
        } else if (type == MarshallingType.INSTANT) {
            g.writeString(value.toString());
        } else {
            writeScalar(g, value);
        }
    }

    public static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
