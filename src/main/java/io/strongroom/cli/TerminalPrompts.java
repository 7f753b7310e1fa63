package io.strongroom.cli;

import io.strongroom.service.signin.DevicePrompt;
import io.strongroom.service.signin.MfaPrompt;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sign-in prompts for the headless commands: the SSO device code and its address are printed on
 * stderr (stdout stays the command's output, so it can be piped), and an MFA code is read from
 * the terminal, or from standard input when there is no terminal (a pipeline feeding the code).
 */
final class TerminalPrompts implements DevicePrompt, MfaPrompt {

    private final PrintWriter err;
    private final Supplier<BufferedReader> input;
    private BufferedReader reader;

    TerminalPrompts(PrintWriter err) {
        this(err, () -> new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
    }

    TerminalPrompts(PrintWriter err, Supplier<BufferedReader> input) {
        this.err = err;
        this.input = input;
    }

    @Override
    public void show(DeviceCode code) {
        err.println("strongroom: sign in to IAM Identity Center for profile " + code.profileName() + ":");
        if (code.verificationUriComplete() != null) {
            err.println("  open " + code.verificationUriComplete());
            err.println("  or open " + code.verificationUri() + " and enter the code " + code.userCode());
        } else {
            err.println("  open " + code.verificationUri() + " and enter the code " + code.userCode());
        }
        err.println("  waiting for approval (the code expires at " + code.expiresAt() + ")...");
        err.flush();
    }

    @Override
    public void finished(boolean signedIn) {
        err.println(signedIn ? "strongroom: signed in." : "strongroom: not signed in.");
        err.flush();
    }

    @Override
    public synchronized Optional<String> code(String profileName, String mfaSerial) {
        String question = "MFA code for " + mfaSerial + " (profile " + profileName + "): ";
        Console console = System.console();
        if (console != null && reader == null) {
            err.flush();
            String line = console.readLine("%s", question);
            return Optional.ofNullable(line).map(String::strip).filter(s -> !s.isEmpty());
        }
        err.print(question);
        err.flush();
        try {
            if (reader == null) {
                reader = input.get();
            }
            return Optional.ofNullable(reader.readLine()).map(String::strip).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MFA code", e);
        }
    }
}
