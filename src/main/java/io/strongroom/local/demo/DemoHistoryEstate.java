package io.strongroom.local.demo;

import io.strongroom.local.LocalStore;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.LocalAccount;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeded demo estate as the history needs it: every demo secret with its real ARN and dates
 * (read back from the store after seeding), its versions and creation request from the catalog,
 * the demo roles' IDs and each account's admin user. The history is written about these, so the
 * trail names what the console lists.
 */
final class DemoHistoryEstate {

    /** A version of a secret: its ID and when it was made. */
    record Version(String versionId, Instant created) {}

    /**
     * A demo secret. {@code lastAccessed} is the store's LastAccessedDate after seeding (null: never
     * read); {@code deleted} is when it was scheduled for deletion (null: it was not).
     */
    record Secret(String accountAlias, String accountId, String region, String arn, String name, Instant created,
                  Instant lastAccessed, Instant deleted, boolean rotating, List<Version> versions, DemoCatalog.SecretPlan plan) {

        /** Whether the secret existed, and was not scheduled for deletion, at {@code t}. */
        boolean liveAt(Instant t) {
            return !created.isAfter(t) && (deleted == null || deleted.isAfter(t));
        }

        boolean named(String pattern) {
            return pattern.endsWith("/*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : name.equals(pattern);
        }
    }

    /** An account of the estate: its alias, ID, admin user (its ARN, user ID and access key) and its secrets by region. */
    record Account(String alias, String accountId, String adminArn, String adminUserId, String adminKeyId,
                   Map<String, List<Secret>> secretsByRegion) {

        List<Secret> secrets() {
            return secretsByRegion.values().stream().flatMap(List::stream).toList();
        }

        List<Secret> in(String region) {
            return secretsByRegion.getOrDefault(region, List.of());
        }

        Optional<Secret> find(String region, String name) {
            return in(region).stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }

    private final LocalStore store;
    private final Map<String, Account> accounts;

    private DemoHistoryEstate(LocalStore store, Map<String, Account> accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** Reads the estate back: the accounts of {@code present} (by alias) that have an admin user, and their demo secrets. */
    static DemoHistoryEstate read(LocalStore store, Map<String, LocalAccount> present, List<DemoCatalog.ScopePlan> plans, Instant now) {
        Map<String, DemoCatalog.SecretPlan> planned = new HashMap<>();
        for (DemoCatalog.ScopePlan p : plans) {
            for (DemoCatalog.SecretPlan s : p.secrets()) {
                planned.put(p.accountAlias() + " " + p.region() + " " + s.name(), s);
            }
        }
        Accounts directory = store.accounts();
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, LocalAccount> a : present.entrySet()) {
            String id = a.getValue().accountId();
            Optional<AccessKey> admin = directory.adminKey(id);
            if (admin.isEmpty()) {
                continue;
            }
            String userId = directory.credential(admin.get().accessKeyId()).map(c -> c.caller().userId()).orElse(null);
            Map<String, List<Secret>> byRegion = new LinkedHashMap<>();
            for (String region : DemoEstate.REGIONS) {
                List<Secret> secrets = new ArrayList<>();
                for (SecretListEntry e : list(store, id, region, now)) {
                    DemoCatalog.SecretPlan plan = planned.get(a.getKey() + " " + region + " " + e.name());
                    if (plan == null || !DemoEstate.isDemo(e)) {
                        continue;
                    }
                    List<Version> versions = plan.versions().stream()
                            .map(v -> new Version(v.versionId(), now.minus(v.age()))).toList();
                    secrets.add(new Secret(a.getKey(), id, region, e.arn(), e.name(), e.createdDate(), e.lastAccessedDate(),
                            e.deletedDate(), Boolean.TRUE.equals(e.rotationEnabled()), versions, plan));
                }
                byRegion.put(region, List.copyOf(secrets));
            }
            accounts.put(a.getKey(), new Account(a.getKey(), id, admin.get().principalArn(), userId, admin.get().accessKeyId(),
                    byRegion));
        }
        return new DemoHistoryEstate(store, accounts);
    }

    private static List<SecretListEntry> list(LocalStore store, String accountId, String region, Instant now) {
        List<SecretListEntry> out = new ArrayList<>();
        String token = null;
        do {
            ListSecretsResponse page = store.invoke(accountId, region, now, "secretsmanager", "ListSecrets",
                    ListSecretsRequest.builder().includePlannedDeletion(true).maxResults(100).nextToken(token).build());
            out.addAll(page.secretList());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    Optional<Account> account(String alias) {
        return Optional.ofNullable(accounts.get(alias));
    }

    List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    /** The demo role of that name in the account, if it exists. */
    Optional<IamRole> role(Account account, String roleName) {
        return store.accounts().iam().role(account.accountId(), roleName);
    }
}
