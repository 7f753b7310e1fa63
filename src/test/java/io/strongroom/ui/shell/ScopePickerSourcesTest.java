package io.strongroom.ui.shell;

import io.strongroom.domain.CustomEndpoint;
import io.strongroom.domain.Scope;
import io.strongroom.service.AccountSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom endpoints in the scope picker: added and removed while the console runs, looked at in their own regions only. */
class ScopePickerSourcesTest {

    static final List<String> PARTITION = List.of("us-east-1", "eu-west-1", "ap-south-1");

    @TempDir
    Path config;
    ScopePickerViewModel picker;

    static AccountSource embedded() {
        return AccountSource.embeddedStore(URI.create("http://127.0.0.1:1"),
                List.of(new AccountSource.AccountKeys("111122223333", "payments-prod", "AKIDLOCAL", "local-secret")));
    }

    static AccountSource endpoint(String name, List<String> regions) {
        return AccountSource.customEndpoint(new CustomEndpoint(name, URI.create("https://secrets.example"), "AKIDEXT",
                "444455556666", regions), "ext-secret");
    }

    @BeforeEach
    void picker() {
        picker = new ScopePickerViewModel(ScopeMemory.in(config), () -> PARTITION);
        picker.setSources(List.of(embedded()));
        // these tests are about endpoints under "all regions" (the default's regions are ShellViewModelTest's)
        picker.allRegionsProperty().set(true);
        picker.apply();
    }

    private List<String> appliedIds() {
        return picker.appliedScopes().stream().map(s -> s.accountAlias() + "/" + s.region()).toList();
    }

    @Test
    void anAddedEndpointIsTickedForTheUserToApply() {
        picker.addSource(endpoint("staging", List.of("eu-west-1")), true);
        assertEquals(2, picker.accounts().size());
        assertTrue(picker.accounts().get(1).isSelected());
        assertTrue(picker.dirtyProperty().get(), "ticked, not applied: the user applies");
        assertEquals(List.of("payments-prod/us-east-1", "payments-prod/eu-west-1", "payments-prod/ap-south-1"), appliedIds());

        picker.apply();
        assertEquals(List.of("payments-prod/us-east-1", "payments-prod/eu-west-1", "payments-prod/ap-south-1", "staging/eu-west-1"),
                appliedIds(), "under all regions an endpoint is looked at in its own regions only");
    }

    @Test
    void tickedRegionsNarrowAnEndpointsRegions() {
        picker.addSource(endpoint("staging", List.of("eu-west-1", "us-east-1", "local")), true);
        picker.selectRegions(List.of("us-east-1", "ap-south-1"));
        picker.apply();
        assertEquals(List.of("payments-prod/us-east-1", "payments-prod/ap-south-1", "staging/us-east-1"), appliedIds());
    }

    @Test
    void addingASourceAgainReplacesItsAccounts() {
        picker.addSource(endpoint("staging", List.of("eu-west-1")), false);
        picker.addSource(endpoint("staging", List.of("eu-west-1")), true);
        assertEquals(2, picker.accounts().size());
    }

    @Test
    void removingAnAppliedEndpointKeepsTheRestApplied() {
        picker.addSource(endpoint("staging", List.of("eu-west-1")), true);
        picker.apply();
        picker.removeSource("staging");
        assertEquals(1, picker.accounts().size());
        assertEquals(List.of("payments-prod/us-east-1", "payments-prod/eu-west-1", "payments-prod/ap-south-1"), appliedIds());
        assertFalse(picker.dirtyProperty().get());
        assertEquals(List.of("Embedded store:111122223333"), ScopeMemory.in(config).load().orElseThrow().accounts(),
                "and the memory forgets it");
    }

    @Test
    void removingAnUnappliedEndpointChangesNothingApplied() {
        List<Scope> before = picker.appliedScopes();
        picker.addSource(endpoint("staging", List.of("eu-west-1")), false);
        picker.removeSource("staging");
        picker.removeSource("never-there");
        assertEquals(before, picker.appliedScopes());
    }
}
