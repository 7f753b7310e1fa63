package io.strongroom.local.replication;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.secrets.ReplicaCopies;
import io.strongroom.local.secrets.ReplicationPort;
import io.strongroom.local.storage.Database;
import io.strongroom.local.validation.Validator;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationRequest;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.StopReplicationToReplicaRequest;
import software.amazon.awssdk.services.secretsmanager.model.StopReplicationToReplicaResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;

/**
 * Multi-Region secrets as AWS has them: ReplicateSecretToRegions (and CreateSecret's
 * AddReplicaRegions), RemoveRegionsFromReplication and StopReplicationToReplica, the
 * ReplicationStatus DescribeSecret shows, and every committed change of a primary carried to its
 * replicas by the {@link Replicator}. The links live in {@code secret_replicas} (schema 6); the
 * replicas are secrets of their regions, written by {@link ReplicaCopies}.
 */
public final class Replication implements ReplicationPort, AutoCloseable {

    /** The model's RegionType pattern ({@code ^([a-z]+-)+\d+$}, 1 to 128 characters). */
    private static final Pattern REGION = Pattern.compile("([a-z]+-)+\\d+");
    private static final String REGION_PATTERN = "^([a-z]+-)+\\d+$";

    private final ReplicationLinks links;
    private final ReplicaCopies copies;
    private final ReplicationFaults faults = new ReplicationFaults();
    private final Replicator replicator;
    private final Clock clock;

    public Replication(Database db, ReplicaCopies copies, ReplicationEvents events, Clock clock, ThreadFactory threads, int workers) {
        this.links = new ReplicationLinks(db);
        this.copies = copies;
        this.clock = clock;
        this.replicator = new Replicator(links, copies, faults, events, clock, threads, workers);
    }

    /** Finishes what a stopped store left unfinished: InProgress replications resume, InSync replicas are checked. */
    public void resume() {
        replicator.resume();
    }

    /** The fault and delay knobs (tests, benchmarks, the demo, {@code strongroom serve --fail-replication-to}). */
    public ReplicationFaults faults() {
        return faults;
    }

