package io.strongroom.local.identitycenter;

import io.strongroom.local.http.LocalPage;
import io.strongroom.local.http.RawRequest;
import io.strongroom.local.http.RawResponse;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The page a StartDeviceAuthorization's verification URI opens: {@code GET /sso/device} shows the
 * user code (or asks for one) with the local Identity Center users to sign in as, and Approve and
 * Deny buttons; {@code POST /sso/device} with the form fields {@code user_code},
 * {@code user_name} (default {@value IdentityCenter#ADMIN_USER}) and {@code decision}
 * ({@code approve} or {@code deny}) decides it. Plain HTML forms, no script.
 *
 * <p>There are no passwords: whoever can reach the store's loopback port can already read its
 * data directory, so choosing the user is the sign-in, as with the store's local admin keys. What
 * the page does guard against is a web page in the user's browser deciding a code for them: a
 * POST whose {@code Origin} (or {@code Sec-Fetch-Site}) says it came from another site is
 * refused, and every answer forbids framing.
 */
public final class DeviceApprovalPage implements LocalPage {

    public static final String PATH = "/sso/device";

    private final IdentityCenter center;
    private final Clock clock;
    private final Supplier<URI> endpoint;

    public DeviceApprovalPage(IdentityCenter center, Clock clock, Supplier<URI> endpoint) {
        this.center = center;
        this.clock = clock;
        this.endpoint = endpoint;
    }

    @Override
    public boolean serves(String method, String rawPath) {
        return PATH.equals(rawPath) && ("GET".equals(method) || "POST".equals(method));
    }

    @Override
    public RawResponse handle(RawRequest request) {
        if ("GET".equals(request.method())) {
            String code = normalize(form(request.rawQuery()).get("user_code"));
            return code == null ? page(200, "Sign in to the Strongroom local IAM Identity Center", codeForm(""))
                    : show(code);
        }
        if (crossSite(request)) {
            return page(403, "Refused", "<p>This request came from another site; open the page from the link you were given.</p>");
        }
        Map<String, String> fields = form(new String(request.body(), StandardCharsets.UTF_8));
        String code = normalize(fields.get("user_code"));
        String decision = fields.getOrDefault("decision", "");
        String user = fields.getOrDefault("user_name", IdentityCenter.ADMIN_USER);
        if (code == null) {
            return page(400, "No code", "<p>Enter the code your application shows.</p>" + codeForm(""));
        }
        if (!"approve".equals(decision) && !"deny".equals(decision)) {
            return page(400, "Choose", "<p>Approve or deny the request.</p>" + decisionForm(code));
        }
        if (!center.assignments().users().contains(user)) {
            return page(400, "Unknown user", "<p>There is no local Identity Center user " + html(user) + ".</p>" + decisionForm(code));
        }
        if (!center.devices().decide(code, "approve".equals(decision), user, clock.instant())) {
            return page(400, "Code not found", "<p>The code " + html(code) + " is not waiting for approval: it is wrong, "
                    + "expired, or was decided already.</p>" + codeForm(""));
        }
        return "approve".equals(decision)
                ? page(200, "Request approved", "<p>Signed in as <b>" + html(user) + "</b>. You can close this window and "
                        + "return to your application.</p>")
                : page(200, "Request denied", "<p>The request was denied. You can close this window.</p>");
    }

    private RawResponse show(String code) {
        Optional<DeviceCodes.Authorization> found = center.devices().byUserCode(code);
        if (found.isEmpty() || found.get().state() != DeviceCodes.State.PENDING || found.get().expired(clock.instant())) {
            return page(404, "Code not found", "<p>The code " + html(code) + " is not waiting for approval: it is wrong, "
                    + "expired, or was decided already.</p>" + codeForm(""));
        }
        return page(200, "Authorize request", "<p>An application is asking to sign in to <code>" + html(found.get().startUrl())
                + "</code>. Check that it shows this code:</p><p class=\"code\">" + html(code) + "</p>" + decisionForm(code));
    }

    private String decisionForm(String code) {
        StringBuilder users = new StringBuilder();
        List<String> names = center.assignments().users();
        for (String name : names) {
            users.append("<option value=\"").append(html(name)).append('"')
                    .append(IdentityCenter.ADMIN_USER.equals(name) ? " selected" : "").append('>').append(html(name)).append("</option>");
        }
        return "<form method=\"post\" action=\"" + PATH + "\"><input type=\"hidden\" name=\"user_code\" value=\"" + html(code) + "\">"
                + "<p><label>Sign in as <select name=\"user_name\">" + users + "</select></label></p>"
                + "<p><button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></p></form>";
    }

    private static String codeForm(String code) {
        return "<form method=\"get\" action=\"" + PATH + "\"><p><label>Code <input name=\"user_code\" value=\"" + html(code)
                + "\" autocomplete=\"off\"></label> <button type=\"submit\">Next</button></p></form>";
    }

    /** A POST made by another site's page: its Origin is not the store's, or the browser says it is cross-site. */
    private boolean crossSite(RawRequest request) {
        String site = request.header("sec-fetch-site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.header("origin");
        if (origin == null) {
            return false;
        }
        int port = endpoint.get().getPort();
        return !origin.equals("http://127.0.0.1:" + port) && !origin.equals("http://localhost:" + port);
    }

    private static RawResponse page(int status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}.code{font:2em monospace;letter-spacing:.1em}</style>"
                + "</head><body><h1>" + html(title) + "</h1>" + body
                + "<p><small>Strongroom embedded store: local IAM Identity Center</small></p></body></html>";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        return new RawResponse(status, "text/html; charset=utf-8", headers, html.getBytes(StandardCharsets.UTF_8));
    }

    /** A user code as typed: upper case, the dash optional; null when it cannot be one. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String letters = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return letters.matches("[A-Z]{8}") ? letters.substring(0, 4) + "-" + letters.substring(4) : null;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                out.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // skipped: the page then says what is missing
            }
        }
        return out;
    }

    private static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
