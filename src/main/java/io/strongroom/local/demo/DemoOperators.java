package io.strongroom.local.demo;

import io.strongroom.local.iam.IamRole;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The people and the service in the history, none of whom reads a value:
 * <ul>
 *   <li>the weekly security review: every Tuesday from 09:00 UTC, each account's
 *       {@code security-auditor} role (session {@value #REVIEW_SESSION}, from the security team's
 *       VPN address {@value #REVIEW_IP}) lists the secrets of each region, twenty minutes apart,
 *       and describes each one, reading the resource policy of the shared and sensitive ones;
 *       (the auditing account's break-glass credentials refuse it, as their policy refuses everyone
 *       but the break-glass role and the admin); security-audit's own auditor also reviews
 *       payments-prod's {@code rds/orders-db/master},
 *       which that secret's policy lets it do without assuming a role;</li>
 *   <li>each account's {@code admin} user (the console's user, from the office address
 *       {@value #OFFICE_IP}): some looking around on weekdays, and every change the estate's own
 *       dates say happened within the span: CreateSecret when a secret was created, PutSecretValue
 *       when a version was added, DeleteSecret when one was scheduled for deletion;</li>
 *   <li>Secrets Manager itself: a version of a secret that rotates, added within the span, was
 *       made by a rotation (RotationStarted, then RotationSucceeded, the version ID as the token).</li>
 * </ul>
 */
final class DemoOperators {

    static final String REVIEW_SESSION = "secops-weekly-review";
    static final String REVIEW_IP = "198.51.100.40";
    static final String OFFICE_IP = "198.51.100.23";
    private static final String REVIEW_CLIENT = "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/macos#23.4.0 md/arch#arm64 "
            + "lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#standard Botocore/1.34.69";
    private static final String CONSOLE_CLIENT = "strongroom-console aws-sdk-java/2.25.16 ua/2.0 os/Mac_OS_X#14.4 lang/java#21.0.2";
    private static final String ADMIN_REGION = "us-east-1";
    private static final List<String> POLICY_REVIEWED = List.of("ci/", "rds/", "security/", "third-party/");

    private final DemoHistoryEstate estate;
    private final DemoTrail trail;
    private final List<LocalDate> days;
    private final Instant from;

    DemoOperators(DemoHistoryEstate estate, DemoTrail trail, List<LocalDate> days, Instant from) {
        this.estate = estate;
        this.trail = trail;
        this.days = days;
        this.from = from;
    }

    void write() {
        for (DemoHistoryEstate.Account account : estate.accounts()) {
            estate.role(account, DemoPrincipals.SECURITY_AUDITOR).ifPresent(role -> review(account, role));
            admin(account);
            rotations(account);
        }
    }

    // ---- The weekly review -------------------------------------------------------------------

    private void review(DemoHistoryEstate.Account account, IamRole role) {
        DemoTrail.Actor actor = DemoTrail.Actor.session(role, REVIEW_SESSION, REVIEW_CLIENT);
        Random random = trail.random();
        for (LocalDate day : days) {
            if (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
                continue;
            }
            String key = DemoTrail.sessionKeyId(role.arn() + " review " + day);
            Instant start = DemoRoutine.within(day, 9, random).minusSeconds(random.nextInt(1800));
            for (int r = 0; r < DemoEstate.REGIONS.size(); r++) {
                String region = DemoEstate.REGIONS.get(r);
                DemoTrail.Call call = new DemoTrail.Call(actor, region, start.plusSeconds(1200L * r), REVIEW_IP, key);
                trail.ok(call, "ListSecrets", true, ListSecretsRequest.builder().maxResults(100).build(), null);
                Instant t = call.at();
                for (DemoHistoryEstate.Secret s : account.in(region).stream().sorted(Comparator.comparing(DemoHistoryEstate.Secret::name))
                        .toList()) {
                    if (!s.liveAt(t)) {
                        continue;
                    }
                    t = t.plusMillis(2000 + random.nextInt(6000));
                    if (DemoRoutine.lockedDown(s)) {
                        // Its deny-all policy refuses the review too: two refusals a region, every week.
                        trail.denied(call.at(t), "DescribeSecret", DescribeSecretRequest.builder().secretId(s.arn()).build(), s.arn(),
                                "secretsmanager:DescribeSecret", "with an explicit deny in a resource-based policy");
                        t = t.plusMillis(500 + random.nextInt(2000));
                        trail.denied(call.at(t), "GetResourcePolicy", GetResourcePolicyRequest.builder().secretId(s.arn()).build(), s.arn(),
                                "secretsmanager:GetResourcePolicy", "with an explicit deny in a resource-based policy");
                        continue;
                    }
                    trail.ok(call.at(t), "DescribeSecret", true, DescribeSecretRequest.builder().secretId(s.arn()).build(), s);
                    if (POLICY_REVIEWED.stream().anyMatch(s.name()::startsWith)) {
                        t = t.plusMillis(500 + random.nextInt(2000));
                        trail.ok(call.at(t), "GetResourcePolicy", true, GetResourcePolicyRequest.builder().secretId(s.arn()).build(), s);
                    }
                }
            }
            if (account.alias().equals(DemoPrincipals.AUDITING_ACCOUNT)) {
                crossAccountReview(new DemoTrail.Call(actor, ADMIN_REGION, start.plusSeconds(1200L * 4), REVIEW_IP, key));
            }
        }
    }

    /** The payments-prod secret whose policy lets the auditing account's auditor look at it directly. */
    private void crossAccountReview(DemoTrail.Call call) {
        Optional<DemoHistoryEstate.Secret> reviewed = estate.account(DemoCatalog.CI_SHARING_ACCOUNT)
                .flatMap(a -> a.find(ADMIN_REGION, DemoGrants.AUDITOR_REVIEWED_SECRET));
        if (reviewed.isEmpty() || !reviewed.get().liveAt(call.at())) {
            return;
        }
        DemoHistoryEstate.Secret s = reviewed.get();
        trail.ok(call, "DescribeSecret", true, DescribeSecretRequest.builder().secretId(s.arn()).build(), s);
        trail.ok(call.at(call.at().plusSeconds(3)), "GetResourcePolicy", true, GetResourcePolicyRequest.builder().secretId(s.arn()).build(), s);
        trail.ok(call.at(call.at().plusSeconds(7)), "ListSecretVersionIds", true,
                ListSecretVersionIdsRequest.builder().secretId(s.arn()).build(), s);
    }

    // ---- The admin user ----------------------------------------------------------------------

    private void admin(DemoHistoryEstate.Account account) {
        DemoTrail.Actor actor = DemoTrail.Actor.user(account, CONSOLE_CLIENT);
        Random random = trail.random();
        List<DemoHistoryEstate.Secret> home = account.in(ADMIN_REGION);
        for (LocalDate day : days) {
            if (DemoRoutine.weekend(day) || home.isEmpty()) {
                continue;
            }
            int visits = 1 + random.nextInt(2);
            for (int visit = 0; visit < visits; visit++) {
                DemoTrail.Call call = new DemoTrail.Call(actor, ADMIN_REGION, DemoRoutine.within(day, 9 + random.nextInt(8), random),
                        OFFICE_IP, account.adminKeyId());
                trail.ok(call, "ListSecrets", true, ListSecretsRequest.builder().maxResults(100).includePlannedDeletion(true).build(), null);
                Instant t = call.at();
                int looks = 2 + random.nextInt(3);
                for (int i = 0; i < looks; i++) {
                    DemoHistoryEstate.Secret s = home.get(random.nextInt(home.size()));
                    t = t.plusSeconds(5 + random.nextInt(90));
                    if (s.liveAt(t)) {
                        trail.ok(call.at(t), "DescribeSecret", true, DescribeSecretRequest.builder().secretId(s.arn()).build(), s);
                        if (random.nextInt(3) == 0) {
                            trail.ok(call.at(t.plusSeconds(2)), "ListSecretVersionIds", true,
                                    ListSecretVersionIdsRequest.builder().secretId(s.arn()).includeDeprecated(true).build(), s);
                        }
                    }
                }
            }
        }
        for (DemoHistoryEstate.Secret s : account.secrets()) {
            changes(actor, account, s);
        }
    }

    /** The changes to {@code s} the estate's dates place within the span, by the admin user (or by rotation). */
    private void changes(DemoTrail.Actor actor, DemoHistoryEstate.Account account, DemoHistoryEstate.Secret s) {
        DemoTrail.Call call = new DemoTrail.Call(actor, s.region(), s.created(), OFFICE_IP, account.adminKeyId());
        DemoCatalog.SecretPlan plan = s.plan();
        if (!s.created().isBefore(from)) {
            trail.ok(call, "CreateSecret", false, CreateSecretRequest.builder().name(s.name()).description(plan.description())
                    .kmsKeyId(plan.keyAlias()).clientRequestToken(s.versions().get(0).versionId())
                    .tags(plan.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                    .build(), s);
        }
        if (!s.rotating()) {
            for (DemoHistoryEstate.Version v : s.versions().subList(1, s.versions().size())) {
                if (!v.created().isBefore(from)) {
                    trail.ok(call.at(v.created()), "PutSecretValue", false, PutSecretValueRequest.builder().secretId(s.arn())
                            .clientRequestToken(v.versionId()).build(), s);
                }
            }
        }
        if (s.deleted() != null && !s.deleted().isBefore(from)) {
            trail.ok(call.at(s.deleted()), "DeleteSecret", false, DeleteSecretRequest.builder().secretId(s.arn())
                    .recoveryWindowInDays((long) plan.recoveryWindowDays()).build(), s);
        }
    }

    // ---- Rotation ----------------------------------------------------------------------------

    private void rotations(DemoHistoryEstate.Account account) {
        for (DemoHistoryEstate.Secret s : account.secrets()) {
            if (!s.rotating()) {
                continue;
            }
            for (DemoHistoryEstate.Version v : s.versions().subList(1, s.versions().size())) {
                if (!v.created().isBefore(from)) {
                    trail.rotation(s, v.created().minusSeconds(2), "RotationStarted", v.versionId(), null);
                    trail.rotation(s, v.created().plusSeconds(3 + trail.random().nextInt(20)), "RotationSucceeded", v.versionId(), null);
                }
            }
        }
    }
}
