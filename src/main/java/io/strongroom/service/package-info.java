/**
 * The service layer: the only way the console and the CLI reach any backend, AWS or the embedded
 * store, always through AWS SDK v2 clients over HTTP.
 *
 * <p>Wiring (done once by the composition root):
 * <pre>{@code
 * var clients  = new ClientRegistry(ClientRegistry.Settings.defaults());
 * var limiters = new RateLimiters(TimeSource.system());
 * var fanOut   = new FanOut(backgroundExecutor, 8, limiters);
 * var secrets  = new SecretsService(clients, fanOut);
 * var keys     = new KeysService(clients, fanOut);
 * }</pre>
 * Multi-scope reads ({@link io.strongroom.service.SecretsService#list},
 * {@link io.strongroom.service.KeysService#list}) stream pages to a
 * {@link io.strongroom.service.FanOut.Listener} on worker threads and return a cancellable
 * {@link io.strongroom.service.FanOut.Handle}. Single-scope calls block and throw
 * {@link io.strongroom.service.ScopeException}; run them on a background executor.
 *
 * <p>This package never imports {@code io.strongroom.local} or {@code io.strongroom.ui}.
 */
package io.strongroom.service;
