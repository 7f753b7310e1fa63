package io.strongroom.local.lambda;

import io.strongroom.local.http.BoundTokens;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.RestJsonService;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.rotation.RotationFunction;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.model.FunctionCodeLocation;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The embedded store's Lambda, read-only: its rotation functions as Lambda functions of every
 * local account and region, over Lambda's REST-JSON protocol, so that a rotation can be pointed
 * at one with the console's or the CLI's ordinary function picker. ListFunctions lists them;
 * GetFunction and GetFunctionConfiguration describe one (see {@link FunctionConfigurations} for
 * what each member says). Nothing here creates, changes or invokes a function: the store runs
 * them itself when a secret rotates.
 *
 * <p>Authorization: ListFunctions is authorized on {@code *} by the pipeline; GetFunction and
 * GetFunctionConfiguration authorize on the function's ARN as the request names it, as Lambda
 * does, so a policy may grant them on function ARNs alone.
 */
public final class LambdaApi {

    /** What ListFunctions returns at most in one page, whatever {@code MaxItems} asks for (as Lambda does). */
    static final int PAGE_LIMIT = 50;
    static final String FUNCTION_RESOURCE = "AWS::Lambda::Function";

    private static final Pattern MASTER_REGION = Pattern.compile("ALL|[a-z]{2}(-gov)?-[a-z]+-\\d{1}");

    private final RotationFunctions functions;
    private final FunctionConfigurations configurations;
    private final BoundTokens markers = new BoundTokens(LambdaApi::invalidMarker);

    /**
     * @param functions the store's rotation functions
     * @param startedAt when the store started: every function's {@code LastModified}
     */
    public LambdaApi(RotationFunctions functions, Instant startedAt) {
        this.functions = functions;
        this.configurations = new FunctionConfigurations(startedAt);
    }

    public RestJsonService service() {
        return RestJsonService.builder("lambda", "lambda.amazonaws.com")
                .quota("lambda:list")
                .read("GET", "/2015-03-31/functions/", "ListFunctions", ListFunctionsRequest::builder, this::listFunctions)
                .quota("lambda:get")
                .readOn("GET", "/2015-03-31/functions/{FunctionName}", "GetFunction", GetFunctionRequest::builder, this::getFunction)
                .readOn("GET", "/2015-03-31/functions/{FunctionName}/configuration", "GetFunctionConfiguration",
                        GetFunctionConfigurationRequest::builder, this::getFunctionConfiguration)
                .build();
    }

    /**
     * Up to {@link #PAGE_LIMIT} functions after the marker, in the registry's order. With
     * {@code FunctionVersion=ALL} each is listed by its qualified ARN ({@code ...:$LATEST}), as
     * Lambda lists versions; a store function has no published version besides. A
     * {@code MasterRegion} asks for Lambda@Edge replicas only, and the store has none.
     */
    ListFunctionsResponse listFunctions(RequestContext ctx, ListFunctionsRequest r) {
        String version = r.functionVersionAsString();
        Validator.check()
                .oneOf("functionVersion", version, List.of(FunctionVersion.ALL.toString()))
                .pattern("masterRegion", r.masterRegion(), MASTER_REGION)
                .range("maxItems", r.maxItems(), 1, 10_000)
                .orThrow();
        if (r.masterRegion() != null && version == null) {
            // Lambda's own words, which call the member MasterArn.
            throw LambdaErrors.invalidParameter("The combination MasterArn=" + r.masterRegion() + " and FunctionVersion=NULL is not"
                    + " supported. Please see our documentation for valid combinations of ListFunctions options.");
        }
        List<String> binding = Arrays.asList(version, r.masterRegion());
        List<RotationFunction> all = r.masterRegion() != null ? List.of() : functions.all();
        int from = 0;
        if (r.marker() != null) {
            from = indexAfter(all, markers.open(ctx, "ListFunctions", binding, r.marker()));
        }
        int size = Math.min(r.maxItems() == null ? PAGE_LIMIT : r.maxItems(), PAGE_LIMIT);
        List<RotationFunction> page = all.subList(from, Math.min(all.size(), from + size));
        boolean qualified = version != null;
        List<FunctionConfiguration> listed = page.stream().map(f -> {
            String arn = RotationFunctions.arn(ctx.region(), ctx.accountId(), f.name());
            return configurations.listed(f, ctx.accountId(), qualified ? arn + ":" + FunctionReference.LATEST : arn);
        }).toList();
        int next = from + page.size();
        return ListFunctionsResponse.builder()
                .functions(listed)
                .nextMarker(next < all.size() ? markers.issue(ctx, "ListFunctions", binding, page.get(page.size() - 1).name()) : null)
                .build();
    }

