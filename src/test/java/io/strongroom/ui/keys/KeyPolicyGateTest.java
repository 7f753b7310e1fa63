package io.strongroom.ui.keys;

import io.strongroom.service.keys.KeyEstateLoader;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.policy.PolicyTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The impact check in front of a key policy put from the secret detail: read in the background, typed confirmation, or nothing put. */
class KeyPolicyGateTest {

    static KeysFixture fx;
    RecordingDialogs dialogs;
    List<KeyImpactViewModel> asked;
    boolean answer;
    int puts;

    @BeforeAll
    static void estate() {
        fx = new KeysFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void reset() {
        dialogs = new RecordingDialogs();
        asked = new ArrayList<>();
        puts = 0;
    }

    private KeyPolicyGate gate() {
        return new KeyPolicyGate(new KeyEstateLoader(fx.keys, fx.stack.secrets()), new DirectUiExecutor(),
                () -> List.of(fx.west), impact -> {
                    asked.add(impact);
                    return answer;
                }, dialogs, KeysFixture.texts());
    }

    private PolicyTarget payments() {
        String arn = fx.keys.describe(fx.east, fx.paymentsKeyId).arn();
        return PolicyTarget.key(fx.east, arn, false);
    }

    @Test
    void theSecretsTheKeyProtectsAreShownBeforeThePutEvenWhenItsRegionIsNotChosen() {
        answer = true;
        gate().ask(payments(), () -> puts++);
        assertEquals(1, asked.size());
        assertEquals(KeyChange.POLICY, asked.get(0).change());
        assertEquals("These 3 secrets in 1 region would become unreadable", asked.get(0).headline());
        assertEquals(1, puts, "confirmed: the policy is put");
    }

    @Test
    void declinedMeansNothingIsPut() {
        answer = false;
        gate().ask(payments(), () -> puts++);
        assertEquals(1, asked.size());
        assertEquals(0, puts);
    }

    @Test
    void aKeyThatCannotBeDescribedIsAnErrorAndNothingIsPut() {
        answer = true;
        String missing = "arn:aws:kms:us-east-1:" + fx.east.accountId() + ":key/00000000-0000-0000-0000-000000000000";
        gate().ask(PolicyTarget.key(fx.east, missing, false), () -> puts++);
        assertEquals(0, asked.size(), "no impact to show");
        assertEquals(1, dialogs.errors.size());
        assertEquals(0, puts);
    }
}
