package io.strongroom.local.http;

import java.util.Map;

/**
 * A service spoken over the AWS query protocol (form-encoded {@code Action=...} requests, XML
 * answers), as STS and IAM are. Each action returns the inner XML of its {@code <XxxResult>}.
 */
public record QueryService(String signingName, String eventSource, String xmlNamespace, Map<String, Action> actions) {

    @FunctionalInterface
    public interface Handler {
        /** Returns the XML elements inside {@code <ActionResult>}, already escaped; null for an action with no output. */
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

    /** Who authorizes a signed action. */
    public enum Check {
        /** The pipeline, on the resource {@link Action#resource} names ({@code *} when it names none). */
        PIPELINE,
        /** The handler, once it has found the resource and its policy (AssumeRole: the role's trust policy). */
        HANDLER,
        /** Nobody: AWS requires no permission (GetCallerIdentity, GetAccessKeyInfo). */
        NONE
    }

    /** The ARN of the resource an action acts on, from its parameters; null for {@code *}. */
    @FunctionalInterface
    public interface Resource {
        String arn(String callerAccountId, Map<String, String> parameters);
    }

    /**
     * @param unsigned null for an action that needs a SigV4 signature, as nearly all do
     * @param check    who authorizes it
     * @param resource for {@link Check#PIPELINE}, the resource it acts on (null: {@code *})
     */
    public record Action(String name, Handler handler, boolean readOnly, Unsigned unsigned, Check check, Resource resource) {

        /** An action that needs a signature, authorized by the pipeline on {@code *}. */
        public Action(String name, Handler handler, boolean readOnly) {
            this(name, handler, readOnly, null, Check.PIPELINE, null);
        }

        /** An action AWS serves without a signature; nobody is authorized. */
        public Action(String name, Handler handler, boolean readOnly, Unsigned unsigned) {
            this(name, handler, readOnly, unsigned, Check.NONE, null);
        }

        /** An action authorized by the pipeline on the resource its parameters name. */
        public static Action on(String name, Handler handler, boolean readOnly, Resource resource) {
            return new Action(name, handler, readOnly, null, Check.PIPELINE, resource);
        }

        /** An action its handler authorizes. */
        public static Action byHandler(String name, Handler handler, boolean readOnly) {
            return new Action(name, handler, readOnly, null, Check.HANDLER, null);
        }

        /** An action that needs a signature and no permission. */
        public static Action unchecked(String name, Handler handler, boolean readOnly) {
            return new Action(name, handler, readOnly, null, Check.NONE, null);
        }

        public boolean servedUnsigned() {
            return unsigned != null;
        }
    }
}
