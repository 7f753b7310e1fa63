package io.strongroom.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The store's single HTTP listener. It binds the loopback interface only: the store holds
 * secrets and is never reachable from another machine.
 */
public final class HttpFrontend implements AutoCloseable {

    /** Larger bodies are refused: AWS's own request limit for these APIs is far below. */
    static final int MAX_BODY_BYTES = 1 << 20;

    /**
     * An oversize body up to this size is read and discarded before the refusal is sent, so the
     * client, still writing, receives the 413 instead of a connection reset. Anything larger is
     * refused and the connection dropped without reading it.
     */
    static final long MAX_DRAINED_BYTES = 64L << 20;

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on,
        // a client that delays its ACK (Linux does, for 40 ms) stalls every keep-alive request.
        // The server reads this property once, when its first instance in the JVM is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every
        // response then waits ~40 ms for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public HttpFrontend(int port, RequestPipeline pipeline, ThreadFactory threads, int maxWorkers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        workers = new ThreadPoolExecutor(maxWorkers, maxWorkers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(exchange, pipeline));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, RequestPipeline pipeline) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            if ("GET".equals(exchange.getRequestMethod()) && "/strongroom/health".equals(uri.getRawPath())) {
                send(exchange, new RawResponse(200, "text/plain", Map.of(), "ok\n".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            byte[] body = readBody(exchange);
            if (body == null) {
                send(exchange, new RawResponse(413, "application/x-amz-json-1.1", Map.of("x-amzn-ErrorType", "RequestEntityTooLargeException"),
                        "{\"__type\":\"RequestEntityTooLargeException\",\"message\":\"Request body too large\"}".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            // The JDK's Headers map looks names up case-insensitively, so lower-case lookups work on it
            // as it is; copying it into a lower-cased map cost more than the rest of routing.
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            RawRequest request = new RawRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            send(exchange, pipeline.handle(request));
        }
    }

    /** The request body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long declaredLength = -1;
        if (declared != null) {
            try {
                declaredLength = Long.parseLong(declared.trim());
            } catch (NumberFormatException ignored) {
                // read it and let the length check below decide
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            if (declaredLength > MAX_DRAINED_BYTES) {
                return null;
            }
            if (declaredLength > MAX_BODY_BYTES) {
                drain(in);
                return null;
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                return null;
            }
            return body;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DRAINED_BYTES;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    private static void send(HttpExchange exchange, RawResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        headers.set("Date", httpDate());
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private record CachedDate(long second, String text) {}

    private static volatile CachedDate date = new CachedDate(-1, "");

    /** The Date header (clients use it to correct clock skew), formatted once per second. */
    static String httpDate() {
        long now = System.currentTimeMillis() / 1000;
        CachedDate d = date;
        if (d.second() != now) {
            d = new CachedDate(now, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    java.time.Instant.ofEpochSecond(now).atZone(java.time.ZoneOffset.UTC)));
            date = d;
        }
        return d.text();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
