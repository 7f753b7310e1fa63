package io.strongroom.local.iam;

import io.strongroom.local.storage.Database;

import java.time.Clock;

/** What the classes over IAM's tables share: the database, the store's clock, and telling the evaluation cache of a change. */
abstract class IamTable {

    protected final Database db;
    protected final Clock clock;
    private final Runnable changedHook;

    IamTable(Database db, Clock clock, Runnable changedHook) {
        this.db = db;
        this.clock = clock;
        this.changedHook = changedHook;
    }

    /** Returns {@code result} after dropping the evaluation cache: the next request sees the change. */
    protected final <T> T changed(T result) {
        changedHook.run();
        return result;
    }
}