    /** Where the listing continues after the function named {@code lastName}. */
    private int indexAfter(List<RotationFunction> all, String lastName) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(lastName)) {
                return i + 1;
            }
        }
        // A marker is bound to this instance and the functions never change while it runs.
        throw invalidMarker();
    }

    /** Lambda's message for a made-up marker is not documented; this one says what to do instead. */
    private static AwsException invalidMarker() {
        return LambdaErrors.invalidParameter("The marker is not valid. Use the NextMarker value of the previous response.");
    }

    private GetFunctionResponse getFunction(RequestContext ctx, GetFunctionRequest r) {
        FunctionReference ref = FunctionReference.of(ctx, r.functionName(), r.qualifier());
        RotationFunction function = find(ctx, "lambda:GetFunction", ref);
        // No Location: there is no package to download. No Tags: store functions have none.
        return GetFunctionResponse.builder()
                .configuration(configurations.full(function, ref.accountId(), ref.requestedArn()))
                .code(FunctionCodeLocation.builder().build())
                .build();
    }

    private GetFunctionConfigurationResponse getFunctionConfiguration(RequestContext ctx, GetFunctionConfigurationRequest r) {
        FunctionReference ref = FunctionReference.of(ctx, r.functionName(), r.qualifier());
        RotationFunction function = find(ctx, "lambda:GetFunctionConfiguration", ref);
        return asConfigurationResponse(configurations.full(function, ref.accountId(), ref.requestedArn()));
    }

    /**
     * The function {@code ref} names, once the caller may perform {@code action} on it. Every
     * account has every function, but another account's is reachable only through a resource
     * policy, and store functions have none: the evaluator refuses it.
     */
    private RotationFunction find(RequestContext ctx, String action, FunctionReference ref) {
        ctx.authorize(action, AccessTarget.resource(ref.requestedArn(), ref.accountId(), null, Map.of()));
        ctx.touched(FUNCTION_RESOURCE, ref.requestedArn());
        if (!ref.latest()) {
            throw LambdaErrors.functionNotFound(ref.requestedArn());     // no published versions or aliases
        }
        return functions.named(ref.name()).orElseThrow(() -> LambdaErrors.functionNotFound(ref.requestedArn()));
    }

    /** GetFunctionConfiguration answers with a FunctionConfiguration's members at the top level: the same names, copied over. */
    private static GetFunctionConfigurationResponse asConfigurationResponse(FunctionConfiguration configuration) {
        GetFunctionConfigurationResponse.Builder response = GetFunctionConfigurationResponse.builder();
        Map<String, SdkField<?>> target = new HashMap<>();
        ((SdkPojo) response).sdkFields().forEach(f -> target.put(f.memberName(), f));
        for (SdkField<?> field : configuration.sdkFields()) {
            Object value = field.getValueOrDefault(configuration);
            SdkField<?> same = target.get(field.memberName());
            if (same == null) {
                throw new IllegalStateException("GetFunctionConfigurationResponse has no member " + field.memberName());
            }
            if (value != null) {
                same.set(response, value);
            }
        }
        return response.build();
    }
}
