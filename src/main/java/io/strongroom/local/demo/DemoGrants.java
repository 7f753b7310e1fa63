package io.strongroom.local.demo;

import io.strongroom.local.LocalStore;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo's resources grant its principals, written as each account's administrator
 * would, through {@link LocalStore#invoke}:
 *
 * <ul>
 *   <li>security-audit's {@value #LOCKED_DOWN_SECRET} (every region): a deny-all resource policy
 *       but for the {@code break-glass} role and the account's {@code admin} user. The admin stays
 *       exempt because the demo's own seeding and removal act as that user: without it, the
 *       demo could not delete its own secret.</li>
 *   <li>payments-prod's {@code ci/} secrets: read by security-audit's {@code ci-deployer}, named
 *       in their resource policy. A cross-account read also needs a customer managed key whose
 *       policy lets the reader's account decrypt, so these secrets are kept under
 *       {@value DemoCatalog#CI_SHARED_KEY_ALIAS} (moved there if an older seeding left them under
 *       aws/secretsmanager) and that key's policy gains one statement: security-audit may decrypt
 *       through Secrets Manager, only secrets named {@code ci/*}.</li>
 *   <li>payments-prod's {@value #AUDITOR_REVIEWED_SECRET}: security-audit's {@code security-auditor}
 *       may read its metadata, policy and versions (never its value) without assuming a role.</li>
 * </ul>
 *
 * A secret that already has a resource policy keeps it: one someone wrote is never overwritten.
 */
final class DemoGrants {

    static final String LOCKED_DOWN_SECRET = "security/break-glass/root-credentials";
    static final String AUDITOR_REVIEWED_SECRET = "rds/orders-db/master";

    private DemoGrants() {}

    static void apply(LocalStore store, Map<String, LocalAccount> accounts, Instant now) {
        LocalAccount audit = accounts.get(DemoPrincipals.AUDITING_ACCOUNT);
        if (audit == null) {
            return;         // every grant is to or from the auditing account
        }
        String auditId = audit.accountId();
        List<String> exempt = new ArrayList<>(List.of(DemoPrincipals.roleArn(auditId, DemoPrincipals.BREAK_GLASS)));
        store.accounts().adminKey(auditId).map(AccessKey::principalArn).ifPresent(exempt::add);
        LocalAccount sharing = accounts.get(DemoCatalog.CI_SHARING_ACCOUNT);
        for (String region : DemoEstate.REGIONS) {
            new Calls(store, auditId, region, now).putIfNone(LOCKED_DOWN_SECRET, DemoPolicies.lockdown(exempt));
            if (sharing != null) {
                Calls shared = new Calls(store, sharing.accountId(), region, now);
                shared.shareCiSecrets(auditId);
                shared.putIfNone(AUDITOR_REVIEWED_SECRET,
                        DemoPolicies.auditorReview(DemoPrincipals.roleArn(auditId, DemoPrincipals.SECURITY_AUDITOR)));
            }
        }
    }

    /**
     * Takes the demo's statement off the shared CI key's policy wherever it is, so that a demo key
     * kept for a secret of someone's own grants the auditing account nothing. Before the keys are
     * scheduled for deletion: a key pending deletion takes no new policy.
     */
    static void revokeKeyStatements(LocalStore store, Instant now) {
        Optional<LocalAccount> sharing = store.accounts().find(DemoCatalog.CI_SHARING_ACCOUNT);
        if (sharing.isEmpty()) {
            return;
        }
        for (String region : store.regionsInUse(sharing.get().accountId())) {
            Calls calls = new Calls(store, sharing.get().accountId(), region, now);
            calls.sharedKey().ifPresent(key -> {
                String policy = calls.<GetKeyPolicyResponse>kms("GetKeyPolicy", GetKeyPolicyRequest.builder().keyId(key.keyId()).build()).policy();
                String without = DemoPolicies.withoutCiStatement(policy);
                if (without != null) {
                    calls.kms("PutKeyPolicy", PutKeyPolicyRequest.builder().keyId(key.keyId()).policyName("default").policy(without).build());
                }
            });
        }
    }

    /** In-process calls as one account's administrator in one region. */
    private record Calls(LocalStore store, String accountId, String region, Instant now) {

        <R extends SdkPojo> R secretsManager(String operation, SdkPojo request) {
            return store.invoke(accountId, region, now, "secretsmanager", operation, request);
        }

        <R extends SdkPojo> R kms(String operation, SdkPojo request) {
            return store.invoke(accountId, region, now, "kms", operation, request);
        }

        /** Puts the policy on the demo secret of that name (not one scheduled for deletion) unless it has one. */
        void putIfNone(String secretId, String policy) {
            Optional<String> arn = demoSecret(secretId);
            if (arn.isPresent() && this.<GetResourcePolicyResponse>secretsManager("GetResourcePolicy",
                    GetResourcePolicyRequest.builder().secretId(arn.get()).build()).resourcePolicy() == null) {
                secretsManager("PutResourcePolicy", PutResourcePolicyRequest.builder().secretId(arn.get()).resourcePolicy(policy)
                        .blockPublicPolicy(false).build());
            }
        }

        private Optional<String> demoSecret(String secretId) {
            DescribeSecretResponse s;
            try {
                s = secretsManager("DescribeSecret", DescribeSecretRequest.builder().secretId(secretId).build());
            } catch (AwsException e) {
                if ("ResourceNotFoundException".equals(e.code())) {
                    return Optional.empty();
                }
                throw e;
            }
            boolean demo = s.hasTags() && s.tags().stream()
                    .anyMatch(t -> DemoEstate.TAG_KEY.equals(t.key()) && DemoEstate.TAG_VALUE.equals(t.value()));
            return demo && s.deletedDate() == null ? Optional.of(s.arn()) : Optional.empty();
        }

        /** The shared CI key's policy lets {@code auditId} decrypt; each demo {@code ci/} secret is under it and names the CI deployer. */
        void shareCiSecrets(String auditId) {
            Optional<KeyMetadata> key = sharedKey();
            if (key.isEmpty()) {
                return;         // the alias names a key that is not the demo's: the secrets stay as they are
            }
            String keyId = key.get().keyId();
            String policy = this.<GetKeyPolicyResponse>kms("GetKeyPolicy", GetKeyPolicyRequest.builder().keyId(keyId).build()).policy();
            String shared = DemoPolicies.withCiStatement(policy, accountId, region, auditId);
            if (!shared.equals(policy)) {
                kms("PutKeyPolicy", PutKeyPolicyRequest.builder().keyId(keyId).policyName("default").policy(shared).build());
            }
            String ciDeployer = DemoPrincipals.roleArn(auditId, DemoPrincipals.CI_DEPLOYER);
            for (SecretListEntry s : demoCiSecrets()) {
                if (!under(s.kmsKeyId(), key.get())) {
                    // Its labelled versions are sealed again under the shared key.
                    secretsManager("UpdateSecret", UpdateSecretRequest.builder().secretId(s.arn())
                            .kmsKeyId(DemoCatalog.CI_SHARED_KEY_ALIAS).build());
                }
                putIfNone(s.arn(), DemoPolicies.ciSecret(ciDeployer));
            }
        }

        /** The key {@value DemoCatalog#CI_SHARED_KEY_ALIAS} names here, if it is a demo key not pending deletion. */
        Optional<KeyMetadata> sharedKey() {
            KeyMetadata key;
            try {
                key = this.<DescribeKeyResponse>kms("DescribeKey",
                        DescribeKeyRequest.builder().keyId(DemoCatalog.CI_SHARED_KEY_ALIAS).build()).keyMetadata();
            } catch (AwsException e) {
                if ("NotFoundException".equals(e.code())) {
                    return Optional.empty();
                }
                throw e;
            }
            if (key.keyManager() != KeyManagerType.CUSTOMER || key.keyState() == KeyState.PENDING_DELETION) {
                return Optional.empty();
            }
            ListResourceTagsResponse tags = kms("ListResourceTags", ListResourceTagsRequest.builder().keyId(key.keyId()).build());
            boolean demo = tags.tags().stream().anyMatch(t -> DemoEstate.TAG_KEY.equals(t.tagKey()) && DemoEstate.TAG_VALUE.equals(t.tagValue()));
            return demo ? Optional.of(key) : Optional.empty();
        }

        private boolean under(String keyRef, KeyMetadata key) {
            if (keyRef == null) {
                return false;
            }
            if (keyRef.equals(DemoCatalog.CI_SHARED_KEY_ALIAS) || keyRef.equals(key.arn()) || keyRef.equals(key.keyId())) {
                return true;
            }
            try {
                return key.arn().equals(this.<DescribeKeyResponse>kms("DescribeKey", DescribeKeyRequest.builder().keyId(keyRef).build())
                        .keyMetadata().arn());
            } catch (AwsException gone) {
                return false;
            }
        }

        /** The demo secrets named {@code ci/...} of this scope, not those scheduled for deletion, nor replicas. */
        private List<SecretListEntry> demoCiSecrets() {
            List<SecretListEntry> out = new ArrayList<>();
            String token = null;
            do {
                ListSecretsResponse page = secretsManager("ListSecrets", ListSecretsRequest.builder().maxResults(100).nextToken(token)
                        .filters(Filter.builder().key(FilterNameStringType.NAME).values(DemoCatalog.CI_PREFIX).build(),
                                Filter.builder().key(FilterNameStringType.TAG_KEY).values(DemoEstate.TAG_KEY).build())
                        .build());
                for (SecretListEntry s : page.secretList()) {
                    boolean replica = s.primaryRegion() != null && !s.primaryRegion().equals(region);    // changes only with its primary
                    if (s.name().startsWith(DemoCatalog.CI_PREFIX) && DemoEstate.isDemo(s) && !replica) {
                        out.add(s);
                    }
                }
                token = page.nextToken();
            } while (token != null);
            return out;
        }
    }
}
