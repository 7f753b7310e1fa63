package io.strongroom.ui.feature;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.AccessService;
import io.strongroom.service.IdentityService;
import io.strongroom.service.KeysService;
import io.strongroom.service.PolicyService;
import io.strongroom.service.ReplicationService;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.audit.AuditService;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a feature may use: the services (reads; every write goes through {@code mutations}), the
 * console's collaborators, and the shared state other features expose.
 *
 * @param mutations      the journaled writes, refused in read-only mode (resolved on the thread that writes)
 * @param journal        the action journal, opened on first use (not on the FX thread)
 * @param readOnly       the console's read-only mode; every mutating control binds to it
 * @param selectedSecret the secret selected in the inventory, or null
 * @param scopes         the accounts and regions the console has chosen (the scope picker's applied choice)
 * @param detailTabs     every feature's secret-detail tabs, in contribution order (complete once
 *                       all features have contributed, so read it when a view is built)
 * @param access         IAM's policy simulator: who can read a secret, and testing access as a principal
 * @param rotations      rotation functions and rotation events (rotation itself is written through {@code mutations})
 * @param audit          the CloudTrail events of the scopes (LookupEvents, paced and cached)
 * @param anomalyThresholds when the audit trail's anomalies are raised (Settings)
 * @param replication    the replication state of multi-region secrets (replicas are changed through {@code mutations})
 *
 * <p>Built once, by the composition root, from its own (non-null) collaborators.
 */
public record FeatureContext(SecretsService secrets, KeysService keys, IdentityService identity, PolicyService policies,
                             SecretMutations mutations, Supplier<ActionJournal> journal,
                             UiExecutor ui, DialogService dialogs, ClipboardService clipboard,
                             Texts texts, Formats formats, Clock clock,
                             ReadOnlyBooleanProperty readOnly, ReadOnlyObjectProperty<SecretSummary> selectedSecret,
                             Supplier<List<DetailTab.Factory>> detailTabs, AccessService access,
                             Supplier<List<Scope>> scopes, RotationService rotations,
                             AuditService audit, ReadOnlyObjectProperty<AnomalyThresholds> anomalyThresholds,
                             ReplicationService replication) {
}
