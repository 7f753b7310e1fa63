package io.strongroom.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The baseline process for the store benchmarks: the same JVM and the same JDK HTTP server,
 * answering every request with a fixed body and doing nothing else. Whatever Strongroom costs
 * beyond this is the store's own work (SigV4, routing, SQLite, AES-GCM, audit).
 */
public final class BareHttpServer {
    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");     // as the store does
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), args.length > 0 ? Integer.parseInt(args[0]) : 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(32));
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort());
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
    }
}
