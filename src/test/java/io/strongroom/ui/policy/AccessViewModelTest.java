package io.strongroom.ui.policy;

import io.strongroom.domain.AccessDecision;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretReader;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Access tab's view model against the embedded store (IAM's policy simulator over the real
 * SDK), without the FX thread: who can read a secret across the chosen accounts, and test access
 * as one principal, with the deciding statement.
 */
class AccessViewModelTest {

    static ServiceStack stack;
    static Scope a;
    static Scope b;

    final SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();
    final List<Scope> chosen = new ArrayList<>();
    AccessViewModel vm;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        a = stack.scope(0, "us-east-1");
        b = stack.scope(1, "us-east-1");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void wire() {
        chosen.clear();
        vm = new AccessViewModel(shown, () -> chosen, stack.access(2), stack.policies(), new DirectUiExecutor(),
                Texts.load().in(PolicyFeature.BUNDLE));
    }

    private SecretSummary newSecret(String policy) {
        String name = "app/access-vm-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = stack.store().secrets().createSecret(r -> r.name(name).secretString("never-shown")).arn();
        if (policy != null) {
            SecretMutations.of(stack.secrets(), stack.policies()).apply(new SecretMutation.PutSecretPolicy(a, arn, policy, true));
        }
        return stack.secrets().describe(a, arn);
    }

    @Test
    void theAdministratorsOfBothAccountsAreFoundAndTheOtherAccountsIsRefusedByTheDefaultKey() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + b.accountId()
                + "\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        shown.set(newSecret(policy));
        chosen.addAll(List.of(a, b));
        vm.findReaders();
        assertTrue(vm.searchedProperty().get());
        assertTrue(vm.failures().isEmpty(), String.valueOf(vm.failures()));
        SecretReader adminA = reader("arn:aws:iam::" + a.accountId() + ":user/admin");
        assertTrue(adminA.canRead());
        assertEquals(SecretReader.KeyAccess.AWS_MANAGED_SAME_ACCOUNT, adminA.key());
        SecretReader adminB = reader("arn:aws:iam::" + b.accountId() + ":user/admin");
        assertFalse(adminB.canRead(), "the AWS managed key serves only its own account");
        assertEquals(SecretReader.KeyAccess.AWS_MANAGED_OTHER_ACCOUNT, adminB.key());
        assertTrue(vm.readers().indexOf(adminA) < vm.readers().indexOf(adminB), "those who can read are listed first");
        assertTrue(vm.knownPrincipals().contains(adminB.principalArn()));
    }

    @Test
    void withoutTheOtherAccountChosenOnlyTheOwnAccountIsAsked() {
        shown.set(newSecret(null));
        vm.findReaders();
        assertTrue(vm.readers().stream().allMatch(r -> r.account().equals(a.accountId())));
        assertFalse(vm.readers().isEmpty());
    }

    @Test
    void testAccessAsAPrincipalShowsTheDecisionAndWhatMadeIt() {
        String denyB = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoDeletes\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"secretsmanager:DeleteSecret\",\"Resource\":\"*\"}]}";
        shown.set(newSecret(denyB));
        vm.principalProperty().set("arn:aws:iam::" + a.accountId() + ":user/admin");
        vm.actionProperty().set("secretsmanager:GetSecretValue");
        vm.testAccess();
        AccessDecision allowed = vm.decisionProperty().get();
        assertNotNull(allowed, vm.testErrorProperty().get());
        assertTrue(allowed.allowed());
        assertFalse(allowed.decidedBy().isEmpty());

        vm.actionProperty().set("secretsmanager:DeleteSecret");
        assertNull(vm.decisionProperty().get(), "a new question clears the old answer");
        vm.testAccess();
        assertEquals(AccessDecision.Outcome.EXPLICIT_DENY, vm.decisionProperty().get().decision());
    }

    @Test
    void aPrincipalOfAnAccountNotChosenIsRefusedWithAReason() {
        shown.set(newSecret(null));
        vm.principalProperty().set("arn:aws:iam::999988887777:role/elsewhere");
        vm.testAccess();
        assertNull(vm.decisionProperty().get());
        assertTrue(vm.testErrorProperty().get().contains("999988887777"));
    }

    private SecretReader reader(String arn) {
        return vm.readers().stream().filter(r -> r.principalArn().equals(arn)).findFirst()
                .orElseThrow(() -> new AssertionError(arn + " not among " + vm.readers()));
    }
}
