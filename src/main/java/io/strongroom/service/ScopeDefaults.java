package io.strongroom.service;

import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The regions a first start looks at when nothing was remembered: where the account sources are
 * known to hold resources ({@link AccountSource#regionsInUse()}), plus the region the user has
 * configured for the AWS tools. "All regions" stays one tick away in the scope picker.
 *
 * <p>The configured region is read the way the AWS CLI reads it, without any network call (the
 * SDK's own region chain would go on to ask EC2 instance metadata, which can take seconds off an
 * EC2 host): {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}, then the {@code region} of the
 * profile the tools use by default ({@code AWS_PROFILE}, else {@code default}) in the shared config
 * file ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}).
 */
public final class ScopeDefaults {

    /**
     * Looked at when neither the sources nor the configuration name a region (an empty store, no
     * AWS configuration): the region the AWS CLI's own documentation examples and most SDK
     * samples use, so a new user's first secret lands where their tutorials expect it. Our choice;
     * AWS itself has no default region.
     */
    public static final String FALLBACK_REGION = "us-east-1";

    private ScopeDefaults() {}

    /** The user's configured region from this process's environment and shared config file. Reads a file: not on the FX thread. */
    public static Optional<String> configuredRegion() {
        return configuredRegion(System::getenv, configFile(System::getenv));
    }

    /**
     * The configured region from {@code env} (a variable's value, or null) and the shared config
     * file {@code configFile} (missing or unreadable: no region from it).
     */
    public static Optional<String> configuredRegion(UnaryOperator<String> env, Path configFile) {
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = env.apply(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        if (configFile == null || !Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        String profile = env.apply("AWS_PROFILE");
        String name = profile == null || profile.isBlank() ? "default" : profile.trim();
        try {
            ProfileFile file = ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build();
            return file.profile(name).flatMap(p -> p.property(ProfileProperty.REGION))
                    .map(String::trim).filter(r -> !r.isEmpty());
        } catch (RuntimeException unreadable) {
            return Optional.empty();        // a broken config file is reported where profiles are listed
        }
    }

    /** Where the shared config file is: {@code AWS_CONFIG_FILE}, else the SDK's default location. */
    static Path configFile(UnaryOperator<String> env) {
        String explicit = env.apply("AWS_CONFIG_FILE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit.trim());
        }
        return ProfileFileLocation.configurationFilePath();
    }

    /**
     * The regions of the default scope, in {@code partition}'s order: every region any source
     * holds resources in, and the configured region. Regions outside the partition (a typo, another
     * partition's) are left out, since the picker cannot show them. With nothing known,
     * {@link #FALLBACK_REGION}.
     */
    public static List<String> defaultRegions(List<AccountSource> sources, Optional<String> configured, List<String> partition) {
        Objects.requireNonNull(configured, "configured");
        Set<String> wanted = new LinkedHashSet<>();
        for (AccountSource source : sources) {
            wanted.addAll(source.regionsInUse());
        }
        configured.ifPresent(wanted::add);
        List<String> out = new ArrayList<>();
        for (String region : partition) {
            if (wanted.contains(region)) {
                out.add(region);
            }
        }
        if (out.isEmpty() && partition.contains(FALLBACK_REGION)) {
            out.add(FALLBACK_REGION);
        }
        return out;
    }
}
