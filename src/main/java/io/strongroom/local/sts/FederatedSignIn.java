package io.strongroom.local.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.local.http.QueryService;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.wire.AwsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML: the two STS calls AWS serves unsigned,
 * the token or assertion being the credential (botocore disables signing for both; the current
 * model marks them {@code smithy.api#noAuth}). The store has no IAM roles and no OpenID Connect
 * or SAML providers yet, so every call that passes validation is refused as AWS refuses it in
 * an account without the provider:
 *
 * <ul>
 *   <li>web identity, a token that is not a JWT: {@code InvalidIdentityToken} "The ID Token
 *       provided is not a valid JWT. (You may see this error if you sent an Access Token)";</li>
 *   <li>web identity, a JWT whose issuer has no provider: {@code InvalidIdentityToken}
 *       "No OpenIDConnect provider found in your account for {iss}" (the issuer as the token
 *       writes it, trailing slash and all, as AWS echoes it);</li>
 *   <li>web identity, an issuer AWS trusts without an IAM provider (Google, Amazon Cognito):
 *       the role cannot be assumed, {@code AccessDenied} (403) "Not authorized to perform
 *       sts:AssumeRoleWithWebIdentity", AWS's answer for a role that does not exist or does not
 *       trust the caller (the store does not check Google's signature: the answer would be a
 *       refusal either way);</li>
 *   <li>SAML, an assertion that is not base64: {@code InvalidIdentityToken} "Invalid base64
 *       SAMLResponse (Service: AWSOpenIdDiscoveryService; ...AuthSamlInvalidSamlResponseException...)";</li>
 *   <li>SAML, otherwise: {@code InvalidIdentityToken} "Specified provider doesn't exist
 *       (Service: AWSOpenIdDiscoveryService; ...AuthSamlManifestNotFoundException...)".</li>
 * </ul>
 *
 * All are HTTP 400 but AccessDenied. AWS's two SAML messages carry the answer of its internal
 * discovery service, with that service's own request ID; the store gives a fresh UUID there.
 * Checks run in this order: the model's constraints, the role ARN's form ("{arn} is invalid"),
 * then the token. The token and the assertion are never echoed or logged.
 */
final class FederatedSignIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(?:-[a-z]+)*:iam::(\\d{12}):role/\\S+");
    /** Issuers AWS accepts without an IAM OpenID Connect provider in the account. */
    private static final Set<String> BUILT_IN_ISSUERS = Set.of("accounts.google.com", "https://accounts.google.com",
            "cognito-identity.amazonaws.com", "https://cognito-identity.amazonaws.com");

    private final Accounts accounts;

    FederatedSignIn(Accounts accounts) {
        this.accounts = accounts;
    }

    String assumeRoleWithWebIdentity(Map<String, String> parameters) {
        StsValidation check = new StsValidation(parameters);
        String roleArn = check.string("RoleArn", true, 20, 2048, StsValidation.ARN_PATTERN, StsValidation.ARN_PATTERN_TEXT);
        check.string("RoleSessionName", true, 2, 64, StsValidation.SESSION_NAME_PATTERN, StsValidation.SESSION_NAME_PATTERN_TEXT);
        String token = check.withheld("WebIdentityToken", true, 4, 20000);
        check.string("ProviderId", false, 4, 2048, null, null);
        check.string("Policy", false, 1, 2048, StsValidation.POLICY_PATTERN, StsValidation.POLICY_PATTERN_TEXT);
        check.integer("DurationSeconds", 900, 43200);
        check.done();
        requireRoleArn(roleArn);

        String issuer = jwtIssuer(token);
        if (issuer == null) {
            throw invalidIdentityToken("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
        }
        if (BUILT_IN_ISSUERS.contains(issuer)) {
            throw new AwsException("AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
        throw invalidIdentityToken("No OpenIDConnect provider found in your account for " + issuer);
    }

    String assumeRoleWithSaml(Map<String, String> parameters) {
        StsValidation check = new StsValidation(parameters);
        String roleArn = check.string("RoleArn", true, 20, 2048, StsValidation.ARN_PATTERN, StsValidation.ARN_PATTERN_TEXT);
        check.string("PrincipalArn", true, 20, 2048, StsValidation.ARN_PATTERN, StsValidation.ARN_PATTERN_TEXT);
        String assertion = check.withheld("SAMLAssertion", true, 4, 100000);
        check.string("Policy", false, 1, 2048, StsValidation.POLICY_PATTERN, StsValidation.POLICY_PATTERN_TEXT);
        check.integer("DurationSeconds", 900, 43200);
        check.done();
        requireRoleArn(roleArn);

        if (!isBase64(assertion)) {
            throw invalidIdentityToken(discoveryServiceMessage("Invalid base64 SAMLResponse", "AuthSamlInvalidSamlResponseException"));
        }
        throw invalidIdentityToken(discoveryServiceMessage("Specified provider doesn't exist", "AuthSamlManifestNotFoundException"));
    }

    /** What the pipeline needs to serve and record these calls unsigned. */
    QueryService.Unsigned unsigned() {
        return new QueryService.Unsigned() {
            @Override
            public String trailAccount(Map<String, String> parameters) {
                return FederatedSignIn.this.trailAccount(parameters);
            }

            @Override
            public String auditParameters(Map<String, String> parameters) {
                return FederatedSignIn.auditParameters(parameters);
            }
        };
    }

    /**
     * CloudTrail's {@code requestParameters} for these calls: the role, the session name, the
     * SAML provider, the duration and the OAuth provider, as AWS records them; never the token
     * or the assertion.
     */
    static String auditParameters(Map<String, String> parameters) {
        ObjectNode recorded = JSON.createObjectNode();
        for (String member : List.of("RoleArn", "RoleSessionName", "PrincipalArn", "ProviderId")) {
            String value = parameters.get(member);
            if (value != null) {
                recorded.put(StsValidation.memberName(member), value);
            }
        }
        String duration = parameters.get("DurationSeconds");
        if (duration != null) {
            try {
                recorded.put("durationSeconds", Integer.parseInt(duration.trim()));
            } catch (NumberFormatException notANumber) {
                recorded.put("durationSeconds", duration);
            }
        }
        return recorded.toString();
    }

    /** The local account that owns the role a call names, whose trail records the call; null when none does. */
    String trailAccount(Map<String, String> parameters) {
        String roleArn = parameters.get("RoleArn");
        Matcher m = roleArn == null || roleArn.length() > 2048 ? null : ROLE_ARN.matcher(roleArn);
        if (m == null || !m.matches()) {
            return null;
        }
        String account = m.group(1);
        return accounts.find(account).isPresent() ? account : null;
    }

    private static void requireRoleArn(String roleArn) {
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw new AwsException("ValidationError", 400, roleArn + " is invalid");
        }
    }

    /** The {@code iss} of a JWS compact JWT (header.payload.signature, both JSON objects), or null when it is none. */
    static String jwtIssuer(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (header == null || !header.isObject() || payload == null || !payload.isObject()) {
                return null;
            }
            JsonNode iss = payload.get("iss");
            return iss != null && iss.isTextual() && !iss.asText().isEmpty() ? iss.asText() : null;
        } catch (IllegalArgumentException | IOException notAJwt) {
            return null;
        }
    }

    private static boolean isBase64(String text) {
        String compact = text.replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(compact.getBytes(StandardCharsets.US_ASCII)).length > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static String discoveryServiceMessage(String message, String internalCode) {
        return message + " (Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: " + internalCode
                + "; Request ID: " + UUID.randomUUID() + "; Proxy: null)";
    }

    private static AwsException invalidIdentityToken(String message) {
        return new AwsException("InvalidIdentityToken", 400, message);
    }
}
