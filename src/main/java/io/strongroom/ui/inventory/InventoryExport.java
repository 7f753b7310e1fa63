package io.strongroom.ui.inventory;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The inventory as CSV or JSON: the rows' metadata, one record per secret, never a value (rows
 * carry none). Dates are exact UTC instants; CSV cells that a spreadsheet would run as a formula
 * get a leading quote.
 */
public final class InventoryExport {

    public static final List<String> COLUMNS = List.of("name", "account", "account_id", "region", "description", "kms_key",
            "rotation_enabled", "last_rotated", "next_rotation", "last_accessed", "last_changed", "created", "deletion_date",
            "tags", "owning_service", "primary_region", "arn");

    private InventoryExport() {}

    public static void csv(Writer out, List<SecretRow> rows) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        for (SecretRow r : rows) {
            String[] cells = {r.name(), nz(r.accountAlias()), nz(r.accountId()), r.region(), r.description(),
                    r.usesDefaultKey() ? SecretRow.DEFAULT_KMS_KEY : r.kmsKeyId(), Boolean.toString(r.rotationEnabled()),
                    instant(r.lastRotated()), instant(r.nextRotation()), instant(r.lastAccessed()), instant(r.lastChanged()),
                    instant(r.created()), instant(r.deletionDate()), tags(r.tags()), r.owningService(), nz(r.primaryRegion()), r.arn()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(csvCell(cells[i]));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    public static void json(OutputStream out, List<SecretRow> rows) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (SecretRow r : rows) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                g.writeStringField("account", r.accountAlias());
                g.writeStringField("account_id", r.accountId());
                g.writeStringField("region", r.region());
                g.writeStringField("description", r.description().isEmpty() ? null : r.description());
                g.writeStringField("kms_key", r.usesDefaultKey() ? SecretRow.DEFAULT_KMS_KEY : r.kmsKeyId());
                g.writeBooleanField("rotation_enabled", r.rotationEnabled());
                instantField(g, "last_rotated", r.lastRotated());
                instantField(g, "next_rotation", r.nextRotation());
                instantField(g, "last_accessed", r.lastAccessed());
                instantField(g, "last_changed", r.lastChanged());
                instantField(g, "created", r.created());
                instantField(g, "deletion_date", r.deletionDate());
                g.writeObjectFieldStart("tags");
                for (Map.Entry<String, String> t : r.tags().entrySet()) {
                    g.writeStringField(t.getKey(), t.getValue());
                }
                g.writeEndObject();
                g.writeStringField("owning_service", r.owningService().isEmpty() ? null : r.owningService());
                g.writeStringField("primary_region", r.primaryRegion());
                g.writeStringField("arn", r.arn());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
    static String csvCell(String v) {
        String safe = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static void instantField(JsonGenerator g, String name, Instant i) throws IOException {
        g.writeStringField(name, i == null ? null : i.toString());
    }

    private static String instant(Instant i) {
        return i == null ? "" : i.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String tags(Map<String, String> tags) {
        StringBuilder sb = new StringBuilder();
        tags.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(k).append('=').append(v == null ? "" : v);
        });
        return sb.toString();
    }
}
