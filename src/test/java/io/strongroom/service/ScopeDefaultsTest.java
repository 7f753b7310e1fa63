package io.strongroom.service;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The default scope's regions: where the sources hold resources, plus the user's configured region. */
class ScopeDefaultsTest {

    static final List<String> PARTITION = List.of("ap-south-1", "eu-west-1", "us-east-1", "us-west-2");

    static UnaryOperator<String> env(Map<String, String> vars) {
        return vars::get;
    }

    static AccountSource embedded(Set<String> regionsInUse) {
        return AccountSource.embeddedStore(URI.create("http://127.0.0.1:1"),
                List.of(new AccountSource.AccountKeys("111122223333", "payments-prod", "AKIDLOCAL", "local-secret")), regionsInUse);
    }

    @Nested
    class ConfiguredRegion {

        @TempDir
        Path dir;

        Path config(String text) throws Exception {
            Path file = dir.resolve("config");
            Files.writeString(file, text);
            return file;
        }

        @Test
        void awsRegionComesFirst() throws Exception {
            Path file = config("[default]\nregion = ap-south-1\n");
            assertEquals(Optional.of("eu-west-1"),
                    ScopeDefaults.configuredRegion(env(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2")), file));
        }

        @Test
        void awsDefaultRegionComesBeforeTheConfigFile() throws Exception {
            Path file = config("[default]\nregion = ap-south-1\n");
            assertEquals(Optional.of("us-west-2"), ScopeDefaults.configuredRegion(env(Map.of("AWS_DEFAULT_REGION", "us-west-2")), file));
        }

        @Test
        void theDefaultProfilesRegionInTheConfigFile() throws Exception {
            Path file = config("[profile other]\nregion = us-west-2\n\n[default]\nregion = ap-south-1\n");
            assertEquals(Optional.of("ap-south-1"), ScopeDefaults.configuredRegion(env(Map.of()), file));
        }

        @Test
        void awsProfileNamesTheProfileWhoseRegionCounts() throws Exception {
            Path file = config("[profile other]\nregion = us-west-2\n\n[default]\nregion = ap-south-1\n");
            assertEquals(Optional.of("us-west-2"), ScopeDefaults.configuredRegion(env(Map.of("AWS_PROFILE", "other")), file));
        }

        @Test
        void noRegionAnywhereIsNone() throws Exception {
            assertEquals(Optional.empty(), ScopeDefaults.configuredRegion(env(Map.of()), dir.resolve("missing")));
            assertEquals(Optional.empty(), ScopeDefaults.configuredRegion(env(Map.of("AWS_REGION", "  ")),
                    config("[default]\noutput = json\n")));
        }

        @Test
        void theConfigFileVariableIsHonoured() {
            assertEquals(Path.of("/somewhere/config"), ScopeDefaults.configFile(env(Map.of("AWS_CONFIG_FILE", "/somewhere/config"))));
        }
    }

    @Test
    void theRegionsWithResourcesInPartitionOrder() {
        assertEquals(List.of("eu-west-1", "us-east-1"),
                ScopeDefaults.defaultRegions(List.of(embedded(Set.of("us-east-1", "eu-west-1"))), Optional.empty(), PARTITION));
    }

    @Test
    void theConfiguredRegionIsAdded() {
        assertEquals(List.of("ap-south-1", "eu-west-1", "us-east-1"),
                ScopeDefaults.defaultRegions(List.of(embedded(Set.of("us-east-1", "eu-west-1"))), Optional.of("ap-south-1"), PARTITION));
        assertEquals(List.of("eu-west-1", "us-east-1"),
                ScopeDefaults.defaultRegions(List.of(embedded(Set.of("us-east-1", "eu-west-1"))), Optional.of("us-east-1"), PARTITION),
                "once");
    }

    @Test
    void regionsOutsideThePartitionAreLeftOut() {
        assertEquals(List.of("us-east-1"),
                ScopeDefaults.defaultRegions(List.of(embedded(Set.of("us-east-1", "cn-north-1"))), Optional.of("us-east-7"), PARTITION));
    }

    @Test
    void nothingKnownFallsBackToUsEast1() {
        assertEquals(List.of("us-east-1"), ScopeDefaults.defaultRegions(List.of(embedded(Set.of())), Optional.empty(), PARTITION));
        assertEquals(List.of("us-east-1"), ScopeDefaults.defaultRegions(List.of(), Optional.empty(), PARTITION));
    }

    @Test
    void onlyTheConfiguredRegionWhenTheStoreIsEmpty() {
        assertEquals(List.of("us-west-2"), ScopeDefaults.defaultRegions(List.of(embedded(Set.of())), Optional.of("us-west-2"), PARTITION));
    }
}
