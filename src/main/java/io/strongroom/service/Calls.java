package io.strongroom.service;

import io.strongroom.domain.Scope;

import java.util.concurrent.Callable;

/** One paced, error-mapped call in one scope: the shape of every single-scope service method. */
public final class Calls {

    private Calls() {}

    public static <T> T call(RateLimiters limiters, Scope scope, QuotaClass quotaClass, Callable<T> call) {
        try {
            limiters.acquire(scope, quotaClass);
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ScopeErrors.exception(scope, e);
        } catch (Exception e) {
            throw ScopeErrors.exception(scope, e);
        }
    }

    static void run(RateLimiters limiters, Scope scope, QuotaClass quotaClass, Runnable call) {
        call(limiters, scope, quotaClass, () -> {
            call.run();
            return null;
        });
    }
}
