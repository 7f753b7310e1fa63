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

    /**
     * What an action AWS serves without a signature (STS's AssumeRoleWithWebIdentity and
     * AssumeRoleWithSAML: their token is the credential) tells the pipeline about an unsigned call.
     */
    @FunctionalInterface
    public interface Unsigned {
        /**
         * The local account whose trail records the call (AWS records it in the account that
         * owns the role asked for), or null when no local account is named: the call is then
         * nobody's event and goes to the unverified refusals.
         */
        String trailAccount(Map<String, String> parameters);

        /** The CloudTrail {@code requestParameters} JSON of the call (never its token), or null. */
        default String auditParameters(Map<String, String> parameters) {
            return null;
        }
    }

    /** @param unsigned null for an action that needs a SigV4 signature, as nearly all do */
    public record Action(String name, Handler handler, boolean readOnly, Unsigned unsigned) {

        /** An action that needs a signature. */
        public Action(String name, Handler handler, boolean readOnly) {
            this(name, handler, readOnly, null);
        }

        public boolean servedUnsigned() {
            return unsigned != null;
        }
    }
}
