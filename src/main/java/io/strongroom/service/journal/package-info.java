/**
 * The console's local action journal: every mutating action it performs, who performed it
 * (identity ARN, credentials, OS user), what (action, target, typed non-secret parameters), where
 * (account, region, endpoint kind), when, and how it ended (OK, or error code and request ID).
 * Never a value.
 *
 * <p>Wiring (once, in the composition root):
 * <pre>{@code
 * ActionJournal journal = ActionJournal.open(dataDir);                  // journal.db, WAL
 * ActingIdentity who = ActingIdentity.cached(new IdentityService(clients, limiters));
 * SecretMutations mutations = JournaledSecrets.wrap(secrets, journal, who, readOnlyMode::isActive);
 * // view models that change secrets take `mutations`; the journal view reads `journal`
 * }</pre>
 *
 * <p>Every write is a {@code SecretMutation} record (its scope, target, journal details and the
 * service call) handed to {@code SecretMutations.apply}; the journal and the read-only guard each
 * wrap that one method. A new write is a record there plus its {@code SecretsService} method.
 *
 * <p>Part of the service layer: imports neither {@code io.strongroom.local} nor {@code ui}.
 */
package io.strongroom.service.journal;
