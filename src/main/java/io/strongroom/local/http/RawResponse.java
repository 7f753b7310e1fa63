package io.strongroom.local.http;

import java.util.Map;

/** What goes back on the wire. */
public record RawResponse(int status, String contentType, Map<String, String> headers, byte[] body) {}
