package io.strongroom.local.iam.api;

import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.IamUser;
import io.strongroom.local.iam.ManagedPolicy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * IAM's response shapes ({@code User}, {@code Role}, {@code Policy}, tags, lists) as XML, members
 * in the model's order. Dates are ISO-8601 in UTC to the second ({@code 2024-05-01T09:30:00Z}), as
 * IAM shows them; policy documents are URL-encoded (RFC 3986), as IAM returns them.
 */
final class IamXml {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IamXml() {
    }

    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A policy document as IAM returns it: its UTF-8 bytes percent-encoded, every byte but RFC
     * 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~}); a space is {@code %20}, never {@code +}.
     */
    static String encoded(String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** A {@code User}; tags are left out when null (ListUsers never shows them) or empty. */
    static String user(IamUser user, Map<String, String> tags) {
        return "<User>" + userMembers(user, tags) + "</User>";
    }

    static String userMembers(IamUser user, Map<String, String> tags) {
        return Xml.element("Path", user.path()) + Xml.element("UserName", user.userName()) + Xml.element("UserId", user.userId())
                + Xml.element("Arn", user.arn()) + Xml.element("CreateDate", date(user.createdAt())) + tagsIfAny(tags);
    }

    /**
     * A {@code Role}'s members. GetRole shows its tags and {@code RoleLastUsed}; ListRoles neither
     * (IAM's listings return a subset of each role), so {@code tags} is null there.
     */
    static String roleMembers(IamRole role, Map<String, String> tags, boolean lastUsed) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(Xml.element("Path", role.path())).append(Xml.element("RoleName", role.roleName()))
                .append(Xml.element("RoleId", role.roleId())).append(Xml.element("Arn", role.arn()))
                .append(Xml.element("CreateDate", date(role.createdAt())))
                .append(Xml.element("AssumeRolePolicyDocument", encoded(role.trustPolicy())));
        if (role.description() != null) {
            sb.append(Xml.element("Description", role.description()));
        }
        sb.append(Xml.element("MaxSessionDuration", Integer.toString(role.maxSessionSeconds())));
        sb.append(tagsIfAny(tags));
        if (lastUsed) {
            // The store does not track when a role was last used; IAM shows an empty element then.
            sb.append("<RoleLastUsed/>");
        }
        return sb.toString();
    }

    /** A managed {@code Policy}'s members; the description only where IAM shows it (GetPolicy). */
    static String policyMembers(ManagedPolicy policy, boolean withDescription) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(Xml.element("PolicyName", policy.policyName())).append(Xml.element("PolicyId", policy.policyId()))
                .append(Xml.element("Arn", policy.arn())).append(Xml.element("Path", policy.path()))
                .append(Xml.element("DefaultVersionId", ManagedPolicy.VERSION))
                .append(Xml.element("AttachmentCount", Integer.toString(policy.attachmentCount())))
                .append(Xml.element("PermissionsBoundaryUsageCount", "0"))
                .append(Xml.element("IsAttachable", "true"));
        if (withDescription && policy.description() != null) {
            sb.append(Xml.element("Description", policy.description()));
        }
        sb.append(Xml.element("CreateDate", date(policy.createdAt()))).append(Xml.element("UpdateDate", date(policy.updatedAt())));
        return sb.toString();
    }

    /** {@code <Tags><member><Key/><Value/></member>...</Tags>}, always written (ListUserTags, ListRoleTags). */
    static String tags(Map<String, String> tags) {
        StringBuilder sb = new StringBuilder("<Tags>");
        tags.forEach((k, v) -> sb.append("<member>").append(Xml.element("Key", k)).append(Xml.element("Value", v)).append("</member>"));
        return sb.append("</Tags>").toString();
    }

    private static String tagsIfAny(Map<String, String> tags) {
        return tags == null || tags.isEmpty() ? "" : tags(tags);
    }

    /** A list member: {@code <Name><member>...</member>...</Name>}, each element already XML. */
    static String list(String name, List<String> members) {
        StringBuilder sb = new StringBuilder("<").append(name).append('>');
        for (String m : members) {
            sb.append("<member>").append(m).append("</member>");
        }
        return sb.append("</").append(name).append('>').toString();
    }
}
