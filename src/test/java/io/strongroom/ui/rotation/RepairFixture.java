package io.strongroom.ui.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.service.DatabaseCheck;
import io.strongroom.service.RotationService;
import io.strongroom.service.journal.ActingIdentity;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.JournaledSecrets;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.RecordingClipboard;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.SimpleBooleanProperty;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the repair and wizard tests share: the console's services over one embedded store
 * ({@link ServiceStack}), a journal of their own, the journaled mutations guarded by a read-only
 * switch, a user who answers dialogs as told, and secrets brought into the states being repaired
 * by the store itself (a real rotation that fails), not by hand-made labels where avoidable.
 */
final class RepairFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REGION = "us-east-1";

    final ServiceStack stack;
    final Scope scope;
    final RotationService rotations;
    final SecretsManagerClient sm;
    final SimpleBooleanProperty readOnly = new SimpleBooleanProperty();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final RecordingClipboard clipboard = new RecordingClipboard();
    final Texts texts = Texts.load().in(RepairContext.BUNDLE);
    ActionJournal journal;
    SecretMutations mutations;

    RepairFixture() {
        stack = ServiceStack.start(2);
        scope = stack.scope(0, REGION);
        rotations = stack.rotations(2);
        sm = stack.store().secrets();
    }

    /** A fresh journal in {@code dir} and the mutations that write to it (the console's wiring). */
    void openJournal(Path dir) {
        journal = ActionJournal.open(dir.resolve(ActionJournal.FILE_NAME), stack.store().clock(), "operator");
        mutations = JournaledSecrets.wrap(new Writers(stack.secrets(), stack.policies(), rotations), journal,
                ActingIdentity.cached(stack.identities()), readOnly::get);
    }

    void closeJournal() {
        if (journal != null) {
            journal.close();
        }
    }

    RepairContext context() {
        return new RepairContext(stack.secrets(), rotations, mutations, () -> journal, new DatabaseCheck(), new DirectUiExecutor(),
                dialogs, clipboard, texts, new Formats(ZoneOffset.UTC), stack.store().clock(), readOnly);
    }

    String function(String name) {
        return RotationFunctions.arn(REGION, scope.accountId(), name);
    }

    /** A new secret with {@code value} (created by the store's own client: setup, not a console action). */
    String secret(String value) {
        String name = "repair/" + UUID.randomUUID().toString().substring(0, 8);
        return sm.createSecret(b -> b.name(name).secretString(value)).arn();
    }

    SecretSummary describe(String arn) {
        return stack.secrets().describe(scope, arn);
    }

    /** Rotates {@code arn} with {@code function} and waits until the rotation has ended, its events visible. */
    void rotateAndWait(String arn, String function) throws InterruptedException {
        sm.rotateSecret(b -> b.secretId(arn).rotationLambdaARN(function(function)));
        awaitRotations();
    }

    void awaitRotations() throws InterruptedException {
        assertTrue(stack.store().store().rotations().awaitIdle(Duration.ofSeconds(30)), "rotations still running");
        stack.store().store().audit().flush();
    }

    /** A PostgreSQL credential as AWS's templates store it. */
    static String credential(String host, int port, String user, String password) {
        ObjectNode n = JSON.createObjectNode();
        n.put("engine", "postgres");
        n.put("host", host);
        n.put("port", port);
        n.put("username", user);
        n.put("password", password);
        n.put("dbname", "postgres");
        return n.toString();
    }

    /** The version carrying {@code stage}, or null. */
    String versionAt(String arn, String stage) {
        return describe(arn).versionsToStages().entrySet().stream().filter(e -> e.getValue().contains(stage))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    String valueOf(String arn, String versionId) {
        return sm.getSecretValue(b -> b.secretId(arn).versionId(versionId)).secretString();
    }

    /** The password member of a JSON value. */
    static String password(String json) throws Exception {
        return JSON.readTree(json).get("password").asText();
    }

    /** The journal's entries about {@code arn}, newest first. */
    List<JournalEntry> journalOf(String arn) {
        return journal.query(JournalQuery.all().text(arn)).entries();
    }

    @Override
    public void close() {
        stack.close();
    }
}
