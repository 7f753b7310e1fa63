package io.strongroom.local.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
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
import java.util.Iterator;
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

    /** Parses a request body into the model object built by {@code builder}. */
    @SuppressWarnings("unchecked")
    public static <T> T read(byte[] body, Supplier<? extends SdkBuilder<?, ? extends T>> builder) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw AwsException.serialization("Start of list or value found where a structure was expected.");
        }
        SdkBuilder<?, ? extends T> b = builder.get();
        fill((SdkPojo) b, (ObjectNode) root, "");
        return b.build();
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? JsonNodeFactory.instance.objectNode() : node;
        } catch (IOException e) {
            throw AwsException.serialization("The request body is not valid JSON.");
        }
    }

    private static void fill(SdkPojo builder, ObjectNode json, String path) {
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode value = json.get(field.locationName());
            if (value == null || value.isNull()) {
                continue;
            }
            field.set(builder, convert(field, value, path + field.locationName()));
        }
    }

    private static Object convert(SdkField<?> field, JsonNode value, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            if (!value.isTextual()) throw mismatch(path, value, "a string");
            return value.textValue();
        }
        if (type == MarshallingType.INTEGER) {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) throw mismatch(path, value, "an integer");
            return value.intValue();
        }
        if (type == MarshallingType.LONG) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) throw mismatch(path, value, "a long integer");
            return value.longValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            if (!value.isBoolean()) throw mismatch(path, value, "a boolean");
            return value.booleanValue();
        }
        if (type == MarshallingType.DOUBLE) {
            if (!value.isNumber()) throw mismatch(path, value, "a number");
            return value.doubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            if (!value.isNumber()) throw mismatch(path, value, "a number");
            return value.floatValue();
        }
        if (type == MarshallingType.INSTANT) {
            if (!value.isNumber()) throw mismatch(path, value, "a timestamp in epoch seconds");
            BigDecimal seconds;
            try {
                seconds = value.decimalValue();
            } catch (NumberFormatException infinite) {
                seconds = null;
            }
            if (seconds == null || seconds.compareTo(MIN_EPOCH_SECONDS) < 0 || seconds.compareTo(MAX_EPOCH_SECONDS) > 0) {
                throw AwsException.serialization("Value at '" + path + "' is not a timestamp this endpoint can represent.");
            }
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        if (type == MarshallingType.SDK_BYTES) {
            if (!value.isTextual()) throw mismatch(path, value, "a base64-encoded blob");
            try {
                return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(value.textValue()));
            } catch (IllegalArgumentException e) {
                throw AwsException.serialization("Value at '" + path + "' is not valid base64.");
            }
        }
        if (type == MarshallingType.LIST) {
            if (!value.isArray()) throw mismatch(path, value, "a list");
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>(value.size());
            int i = 0;
            for (JsonNode element : value) {
                if (element.isNull()) {
                    throw AwsException.serialization("Value at '" + path + "." + (i + 1) + "' must not be null.");
                }
                out.add(convert(member, element, path + "." + (++i)));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            if (!value.isObject()) throw mismatch(path, value, "a map");
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), convert(member, e.getValue(), path + "." + e.getKey()));
            }
            return out;
        }
        if (type == MarshallingType.SDK_POJO) {
            if (!value.isObject()) throw mismatch(path, value, "a structure");
            SdkPojo nested = field.constructor().get();
            fill(nested, (ObjectNode) value, path + ".");
            return ((SdkBuilder<?, ?>) nested).build();
        }
        throw AwsException.serialization("Value at '" + path + "' has a type this endpoint does not accept.");
    }

    private static AwsException mismatch(String path, JsonNode value, String expected) {
        String found = value.isObject() ? "Start of structure or map" : value.isArray() ? "Start of list"
                : value.isTextual() ? "STRING_VALUE" : value.isNumber() ? "NUMBER_VALUE" : value.isBoolean() ? "BOOLEAN_VALUE" : "A value";
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
            g.writeNumber(epochSeconds((Instant) value));
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
        } else if (value instanceof Boolean b) {
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

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    /**
     * A CloudTrail-style view of a request: member names in lower camel case, members named in
     * {@code withheld} left out entirely (values, plaintexts, passwords), blobs never written.
     */
    public static ObjectNode auditView(SdkPojo pojo, Set<String> withheld) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            String name = field.locationName();
            Object value = field.getValueOrDefault(pojo);
            if (value == null || withheld.contains(name) || value instanceof SdkAutoConstructList
                    || value instanceof SdkAutoConstructMap || field.marshallingType() == MarshallingType.SDK_BYTES) {
                continue;
            }
            node.set(Character.toLowerCase(name.charAt(0)) + name.substring(1), auditValue(field, value, withheld));
        }
        return node;
    }

    private static JsonNode auditValue(SdkField<?> field, Object value, Set<String> withheld) {
        MarshallingType<?> type = field.marshallingType();
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (type == MarshallingType.SDK_POJO) {
            return auditView((SdkPojo) value, withheld);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = f.arrayNode();
            for (Object element : (List<?>) value) {
                array.add(auditValue(member, element, withheld));
            }
            return array;
        }
        if (type == MarshallingType.MAP) {
            return f.textNode("<map>");
        }
        if (type == MarshallingType.INSTANT) {
            return f.textNode(value.toString());
        }
        if (value instanceof Boolean b) return f.booleanNode(b);
        if (value instanceof Integer i) return f.numberNode(i);
        if (value instanceof Long l) return f.numberNode(l);
        return f.textNode(String.valueOf(value));
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
