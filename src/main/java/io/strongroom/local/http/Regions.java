package io.strongroom.local.http;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

import java.util.Set;
import java.util.TreeSet;

/**
 * The regions a request may be scoped to: those of the {@code aws} partition, as the SDK's
 * endpoint metadata lists them. Every ARN the store writes reads {@code arn:aws:...}, and the
 * region of a request's credential scope becomes part of the ARNs it creates and names the trail
 * it is recorded in, so nothing else is accepted: not another partition's regions, not a global
 * pseudo-region ({@code aws-global}), and not text that merely looks like part of an ARN.
 */
public final class Regions {

    /** The partition every local resource lives in. */
    public static final String PARTITION = "aws";

    private static final Set<String> VALID = load();

    private Regions() {}

    public static boolean isValid(String region) {
        return region != null && VALID.contains(region);
    }

    /** Every valid region, sorted. */
    public static Set<String> all() {
        return VALID;
    }

    private static java.util.SortedSet<String> load() {
        java.util.SortedSet<String> valid = new TreeSet<>();
        for (Region region : Region.regions()) {
            RegionMetadata metadata = region.metadata();
            if (!region.isGlobalRegion() && metadata != null && PARTITION.equals(metadata.partition().id())) {
                valid.add(region.id());
            }
        }
        return java.util.Collections.unmodifiableSortedSet(valid);
    }
}
