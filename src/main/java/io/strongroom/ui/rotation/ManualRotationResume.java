package io.strongroom.ui.rotation;

import io.strongroom.domain.Scope;
import io.strongroom.domain.VersionSelector;
import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.JournalPage;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.ResultState;

import java.util.List;
import java.util.Optional;

/**
 * How the wizard knows, after the console restarted, that a pending version is its own: the action
 * journal holds a successful PutSecretValue of this secret labelled only AWSPENDING whose outcome is
 * that very version. The journal is local and per user, so a version another operator or tool wrote
 * is never mistaken for one to resume.
 */
final class ManualRotationResume {

    /** Pages of entries looked through at most: a wizard is resumed within days, not years. */
    static final int MAX_PAGES = 5;

    private ManualRotationResume() {}

    /** The journal entry that wrote {@code pendingVersion} of {@code arn} as AWSPENDING, if this console wrote it. */
    static Optional<JournalEntry> writtenByWizard(ActionJournal journal, Scope scope, String arn, String pendingVersion) {
        JournalQuery query = JournalQuery.all().account(scope.accountId()).region(scope.region()).action(ActionKind.PUT_VALUE)
                .result(ResultState.OK).text(arn);
        for (int page = 0; page < MAX_PAGES; page++) {
            JournalPage entries = journal.query(query);
            for (JournalEntry e : entries.entries()) {
                if (pendingVersion.equals(e.outcome().versionId()) && e.details() instanceof ActionDetails.PutValue put
                        && put.stages().equals(List.of(VersionSelector.AWSPENDING))) {
                    return Optional.of(e);
                }
            }
            if (!entries.hasMore()) {
                break;
            }
            query = query.olderThan(entries.nextCursor());
        }
        return Optional.empty();
    }
}
