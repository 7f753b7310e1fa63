package io.strongroom.ui.secret;

/** One tag of the secret shown in the detail pane. Tags are metadata, not secrets. */
public record TagRow(String key, String value) {}
