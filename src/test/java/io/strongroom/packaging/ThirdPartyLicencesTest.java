package io.strongroom.packaging;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed third-party licence list is the one {@link ThirdPartyLicences} generates from
 * today's runtime dependencies: every bundled library is listed with its version and licence, and
 * nothing that is no longer bundled. {@code -Dstrongroom.thirdParty=write} rewrites the file.
 */
class ThirdPartyLicencesTest {

    @Test
    void committedListIsTheRuntimeDependenciesWithTheirLicences() throws Exception {
        String fresh = ThirdPartyLicences.generate();
        if ("write".equals(System.getProperty("strongroom.thirdParty"))) {
            Files.writeString(ThirdPartyLicences.FILE, fresh);
        }
        List<ThirdPartyLicences.Dependency> deps = ThirdPartyLicences.runtimeDependencies();
        assertTrue(deps.size() > 40, "the runtime has its libraries: " + deps.size());
        String committed = Files.readString(ThirdPartyLicences.FILE);
        Set<String> listed = committed.lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.split("\t")[0] + ":" + l.split("\t")[1]).collect(Collectors.toSet());
        for (ThirdPartyLicences.Dependency d : deps) {
            assertTrue(listed.contains(d.key() + ":" + d.version()), d + " is bundled but not in " + ThirdPartyLicences.FILE
                    + "; regenerate with -Dstrongroom.thirdParty=write");
        }
        assertEquals(fresh, committed, ThirdPartyLicences.FILE + " is stale; regenerate with -Dstrongroom.thirdParty=write");
    }
}
