package io.strongroom.local.http;

import java.util.Map;

/**
 * A service spoken over the AWS query protocol (form-encoded {@code Action=...} requests, XML
 * answers), as STS and IAM are. Each action returns the inner XML of its {@code <XxxResult>}.
 */
public record QueryService(String signingName, String eventSource, String xmlNamespace, Map<String, Action> actions) {

    @FunctionalInterface
    public interface Handler {
        /** Returns the XML elements inside {@code <ActionResult>}, already escaped. */
        String handle(RequestContext context, Map<String, String> parameters);
    }

    public record Action(String name, Handler handler, boolean readOnly) {}
}
