package io.strongroom.ui.shell;

import io.strongroom.app.Composition;
import io.strongroom.app.StoredPreferences;
import io.strongroom.app.settings.SettingsStore;
import io.strongroom.domain.Account;
import io.strongroom.domain.MemberAccount;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.IdentityService;
import io.strongroom.service.OrganizationSource;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.SessionService;
import io.strongroom.service.TimeSource;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.SignInProfiles;
import io.strongroom.testing.Totp;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.signin.DeviceCodeViewModel;
import io.strongroom.ui.signin.MfaCodeViewModel;
import io.strongroom.ui.signin.OrganizationViewModel;
import io.strongroom.ui.signin.SignInPrompts;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The scope picker's view models over a real store, the way the console wires them but on the
 * test's thread ({@link DirectUiExecutor}): an {@code sso_session} profile and an
 * {@code mfa_serial} role profile pointed at the store, the console's sign-in prompts installed
 * on the client registry, with "dialogs" that act as the user: the device code is approved on
 * the store's page with one form POST, and the MFA dialog is answered with a code of the
 * store's virtual device ({@link Totp}).
 */
final class SignInPickerFixture implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final RunningStore store = new RunningStore();
    final Path dir;
    final Path config;
    final Path credentials;
    final Texts texts = Texts.load();
    final DirectUiExecutor ui = new DirectUiExecutor();
    final Totp device;
    final List<URI> opened = new CopyOnWriteArrayList<>();
    final List<DeviceCodeViewModel> deviceDialogs = new CopyOnWriteArrayList<>();
    final List<MfaCodeViewModel> mfaDialogs = new CopyOnWriteArrayList<>();
    final List<List<OrganizationViewModel.Saved>> savedOrganizations = new CopyOnWriteArrayList<>();
    /** The user answering the console's questions ("Remove organization?"). */
    final RecordingDialogs dialogs = new RecordingDialogs();
    /** settings.json in {@link #dir}, read again at each start; organizations are saved through the console's port. */
    SettingsStore settings;
    /** How the MFA dialog is answered: the code typed (null: Cancel). */
    volatile Function<MfaCodeViewModel, String> mfaAnswer;
    /** Whether the device code is approved on the page (false: denied). */
    volatile boolean approve = true;
    final List<ClientRegistry> registries = new ArrayList<>();
    ClientRegistry clients;
    ScopePickerViewModel picker;
    ScopeSessionsViewModel sessions;
    OrganizationViewModel organizations;
    final SignInPrompts prompts;

    SignInPickerFixture() {
        try {
            dir = Files.createTempDirectory("strongroom-signin-");
            var admin = store.adminKey(0);
            String account = admin.accountId();
            IamClient iam = store.iam(admin);
            String roleArn = iam.createRole(r -> r.roleName("picker-reader").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                     "Action":"sts:AssumeRole"}]}""".formatted(account))).role().arn();
            iam.putRolePolicy(r -> r.roleName("picker-reader").policyName("list").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:ListSecrets","Resource":"*"}]}"""));
            device = Totp.enable(iam, "admin", "picker-mfa");
            credentials = dir.resolve("credentials");
            Files.writeString(credentials, "[base]\naws_access_key_id = " + admin.accessKeyId() + "\naws_secret_access_key = "
                    + admin.secretAccessKey() + "\n");
            config = SignInProfiles.writeConfig(dir, store.store().endpoint(), """
                    [profile sso-dev]
                    sso_session = local
                    sso_account_id = %1$s
                    sso_role_name = AdministratorAccess
                    region = us-east-1
                    services = local-store

                    [sso-session local]
                    sso_start_url = https://strongroom-test.awsapps.com/start
                    sso_region = us-east-1
                    sso_registration_scopes = sso:account:access

                    [profile base]
                    region = us-east-1
                    services = local-store

                    [profile mfa-reader]
                    role_arn = %2$s
                    source_profile = base
                    mfa_serial = %3$s
                    region = us-east-1
                    services = local-store
                    """.formatted(account, roleArn, device.serial()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prompts = new SignInPrompts(ui, texts, Clock.systemUTC(), opened::add, () -> false);
        prompts.useDialogs(new SignInPrompts.Dialogs() {
            @Override
            public void showDeviceCode(DeviceCodeViewModel model) {
                deviceDialogs.add(model);
                decide(model.userCode());
            }

            @Override
            public void showMfa(MfaCodeViewModel model) {
                mfaDialogs.add(model);
                String code = mfaAnswer == null ? null : mfaAnswer.apply(model);
                if (code == null) {
                    model.cancel();
                } else {
                    model.codeProperty().set(code);
                    model.ok();
                }
            }
        });
        start();
    }

    /** A console start: a new client registry (sessions held in memory are gone, the SSO token cache stays). */
    void start() {
        clients = new ClientRegistry(ClientRegistry.Settings.defaults().withMaxAttempts(1), t -> false, dir.resolve("sso-cache"));
        registries.add(clients);
        clients.signIn().usePrompts(prompts, prompts);
        SessionService service = new SessionService(clients, new IdentityService(clients, new RateLimiters(TimeSource.system())));
        picker = new ScopePickerViewModel(ScopeMemory.in(dir), ui);
        sessions = new ScopeSessionsViewModel(ui, () -> service, texts, Clock.systemUTC());
        picker.useSessions(sessions);
        picker.setSources(List.of(Composition.accountsOf(store.store()), AccountSource.awsProfiles(config, credentials)));
        settings = SettingsStore.open(dir);
        StoredPreferences preferences = new StoredPreferences(() -> settings);
        organizations = new OrganizationViewModel(ui, (management, role) -> AccountSource.organization(clients, management, role),
                saved -> {
                    savedOrganizations.add(saved);
                    preferences.saveOrganizations(saved);
                }, new OrganizationViewModel.Sources() {
                    @Override
                    public void added(OrganizationSource source, List<MemberAccount> members) {
                        organizationAdded(source, members);
                    }

                    @Override
                    public void removed(String sourceName) {
                        picker.removeSource(sourceName);
                    }
                }, dialogs, texts);
        OrganizationViewModel orgs = organizations;
        picker.useSourceRemoval(new ScopePickerViewModel.SourceRemoval() {
            @Override
            public boolean removable(String sourceName) {
                return orgs.isRemovable(sourceName);
            }

            @Override
            public void remove(String sourceName) {
                orgs.remove(sourceName);
            }
        });
    }

    private void organizationAdded(OrganizationSource source, List<MemberAccount> members) {
        picker.addSource(source, true);
        for (MemberAccount m : members) {
            if (m.errorCode() != null) {
                choice(source.name(), m.account()).ifPresent(a -> sessions.knownError(a, m.errorCode(), m.errorMessage()));
            }
        }
    }

    java.util.Optional<AccountChoice> choice(String source, Account account) {
        String key = ScopePickerViewModel.accountKey(source, account);
        return picker.accounts().stream().filter(a -> a.key().equals(key)).findFirst();
    }

    AccountChoice account(String alias) {
        return picker.accounts().stream().filter(a -> a.alias().equals(alias)).findFirst().orElseThrow();
    }

    List<OrganizationViewModel.Candidate> candidates() {
        return picker.accounts().stream().filter(a -> a.sourceName().equals(AccountSource.EMBEDDED_STORE_NAME)
                        || a.sourceName().equals(AccountSource.AWS_PROFILES_NAME))
                .map(a -> new OrganizationViewModel.Candidate(a.key(), a.alias() + " (" + a.sourceName() + ")", a.account()))
                .toList();
    }

    /** The SSO token cached for the {@code local} session (the AWS CLI's file name). */
    Path tokenFile() throws Exception {
        return dir.resolve("sso-cache").resolve(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest("local".getBytes(java.nio.charset.StandardCharsets.UTF_8))) + ".json");
    }

    private void decide(String userCode) {
        HttpRequest post = HttpRequest.newBuilder(store.store().endpoint().resolve("/sso/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user_code=" + userCode + "&user_name=admin&decision="
                        + (approve ? "approve" : "deny")))
                .build();
        try {
            HTTP.send(post, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        registries.forEach(ClientRegistry::close);
        try {
            device.remove(store.iam(store.adminKey(0)), "admin");
        } catch (RuntimeException ignored) {
            // the store goes away next
        }
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
