package io.strongroom.domain;

import java.time.Instant;

/**
 * The outcome of DeleteSecret: when the secret will be (or, when forced, was) deleted. Until
 * that date it can be restored.
 */
public record SecretDeletion(String arn, String name, Instant deletionDate) {}
