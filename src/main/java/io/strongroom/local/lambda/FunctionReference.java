package io.strongroom.local.lambda;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.local.validation.Validator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function a GetFunction-style request names. Lambda takes a function by name
 * ({@code my-function}, {@code my-function:$LATEST}), by ARN
 * ({@code arn:aws:lambda:us-east-1:123456789012:function:my-function}, with or without a
 * qualifier) or by partial ARN ({@code 123456789012:function:my-function}); what the name leaves
 * out is the caller's account and the region the request was sent to. A qualifier may come with
 * the name or in the {@code Qualifier} member, not differently in both.
 *
 * @param qualifier null when the request names none
 */
record FunctionReference(String accountId, String region, String name, String qualifier) {

    /** {@code NamespacedFunctionName} of Lambda's model; the text is quoted as it is in AWS's messages. */
    static final Pattern FUNCTION_NAME = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?");
    /** {@code NumericLatestPublishedOrAliasQualifier} of Lambda's model. */
    static final Pattern QUALIFIER = Pattern.compile("\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+");
    static final String LATEST = "$LATEST";

    /**
     * The function {@code functionName} and {@code qualifier} name for this request.
     *
     * @throws io.strongroom.local.wire.AwsException ValidationException when either breaks the
     *         model's constraints; ResourceNotFoundException when the name is in another
     *         partition or region (Lambda reaches only the region a request is sent to);
     *         InvalidParameterValueException when the name's qualifier and {@code qualifier} differ
     */
    static FunctionReference of(RequestContext ctx, String functionName, String qualifier) {
        Validator.check()
                .notNull("functionName", functionName)
                .length("functionName", functionName, 1, 256)
                .pattern("functionName", functionName, FUNCTION_NAME)
                .length("qualifier", qualifier, 1, 128)
                .pattern("qualifier", qualifier, QUALIFIER)
                .orThrow();
        Matcher m = FUNCTION_NAME.matcher(functionName);
        if (!m.matches()) {
            throw new IllegalStateException("validated above");
        }
        String partition = m.group(2);
        String region = m.group(3) == null ? ctx.region() : withoutColon(m.group(3));
        String account = m.group(8) == null ? ctx.accountId() : withoutColon(m.group(8));
        String name = m.group(10);
        String named = m.group(12);
        if (m.group(1) != null && !"aws".equals(partition)) {
            // The store is one partition's (aws); a function of another does not exist here.
            throw LambdaErrors.functionNotFound(functionName);
        }
        if (!region.equals(ctx.region())) {
            throw LambdaErrors.notFound("Functions from '" + region + "' are not reachable in this region ('" + ctx.region() + "')");
        }
        if (named != null && qualifier != null && !named.equals(qualifier)) {
            throw LambdaErrors.invalidParameter("The derived qualifier from the function name does not match the specified qualifier.");
        }
        return new FunctionReference(account, region, name, named != null ? named : qualifier);
    }

    private static String withoutColon(String part) {
        return part.substring(0, part.length() - 1);
    }

    /** The function's ARN without a qualifier. */
    String arn() {
        return RotationFunctions.arn(region, accountId, name);
    }

    /** The ARN as the request named it: with its qualifier, if it gave one. */
    String requestedArn() {
        return qualifier == null ? arn() : arn() + ":" + qualifier;
    }

    /** Whether the request asks for the function as it is ({@code $LATEST}), the only version a store function has. */
    boolean latest() {
        return qualifier == null || LATEST.equals(qualifier);
    }
}
