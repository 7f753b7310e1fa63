package io.strongroom.ui.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.app.settings.OrganizationSetting;
import io.strongroom.app.settings.SettingsStore;
import io.strongroom.domain.SourceKind;
import io.strongroom.ui.signin.DeviceCodeViewModel;
import io.strongroom.ui.signin.OrganizationViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope picker's sessions and sign-in through the console's own view models and prompts,
 * against the real store over the SDK: the IAM Identity Center device flow through the device
 * code dialog's model, MFA through the MFA dialog's model (a wrong code refused with AWS's
 * message), an organization discovered with "Add organization…", an expired sign-in shown as
 * needing one.
 */
class ScopePickerSignInTest {

    static SignInPickerFixture fixture;

    @BeforeAll
    static void store() {
        fixture = new SignInPickerFixture();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void freshStart() throws Exception {
        Files.deleteIfExists(fixture.dir.resolve("sso-cache").resolve(fixture.tokenFile().getFileName()));
        Files.deleteIfExists(fixture.dir.resolve(ScopeMemory.FILE_NAME));
        fixture.approve = true;
        fixture.mfaAnswer = null;
        fixture.deviceDialogs.clear();
        fixture.mfaDialogs.clear();
        fixture.opened.clear();
        fixture.dialogs.shown.clear();
        fixture.dialogs.answer = true;
        fixture.start();
    }

    @Test
    void accountsAreGroupedByKindOfSourceAndEmbeddedSessionsAreSignedInWithLongTermKeys() {
        fixture.picker.opened();

        assertThat(fixture.picker.groups()).extracting(ScopePickerViewModel.Group::kind)
                .containsExactly(SourceKind.EMBEDDED, SourceKind.PROFILE, SourceKind.SSO);
        AccountChoice embedded = fixture.picker.groups().get(0).accounts().get(0);
        assertThat(embedded.status()).isEqualTo(AccountChoice.SessionStatus.ACTIVE);
        assertThat(embedded.sessionText()).isEqualTo("Signed in as user/admin, long-term keys");
        assertThat(fixture.account("sso-dev").sourceName()).isEqualTo("AWS profiles");
        assertThat(fixture.account("sso-dev").key()).isEqualTo("AWS profiles:" + fixture.store.adminKey(0).accountId());
    }

    @Test
    void theDeviceFlowThroughTheDialogSignsTheSsoAccountInAndThePickerShowsWhoAndUntilWhen() {
        fixture.picker.opened();
        AccountChoice sso = fixture.account("sso-dev");
        assertThat(sso.status()).isEqualTo(AccountChoice.SessionStatus.NEEDS_SIGN_IN);
        assertThat(sso.sessionText()).isEqualTo("Sign-in needed");
        assertThat(fixture.deviceDialogs).as("a status check never prompts").isEmpty();

        fixture.sessions.signIn(sso);

        assertThat(fixture.deviceDialogs).hasSize(1);
        DeviceCodeViewModel dialog = fixture.deviceDialogs.get(0);
        assertThat(dialog.profileName()).isEqualTo("sso-dev");
        assertThat(dialog.userCode()).isNotBlank();
        assertThat(fixture.opened).containsExactly(dialog.pageToOpen());
        assertThat(dialog.pageToOpen().toString()).startsWith(fixture.store.store().endpoint().toString()).contains(dialog.userCode());
        assertThat(dialog.state()).isEqualTo(DeviceCodeViewModel.State.SIGNED_IN);
        assertThat(dialog.messageProperty().get()).isEqualTo("Signed in to sso-dev.");
        assertThat(sso.status()).isEqualTo(AccountChoice.SessionStatus.ACTIVE);
        assertThat(sso.sessionText()).matches("Signed in as AdministratorAccess/admin, expires in (\\d+ h )?\\d+ min");
        assertThat(sso.sessionDetailProperty().get()).contains(":assumed-role/AWSReservedSSO_AdministratorAccess_").contains("Sign-in valid for");
        fixture.picker.opened();
        assertThat(fixture.account("mfa-reader").status()).as("a role profile of the same account is a session of its own")
                .isEqualTo(AccountChoice.SessionStatus.NEEDS_SIGN_IN);
    }

    @Test
    void aDeniedDeviceCodeLeavesTheAccountNeedingSignIn() {
        fixture.approve = false;
        AccountChoice sso = fixture.account("sso-dev");

        fixture.sessions.signIn(sso);

        assertThat(fixture.deviceDialogs).hasSize(1);
        assertThat(fixture.deviceDialogs.get(0).state()).isEqualTo(DeviceCodeViewModel.State.FAILED);
        assertThat(sso.status()).isEqualTo(AccountChoice.SessionStatus.NEEDS_SIGN_IN);
        assertThat(sso.sessionText()).isEqualTo("Sign-in needed");
    }

    @Test
    void anExpiredSignInShowsSignInNeededOnTheNextStart() throws Exception {
        fixture.sessions.signIn(fixture.account("sso-dev"));
        assertThat(fixture.account("sso-dev").status()).isEqualTo(AccountChoice.SessionStatus.ACTIVE);
        ObjectMapper json = new ObjectMapper();
        ObjectNode token = (ObjectNode) json.readTree(fixture.tokenFile().toFile());
        token.put("expiresAt", "2020-01-01T00:00:00Z");
        token.remove("refreshToken");
        Files.write(fixture.tokenFile(), json.writeValueAsBytes(token));

        fixture.start();
        fixture.picker.opened();

        AccountChoice sso = fixture.account("sso-dev");
        assertThat(sso.status()).isEqualTo(AccountChoice.SessionStatus.NEEDS_SIGN_IN);
        assertThat(sso.sessionText()).isEqualTo("Sign-in needed");
        assertThat(sso.sessionDetailProperty().get()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aWrongMfaCodeIsRefusedWithAwsMessageAndTheRightOneSignsIn() {
        fixture.picker.opened();
        AccountChoice mfa = fixture.account("mfa-reader");
        assertThat(mfa.status()).isEqualTo(AccountChoice.SessionStatus.NEEDS_SIGN_IN);

        fixture.mfaAnswer = m -> fixture.device.wrongCode();
        fixture.sessions.signIn(mfa);

        assertThat(fixture.mfaDialogs).hasSize(1);
        assertThat(fixture.mfaDialogs.get(0).profileName()).isEqualTo("mfa-reader");
        assertThat(fixture.mfaDialogs.get(0).mfaSerial()).isEqualTo(fixture.device.serial());
        assertThat(mfa.status()).isEqualTo(AccountChoice.SessionStatus.FAILED);
        assertThat(mfa.sessionText()).startsWith("AccessDenied: ").containsIgnoringCase("MultiFactorAuthentication failed");

        fixture.mfaAnswer = m -> fixture.device.code();
        fixture.sessions.signIn(mfa);

        assertThat(fixture.mfaDialogs).hasSize(2);
        assertThat(mfa.status()).isEqualTo(AccountChoice.SessionStatus.ACTIVE);
        assertThat(mfa.sessionText()).matches("Signed in as picker-reader/\\S+, expires in (\\d+ h )?\\d+ min");
    }

    @Test
    void aCancelledMfaDialogLeavesTheAccountNeedingSignIn() {
        AccountChoice mfa = fixture.account("mfa-reader");
        fixture.sessions.signIn(mfa);
        assertThat(fixture.mfaDialogs).hasSize(1);
        assertThat(mfa.status()).isEqualTo(AccountChoice.SessionStatus.NEEDS_SIGN_IN);
    }

    @Test
    void addOrganizationDiscoversTheThreeLocalAccountsAndSavesNoCredential() {
        OrganizationViewModel org = fixture.organizations;
        org.prepare(fixture.candidates());
        assertThat(org.managementProperty().get().account().source()).isEqualTo(SourceKind.EMBEDDED);
        assertThat(org.roleNameProperty().get()).isEqualTo("OrganizationAccountAccessRole");

        org.discover();

        assertThat(org.errorProperty().get()).isEmpty();
        assertThat(org.doneProperty().get()).isTrue();
        assertThat(org.statusProperty().get()).isEqualTo("3 accounts found, all reachable.");
        ScopePickerViewModel.Group group = fixture.picker.groups().stream()
                .filter(g -> g.kind() == SourceKind.ORGANIZATION).findFirst().orElseThrow();
        assertThat(group.accounts()).hasSize(3).allMatch(AccountChoice::isSelected);
        assertThat(group.accounts()).extracting(AccountChoice::accountId).containsExactlyInAnyOrderElementsOf(
                fixture.store.store().accounts().list().stream().map(a -> a.accountId()).toList());
        String managementKey = org.managementProperty().get().key();
        assertThat(fixture.savedOrganizations).last()
                .isEqualTo(List.of(new OrganizationViewModel.Saved(managementKey, "OrganizationAccountAccessRole")));
        assertThat(managementKey).doesNotContain(fixture.store.adminKey(0).secretAccessKey());

        fixture.picker.opened();
        assertThat(group.accounts()).allMatch(a -> a.status() == AccountChoice.SessionStatus.ACTIVE, "every member reached");
        assertThat(group.accounts()).filteredOn(a -> !a.accountId().equals(fixture.store.adminKey(0).accountId()))
                .allMatch(a -> a.sessionText().startsWith("Signed in as OrganizationAccountAccessRole/strongroom-organization, expires in "));
    }

    @Test
    void removeOrganizationOnItsGroupAsksThenDropsItsAccountsAndItsSettingAndKeepsTheRest() throws Exception {
        OrganizationViewModel org = fixture.organizations;
        org.prepare(fixture.candidates());
        String managementKey = org.managementProperty().get().key();
        org.discover();
        assertThat(org.doneProperty().get()).isTrue();
        fixture.picker.apply();         // the organization's accounts and the embedded ones are remembered
        assertThat(SettingsStore.open(fixture.dir).current().organizations())
                .containsExactly(new OrganizationSetting(managementKey, "OrganizationAccountAccessRole"));
        ScopePickerViewModel.Group group = fixture.picker.groups().stream()
                .filter(g -> g.kind() == SourceKind.ORGANIZATION).findFirst().orElseThrow();
        List<String> others = fixture.picker.accounts().stream()
                .filter(a -> a.account().source() != SourceKind.ORGANIZATION).map(AccountChoice::key).toList();
        List<String> remembered = fixture.picker.accounts().stream().filter(AccountChoice::isSelected)
                .filter(a -> a.account().source() != SourceKind.ORGANIZATION).map(AccountChoice::key).toList();
        assertThat(remembered).as("the embedded accounts are chosen beside the organization's").isNotEmpty();
        assertThat(fixture.picker.canRemove(group)).isTrue();
        assertThat(fixture.picker.groups()).filteredOn(g -> g.kind() != SourceKind.ORGANIZATION)
                .noneMatch(fixture.picker::canRemove);

        fixture.dialogs.answer = false;
        fixture.picker.removeGroup(group);

        assertThat(fixture.dialogs.shown).containsExactly("confirm: Remove organization");
        assertThat(fixture.picker.groups()).extracting(ScopePickerViewModel.Group::kind).contains(SourceKind.ORGANIZATION);
        assertThat(SettingsStore.open(fixture.dir).current().organizations()).hasSize(1);

        fixture.dialogs.answer = true;
        fixture.picker.removeGroup(group);

        assertThat(fixture.dialogs.shown).containsExactly("confirm: Remove organization", "confirm: Remove organization");
        assertThat(fixture.picker.groups()).extracting(ScopePickerViewModel.Group::kind)
                .containsExactly(SourceKind.EMBEDDED, SourceKind.PROFILE, SourceKind.SSO);
        assertThat(fixture.picker.accounts()).extracting(AccountChoice::key).containsExactlyElementsOf(others);
        assertThat(fixture.picker.canRemove(group)).as("gone, so nothing left to remove").isFalse();
        assertThat(SettingsStore.open(fixture.dir).current().organizations()).isEmpty();
        assertThat(Files.readString(fixture.dir.resolve(SettingsStore.FILE_NAME))).contains("\"organizations\"")
                .doesNotContain(managementKey);
        assertThat(org.saved()).isEmpty();
        ScopeMemory.Choice choice = ScopeMemory.in(fixture.dir).load().orElseThrow();
        assertThat(choice.accounts()).as("the other remembered accounts stay chosen").containsExactlyInAnyOrderElementsOf(remembered);
        assertThat(fixture.picker.appliedScopes()).isNotEmpty()
                .noneMatch(s -> s.account().source() == SourceKind.ORGANIZATION);

        fixture.start();
        assertThat(fixture.picker.accounts()).filteredOn(AccountChoice::isSelected).extracting(AccountChoice::key)
                .as("the next start ticks the remembered accounts").containsExactlyInAnyOrderElementsOf(remembered);
    }

    @Test
    void aRoleMissingInTheMembersShowsAwsErrorOnTheirRows() {
        OrganizationViewModel org = fixture.organizations;
        org.prepare(fixture.candidates());
        org.roleNameProperty().set("NoSuchRole");

        org.discover();

        assertThat(org.statusProperty().get()).isEqualTo("3 accounts found, 2 not reachable.");
        List<AccountChoice> members = fixture.picker.groups().stream().filter(g -> g.kind() == SourceKind.ORGANIZATION)
                .findFirst().orElseThrow().accounts();
        assertThat(members).filteredOn(a -> a.status() == AccountChoice.SessionStatus.FAILED).hasSize(2)
                .allMatch(a -> a.sessionText().startsWith("AccessDenied: "));
    }

    @Test
    void aRoleNameIamWouldRefuseIsNotSent() {
        OrganizationViewModel org = fixture.organizations;
        org.prepare(fixture.candidates());
        org.roleNameProperty().set("no spaces allowed");
        assertThat(org.validProperty().get()).isFalse();
        assertThat(org.problemProperty().get()).startsWith("Role names are 1 to 64 characters");
    }
}
