package io.strongroom.service;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

import java.util.List;

/**
 * The regions "all regions" means: the commercial partition ({@code aws}) as the SDK knows it,
 * without the global pseudo-regions. Opt-in regions are included; where an account has not
 * enabled one, that scope fails on its own with AWS's error and the others are unaffected.
 */
public final class Regions {

    private static final List<String> COMMERCIAL = Region.regions().stream()
            .filter(r -> !r.isGlobalRegion())
            .filter(r -> {
                RegionMetadata m = r.metadata();
                return m != null && "aws".equals(m.partition().id());
            })
            .map(Region::id)
            .sorted()
            .toList();

    private Regions() {}

    /** Every commercial-partition region ID, sorted. */
    public static List<String> commercial() {
        return COMMERCIAL;
    }

    /** What AWS calls a region, e.g. "US East (N. Virginia)"; empty when the SDK does not know it. */
    public static String description(String regionId) {
        RegionMetadata m = Region.of(regionId).metadata();
        return m == null ? "" : m.description();
    }
}
