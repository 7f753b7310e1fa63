package io.strongroom.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The demo estate as data: every secret, version, tag and KMS key, with its age relative to the
 * moment it is seeded. Pure and deterministic: the same plan comes out of every run (one seeded
 * {@link Random} per account and per account/region), whatever the account IDs and the date,
 * so screenshots, tests and a newcomer's first window all show the same estate.
 *
 * <p>Values are fake and say so: passwords, tokens and keys contain {@code EXAMPLE} or
 * {@code demo}, hosts are under {@code example.com} or carry {@code demo} in their name, but each
 * has the shape of the real thing (an RDS credential document, a Stripe key, a PEM key, a
 * PKCS#12 blob), so the value views have something believable to show.
 */
final class DemoCatalog {

    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");

    private static final long SEED = 0x5354_524F_4E47L;     // "STRONG"
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PASSWORD_CHARS = ALNUM + "!#%^*()-_=+";
    private static final String HEX = "0123456789abcdef";

    /** A customer managed KMS key to create, and whether it is already on its way out. */
    record KeyPlan(String alias, String description, Duration age, boolean rotation, Duration deletionScheduledAgo,
                   int pendingWindowDays, Map<String, String> tags) {
        boolean pendingDeletion() {
            return deletionScheduledAgo != null;
        }
    }

    /** One version of a value: a string, or bytes for a binary secret. {@code age} is its creation date, before seeding. */
    record VersionPlan(String versionId, Duration age, String string, byte[] binary) {}

    /**
     * One secret: {@code keyAlias} names a {@link KeyPlan} of the same scope (null: the account's
     * {@code aws/secretsmanager} key), referred to by key ARN instead of alias when {@code keyByArn}.
     * The first version's age is the secret's creation date; {@code lastAccessedAgo} null means never read.
     */
    record SecretPlan(String name, String description, Map<String, String> tags, String keyAlias, boolean keyByArn,
                      List<VersionPlan> versions, Duration lastAccessedAgo, Duration deletionScheduledAgo, int recoveryWindowDays) {
        Duration age() {
            return versions.get(0).age();
        }

        boolean binary() {
            return versions.get(0).binary() != null;
        }
    }

    record ScopePlan(String accountAlias, String region, List<KeyPlan> keys, List<SecretPlan> secrets) {}

    // ---- The accounts ------------------------------------------------------------------------

    /** What kind of thing a secret holds: decides its value's shape and its description. */
    private enum Kind {
        DATABASE, REDSHIFT, SNOWFLAKE, API_KEY, OAUTH_CLIENT, CI_TOKEN, PRIVATE_KEY, SSH_KEY, TOKEN, KAFKA, WEBHOOK,
        SMTP, KEYSTORE, KEYTAB, BREAK_GLASS
    }

    /** A name pattern for each service of an account, included for a service with the given probability. */
    private record ServiceTemplate(String suffix, Kind kind, double probability) {}

    private record Database(String name, String engine, String team) {}

    /** A secret every estate of this account shows in {@code regions}, so the well-known names are always there. */
    private record Anchor(String name, Kind kind, String service, String vendor, List<String> regions) {}

    private record Profile(String alias, List<String[]> prefixes, Map<String, String> serviceTeams, List<Database> databases,
                           List<String> vendors, Map<String, Integer> secretsByRegion, List<Anchor> anchors,
                           double customerKeyShare) {}

    private static final List<ServiceTemplate> SERVICE_TEMPLATES = List.of(
            new ServiceTemplate("db-credentials", Kind.DATABASE, 0.75),
            new ServiceTemplate("oauth-client", Kind.OAUTH_CLIENT, 0.5),
            new ServiceTemplate("jwt-signing-key", Kind.PRIVATE_KEY, 0.35),
            new ServiceTemplate("redis-auth-token", Kind.TOKEN, 0.4),
            new ServiceTemplate("kafka-sasl", Kind.KAFKA, 0.35),
            new ServiceTemplate("webhook-signing-secret", Kind.WEBHOOK, 0.25),
            new ServiceTemplate("smtp-credentials", Kind.SMTP, 0.15));

    private static final List<String> CI_NAMES = List.of("ci/github/deploy-token", "ci/github/packages-read-token",
            "ci/terraform/cloud-token", "ci/jenkins/api-token", "ci/argocd/admin-password", "ci/dockerhub/pull-token",
            "ci/sonarqube/scanner-token", "ci/circleci/api-token");

    private static final Map<String, String> COST_CENTERS = Map.ofEntries(
            Map.entry("payments-core", "CC-4100"), Map.entry("checkout", "CC-4120"), Map.entry("merchant-platform", "CC-4150"),
            Map.entry("card-platform", "CC-4180"), Map.entry("risk", "CC-4210"), Map.entry("finance-eng", "CC-4300"),
            Map.entry("platform", "CC-2000"), Map.entry("data-platform", "CC-5100"), Map.entry("bi", "CC-5200"),
            Map.entry("ml-eng", "CC-5300"), Map.entry("growth", "CC-5400"), Map.entry("secops", "CC-7100"),
            Map.entry("appsec", "CC-7200"), Map.entry("identity", "CC-7300"), Map.entry("grc", "CC-7400"));

    private static final List<Profile> PROFILES = List.of(
            new Profile("payments-prod",
                    List.<String[]>of(new String[] {"prod", "prod"}),
                    ordered("payments", "payments-core", "checkout", "checkout", "ledger", "finance-eng", "fraud-scoring", "risk",
                            "billing", "finance-eng", "refunds", "payments-core", "merchant-api", "merchant-platform",
                            "payouts", "payments-core", "card-vault", "card-platform", "notifications", "platform",
                            "orders", "checkout", "invoicing", "finance-eng", "subscriptions", "finance-eng",
                            "disputes", "risk"),
                    List.of(new Database("orders-db", "postgres", "checkout"), new Database("ledger-db", "aurora-postgresql", "finance-eng"),
                            new Database("payments-db", "aurora-postgresql", "payments-core"), new Database("merchants-db", "mysql", "merchant-platform"),
                            new Database("refunds-db", "postgres", "payments-core"), new Database("fraud-db", "postgres", "risk")),
                    List.of("stripe", "adyen", "braintree", "plaid", "twilio", "sendgrid", "datadog", "pagerduty", "sentry"),
                    ordered("us-east-1", 70, "eu-west-1", 40, "us-west-2", 25, "ap-southeast-2", 15),
                    List.of(new Anchor("prod/payments/stripe-api-key", Kind.API_KEY, "payments", "stripe", List.of("us-east-1", "eu-west-1")),
                            new Anchor("rds/orders-db/master", Kind.DATABASE, "orders-db", null, List.of("us-east-1")),
                            new Anchor("ci/github/deploy-token", Kind.CI_TOKEN, null, "github", List.of("us-east-1")),
                            new Anchor("third-party/datadog/api-key", Kind.API_KEY, null, "datadog", REGIONS),
                            new Anchor("prod/card-vault/tls-keystore", Kind.KEYSTORE, "card-vault", null, List.of("us-east-1", "eu-west-1")),
                            new Anchor("prod/payments/adyen-api-key", Kind.API_KEY, "payments", "adyen", List.of("eu-west-1"))),
                    0.6),
            new Profile("analytics-dev",
                    List.<String[]>of(new String[] {"dev", "dev"}, new String[] {"staging", "staging"}),
                    ordered("etl", "data-platform", "ingest", "data-platform", "warehouse", "data-platform", "airflow", "data-platform",
                            "event-collector", "data-platform", "dashboards", "bi", "reporting", "bi", "ml-features", "ml-eng",
                            "notebooks", "ml-eng", "experiments", "growth", "attribution", "growth"),
                    List.of(new Database("events-db", "postgres", "data-platform"), new Database("metrics-db", "postgres", "bi"),
                            new Database("feature-store-db", "aurora-postgresql", "ml-eng"), new Database("experiments-db", "mysql", "growth")),
                    List.of("datadog", "snowflake", "segment", "mixpanel", "looker", "fivetran", "databricks", "sentry"),
                    ordered("us-east-1", 35, "us-west-2", 30, "eu-west-1", 15, "ap-southeast-2", 10),
                    List.of(new Anchor("analytics/redshift/etl-user", Kind.REDSHIFT, "etl", null, List.of("us-east-1", "us-west-2")),
                            new Anchor("analytics/redshift/looker-user", Kind.REDSHIFT, "dashboards", null, List.of("us-east-1")),
                            new Anchor("analytics/redshift/admin", Kind.REDSHIFT, "warehouse", null, List.of("us-east-1")),
                            new Anchor("analytics/snowflake/fivetran-svc", Kind.SNOWFLAKE, "ingest", "snowflake", List.of("us-east-1")),
                            new Anchor("dev/airflow/kerberos.keytab", Kind.KEYTAB, "airflow", null, List.of("us-west-2")),
                            new Anchor("third-party/datadog/api-key", Kind.API_KEY, null, "datadog", List.of("us-east-1", "us-west-2"))),
                    0.35),
            new Profile("security-audit",
                    List.<String[]>of(new String[] {"security", "prod"}, new String[] {"shared", "shared"}),
                    ordered("siem", "secops", "audit-collector", "secops", "log-archive", "secops", "incident-bot", "secops",
                            "vuln-scanner", "appsec", "sast", "appsec", "sso", "identity", "break-glass", "identity",
                            "pki", "identity", "compliance-reports", "grc"),
                    List.of(new Database("findings-db", "postgres", "appsec"), new Database("audit-db", "aurora-postgresql", "secops"),
                            new Database("grc-db", "mysql", "grc")),
                    List.of("splunk", "okta", "crowdstrike", "pagerduty", "slack", "jira", "github", "datadog", "wiz"),
                    ordered("us-east-1", 30, "eu-west-1", 12, "us-west-2", 10, "ap-southeast-2", 8),
                    List.of(new Anchor("security/pki/intermediate-ca.p12", Kind.KEYSTORE, "pki", null, List.of("us-east-1")),
                            new Anchor("security/break-glass/root-credentials", Kind.BREAK_GLASS, "break-glass", null, REGIONS),
                            new Anchor("third-party/splunk/hec-token", Kind.TOKEN, "siem", "splunk", List.of("us-east-1", "eu-west-1")),
                            new Anchor("third-party/okta/api-token", Kind.API_KEY, "sso", "okta", List.of("us-east-1")),
                            new Anchor("ci/github/deploy-token", Kind.CI_TOKEN, null, "github", List.of("us-east-1"))),
                    0.35));

    /** The customer managed keys of each account: alias, regions, age in days, rotation. */
    private static List<KeyPlan> keysFor(String alias, String region) {
        List<KeyPlan> keys = new ArrayList<>();
        switch (alias) {
            case "payments-prod" -> {
                keys.add(key("alias/payments-prod-secrets", "Encrypts payments-prod secrets", 760, true, "payments-core", "prod"));
                if (region.equals("us-east-1") || region.equals("eu-west-1")) {
                    keys.add(key("alias/card-vault", "Encrypts card-vault keystores and PAN tokenization secrets", 520, true,
                            "card-platform", "prod"));
                }
                if (region.equals("us-east-1")) {
                    KeyPlan legacy = key("alias/payments-legacy-2022", "Retired payments key, replaced by alias/payments-prod-secrets",
                            1000, false, "payments-core", "prod");
                    keys.add(new KeyPlan(legacy.alias(), legacy.description(), legacy.age(), false, Duration.ofDays(4).plusHours(3),
                            30, legacy.tags()));
                }
            }
            case "analytics-dev" -> {
                if (region.equals("us-east-1") || region.equals("us-west-2")) {
                    keys.add(key("alias/analytics-dev-secrets", "Encrypts analytics-dev secrets", 700, false, "data-platform", "dev"));
                }
            }
            case "security-audit" -> {
                if (region.equals("us-east-1") || region.equals("eu-west-1")) {
                    keys.add(key("alias/security-audit-secrets", "Encrypts security-audit secrets", 745, true, "secops", "prod"));
                }
            }
            default -> { /* no keys */ }
        }
        return keys;
    }

    private static KeyPlan key(String alias, String description, int ageDays, boolean rotation, String team, String env) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(DemoEstate.TAG_KEY, DemoEstate.TAG_VALUE);
        tags.put("owner", team + "@example.com");
        tags.put("team", team);
        tags.put("env", env);
        tags.put("cost-center", COST_CENTERS.get(team));
        return new KeyPlan(alias, description + " (demo)", Duration.ofDays(ageDays), rotation, null, 0, Collections.unmodifiableMap(tags));
    }

    // ---- The plan ----------------------------------------------------------------------------

    private DemoCatalog() {}

    // ---- Who reads what ----------------------------------------------------------------------

    /**
     * The account whose {@code ci/} secrets the security-audit account's CI reads across accounts,
     * and the demo key they are encrypted under (a customer managed key: a secret under the
     * aws/secretsmanager key cannot be read from another account).
     */
    static final String CI_SHARING_ACCOUNT = "payments-prod";
    static final String CI_PREFIX = "ci/";
    static final String CI_SHARED_KEY_ALIAS = "alias/payments-prod-secrets";

    /**
     * One service of an account, its team, and the names of the secrets it reads: a name ending
     * in {@code /*} stands for every secret under that prefix, any other is one secret's name.
     */
    record ServiceAccess(String service, String team, List<String> secretNames) {}

    /** The services of an account (by alias), in the catalog's order; none for an alias the catalog does not know. */
    static List<ServiceAccess> services(String accountAlias) {
        for (Profile p : PROFILES) {
            if (!p.alias().equals(accountAlias)) {
                continue;
            }
            List<ServiceAccess> out = new ArrayList<>();
            for (Map.Entry<String, String> s : p.serviceTeams().entrySet()) {
                List<String> names = new ArrayList<>();
                for (String[] prefix : p.prefixes()) {
                    names.add(prefix[0] + "/" + s.getKey() + "/*");
                }
                // Well-known secrets a service owns under another prefix (analytics/redshift/etl-user for etl).
                for (Anchor a : p.anchors()) {
                    if (a.kind() != Kind.DATABASE && s.getKey().equals(a.service()) && !names.contains(a.name())
                            && names.stream().noneMatch(n -> n.endsWith("/*") && a.name().startsWith(n.substring(0, n.length() - 1)))) {
                        names.add(a.name());
                    }
                }
                out.add(new ServiceAccess(s.getKey(), s.getValue(), List.copyOf(names)));
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    /** The whole estate, account by account (by alias), region by region. */
    static List<ScopePlan> plan() {
        List<ScopePlan> scopes = new ArrayList<>();
        for (Profile p : PROFILES) {
            List<Candidate> pool = pool(p, new Random(SEED ^ p.alias().hashCode()));
            for (String region : REGIONS) {
                Random random = new Random(SEED ^ ((long) p.alias().hashCode() << 20) ^ region.hashCode());
                List<KeyPlan> keys = keysFor(p.alias(), region);
                scopes.add(new ScopePlan(p.alias(), region, keys, secrets(p, region, pool, keys, random)));
            }
        }
        return scopes;
    }

    /** A name the account might use in any region, with what it holds. */
    private record Candidate(String name, Kind kind, String service, String database, String vendor, String envTag) {}

    /** Every name this account's services, databases and vendors give rise to, decided once per account. */
    private static List<Candidate> pool(Profile p, Random random) {
        List<Candidate> pool = new ArrayList<>();
        for (Map.Entry<String, String> s : p.serviceTeams().entrySet()) {
            String service = s.getKey();
            String[] prefix = p.prefixes().get(random.nextInt(p.prefixes().size()));
            for (ServiceTemplate t : SERVICE_TEMPLATES) {
                if (random.nextDouble() < t.probability()) {
                    pool.add(new Candidate(prefix[0] + "/" + service + "/" + t.suffix(), t.kind(), service, null, null, prefix[1]));
                }
            }
            int vendors = 1 + random.nextInt(2);
            for (int i = 0; i < vendors; i++) {
                String vendor = p.vendors().get(random.nextInt(p.vendors().size()));
                pool.add(new Candidate(prefix[0] + "/" + service + "/" + vendor + "-api-key", Kind.API_KEY, service, null, vendor, prefix[1]));
            }
            if (random.nextDouble() < 0.2) {
                pool.add(new Candidate("ci/github/" + service + "-deploy-key", Kind.SSH_KEY, service, null, "github", "shared"));
            }
        }
        for (Database d : p.databases()) {
            String env = p.prefixes().get(0)[1];
            pool.add(new Candidate("rds/" + d.name() + "/master", Kind.DATABASE, null, d.name(), null, env));
            if (random.nextDouble() < 0.8) {
                pool.add(new Candidate("rds/" + d.name() + "/app-user", Kind.DATABASE, null, d.name(), null, env));
            }
            if (random.nextDouble() < 0.5) {
                pool.add(new Candidate("rds/" + d.name() + "/readonly", Kind.DATABASE, null, d.name(), null, env));
            }
        }
        for (String vendor : p.vendors()) {
            pool.add(new Candidate("third-party/" + vendor + "/api-key", Kind.API_KEY, null, null, vendor, "shared"));
            if (random.nextDouble() < 0.4) {
                pool.add(new Candidate("third-party/" + vendor + "/webhook-secret", Kind.WEBHOOK, null, null, vendor, "shared"));
            }
        }
        for (String ci : CI_NAMES) {
            pool.add(new Candidate(ci, ci.endsWith("password") ? Kind.TOKEN : Kind.CI_TOKEN, null, null, ci.split("/")[1], "shared"));
        }
        // Deduplicate by name, keeping the first; the pool's order is the account's, the shuffle is the region's.
        Map<String, Candidate> byName = new LinkedHashMap<>();
        pool.forEach(c -> byName.putIfAbsent(c.name(), c));
        return List.copyOf(byName.values());
    }

    private static List<SecretPlan> secrets(Profile p, String region, List<Candidate> pool, List<KeyPlan> keys, Random random) {
        int wanted = p.secretsByRegion().get(region);
        Set<String> names = new LinkedHashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        Set<String> anchorNames = new LinkedHashSet<>();
        for (Anchor a : p.anchors()) {
            if (a.regions().contains(region) && names.add(a.name())) {
                String database = a.kind() == Kind.DATABASE ? a.service() : null;
                String service = a.kind() == Kind.DATABASE ? null : a.service();
                chosen.add(new Candidate(a.name(), a.kind(), service, database, a.vendor(), p.prefixes().get(0)[1]));
                anchorNames.add(a.name());
            }
        }
        List<Candidate> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        for (Candidate c : shuffled) {
            if (chosen.size() == wanted) {
                break;
            }
            if (names.add(c.name())) {
                chosen.add(c);
            }
        }
        if (chosen.size() < wanted) {
            throw new IllegalStateException("the demo catalog for " + p.alias() + " has only " + chosen.size()
                    + " names for " + region + ", not " + wanted);
        }
        List<SecretPlan> out = new ArrayList<>(wanted);
        for (Candidate c : chosen) {
            out.add(secret(p, region, c, anchorNames.contains(c.name()), keys, random));
        }
        // Oldest first, as they were created: ListSecrets (and the console) then show a believable history.
        out.sort(Comparator.comparing(SecretPlan::age).reversed());
        return List.copyOf(out);
    }

    private static SecretPlan secret(Profile p, String region, Candidate c, boolean anchor, List<KeyPlan> keys, Random random) {
        String team = team(p, c);
        // Creation dates spread over two years; well-known secrets are among the older ones.
        long createdMinutes = anchor ? minutes(random, 400, 720) : minutes(random, 2, 730);
        int versionCount = versionCount(random, anchor);
        List<Long> ages = new ArrayList<>();
        ages.add(createdMinutes);
        for (int i = 1; i < versionCount; i++) {
            ages.add(1440 + (long) (random.nextDouble() * (createdMinutes - 1440)));
        }
        ages.sort(Comparator.reverseOrder());
        List<VersionPlan> versions = new ArrayList<>();
        for (long age : ages) {
            Value v = value(c, region, random);
            versions.add(new VersionPlan(uuid(random), Duration.ofMinutes(age), v.string, v.binary));
        }
        long newestVersion = ages.get(ages.size() - 1);

        Duration deletion = null;
        int window = 0;
        if (!anchor && newestVersion > 3 * 1440 && random.nextDouble() < 0.045) {
            // Deleted in the last few days (after its newest version), still inside its recovery window.
            long latest = Math.min(6L * 1440, newestVersion - 1440);
            deletion = Duration.ofMinutes((long) (random.nextDouble() * latest));
            window = List.of(7, 7, 10, 14, 30, 30).get(random.nextInt(6));
        }
        Duration accessed = null;
        if (anchor || random.nextDouble() >= 0.16) {
            // Read at some point in the last ~120 days, after its newest version and before any deletion.
            long latest = Math.min(newestVersion, 120L * 1440);
            long earliest = deletion == null ? 0 : deletion.toMinutes() + 1;
            if (latest > earliest) {
                accessed = Duration.ofMinutes(earliest + (long) (random.nextDouble() * (latest - earliest)));
            }
        }

        String keyAlias = null;
        boolean byArn = false;
        List<KeyPlan> usable = keys.stream().filter(k -> !k.pendingDeletion() && k.age().toMinutes() > createdMinutes + 1440).toList();
        if (!usable.isEmpty()) {
            KeyPlan special = usable.stream().filter(k -> k.alias().equals("alias/card-vault")).findFirst().orElse(null);
            boolean cardData = c.service() != null && List.of("card-vault", "payments", "payouts").contains(c.service());
            if (special != null && cardData && random.nextDouble() < 0.8) {
                keyAlias = special.alias();
            } else if (random.nextDouble() < p.customerKeyShare()) {
                keyAlias = usable.get(0).alias();
            }
            byArn = keyAlias != null && random.nextDouble() < 0.25;
            // Decided after the draws above, so every other secret of the estate stays as it was.
            if (p.alias().equals(CI_SHARING_ACCOUNT) && c.name().startsWith(CI_PREFIX)
                    && usable.stream().anyMatch(k -> k.alias().equals(CI_SHARED_KEY_ALIAS))) {
                keyAlias = CI_SHARED_KEY_ALIAS;     // read from another account: never under the aws/secretsmanager key
            }
        }

        return new SecretPlan(c.name(), description(c, random), tags(p, c, team, anchor, random), keyAlias, byArn,
                List.copyOf(versions), accessed, deletion, window);
    }

    private static int versionCount(Random random, boolean anchor) {
        double r = random.nextDouble();
        if (anchor) {
            return 2 + random.nextInt(4);       // the well-known secrets have history to show
        }
        return r < 0.80 ? 1 : r < 0.90 ? 2 : r < 0.95 ? 3 : r < 0.98 ? 4 : 5;
    }

    private static long minutes(Random random, int fromDays, int toDays) {
        return (long) fromDays * 1440 + (long) (random.nextDouble() * (toDays - fromDays) * 1440);
    }

    private static String team(Profile p, Candidate c) {
        if (c.service() != null && p.serviceTeams().containsKey(c.service())) {
            return p.serviceTeams().get(c.service());
        }
        if (c.database() != null) {
            for (Database d : p.databases()) {
                if (d.name().equals(c.database())) {
                    return d.team();
                }
            }
        }
        return p.alias().equals("payments-prod") ? "platform" : p.alias().equals("analytics-dev") ? "data-platform" : "secops";
    }

    private static Map<String, String> tags(Profile p, Candidate c, String team, boolean anchor, Random random) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(DemoEstate.TAG_KEY, DemoEstate.TAG_VALUE);
        if (!anchor && random.nextDouble() < 0.06) {
            return Collections.unmodifiableMap(tags);       // untagged, as some always are: findings have something to find
        }
        if (random.nextDouble() < 0.95) tags.put("env", c.envTag());
        if (random.nextDouble() < 0.85) tags.put("team", team);
        if (random.nextDouble() < 0.8) tags.put("owner", team + "@example.com");
        if (random.nextDouble() < 0.7) tags.put("cost-center", COST_CENTERS.get(team));
        String service = c.service() != null ? c.service() : c.database() != null ? c.database() : c.vendor();
        if (service != null && random.nextDouble() < 0.6) tags.put("service", service);
        if (random.nextDouble() < 0.35) {
            tags.put("data-classification", List.of("restricted", "confidential", "internal").get(random.nextInt(3)));
        }
        double managed = random.nextDouble();
        if (managed < 0.5) {
            tags.put("managed-by", "terraform");
        } else if (managed < 0.65) {
            tags.put("managed-by", "manual");
        }
        return Collections.unmodifiableMap(tags);
    }

    // ---- Descriptions ------------------------------------------------------------------------

    private static String description(Candidate c, Random random) {
        if (random.nextDouble() < 0.08) {
            return null;        // some secrets never got a description
        }
        String svc = c.service();
        String vendor = c.vendor() == null ? null : vendorName(c.vendor());
        String text = switch (c.kind()) {
            case DATABASE -> c.database() == null ? "Database credentials for " + svc
                    : c.name().endsWith("/master") ? "Master user for the " + c.database() + " cluster"
                    : c.name().endsWith("/readonly") ? "Read-only user for " + c.database() + " reporting"
                    : "Application user for " + c.database();
            case REDSHIFT -> c.name().endsWith("/admin") ? "Redshift cluster admin user"
                    : "Redshift user for " + (svc.equals("etl") ? "the nightly ETL loads" : svc);
            case SNOWFLAKE -> "Snowflake service user for " + vendorName("fivetran") + " syncs";
            case API_KEY -> svc == null ? "Shared " + vendor + " API key" : vendor + " API key used by " + svc;
            case OAUTH_CLIENT -> "OAuth client credentials for " + svc;
            case CI_TOKEN -> c.name().endsWith("/deploy-token") ? vendorName(c.vendor()) + " token CI deploys with"
                    : c.name().endsWith("/packages-read-token") ? "GitHub Packages read token for CI"
                    : vendorName(c.vendor()) + " API token for CI";
            case PRIVATE_KEY -> "Key " + svc + " signs its JWTs with";
            case SSH_KEY -> "Deploy key for the " + svc + " repository";
            case TOKEN -> c.name().endsWith("redis-auth-token") ? "Redis AUTH token for the " + svc + " cache"
                    : c.name().endsWith("admin-password") ? vendor + " admin password"
                    : c.name().endsWith("hec-token") ? vendor + " HTTP Event Collector token"
                    : vendor + " token";
            case KAFKA -> "SASL/SCRAM credentials for " + svc + " on the MSK cluster";
            case WEBHOOK -> svc != null ? "Signs webhooks " + svc + " sends" : "Verifies webhooks from " + vendor;
            case SMTP -> "SMTP relay credentials for " + svc;
            case KEYSTORE -> svc.equals("pki") ? "Intermediate CA certificate and key (PKCS#12)"
                    : "TLS keystore (PKCS#12) for the " + svc + " mTLS endpoint";
            case KEYTAB -> "Kerberos keytab for the Airflow workers";
            case BREAK_GLASS -> "Break-glass administrator credentials (sealed-envelope procedure)";
        };
        return text + " (demo)";
    }

    private static String vendorName(String vendor) {
        return switch (vendor) {
            case "github" -> "GitHub";
            case "pagerduty" -> "PagerDuty";
            case "sendgrid" -> "SendGrid";
            case "dockerhub" -> "Docker Hub";
            case "sonarqube" -> "SonarQube";
            case "circleci" -> "CircleCI";
            case "argocd" -> "Argo CD";
            case "crowdstrike" -> "CrowdStrike";
            default -> vendor.substring(0, 1).toUpperCase(Locale.ROOT) + vendor.substring(1);
        };
    }

    // ---- Values ------------------------------------------------------------------------------

    private record Value(String string, byte[] binary) {}

    private static Value value(Candidate c, String region, Random r) {
        return switch (c.kind()) {
            case DATABASE -> json(database(c, region, r));
            case REDSHIFT -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("engine", "redshift");
                o.put("host", "analytics-warehouse.cdemo" + random(r, "abcdefghijklmnopqrstuvwxyz0123456789", 8) + "." + region
                        + ".redshift.amazonaws.com");
                o.put("port", 5439);
                o.put("username", c.name().substring(c.name().lastIndexOf('/') + 1).replace('-', '_'));
                o.put("password", password(r));
                o.put("dbname", "analytics");
                yield json(o);
            }
            case SNOWFLAKE -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("account", "demo-example.us-east-1");
                o.put("user", "FIVETRAN_SVC");
                o.put("password", password(r));
                o.put("warehouse", "LOADING_WH");
                o.put("role", "FIVETRAN_LOADER");
                yield json(o);
            }
            case API_KEY -> apiKey(c.vendor(), r);
            case OAUTH_CLIENT -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("client_id", c.service() + "-demo-" + random(r, HEX, 8));
                o.put("client_secret", "EXAMPLE" + random(r, ALNUM, 33));
                o.put("token_url", "https://auth.example.com/oauth2/token");
                o.put("scope", c.service() + ".read " + c.service() + ".write");
                yield json(o);
            }
            case CI_TOKEN -> new Value(switch (c.vendor()) {
                case "github" -> "ghp_EXAMPLE" + random(r, ALNUM, 29);
                case "terraform" -> random(r, ALNUM, 14) + ".atlasv1.EXAMPLE" + random(r, ALNUM, 50);
                case "dockerhub" -> "dckr_pat_EXAMPLE" + random(r, ALNUM, 20);
                default -> "EXAMPLE-demo-" + random(r, HEX, 32);
            }, null);
            case PRIVATE_KEY -> new Value(pem("PRIVATE KEY", r, 900), null);
            case SSH_KEY -> new Value(pem("OPENSSH PRIVATE KEY", r, 380), null);
            case TOKEN -> new Value("EXAMPLE-demo-" + random(r, ALNUM, 40), null);
            case KAFKA -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("username", c.service() + "-client");
                o.put("password", password(r));
                o.put("mechanism", "SCRAM-SHA-512");
                o.put("bootstrap_servers", "b-1.demo-msk.example.c2.kafka." + region + ".amazonaws.com:9096,b-2.demo-msk.example.c2.kafka."
                        + region + ".amazonaws.com:9096");
                yield json(o);
            }
            case WEBHOOK -> new Value("whsec_EXAMPLE" + random(r, ALNUM, 32), null);
            case SMTP -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("host", "email-smtp." + region + ".amazonaws.com");
                o.put("port", 587);
                o.put("username", "AKIAIOSFODNN7EXAMPLE");
                o.put("password", "EXAMPLE" + random(r, ALNUM, 37));
                yield json(o);
            }
            case KEYSTORE -> new Value(null, pkcs12(r));
            case KEYTAB -> new Value(null, keytab(r));
            case BREAK_GLASS -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("username", "breakglass-admin");
                o.put("password", password(r));
                o.put("mfa_seed", "EXAMPLEDEMO" + random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 21));
                o.put("procedure", "https://wiki.example.com/security/break-glass");
                yield json(o);
            }
        };
    }

    private static ObjectNode database(Candidate c, String region, Random r) {
        String db = c.database() != null ? c.database() : c.service() + "-db";
        String engine = engineOf(db);
        String role = c.name().substring(c.name().lastIndexOf('/') + 1);
        String base = db.replace("-db", "").replace('-', '_');
        String user = switch (role) {
            case "master" -> base + "_admin";
            case "readonly" -> base + "_ro";
            case "app-user" -> base + "_app";
            default -> c.service().replace('-', '_') + "_svc";
        };
        ObjectNode o = JSON.createObjectNode();
        o.put("engine", engine);
        String rdsHost = db + ".cluster-demo" + random(r, "abcdefghijklmnopqrstuvwxyz0123456789", 8) + "." + region + ".rds.amazonaws.com";
        boolean postgres = engine.contains("postgres");
        // PostgreSQL databases are the demo's own cluster on loopback (DemoDatabase), so their rotation really runs.
        o.put("host", postgres ? DemoDatabase.HOST : rdsHost);
        o.put("port", engine.contains("mysql") ? 3306 : postgres ? DemoDatabase.PORT : 5432);
        o.put("username", user);
        o.put("password", password(r));
        o.put("dbname", base);
        return o;
    }

    private static String engineOf(String database) {
        for (Profile p : PROFILES) {
            for (Database d : p.databases()) {
                if (d.name().equals(database)) {
                    return d.engine();
                }
            }
        }
        return "postgres";      // a service's own database
    }

    private static Value apiKey(String vendor, Random r) {
        return switch (vendor) {
            case "stripe" -> new Value("sk_live_EXAMPLE" + random(r, ALNUM, 24) + "demo", null);
            case "sendgrid" -> new Value("SG.EXAMPLE" + random(r, ALNUM, 12) + "." + random(r, ALNUM, 43), null);
            case "twilio" -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("account_sid", "ACEXAMPLE" + random(r, HEX, 25));
                o.put("auth_token", "EXAMPLE" + random(r, HEX, 25));
                yield json(o);
            }
            case "datadog" -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("api_key", "EXAMPLEdemo" + random(r, HEX, 21));
                o.put("app_key", "EXAMPLEdemo" + random(r, HEX, 29));
                o.put("site", "datadoghq.com");
                yield json(o);
            }
            case "plaid", "braintree", "adyen" -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("client_id", vendor + "-demo-" + random(r, HEX, 12));
                o.put("secret", "EXAMPLE" + random(r, ALNUM, 30));
                o.put("environment", "production");
                yield json(o);
            }
            case "okta" -> new Value("00EXAMPLE" + random(r, ALNUM, 33), null);
            case "slack" -> new Value("xoxb-EXAMPLE-" + random(r, "0123456789", 12) + "-" + random(r, ALNUM, 24), null);
            default -> new Value("EXAMPLE-demo-" + random(r, HEX, 32), null);
        };
    }

    private static Value json(ObjectNode o) {
        try {
            return new Value(JSON.writeValueAsString(o), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String password(Random r) {
        return "demo-EXAMPLE-" + random(r, PASSWORD_CHARS, 20);
    }

    /**
     * A PEM block of random filler of a realistic length, after an explanatory line (which PEM
     * readers skip, as they skip anything before {@code -----BEGIN}) saying that it is not a key.
     */
    private static String pem(String type, Random r, int bodyBytes) {
        String b64 = Base64.getEncoder().encodeToString(bytes(r, bodyBytes));
        StringBuilder sb = new StringBuilder("DEMO EXAMPLE - not a real key\n-----BEGIN ").append(type).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append("-----END ").append(type).append("-----\n").toString();
    }

    /** Looks like a PKCS#12 file (a DER SEQUENCE, version 3, PKCS#7 data), says DEMO inside, and is not one. */
    private static byte[] pkcs12(Random r) {
        byte[] marker = "DEMO-EXAMPLE-PKCS12-NOT-A-REAL-KEYSTORE".getBytes(StandardCharsets.US_ASCII);
        int contentLength = 2200 + r.nextInt(600);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int total = 3 + 2 + 11 + marker.length + contentLength;
        out.writeBytes(new byte[] {0x30, (byte) 0x82, (byte) (total >> 8), (byte) total});
        out.writeBytes(new byte[] {0x02, 0x01, 0x03});                                           // INTEGER 3
        out.writeBytes(new byte[] {0x30, (byte) 0x82, (byte) ((contentLength + marker.length) >> 8),
                (byte) (contentLength + marker.length)});
        out.writeBytes(new byte[] {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x01});  // pkcs7-data
        out.writeBytes(marker);
        out.writeBytes(bytes(r, contentLength));
        return out.toByteArray();
    }

    /** Looks like an MIT keytab (format 0x0502) for a DEMO.EXAMPLE.COM principal, and is not one. */
    private static byte[] keytab(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x05, 0x02});
        int[] encryptionTypes = {18, 17, 20, 19, 16};      // aes256/128-cts-hmac-sha1, sha384, sha256, des3
        for (int entry = 0; entry < encryptionTypes.length; entry++) {
            byte[] realm = "DEMO.EXAMPLE.COM".getBytes(StandardCharsets.US_ASCII);
            byte[] principal = "airflow".getBytes(StandardCharsets.US_ASCII);
            byte[] host = "airflow-worker.demo.example.com".getBytes(StandardCharsets.US_ASCII);
            byte[] key = bytes(r, 32);
            int size = 2 + 2 + realm.length + 2 + principal.length + 2 + host.length + 4 + 4 + 1 + 2 + 2 + key.length;
            out.writeBytes(new byte[] {0, 0, (byte) (size >> 8), (byte) size, 0, 2, 0, (byte) realm.length});
            out.writeBytes(realm);
            out.writeBytes(new byte[] {0, (byte) principal.length});
            out.writeBytes(principal);
            out.writeBytes(new byte[] {0, (byte) host.length});
            out.writeBytes(host);
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(bytes(r, 4));
            out.writeBytes(new byte[] {(byte) (entry + 1), 0, (byte) encryptionTypes[entry], 0, 32});
            out.writeBytes(key);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static String random(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A version ID as AWS makes them (a random UUID), but from the plan's Random so that it is the same every run. */
    private static String uuid(Random r) {
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V v = (V) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], v);
        }
        return Collections.unmodifiableMap(map);
    }
}
