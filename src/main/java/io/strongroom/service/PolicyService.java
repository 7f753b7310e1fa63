package io.strongroom.service;

import io.strongroom.domain.PolicyCheckResult;
import io.strongroom.domain.PolicyFinding;
import io.strongroom.domain.PolicyKind;
import io.strongroom.domain.ResourcePolicy;
import io.strongroom.domain.Scope;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.Access;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckResourceType;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResponse;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resource policies of secrets and KMS keys, and IAM Access Analyzer's policy checks, one scope
 * at a time over the SDK: the same calls against the embedded store and against AWS. Every
 * failure is a {@link ScopeException} naming the scope, the AWS error code and the request ID.
 *
 * <p>Reads and checks are called directly. The three writes ({@link #putSecretPolicy},
 * {@link #deleteSecretPolicy}, {@link #putKeyPolicy}) are called only by the policy records of
 * {@code service.journal.SecretMutation}, so that the console's read-only mode refuses them and
 * the action journal records them like every other change.
 *
 * <p>ValidatePolicy is sent with policy type {@code RESOURCE_POLICY} for a secret's or a key's
 * policy and {@code IDENTITY_POLICY} otherwise, without a {@code validatePolicyResourceType}:
 * AWS accepts that member only for S3, DynamoDB and role trust policies and refuses any other
 * value, so naming {@code AWS::SecretsManager::Secret} would fail on AWS.
 */
public final class PolicyService {

    /** The findings asked for per ValidatePolicy page (AWS's pages are unbounded; this keeps answers small). */
    static final int PAGE_SIZE = 100;
    /** KMS has one key policy per key, always named so. */
    static final String KEY_POLICY_NAME = "default";

    private final ClientRegistry clients;
    private final RateLimiters limiters;

    public PolicyService(ClientRegistry clients, RateLimiters limiters) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.limiters = Objects.requireNonNull(limiters, "limiters");
    }

    // ---- Reading ---------------------------------------------------------------------------------

    /** GetResourcePolicy: the secret's policy (its document null when it has none), under the secret's ARN. */
    public ResourcePolicy secretPolicy(Scope scope, String secretId) {
        SecretsManagerClient sm = clients.secretsManager(scope);
        GetResourcePolicyResponse r = Calls.call(limiters, scope, QuotaClass.SECRETS_POLICY,
                () -> sm.getResourcePolicy(b -> b.secretId(secretId)));
        return new ResourcePolicy(r.arn() == null ? secretId : r.arn(), PolicyKind.SECRET, r.resourcePolicy());
    }

    /**
     * How far the secret's resource policy reaches (GetResourcePolicy, then its Allow statements'
     * principals read against the secret's account, {@code scope}'s): for the inventory's Policy column.
     */
    public io.strongroom.domain.PolicyReach secretPolicyReach(Scope scope, String secretId) {
        return PolicyReaches.of(secretPolicy(scope, secretId).document(), scope.accountId());
    }

    /** The alias of the key Secrets Manager uses when a secret names none. */
    public static final String SECRETS_MANAGER_KEY_ALIAS = "alias/aws/secretsmanager";

    /**
     * The key a secret is encrypted with and its policy: DescribeKey of {@code keyRef} (a key ID,
     * key ARN, alias name or alias ARN; null or empty: the account's {@value #SECRETS_MANAGER_KEY_ALIAS})
     * for its ARN and manager, then GetKeyPolicy, which takes only a key ID or ARN.
     */
    public io.strongroom.domain.KeyPolicyInfo keyPolicyOf(Scope scope, String keyRef) {
        KmsClient kms = clients.kms(scope);
        String ref = keyRef == null || keyRef.isEmpty() ? SECRETS_MANAGER_KEY_ALIAS : keyRef;
        software.amazon.awssdk.services.kms.model.KeyMetadata key = Calls.call(limiters, scope, QuotaClass.KMS_DESCRIBE,
                () -> kms.describeKey(b -> b.keyId(ref)).keyMetadata());
        String document = keyPolicy(scope, key.arn()).document();
        return new io.strongroom.domain.KeyPolicyInfo(key.arn(), "AWS".equals(key.keyManagerAsString()), document);
    }

    /** GetKeyPolicy: the key's one policy ({@value #KEY_POLICY_NAME}), under the key ID or ARN as given. */
    public ResourcePolicy keyPolicy(Scope scope, String keyId) {
        KmsClient kms = clients.kms(scope);
        String document = Calls.call(limiters, scope, QuotaClass.KMS_KEY_SETTINGS,
                () -> kms.getKeyPolicy(b -> b.keyId(keyId).policyName(KEY_POLICY_NAME)).policy());
        return new ResourcePolicy(keyId, PolicyKind.KEY, document);
    }

    // ---- Checking --------------------------------------------------------------------------------

    /**
     * ValidatePolicy, every page: the document's findings, each located by path and span. A
     * document that is not JSON is a finding ({@code JSON_SYNTAX_ERROR}), not an exception.
     */
    public List<PolicyFinding> validate(Scope scope, String document, PolicyKind kind) {
        Objects.requireNonNull(document, "document");
        AccessAnalyzerClient analyzer = clients.accessAnalyzer(scope);
        PolicyType type = kind.isResourcePolicy() ? PolicyType.RESOURCE_POLICY : PolicyType.IDENTITY_POLICY;
        List<PolicyFinding> findings = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ValidatePolicyResponse page = Calls.call(limiters, scope, QuotaClass.ACCESS_ANALYZER_CHECKS,
                    () -> analyzer.validatePolicy(b -> b.policyDocument(document).policyType(type).maxResults(PAGE_SIZE).nextToken(t)));
            page.findings().forEach(f -> findings.add(PolicyFindings.finding(f)));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(findings);
    }

    /** CheckNoNewAccess: FAIL when {@code proposed} allows anything {@code existing} does not. */
    public PolicyCheckResult checkNoNewAccess(Scope scope, String existing, String proposed, PolicyKind kind) {
        AccessAnalyzerClient analyzer = clients.accessAnalyzer(scope);
        var r = Calls.call(limiters, scope, QuotaClass.ACCESS_ANALYZER_CHECKS, () -> analyzer.checkNoNewAccess(b -> b
                .existingPolicyDocument(existing).newPolicyDocument(proposed).policyType(checkType(kind))));
        return PolicyFindings.result(r.resultAsString(), r.message(), r.reasons());
    }

    /** CheckNoPublicAccess for a secret's or a key's resource policy: FAIL when it lets anyone in. */
    public PolicyCheckResult checkNoPublicAccess(Scope scope, String document, PolicyKind kind) {
        AccessCheckResourceType type = switch (kind) {
            case SECRET -> AccessCheckResourceType.AWS_SECRETS_MANAGER_SECRET;
            case KEY -> AccessCheckResourceType.AWS_KMS_KEY;
            case IDENTITY -> throw new IllegalArgumentException("public access is a question for resource policies");
        };
        AccessAnalyzerClient analyzer = clients.accessAnalyzer(scope);
        var r = Calls.call(limiters, scope, QuotaClass.ACCESS_ANALYZER_CHECKS,
                () -> analyzer.checkNoPublicAccess(b -> b.policyDocument(document).resourceType(type)));
        return PolicyFindings.result(r.resultAsString(), r.message(), r.reasons());
    }

    /**
     * CheckAccessNotGranted: FAIL when the document grants any of {@code actions} (on any of
     * {@code resources}, when given). Either list may be empty, not both.
     */
    public PolicyCheckResult checkAccessNotGranted(Scope scope, String document, PolicyKind kind,
                                                   List<String> actions, List<String> resources) {
        Access.Builder access = Access.builder();
        if (actions != null && !actions.isEmpty()) {
            access.actions(actions);
        }
        if (resources != null && !resources.isEmpty()) {
            access.resources(resources);
        }
        AccessAnalyzerClient analyzer = clients.accessAnalyzer(scope);
        var r = Calls.call(limiters, scope, QuotaClass.ACCESS_ANALYZER_CHECKS, () -> analyzer.checkAccessNotGranted(b -> b
                .policyDocument(document).policyType(checkType(kind)).access(access.build())));
        return PolicyFindings.result(r.resultAsString(), r.message(), r.reasons());
    }

    private static AccessCheckPolicyType checkType(PolicyKind kind) {
        return kind.isResourcePolicy() ? AccessCheckPolicyType.RESOURCE_POLICY : AccessCheckPolicyType.IDENTITY_POLICY;
    }

    // ---- Writing: only through service.journal.SecretMutation --------------------------------------

    /**
     * PutResourcePolicy; with {@code blockPublic} AWS refuses a document that lets anyone in
     * ({@code PublicPolicyException}). Returns the secret's ARN.
     */
    public String putSecretPolicy(Scope scope, String secretId, String document, boolean blockPublic) {
        SecretsManagerClient sm = clients.secretsManager(scope);
        return Calls.call(limiters, scope, QuotaClass.SECRETS_POLICY, () -> sm.putResourcePolicy(b -> b
                .secretId(secretId).resourcePolicy(document).blockPublicPolicy(blockPublic)).arn());
    }

    /** DeleteResourcePolicy (nothing to delete is not an error). Returns the secret's ARN. */
    public String deleteSecretPolicy(Scope scope, String secretId) {
        SecretsManagerClient sm = clients.secretsManager(scope);
        return Calls.call(limiters, scope, QuotaClass.SECRETS_POLICY,
                () -> sm.deleteResourcePolicy(b -> b.secretId(secretId)).arn());
    }

    /**
     * PutKeyPolicy of the key's {@value #KEY_POLICY_NAME} policy, with KMS's lockout safety check
     * on: a document that would lock the caller out of the key is refused.
     */
    public void putKeyPolicy(Scope scope, String keyId, String document) {
        KmsClient kms = clients.kms(scope);
        Calls.run(limiters, scope, QuotaClass.KMS_KEY_SETTINGS, () -> kms.putKeyPolicy(b -> b
                .keyId(keyId).policyName(KEY_POLICY_NAME).policy(document).bypassPolicyLockoutSafetyCheck(false)));
    }
}
