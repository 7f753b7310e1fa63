package io.strongroom.local.http;

import java.util.List;
import java.util.Map;

/** A request as it came off the wire; header names lower-cased, values as sent. */
public record RawRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                         byte[] body, String sourceIp) {

    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
