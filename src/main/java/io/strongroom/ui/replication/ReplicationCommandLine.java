package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaTarget;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.replication.ReplicaPlan;
import io.strongroom.ui.rotation.RepairCommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The AWS CLI command line that makes the same call as a replication mutation, so an operator sees
 * exactly what the console will send (and could send it by hand), as the rotation repairs show
 * theirs ({@link RepairCommandLine}, whose scope options it shares: region, then profile or
 * endpoint; static access keys are never written).
 */
public final class ReplicationCommandLine {

    /** Characters a shell leaves alone; anything else is single-quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9:/._@+=,%-]+");

    private ReplicationCommandLine() {}

    /** The plan's calls, one command line each, in order. */
    public static List<String> of(ReplicaPlan plan) {
        return plan.calls().stream().<String>map(ReplicationCommandLine::of).toList();
    }

    public static String of(SecretMutation<?> mutation) {
        List<String> words = new ArrayList<>(List.of("aws", "secretsmanager"));
        if (mutation instanceof SecretMutation.Replicate r) {
            words.add("replicate-secret-to-regions");
            option(words, "--secret-id", r.secretId());
            words.add("--add-replica-regions");
            for (ReplicaTarget t : r.regions()) {
                words.add(quote("Region=" + t.region() + (t.kmsKeyId() == null ? "" : ",KmsKeyId=" + t.kmsKeyId())));
            }
            if (r.forceOverwrite()) {
                words.add("--force-overwrite-replica-secret");
            }
        } else if (mutation instanceof SecretMutation.RemoveReplicaRegions r) {
            words.add("remove-regions-from-replication");
            option(words, "--secret-id", r.secretId());
            words.add("--remove-replica-regions");
            r.regions().forEach(region -> words.add(quote(region)));
        } else if (mutation instanceof SecretMutation.PromoteReplica p) {
            words.add("stop-replication-to-replica");
            option(words, "--secret-id", p.secretId());
        } else {
            return RepairCommandLine.of(mutation);
        }
        words.addAll(RepairCommandLine.scopeOptions(mutation.scope()));
        return String.join(" ", words);
    }

    private static void option(List<String> words, String name, String value) {
        words.add(name);
        words.add(quote(value));
    }

    static String quote(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
