package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.service.AccountSource;
import io.strongroom.service.SecretsService;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code strongroom inventory} over the real service layer against a real store, one account denied. */
class InventoryCommandTest {

    static ServiceStack stack;
    static RunningStore store;
    static SecretsService secrets;
    static AccountSource accounts;
    static String deniedAlias;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(4, 2);
        store = stack.store();
        List<LocalAccount> all = store.store().accounts().list();
        for (int i = 0; i < 2; i++) {
            LocalAccount a = all.get(i);
            for (String region : List.of("us-east-1", "eu-west-1")) {
                var sm = store.secrets(store.adminKey(i), Region.of(region));
                sm.createSecret(b -> b.name("prod/" + a.alias() + "/db").secretString("demo-value-not-printed")
                        .description("Database, " + region).tags(t -> t.key("env").value("prod")));
                sm.createSecret(b -> b.name("dev/" + a.alias() + "/api-key").secretString("demo-value-not-printed")
                        .tags(t -> t.key("env").value("dev")));
            }
        }
        deniedAlias = all.get(2).alias();
        accounts = stack.source();
        secrets = stack.secrets();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    record Run(int exit, String out, String err) {}

    static Run inventory(String... args) {
        Backends backends = new io.strongroom.testing.StackBackends(stack);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("inventory"));
        all.addAll(List.of(args));
        int exit = StrongroomCommand.run(backends, new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listsEverySecretOfTheReachableScopesAndReportsTheDeniedOneWithExitCode3() {
        Run run = inventory("--local", "--regions", "us-east-1,eu-west-1", "--format", "csv");
        assertEquals(3, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1 + 8, lines.size(), run.out());           // header + 2 accounts × 2 regions × 2 secrets
        assertTrue(run.err().contains(deniedAlias) && run.err().contains("AccessDeniedException"), run.err());
        assertTrue(run.err().contains("request ID"), run.err());
        assertFalse(run.out().contains("demo-value-not-printed"), "a value reached the inventory");
    }

    @Test
    void csvQuotesCellsWithCommas() {
        Run run = inventory("--local", "--regions", "us-east-1", "--format", "csv", "--filter", "name=prod/");
        List<String> rows = run.out().lines().skip(1).toList();
        assertEquals(2, rows.size(), run.out());
        assertTrue(rows.stream().allMatch(r -> r.contains(",\"Database, us-east-1\",")), run.out());
    }

    @Test
    void serverSideFiltersAndNegationNarrowTheListing() throws Exception {
        Run prod = inventory("--local", "--regions", "us-east-1,eu-west-1", "--format", "json", "--filter", "tag-value=prod");
        JsonNode rows = new ObjectMapper().readTree(prod.out());
        assertEquals(4, rows.size());
        rows.forEach(r -> assertEquals("prod", r.path("tags").path("env").asText()));
        Run notProd = inventory("--local", "--regions", "us-east-1", "--format", "json", "--filter", "name=!prod");
        new ObjectMapper().readTree(notProd.out()).forEach(r -> assertTrue(r.path("name").asText().startsWith("dev/")));
    }

    @Test
    void tableEndsWithTheCount() {
        Run run = inventory("--local", "--regions", "eu-west-1");
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("ACCOUNT")), run.out());
        assertTrue(run.out().strip().endsWith("4 secrets"), run.out());
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        Run run = inventory("--profile", "does-not-exist");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no AWS profile named 'does-not-exist'"), run.err());
    }
}
