package io.strongroom.local.lambda;

import io.strongroom.local.rotation.RotationFunction;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * A store function described as Lambda describes a function, with the members AWS fills for a
 * real one. Each value says what is true of a function the store runs in its own process:
 * <ul>
 *   <li>{@code Runtime} {@code java17} and {@code Handler} {@code CLASS::run}: the function is
 *       that Java class, built for Java 17, whose {@code run} the store calls once per step;</li>
 *   <li>{@code PackageType} {@code Zip} with {@code CodeSize} 0: there is no deployment package,
 *       the code ships inside the store; {@code CodeSha256} is a stable stand-in for the hash of
 *       one (the SHA-256 of the function's name), so it never changes while the name does not;</li>
 *   <li>{@code LastModified}: when the store started, the moment these functions came to be;</li>
 *   <li>{@code Architectures}: the machine the store runs on ({@code arm64} on an ARM machine,
 *       else {@code x86_64}, the only other Lambda has);</li>
 *   <li>{@code Role}, {@code Timeout} and {@code MemorySize} are nominal. Lambda requires every
 *       function to have them, but the store neither assumes the role (it need not exist in IAM)
 *       nor limits a step's time or memory. Thirty seconds is what AWS's rotation templates set.</li>
 * </ul>
 * Tracing, logging, ephemeral storage and SnapStart are left out rather than given values that
 * would claim features the store does not have.
 */
final class FunctionConfigurations {

    static final String ROLE_NAME = "strongroom-rotation";
    static final int TIMEOUT_SECONDS = 30;
    static final int MEMORY_MB = 128;
    /** Lambda's {@code LastModified} format: {@code 2024-01-01T00:00:00.000+0000}. */
    static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Architecture ARCHITECTURE = architectureOf(System.getProperty("os.arch", ""));

    private final String lastModified;

    FunctionConfigurations(Instant startedAt) {
        this.lastModified = LAST_MODIFIED.format(startedAt);
    }

    /**
     * The configuration ListFunctions lists: without the state members, which AWS leaves to
     * GetFunction. {@code functionArn} is the ARN as it is to be shown (qualified or not).
     */
    FunctionConfiguration listed(RotationFunction function, String accountId, String functionArn) {
        return FunctionConfiguration.builder()
                .functionName(function.name())
                .functionArn(functionArn)
                .runtime(Runtime.JAVA17)
                .role("arn:aws:iam::" + accountId + ":role/" + ROLE_NAME)
                .handler(function.getClass().getName() + "::run")
                .codeSize(0L)
                .description(function.description())
                .timeout(TIMEOUT_SECONDS)
                .memorySize(MEMORY_MB)
                .lastModified(lastModified)
                .codeSha256(sha256(function.name()))
                .version(FunctionReference.LATEST)
                .packageType(PackageType.ZIP)
                .architectures(ARCHITECTURE)
                .build();
    }

    /** GetFunction's fuller configuration: a store function is always ready and never being updated. */
    FunctionConfiguration full(RotationFunction function, String accountId, String functionArn) {
        return listed(function, accountId, functionArn).toBuilder()
                .state(State.ACTIVE)
                .lastUpdateStatus(LastUpdateStatus.SUCCESSFUL)
                .build();
    }

    static Architecture architectureOf(String osArch) {
        return osArch.equals("aarch64") || osArch.equals("arm64") ? Architecture.ARM64 : Architecture.X86_64;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
