package io.strongroom.ui.rotation;

import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.Scope;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.ui.common.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The AWS CLI command line that performs the same API call as a {@link SecretMutation}, so an
 * operator sees exactly what a repair will send (and could send it by hand). The scope's region,
 * and its profile or endpoint when it has one, are part of the line; static access keys are
 * never written into it. A value being written appears as {@code ****}.
 */
public final class RepairCommandLine {

    /** Characters a shell leaves alone; anything else is single-quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9:/._@+=,%-]+");

    private RepairCommandLine() {}

    /** The command line of {@code mutation}; a mutation the repairs never send is named by its AWS operation. */
    public static String of(SecretMutation<?> mutation) {
        List<String> words = new ArrayList<>(List.of("aws", "secretsmanager"));
        if (mutation instanceof SecretMutation.MoveStage m) {
            words.add("update-secret-version-stage");
            option(words, "--secret-id", m.secretId());
            option(words, "--version-stage", m.stage());
            option(words, "--move-to-version-id", m.toVersionId());
            option(words, "--remove-from-version-id", m.fromVersionId());
        } else if (mutation instanceof SecretMutation.Rotate r) {
            words.add("rotate-secret");
            option(words, "--secret-id", r.secretId());
            RotationSettings s = r.settings();
            option(words, "--rotation-lambda-arn", s.lambdaArn());
            words.add(s.rotateImmediately() ? "--rotate-immediately" : "--no-rotate-immediately");
        } else if (mutation instanceof SecretMutation.PutValue p) {
            words.add("put-secret-value");
            option(words, "--secret-id", p.secretId());
            option(words, "--client-request-token", p.clientRequestToken());
            words.add(p.value() != null && p.value().isBinary() ? "--secret-binary" : "--secret-string");
            words.add("****");
            if (p.stages() != null && !p.stages().isEmpty()) {
                words.add("--version-stages");
                p.stages().forEach(stage -> words.add(quote(stage)));
            }
        } else {
            words.add(mutation.action());
            option(words, "--secret-id", mutation.secretId());
        }
        words.addAll(scopeOptions(mutation.scope()));
        return String.join(" ", words);
    }

    /** {@code --region R}, then {@code --profile P} for a profile and {@code --endpoint-url U} for a non-AWS endpoint. */
    public static List<String> scopeOptions(Scope scope) {
        List<String> words = new ArrayList<>();
        option(words, "--region", scope.region());
        if (scope.credentials() instanceof CredentialsRef.Profile p) {
            option(words, "--profile", p.profileName());
        }
        if (scope.endpoint() != null) {
            option(words, "--endpoint-url", scope.endpoint().toString());
        }
        return words;
    }

    /** Where a plan's calls go, in words: account, region, and the profile or endpoint they are signed for. */
    public static String scopeNote(Scope scope, Texts texts) {
        String how = scope.credentials() instanceof CredentialsRef.Profile p ? texts.format("scope.profile", p.profileName())
                : scope.endpoint() != null ? texts.format("scope.endpoint", scope.endpoint().toString())
                : texts.format("scope.defaultCredentials");
        return texts.format("scope.note", scope.accountAlias(), scope.accountId() == null ? "?" : scope.accountId(), scope.region(), how);
    }

    private static void option(List<String> words, String name, String value) {
        if (value != null) {
            words.add(name);
            words.add(quote(value));
        }
    }

    /** {@code value} as one shell word. */
    static String quote(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
