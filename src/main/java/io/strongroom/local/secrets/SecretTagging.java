package io.strongroom.local.secrets;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.strongroom.local.secrets.SecretFinder.requireNotDeleted;

/**
 * TagResource and UntagResource, and the tag rules CreateSecret shares. Both move the secret's
 * LastChangedDate, as on AWS; once a secret has been untagged, DescribeSecret shows {@code Tags}
 * even when none are left ({@link SecretStore.Rows#tagsChanged}).
 */
final class SecretTagging {

    static final int MAX_TAGS = 50;

    private final SecretParts parts;

    SecretTagging(SecretParts parts) {
        this.parts = parts;
    }

    SdkPojo tagResource(RequestContext ctx, TagResourceRequest r) {
        Validation.secretId(r.secretId());
        Validation.required(r.hasTags() ? r.tags() : null, "tags");
        List<SecretStore.Tag> tags = validTags(r.tags());
        return parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "TagResource");
            requireNotDeleted(s);
            Set<String> keysAfter = new HashSet<>();
            rows.tags(s.arn()).forEach(t -> keysAfter.add(t.key()));
            tags.forEach(t -> keysAfter.add(t.key()));
            if (keysAfter.size() > MAX_TAGS) {
                throw SecretErrors.tooManyTags(MAX_TAGS);
            }
            rows.putTags(s.arn(), tags);
            rows.updateSecret(s.withLastChangedAt(ctx.now()));
            return TagResourceResponse.builder().build();
        });
    }

    SdkPojo untagResource(RequestContext ctx, UntagResourceRequest r) {
        Validation.secretId(r.secretId());
        List<String> tagKeys = Validation.required(r.hasTagKeys() ? r.tagKeys() : null, "tagKeys");
        for (String k : tagKeys) {
            Validation.length(k, "tagKeys.member", 1, 128);
        }
        return parts.store().write(rows -> {
            SecretRecord s = parts.finder().find(rows, ctx, r.secretId(), "UntagResource");
            requireNotDeleted(s);
            rows.removeTags(s.arn(), tagKeys);
            rows.updateSecret(s.withLastChangedAt(ctx.now()));
            return UntagResourceResponse.builder().build();
        });
    }

    static List<SecretStore.Tag> validTags(List<Tag> tags) {
        List<SecretStore.Tag> out = new ArrayList<>();
        if (tags == null) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (Tag t : tags) {
            Validation.required(t.key(), "tags.member.key");
            Validation.required(t.value(), "tags.member.value");
            Validation.length(t.key(), "tags.member.key", 1, 128);
            Validation.length(t.value(), "tags.member.value", 0, 256);
            if (t.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw AwsException.invalidParameter("Tag keys starting with 'aws:' are reserved for AWS use.");
            }
            if (!seen.add(t.key())) {
                throw AwsException.invalidParameter("Duplicate tag key: " + t.key());
            }
            out.add(new SecretStore.Tag(t.key(), t.value()));
        }
        return out;
    }
}
