package io.strongroom.service;

import io.strongroom.domain.AccessDecision;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretReader;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.User;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * "Test access as…" and "Who can read this secret?", answered the AWS way: with IAM's policy
 * simulator (SimulatePrincipalPolicy), over the SDK, the same against the embedded store and AWS.
 *
 * <p>Who can read: the secret's resource policy and KMS key are read in the secret's scope
 * (DescribeSecret, GetResourcePolicy, and for a customer managed key DescribeKey and GetKeyPolicy);
 * then, for each account among the scopes (one scope per account: IAM is global), every user and
 * role is listed (ListUsers, ListRoles, all pages) and {@value #GET_SECRET_VALUE} simulated on the
 * secret with its resource policy and the secret's account as ResourceOwner; for each reader,
 * {@value #DECRYPT} is simulated on the key with its key policy and the context Secrets Manager
 * decrypts under. The AWS managed key {@code aws/secretsmanager} is not simulated: it serves every
 * principal of its own account through Secrets Manager and nobody else's, which is said as such.
 *
 * <p>A failure listing or simulating in one account is kept for that account (a {@link ScopeError})
 * and never stops the others; a failure reading the secret itself is a {@link ScopeException}.
 *
 * <p>IAM's simulator evaluates a resource policy (a secret's, a key's) only for a user: for a role it
 * requires a user's CallerArn, against whom the policy's Principal element would then be matched,
 * which answers a different question. So a role is asked with its own policies only, and its
 * reader entry says so ({@link SecretReader#resourcePolicyEvaluated()}, {@link
 * SecretReader.KeyAccess#NOT_EVALUATED}); another account's role is listed only when the secret has
 * a resource policy that could let it in. The same on AWS and on the embedded store.
 */
public final class AccessService {

    static final String GET_SECRET_VALUE = "secretsmanager:GetSecretValue";
    static final String DECRYPT = "kms:Decrypt";
    /** IAM's default page is 100; the largest page keeps ListUsers/ListRoles calls (and their quota) few. */
    static final int PAGE_SIZE = 1000;

    private final ClientRegistry clients;
    private final FanOut fanOut;
    private final RateLimiters limiters;
    private final SecretAccessFacts facts;

    public AccessService(ClientRegistry clients, FanOut fanOut) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.limiters = fanOut.rateLimiters();
        this.facts = new SecretAccessFacts(clients, limiters);
    }

    // ---- Test access as… ------------------------------------------------------------------------

    /**
     * SimulatePrincipalPolicy of {@code action} on {@code resourceArn} ({@code *} when null) as the
     * user or role {@code principalArn} of {@code principalScope}'s account, with an optional
     * resource policy owned by {@code resourceOwner} (an account ID; the principal's account when
     * null). Throws {@link ScopeException} when IAM refuses.
     */
    public AccessDecision testAccess(Scope principalScope, String principalArn, String action, String resourceArn,
                                     String resourcePolicy, String resourceOwner) {
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(action, "action");
        IamClient iam = clients.iam(principalScope);
        String resource = resourceArn == null ? "*" : resourceArn;
        // IAM's simulator takes a resource policy only with a user (or a user's CallerArn): for a role it asks its own policies.
        // Without the resource policy, the owner is left out too: the role's own policies are asked as in its own account.
        boolean ownOnly = isRole(principalArn);
        String policy = ownOnly ? null : resourcePolicy;
        String owner = ownOnly ? null : resourceOwner;
        EvaluationResult result = Calls.call(limiters, principalScope, QuotaClass.IAM, () -> iam.simulatePrincipalPolicy(
                b -> request(b, principalArn, action, resource, policy, owner, List.of()))
                .evaluationResults().get(0));
        return decision(principalArn, result, resourcePolicy == null || policy != null);
    }

    // ---- Who can read this secret? ------------------------------------------------------------------

    /**
     * Every user and role of the accounts among {@code scopes} that may read {@code secretArn}
     * (of {@code secretScope}), each with what its KMS key says. Every account is tried; if any
     * failed, this throws the first failure's {@link ScopeException} once all have ended (use the
     * form with a failure consumer to keep the readers of the others).
     */
    public List<SecretReader> whoCanRead(Collection<Scope> scopes, Scope secretScope, String secretArn) {
        List<ScopeError> failures = Collections.synchronizedList(new ArrayList<>());
        List<SecretReader> readers = whoCanRead(scopes, secretScope, secretArn, failures::add);
        if (!failures.isEmpty()) {
            throw new ScopeException(failures.get(0), null);
        }
        return readers;
    }

    /**
     * As {@link #whoCanRead(Collection, Scope, String)} (the secret's own account is asked whether
     * or not {@code scopes} holds it), with each account's failure handed to
     * {@code failures} (on a worker thread) and the readers of every other account returned,
     * sorted by account, kind and ARN. Throws {@link ScopeException} only when the secret itself
     * cannot be read in {@code secretScope}.
     */
    public List<SecretReader> whoCanRead(Collection<Scope> scopes, Scope secretScope, String secretArn,
                                         Consumer<ScopeError> failures) {
        SecretAccessFacts.Facts secret = facts.of(secretScope, secretArn);
        List<SecretReader> readers = Collections.synchronizedList(new ArrayList<>());
        List<Scope> asked = new ArrayList<>();
        asked.add(secretScope);         // the secret's own account is always asked
        asked.addAll(scopes);
        FanOut.Handle run = fanOut.<SecretReader>run(onePerAccount(asked), (scope, pages) -> pages.emit(readersIn(scope, secret, pages)),
                new FanOut.Listener<SecretReader>() {
                    @Override
                    public void page(Scope scope, List<SecretReader> items) {
                        readers.addAll(items);
                    }

                    @Override
                    public void failed(Scope scope, ScopeError error) {
                        failures.accept(error);
                    }
                });
        try {
            run.done().join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            run.cancel();
            throw ScopeErrors.exception(secretScope, e);
        }
        List<SecretReader> sorted = new ArrayList<>(readers);
        sorted.sort(Comparator.comparing(SecretReader::account).thenComparing(SecretReader::kind)
                .thenComparing(SecretReader::principalArn));
        return List.copyOf(sorted);
    }

    /** The first scope of each account: IAM is global, so one is enough. */
    static List<Scope> onePerAccount(Collection<Scope> scopes) {
        Map<String, Scope> byAccount = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            byAccount.putIfAbsent(scope.accountId(), scope);
        }
        return List.copyOf(byAccount.values());
    }

    private List<SecretReader> readersIn(Scope scope, SecretAccessFacts.Facts secret, FanOut.Pages<SecretReader> pages)
            throws InterruptedException {
        IamClient iam = clients.iam(scope);
        Map<String, SecretReader.Kind> principals = new LinkedHashMap<>();
        String marker = null;
        do {
            pages.acquire(QuotaClass.IAM);
            String m = marker;
            ListUsersResponse page = iam.listUsers(b -> b.maxItems(PAGE_SIZE).marker(m));
            page.users().stream().map(User::arn).forEach(arn -> principals.put(arn, SecretReader.Kind.USER));
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        do {
            pages.acquire(QuotaClass.IAM);
            String m = marker;
            ListRolesResponse page = iam.listRoles(b -> b.maxItems(PAGE_SIZE).marker(m));
            page.roles().stream().map(Role::arn).forEach(arn -> principals.put(arn, SecretReader.Kind.ROLE));
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);

        List<SecretReader> readers = new ArrayList<>();
        boolean ownAccount = scope.accountId().equals(secret.account());
        for (Map.Entry<String, SecretReader.Kind> p : principals.entrySet()) {
            boolean role = p.getValue() == SecretReader.Kind.ROLE;
            if (role && !ownAccount && secret.resourcePolicy() == null) {
                continue;       // another account's role, and no resource policy to let it in
            }
            // A role is simulated without the resource policy (IAM's simulator takes one only for users): its own policies decide.
            // Its owner is left out with it, so that the role's own policies answer as within one account.
            String policy = role ? null : secret.resourcePolicy();
            String owner = role ? null : secret.account();
            pages.acquire(QuotaClass.IAM);
            EvaluationResult read = iam.simulatePrincipalPolicy(b -> request(b, p.getKey(), GET_SECRET_VALUE, secret.secretArn(),
                    policy, owner, List.of())).evaluationResults().get(0);
            boolean evaluated = secret.resourcePolicy() == null || policy != null;
            AccessDecision decision = decision(p.getKey(), read, evaluated);
            if (!decision.allowed()) {
                continue;
            }
            SecretReader.KeyAccess key = keyAccess(iam, scope, secret, p.getKey(), role, pages);
            readers.add(new SecretReader(p.getKey(), p.getValue(), scope.accountId(), decision.decidedBy(), key, evaluated));
        }
        return readers;
    }

    /** What the secret's key says to one reader: simulated for a customer managed key, stated for the AWS managed one. */
    private SecretReader.KeyAccess keyAccess(IamClient iam, Scope scope, SecretAccessFacts.Facts secret, String principalArn,
                                             boolean role, FanOut.Pages<SecretReader> pages) throws InterruptedException {
        if (secret.awsManagedKey()) {
            return scope.accountId().equals(secret.account()) ? SecretReader.KeyAccess.AWS_MANAGED_SAME_ACCOUNT
                    : SecretReader.KeyAccess.AWS_MANAGED_OTHER_ACCOUNT;
        }
        if (role) {
            return SecretReader.KeyAccess.NOT_EVALUATED;     // a key policy is a resource policy: the simulator takes it only for users
        }
        pages.acquire(QuotaClass.IAM);
        EvaluationResult decrypt = iam.simulatePrincipalPolicy(b -> request(b, principalArn, DECRYPT, secret.keyArn(),
                secret.keyPolicy(), secret.keyAccount(), decryptContext(secret, scope.accountId()))).evaluationResults().get(0);
        return "allowed".equals(decrypt.evalDecisionAsString()) ? SecretReader.KeyAccess.ALLOWED : SecretReader.KeyAccess.REFUSED;
    }

    /** The condition keys KMS sees when Secrets Manager decrypts a secret's value for a caller. */
    private static List<ContextEntry> decryptContext(SecretAccessFacts.Facts secret, String callerAccount) {
        return List.of(entry("kms:ViaService", "secretsmanager." + secret.region() + ".amazonaws.com"),
                entry("kms:EncryptionContext:SecretARN", secret.secretArn()),
                entry("kms:CallerAccount", callerAccount));
    }

    private static ContextEntry entry(String key, String value) {
        return ContextEntry.builder().contextKeyName(key).contextKeyValues(value).contextKeyType(ContextKeyTypeEnum.STRING).build();
    }

    private static void request(SimulatePrincipalPolicyRequest.Builder b, String principalArn, String action, String resourceArn,
                                String resourcePolicy, String resourceOwner, List<ContextEntry> context) {
        b.policySourceArn(principalArn).actionNames(action).resourceArns(resourceArn);
        if (resourcePolicy != null) {
            b.resourcePolicy(resourcePolicy);
        }
        if (resourceOwner != null) {
            b.resourceOwner(resourceOwner);
        }
        if (!context.isEmpty()) {
            b.contextEntries(context);
        }
    }

    /** The simulator's result as the domain's decision, with its deciding statements. */
    static AccessDecision decision(String principalArn, EvaluationResult r, boolean resourcePolicyEvaluated) {
        AccessDecision.Outcome outcome = switch (r.evalDecisionAsString()) {
            case "allowed" -> AccessDecision.Outcome.ALLOWED;
            case "explicitDeny" -> AccessDecision.Outcome.EXPLICIT_DENY;
            default -> AccessDecision.Outcome.IMPLICIT_DENY;
        };
        List<AccessDecision.DecidingStatement> statements = new ArrayList<>();
        for (var s : r.matchedStatements()) {
            AccessDecision.TextSpan span = s.startPosition() == null || s.endPosition() == null ? null
                    : new AccessDecision.TextSpan(s.startPosition().line(), s.startPosition().column(),
                    s.endPosition().line(), s.endPosition().column());
            statements.add(new AccessDecision.DecidingStatement(s.sourcePolicyId() == null ? "" : s.sourcePolicyId(),
                    s.sourcePolicyTypeAsString(), span));
        }
        return new AccessDecision(principalArn, r.evalActionName(), r.evalResourceName() == null ? "*" : r.evalResourceName(),
                outcome, statements, resourcePolicyEvaluated);
    }

    /** Whether an IAM principal ARN names a role ({@code arn:aws:iam::ACCOUNT:role/...}). */
    static boolean isRole(String principalArn) {
        return principalArn.contains(":role/");
    }
}
