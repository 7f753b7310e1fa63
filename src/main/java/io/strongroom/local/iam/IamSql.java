package io.strongroom.local.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.policy.Finding;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the IAM tables' classes share: IAM's checks on policy documents, tags, small statements and JSON maps. */
final class IamSql {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IamSql() {
    }

    /** Refuses a policy document IAM would refuse: not valid JSON or grammar, or over its size quota. */
    static void requirePolicy(String document, PolicyType type, int maxBytes, String quotaName) {
        if (document == null || document.isBlank()) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        // IAM counts a policy's size without its white space.
        int size = document.replaceAll("\\s", "").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw IamErrors.limitExceeded("Cannot exceed quota for " + quotaName + ": " + maxBytes);
        }
        ParsedPolicy parsed = PolicyParser.parse(document, type);
        if (!parsed.valid()) {
            Finding first = parsed.errors().isEmpty() ? null : parsed.errors().get(0);
            throw IamErrors.malformedPolicy(first == null ? "Syntax errors in policy." : first.message());
        }
    }

    static void requireNoPolicies(Connection c, String principalArn) throws SQLException {
        if (count(c, "SELECT count(*) FROM iam_inline_policies WHERE principal_arn=?", principalArn) > 0) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (count(c, "SELECT count(*) FROM iam_attachments WHERE principal_arn=?", principalArn) > 0) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
    }

    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }

    static int count(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    static int update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    static List<String> strings(Connection c, String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map == null ? Map.of() : map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, String> jsonMap(String text) {
        try {
            return JSON.readValue(text, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new io.strongroom.local.storage.StorageException("damaged session tags", e);
        }
    }


    static Map<String, String> readTags(Connection c, String principalArn) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag_key, tag_value FROM iam_tags WHERE principal_arn=? ORDER BY position")) {
            ps.setString(1, principalArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }


    static void writeTags(Connection c, String principalArn, Map<String, String> tags) throws SQLException {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO iam_tags(principal_arn, position, tag_key, tag_value) VALUES (?,?,?,?)")) {
            int position = 0;
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                ps.setString(1, principalArn);
                ps.setInt(2, position++);
                ps.setString(3, tag.getKey());
                ps.setString(4, tag.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