    /** Waits until no replication is queued or running (tests and benchmarks); false if {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return replicator.awaitIdle(timeout);
    }

    @Override
    public SdkPojo replicateSecretToRegions(RequestContext ctx, ReplicateSecretToRegionsRequest r) {
        Validator.check().notNull("secretId", r.secretId()).orThrow();
        List<ReplicaRegionType> regions = r.hasAddReplicaRegions() ? r.addReplicaRegions() : null;
        Validator.check().notNull("addReplicaRegions", regions).orThrow();
        checkRegions(ctx, regions);
        ReplicaCopies.Secret s = copies.find(ctx, r.secretId(), "ReplicateSecretToRegions");
        List<ReplicationStatusType> started = start(ctx, s.arn(), regions, Boolean.TRUE.equals(r.forceOverwriteReplicaSecret()));
        return ReplicateSecretToRegionsResponse.builder().arn(s.arn()).replicationStatus(started).build();
    }

    @Override
    public void checkRegions(RequestContext ctx, List<ReplicaRegionType> regions) {
        if (regions.isEmpty()) {
            Validator.check().fails("addReplicaRegions", "Member must have length greater than or equal to 1").orThrow();
        }
        Set<String> seen = new HashSet<>();
        for (ReplicaRegionType rr : regions) {
            validRegion("region", rr.region());
            Validator.check().boundedLength("kmsKeyId", rr.kmsKeyId(), 0, 2048).orThrow();
            if (rr.region().equals(ctx.region()) || !seen.add(rr.region())) {
                throw ReplicationMessages.invalidRegion();
            }
        }
    }

    private static void validRegion(String member, String region) {
        Validator.check().notNull(member, region).orThrow();
        Validator.check().boundedLength(member, region, 1, 128).orThrow();
        Validator.check().patternOf(Validator.shown(member, region), region, REGION, REGION_PATTERN).orThrow();
    }

    @Override
    public List<ReplicationStatusType> start(RequestContext ctx, String primaryArn, List<ReplicaRegionType> regions, boolean force) {
        List<ReplicationStatusType> started = new ArrayList<>();
        for (ReplicaRegionType rr : regions) {
            String keyRef = rr.kmsKeyId() == null || rr.kmsKeyId().isEmpty() ? null : rr.kmsKeyId();
            links.request(primaryArn, rr.region(), keyRef, force, ctx.now());
            replicator.record(new ReplicaLink(primaryArn, rr.region(), keyRef, ReplicaLink.IN_PROGRESS, null, 0, force, ctx.now()),
                    ReplicationMessages.STARTED, null, ctx.now());
            started.add(ReplicationStatusType.builder().region(rr.region()).kmsKeyId(keyRef == null ? ReplicationMessages.DEFAULT_KEY : keyRef)
                    .status(ReplicaLink.IN_PROGRESS).build());
        }
        copies.markPrimary(primaryArn, true);
        replicator.schedule(primaryArn);
        return started;
    }

    @Override
    public SdkPojo removeRegionsFromReplication(RequestContext ctx, RemoveRegionsFromReplicationRequest r) {
        Validator.check().notNull("secretId", r.secretId()).orThrow();
        List<String> regions = r.hasRemoveReplicaRegions() ? r.removeReplicaRegions() : null;
        Validator.check().notNull("removeReplicaRegions", regions).orThrow();
        if (regions.isEmpty()) {
            Validator.check().fails("removeReplicaRegions", "Member must have length greater than or equal to 1").orThrow();
        }
        for (String region : regions) {
            validRegion("removeReplicaRegions", region);
        }
        ReplicaCopies.Secret s = copies.find(ctx, r.secretId(), "RemoveRegionsFromReplication");
        replicator.locked(s.arn(), () -> {
            Set<String> replicated = new HashSet<>();
            links.of(s.arn()).forEach(l -> replicated.add(l.region()));
            for (String region : regions) {
                if (!replicated.contains(region)) {
                    throw ReplicationMessages.notReplicatedTo(region);
                }
            }
            for (String region : regions) {
                links.remove(s.arn(), region);
                copies.deleteReplica(s.arn(), region);
            }
            if (!links.hasAny(s.arn())) {
                copies.markPrimary(s.arn(), false);
            }
            return null;
        });
        return RemoveRegionsFromReplicationResponse.builder().arn(s.arn()).replicationStatus(statusOf(s.arn())).build();
    }

    @Override
    public SdkPojo stopReplicationToReplica(RequestContext ctx, StopReplicationToReplicaRequest r) {
        Validator.check().notNull("secretId", r.secretId()).orThrow();
        ReplicaCopies.Secret s = copies.find(ctx, r.secretId(), "StopReplicationToReplica");
        if (!s.isReplica()) {
            throw ReplicationMessages.notAReplica();
        }
        String primaryArn = ReplicaCopies.replicaArn(s.arn(), s.primaryRegion());
        replicator.locked(primaryArn, () -> {
            links.remove(primaryArn, s.region());
            copies.promote(s.arn(), ctx.now());
            if (!links.hasAny(primaryArn)) {
                copies.markPrimary(primaryArn, false);
            }
            return null;
        });
        return StopReplicationToReplicaResponse.builder().arn(s.arn()).build();
    }

    @Override
    public List<ReplicationStatusType> statusOf(String primaryArn) {
        List<ReplicationStatusType> out = new ArrayList<>();
        for (ReplicaLink l : links.of(primaryArn)) {
            ReplicationStatusType.Builder b = ReplicationStatusType.builder().region(l.region())
                    .kmsKeyId(l.kmsKeyRef() == null ? ReplicationMessages.DEFAULT_KEY : l.kmsKeyRef())
                    .status(l.status()).statusMessage(l.statusMessage());
            copies.byArn(ReplicaCopies.replicaArn(primaryArn, l.region()))
                    .filter(ReplicaCopies.Secret::isReplica)
                    .ifPresent(replica -> b.lastAccessedDate(replica.lastAccessedAt()));
            out.add(b.build());
        }
        return out;
    }

    @Override
    public List<String> regionsOf(String primaryArn) {
        return links.of(primaryArn).stream().map(ReplicaLink::region).toList();
    }

    @Override
    public void changed(String secretArn) {
        if (links.hasAny(secretArn) && links.changed(secretArn, clock.instant()) > 0) {
            replicator.schedule(secretArn);
        }
    }

    @Override
    public void close() {
        replicator.close();
    }
}
