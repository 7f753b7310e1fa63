package io.strongroom.domain;

import java.util.List;

/**
 * What a write reported: the secret and the version it created ({@code versionId} is null when
 * an update changed only metadata) with that version's staging labels.
 */
public record VersionWritten(String arn, String name, String versionId, List<String> stages) {
    public VersionWritten {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
