package io.strongroom.ui.policy;

import io.strongroom.domain.NewSecret;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.PolicyService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.RecordingClipboard;
import io.strongroom.ui.editor.ScriptedDialogs;
import io.strongroom.ui.editor.SecretDialogs;
import io.strongroom.ui.editor.Snapshots;
import io.strongroom.ui.editor.StoreFixture;
import io.strongroom.ui.secret.SecretDetailView;
import io.strongroom.ui.secret.SecretDetailViewModel;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the secret detail's Policy tab to {@link Snapshots#SCREENSHOTS} under headless Monocle,
 * on the embedded store: a stored cross-account policy being widened (findings listed and
 * underlined, the new-access check failing), light and dark, and the diff against the stored one.
 */
class PolicyScreenshotTest {

    static StoreFixture fx;
    static PolicyService policies;
    static SecretSummary secret;
    static final AtomicReference<PolicyTab> shownTab = new AtomicReference<>();
    static String partner;

    static final String STORED = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "PartnerReadsCurrentValue",
                  "Effect": "Allow",
                  "Principal": { "AWS": "arn:aws:iam::%s:role/settlement-reader" },
                  "Action": "secretsmanager:GetSecretValue",
                  "Resource": "*"
                }
              ]
            }
            """;

    /** The stored policy widened: the partner's whole account, and a second statement naming one action twice (a suggestion). */
    static final String WIDENED = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "PartnerReadsCurrentValue",
                  "Effect": "Allow",
                  "Principal": { "AWS": "arn:aws:iam::%s:root" },
                  "Action": "secretsmanager:GetSecretValue",
                  "Resource": "*"
                },
                {
                  "Sid": "OpsInOwnAccount",
                  "Effect": "Allow",
                  "Principal": { "AWS": "*" },
                  "Action": ["secretsmanager:DescribeSecret", "secretsmanager:Describe*"],
                  "Resource": "*",
                  "Condition": { "StringEquals": { "aws:PrincipalAccount": "%s" } }
                }
              ]
            }
            """;

    @BeforeAll
    static void start() throws Exception {
        fx = new StoreFixture(1, "us-east-1");
        Snapshots.startFx();
        policies = new PolicyService(fx.clients, fx.fanOut.rateLimiters());
        partner = fx.store.adminKey(2).accountId();
        String name = "prod/payments/settlement-api-key";
        fx.secrets.create(fx.scope, new NewSecret(name, "Settlement partner API key (demo value)", null,
                SecretPayload.ofText("FAKE-demo-only-key"), Map.of("team", "payments-core"), SecretsService.newRequestToken()));
        secret = fx.secrets.describe(fx.scope, name);
        SecretMutations.of(fx.secrets, policies).apply(
                new io.strongroom.service.journal.SecretMutation.PutSecretPolicy(fx.scope, secret.arn(), STORED.formatted(partner), true));
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.theme(false);
        fx.close();
    }

    /** The detail pane on the Policy tab, its draft widened to the partner's whole account plus a broad statement. */
    private SecretDetailView detail(boolean dark) throws Exception {
        Snapshots.theme(dark);
        Texts texts = Texts.load().in(PolicyFeature.BUNDLE);
        AtomicReference<PolicyViewModel> policyVm = new AtomicReference<>();
        DetailTab.Factory tab = host -> {
            PolicyViewModel vm = new PolicyViewModel(PolicyTarget.secretOf(host.secretProperty()), host.readOnly(), policies,
                    SecretMutations.of(fx.secrets, policies),
                    new DirectUiExecutor(), new ScriptedDialogs(), texts, host::changed);
            policyVm.set(vm);
            PolicyTab t = new PolicyTab(PolicyTab.ID, texts.get("tab.policy"), () -> new PolicyView(vm, texts));
            shownTab.set(t);
            return t;
        };
        SecretDetailView v = detailOn(tab, PolicyTab.ID, 900);
        Snapshots.settle();
        PolicyViewModel vm = policyVm.get();
        Snapshots.onFx(() -> {
            vm.draftProperty().set(WIDENED.formatted(partner, fx.accountId));
            vm.validate();
            vm.checkAccess();
            return null;
        });
        Snapshots.settle();
        assertFalse(vm.checkProperty().get().passed(), "the widened draft grants new access");
        assertFalse(vm.findings().isEmpty(), "the redundant action is a finding");
        return v;
    }

    /** The detail pane of the secret with one contributed tab, {@code height} tall, on the tab {@code id}. */
    private static SecretDetailView detailOn(DetailTab.Factory tab, String id, double height) throws Exception {
        SecretDetailView v = Snapshots.onFx(() -> {
            SecretDetailViewModel vm = new SecretDetailViewModel(fx.secrets, SecretMutations.of(fx.secrets), new DirectUiExecutor(),
                    new ScriptedDialogs(), new RecordingClipboard(), Texts.load());
            SecretDetailView view = new SecretDetailView(vm, new SecretDialogs(fx.fakes(false).ctx()), List.of(tab));
            new Scene(view, 860, height);
            vm.secretProperty().set(secret);
            return view;
        });
        Snapshots.settle();
        assertTrue(Snapshots.onFx(() -> v.showTab(id)));
        return v;
    }

    private static void write(SecretDetailView v, String file) throws Exception {
        Path png = Snapshots.write(v, file);
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void editorWithFindingsAndAFailedCheck() throws Exception {
        write(detail(false), "policy-editor.png");
    }

    @Test
    void darkTheme() throws Exception {
        write(detail(true), "policy-editor-dark.png");
    }

    @Test
    void whoCanReadAndTestAccess() throws Exception {
        access(false, "policy-access.png");
    }

    @Test
    void whoCanReadAndTestAccessDark() throws Exception {
        access(true, "policy-access-dark.png");
    }

    private void access(boolean dark, String file) throws Exception {
        Snapshots.theme(dark);
        Texts texts = Texts.load().in(PolicyFeature.BUNDLE);
        AtomicReference<AccessViewModel> accessVm = new AtomicReference<>();
        DetailTab.Factory tab = host -> {
            AccessViewModel vm = new AccessViewModel(host.secretProperty(), () -> List.of(fx.scope),
                    new io.strongroom.service.AccessService(fx.clients, fx.fanOut), policies, new DirectUiExecutor(), texts);
            accessVm.set(vm);
            return new PolicyTab(PolicyTab.ACCESS_ID, texts.get("tab.access"), () -> new AccessView(vm, texts));
        };
        SecretDetailView v = detailOn(tab, PolicyTab.ACCESS_ID, 820);
        Snapshots.onFx(() -> {
            AccessViewModel vm = accessVm.get();
            vm.findReaders();
            vm.principalProperty().set("arn:aws:iam::" + fx.accountId + ":user/admin");
            vm.actionProperty().set("secretsmanager:PutResourcePolicy");
            vm.testAccess();
            return null;
        });
        Snapshots.settle();
        assertFalse(accessVm.get().readers().isEmpty(), String.valueOf(accessVm.get().findErrorProperty().get()));
        assertTrue(accessVm.get().decisionProperty().get().allowed());
        write(v, file);
    }

    @Test
    void theSecretsKeyPolicy() throws Exception {
        Snapshots.theme(false);
        Texts texts = Texts.load().in(PolicyFeature.BUNDLE);
        DetailTab.Factory tab = host -> {
            SecretKeyTarget key = new SecretKeyTarget(host.secretProperty(), policies, new DirectUiExecutor());
            PolicyViewModel vm = new PolicyViewModel(key.targetProperty(), host.readOnly(), policies,
                    SecretMutations.of(fx.secrets, policies), new DirectUiExecutor(), new ScriptedDialogs(), texts, host::changed);
            return new PolicyTab(PolicyTab.KEY_ID, texts.get("tab.keyPolicy"), () -> PolicyView.ofKey(vm, key.errorProperty(), texts));
        };
        SecretDetailView v = detailOn(tab, PolicyTab.KEY_ID, 900);
        Snapshots.settle();
        write(v, "policy-key.png");
    }

    @Test
    void diffAgainstTheStoredPolicy() throws Exception {
        SecretDetailView v = detail(false);
        Snapshots.onFx(() -> {
            ToggleButton diff = ((PolicyView) shownTab.get().content()).diffToggle();
            assertFalse(diff.isDisabled(), "the draft differs from the stored policy");
            diff.setSelected(true);
            return null;
        });
        Snapshots.settle();
        write(v, "policy-diff.png");
    }
}
