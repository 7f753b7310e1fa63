package io.strongroom.domain;

import java.time.Instant;

/** One replica of a secret in another region, as DescribeSecret reports it on the primary. */
public record ReplicaStatus(String region, String kmsKeyId, String status, String statusMessage, Instant lastAccessed) {}
