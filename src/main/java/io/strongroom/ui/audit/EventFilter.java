package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;

import java.util.function.Predicate;

/** The event table's quick filters: every event, the failed calls, the refusals, the value reads. */
public enum EventFilter implements Predicate<AuditRecord> {
    ALL {
        @Override
        public boolean test(AuditRecord r) {
            return true;
        }
    },
    /** Calls that failed, whatever the reason. */
    ERRORS {
        @Override
        public boolean test(AuditRecord r) {
            return r.failed();
        }
    },
    /** Calls refused for want of permission. */
    ACCESS_DENIED {
        @Override
        public boolean test(AuditRecord r) {
            return r.accessDenied();
        }
    },
    /** GetSecretValue and BatchGetSecretValue, whether they succeeded or not. */
    VALUE_READS {
        @Override
        public boolean test(AuditRecord r) {
            return r.valueRead();
        }
    }
}
