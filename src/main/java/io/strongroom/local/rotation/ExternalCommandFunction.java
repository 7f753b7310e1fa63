package io.strongroom.local.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A rotation function that hands the target-specific steps to a program of the user's, for
 * targets neither the random-value nor the PostgreSQL functions reach. The store makes the new
 * value as {@code strongroom-random-value} does (createSecret) and moves the labels
 * (finishSecret); for setSecret and testSecret it runs
 * <pre>COMMAND... STEP SECRET_ARN TOKEN</pre>
 * with a JSON object on standard input: {@code Step}, {@code SecretId}, {@code ClientRequestToken}
 * (the members a rotation Lambda receives) and {@code PendingSecretString} and
 * {@code CurrentSecretString}, so the program needs no credentials of its own. Exit status 0 is
 * success; anything else fails the step with the last line the program wrote to standard error,
 * any value it echoed masked. A program that runs longer than {@link #TIMEOUT} is stopped.
 */
public final class ExternalCommandFunction extends TemplateFunction {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<String> command;
    private final RandomValueFunction values = new RandomValueFunction();

    /** {@code name}: the function's name (letters, digits, - and _); {@code command}: the program and its first arguments. */
    public ExternalCommandFunction(String name, List<String> command) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a rotation function name is 1 to 64 letters, digits, '-' or '_': " + name);
        }
        if (command == null || command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("the rotation function " + name + " needs a command to run");
        }
        this.name = name;
        this.command = List.copyOf(command);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Runs " + command.get(0) + " for setSecret and testSecret; the store makes the new value and finishes.";
    }

    @Override
    protected String newValue(String current, RotationContext ctx) throws RotationException {
        return values.newValue(current, ctx);
    }

    @Override
    protected void setSecret(RotationContext ctx) throws RotationException {
        runStep(RotationStep.SET_SECRET, ctx);
    }

    @Override
    protected void testSecret(RotationContext ctx) throws RotationException {
        runStep(RotationStep.TEST_SECRET, ctx);
    }

    private void runStep(RotationStep step, RotationContext ctx) throws RotationException {
        String pending = pending(ctx);
        String current = ctx.valueAt("AWSCURRENT").orElse(null);
        List<String> argv = new ArrayList<>(command);
        argv.add(step.wireName());
        argv.add(ctx.secretArn());
        argv.add(ctx.token());
        ObjectNode input = JSON.createObjectNode()
                .put("Step", step.wireName())
                .put("SecretId", ctx.secretArn())
                .put("ClientRequestToken", ctx.token())
                .put("PendingSecretString", pending);
        if (current != null) {
            input.put("CurrentSecretString", current);
        }
        Process p;
        java.nio.file.Path errors;
        try {
            // Standard error to a file, read once the program ended: a program that never closes it cannot hold the step past the timeout.
            errors = java.nio.file.Files.createTempFile("strongroom-rotation-", ".err");
        } catch (IOException e) {
            throw new RotationException("The command " + command.get(0) + " could not be started: " + e.getMessage());
        }
        try {
            p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            deleteQuietly(errors);
            throw new RotationException("The command " + command.get(0) + " could not be started: " + e.getMessage());
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException programClosedItsInput) {
                // it may not read its input at all; its exit status decides
            }
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RotationException("The command " + command.get(0) + " did not finish " + step.wireName()
                        + " within " + TIMEOUT.toSeconds() + " seconds.");
            }
            if (p.exitValue() != 0) {
                byte[] err;
                try (var in = java.nio.file.Files.newInputStream(errors)) {
                    err = in.readNBytes(64 * 1024);
                }
                String why = lastLine(new String(err, StandardCharsets.UTF_8), pending, current);
                throw new RotationException("The command " + command.get(0) + " exited with status " + p.exitValue()
                        + (why.isEmpty() ? "." : ": " + why));
            }
        } catch (IOException e) {
            throw new RotationException("The command " + command.get(0) + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RotationException("The rotation was interrupted while " + command.get(0) + " ran.");
        } finally {
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system's clean-up removes it
        }
    }

    /** The last non-blank line, at most 300 characters, with the values masked if the program printed them. */
    static String lastLine(String stderr, String... values) {
        String last = "";
        for (String line : stderr.split("\\R")) {
            if (!line.isBlank()) {
                last = line.strip();
            }
        }
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                last = last.replace(v, "****");
            }
        }
        return last.length() > 300 ? last.substring(0, 300) + "…" : last;
    }
}
