package io.strongroom.cli;

import io.strongroom.domain.Account;
import io.strongroom.domain.Scope;
import io.strongroom.local.DataDirectory;
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
 * {@code --local} (the default) or {@code --profile}, {@code --regions} or {@code --all-regions},
 * and {@code --data-dir} for the embedded store. A picocli mixin.
 */
final class ScopeOptions {

    /** Where the accounts come from: the embedded store (default) or AWS profiles. */
    static final class Source {
        @Option(names = "--local", description = "The embedded store's accounts (the default).")
        boolean local;

        @Option(names = "--profile", split = ",", paramLabel = "PROFILE", description = "AWS profiles from ~/.aws/config and credentials.")
        List<String> profiles;
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

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Every chosen account in every chosen region; a profile that does not exist is a usage error. */
    List<Scope> scopes(Backends backends) {
        List<Account> accounts;
        if (source.profiles != null && !source.profiles.isEmpty()) {
            List<Account> all = backends.awsProfiles().accounts();
            accounts = new ArrayList<>();
            for (String profile : source.profiles) {
                accounts.add(all.stream().filter(a -> profile.equals(a.alias())).findFirst()
                        .orElseThrow(() -> new ParameterException(spec.commandLine(), "no AWS profile named '" + profile + "'")));
            }
        } else {
            accounts = backends.embeddedStore(DataDirectory.resolve(dataDir)).accounts();
        }
        return regions().stream().flatMap(r -> accounts.stream().map(a -> a.in(r))).toList();
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
