package io.strongroom.cli;

import io.strongroom.domain.Account;
import io.strongroom.domain.Scope;
import io.strongroom.local.DataDirectory;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.Regions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The accounts and regions a headless command reads, the same options for every command:
 * {@code --local} (the default), {@code --profile} or {@code --organization} (with
 * {@code --org-role}), {@code --regions} or {@code --all-regions},
 * and {@code --data-dir} for the embedded store. A picocli mixin.
 */
final class ScopeOptions {

    /** Where the accounts come from: the embedded store (default) or AWS profiles. */
    static final class Source {
        @Option(names = "--local", description = "The embedded store's accounts (the default).")
        boolean local;

        @Option(names = "--profile", split = ",", paramLabel = "PROFILE", description = "AWS profiles from ~/.aws/config and credentials.")
        List<String> profiles;

        @Option(names = "--organization", paramLabel = "MANAGEMENT_PROFILE",
                description = "Every account of the AWS organization this profile manages (or administers as delegate), "
                        + "each reached through --org-role.")
        String organization;
    }

    /** Which regions: a list, or every commercial region. */
    static final class RegionChoice {
        @Option(names = "--regions", split = ",", paramLabel = "REGION", description = "Regions to read (default: us-east-1).")
        List<String> regions;

        @Option(names = "--all-regions", description = "Every region of the aws partition.")
        boolean all;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @ArgGroup(exclusive = true)
    RegionChoice regionChoice = new RegionChoice();

    @Option(names = "--data-dir", description = "The embedded store's data directory, with --local.")
    String dataDir;

    @Option(names = "--org-role", paramLabel = "NAME",
            description = "The role reached in each member account, with --organization (default: OrganizationAccountAccessRole).")
    String orgRole;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private TerminalPrompts prompts;

    /**
     * Every chosen account in every chosen region; a profile that does not exist is a usage error.
     * Profiles are signed in first, on the terminal (an SSO device code on stderr, an MFA code read
     * from the terminal); a sign-in that fails ends the command with AWS's message.
     */
    List<Scope> scopes(Backends backends) {
        List<Account> accounts;
        if (orgRole != null && source.organization == null) {
            throw new ParameterException(spec.commandLine(), "--org-role applies with --organization");
        }
        if (source.organization != null) {
            ClientRegistry clients = signInClients(backends, "--organization");
            Account management = profile(backends.awsProfiles().accounts(), source.organization);
            SignInOnTerminal.signIn(clients, List.of(management));
            accounts = AccountSource.organization(clients, management, orgRole).accounts();
        } else if (source.profiles != null && !source.profiles.isEmpty()) {
            List<Account> all = backends.awsProfiles().accounts();
            accounts = new ArrayList<>();
            for (String profile : source.profiles) {
                accounts.add(profile(all, profile));
            }
            backends.clients().ifPresent(c -> {
                c.signIn().usePrompts(prompts(), prompts());
                SignInOnTerminal.signIn(c, accounts);
            });
        } else {
            accounts = backends.embeddedStore(DataDirectory.resolve(dataDir)).accounts();
        }
        return regions().stream().flatMap(r -> accounts.stream().map(a -> a.in(r))).toList();
    }

    private Account profile(List<Account> all, String profile) {
        return all.stream().filter(a -> profile.equals(a.alias())).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "no AWS profile named '" + profile + "'"));
    }

    private ClientRegistry signInClients(Backends backends, String option) {
        ClientRegistry clients = backends.clients().orElseThrow(() -> new ParameterException(spec.commandLine(),
                option + " is not available in this build"));
        clients.signIn().usePrompts(prompts(), prompts());
        return clients;
    }

    private TerminalPrompts prompts() {
        if (prompts == null) {
            prompts = new TerminalPrompts(spec.commandLine().getErr());
        }
        return prompts;
    }

    private List<String> regions() {
        if (regionChoice.all) {
            return Regions.commercial();
        }
        if (regionChoice.regions != null && !regionChoice.regions.isEmpty()) {
            return regionChoice.regions;
        }
        return List.of("us-east-1");
    }
}
