package io.strongroom.local.http;

/**
 * A page the store serves to a person's browser rather than to an SDK (IAM Identity Center's
 * device approval page): matched by exact method and path before any protocol routing, and only
 * when the request carries no {@code Authorization} header, so it never takes a signed request.
 * It answers whatever it likes (HTML), is not audited by the pipeline, and must never answer with
 * a 5xx for bad input.
 */
public interface LocalPage {

    /** Whether this page answers {@code method} on {@code rawPath} (percent-encoded, without the query). */
    boolean serves(String method, String rawPath);

    RawResponse handle(RawRequest request);
}
