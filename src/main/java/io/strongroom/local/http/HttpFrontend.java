package io.strongroom.local.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store's single HTTP listener. It binds the loopback interface only: the store holds
 * secrets and is never reachable from another machine.
 *
 * <p>Requests are read without blocking, by one event-loop thread for every connection; only a
 * request that has arrived whole is handed to a worker. So a caller that sends half a request
 * and stalls holds a buffer, not a thread, and cannot starve the others (any local process, or a
 * web page in the user's browser, can open connections to 127.0.0.1). Each caller is bounded in
 * time ({@link HttpLimits}): a request must arrive within its bound from its first byte, a
 * response must be taken within its bound, and an idle connection is closed; the number of
 * connections open at once is capped. While a request is being handled, nothing more is read
 * from its connection, so one connection never has more than one request in the store.
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

    /** The request line, and all header lines together: far above what any AWS client sends. */
    static final int MAX_REQUEST_LINE_BYTES = 8 * 1024;
    static final int MAX_HEADER_BYTES = 32 * 1024;

    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final System.Logger LOG = System.getLogger(HttpFrontend.class.getName());

    private final EventLoopGroup loop;
    private final Channel listener;
    private final ThreadPoolExecutor workers;
    private final RequestPipeline pipeline;
    private final HttpLimits limits;
    private final AtomicInteger open = new AtomicInteger();

    public HttpFrontend(int port, RequestPipeline pipeline, ThreadFactory threads, int maxWorkers) throws IOException {
        this(port, pipeline, threads, maxWorkers, HttpLimits.defaults());
    }

    public HttpFrontend(int port, RequestPipeline pipeline, ThreadFactory threads, int maxWorkers, HttpLimits limits)
            throws IOException {
        this.pipeline = pipeline;
        this.limits = limits;
        this.workers = new ThreadPoolExecutor(maxWorkers, maxWorkers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        workers.allowCoreThreadTimeOut(true);
        // One thread reads and writes every connection: on loopback that is far from the bottleneck,
        // and the store's work runs on the workers.
        this.loop = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                // Headers and body leave in one write, but a delayed ACK must never hold a response back.
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (open.incrementAndGet() > HttpFrontend.this.limits.maxConnections()) {
                            open.decrementAndGet();
                            channel.close();
                            return;
                        }
                        channel.closeFuture().addListener(closed -> open.decrementAndGet());
                        Connection connection = new Connection();
                        channel.pipeline()
                                .addLast("arrival", connection.arrivalWatch())
                                .addLast("codec", new HttpServerCodec(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, 64 * 1024))
                                .addLast("exchange", connection);
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown();
            Throwable cause = bound.cause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
        this.listener = bound.channel();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Connections open now (for tests of the bounds). */
    public int openConnections() {
        return open.get();
    }

    /**
     * One connection's exchanges, one at a time: reading a request, the store handling it,
     * writing its response, waiting for the next. Every method runs on the connection's event
     * loop, so the state needs no locking.
     */
    private final class Connection extends ChannelInboundHandlerAdapter {

        private enum State { WAITING, ARRIVING, HANDLING, WRITING }

        private State state = State.WAITING;
        private ScheduledFuture<?> timer;
        private HttpRequest head;
        private ByteBuf body;
        private long drained;
        private boolean oversize;
        /** Messages the codec decoded from bytes read before the current exchange ended (pipelined requests). */
        private final ArrayDeque<Object> held = new ArrayDeque<>();

        /** Sits before the codec and sees raw bytes: a request's time starts at its first byte, not at its last header. */
        ChannelInboundHandlerAdapter arrivalWatch() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (state == State.WAITING && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                        state = State.ARRIVING;
                        arm(ctx, limits.requestArrival());
                    }
                    ctx.fireChannelRead(msg);
                }
            };
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            // A connection that never sends anything is held no longer than a request may take to arrive.
            arm(ctx, limits.requestArrival());
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            disarm();
            discardRequest();
            held.forEach(ReferenceCountUtil::release);
            held.clear();
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A reset by the peer, or a protocol error: nothing to answer on this connection.
            ctx.close();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (state == State.HANDLING || state == State.WRITING || !held.isEmpty()) {
                held.add(msg);
                return;
            }
            process(ctx, msg);
        }

        private void process(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest request) {
                    begin(ctx, request);
                }
                if (msg instanceof HttpContent content && head != null) {
                    append(ctx, content);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void begin(ChannelHandlerContext ctx, HttpRequest request) {
            if (state == State.WAITING) {
                state = State.ARRIVING;
                arm(ctx, limits.requestArrival());
            }
            if (request.decoderResult().isFailure()) {
                boolean tooLong = request.decoderResult().cause() instanceof TooLongFrameException;
                respondAndClose(ctx, tooLong ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST,
                        "text/plain", tooLong ? "Request header fields too large\n" : "Malformed HTTP request\n");
                return;
            }
            if (HttpUtil.isTransferEncodingChunked(request) && request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                // Both framings at once is how requests are smuggled past a proxy: never guess which one counts.
                respondAndClose(ctx, HttpResponseStatus.BAD_REQUEST, "text/plain", "Content-Length with chunked transfer encoding\n");
                return;
            }
            long declared = HttpUtil.getContentLength(request, -1L);
            if (declared > MAX_DRAINED_BYTES || (declared > MAX_BODY_BYTES && HttpUtil.is100ContinueExpected(request))) {
                // Too large to read just to refuse it; a client that waits for 100 Continue sends nothing more.
                respondAndClose(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, JSON_CONTENT_TYPE, tooLargeBody());
                return;
            }
            if (HttpUtil.is100ContinueExpected(request)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
            } else if (request.headers().contains(HttpHeaderNames.EXPECT)) {
                respondAndClose(ctx, HttpResponseStatus.EXPECTATION_FAILED, "text/plain", "Unsupported expectation\n");
                return;
            }
            head = request;
            oversize = declared > MAX_BODY_BYTES;
            drained = 0;
            body = oversize ? null : ctx.alloc().heapBuffer((int) Math.max(0, Math.min(declared, 64 * 1024)), MAX_BODY_BYTES);
        }

        private void append(ChannelHandlerContext ctx, HttpContent content) {
            if (content.decoderResult().isFailure()) {
                respondAndClose(ctx, HttpResponseStatus.BAD_REQUEST, "text/plain", "Malformed HTTP request body\n");
                return;
            }
            ByteBuf data = content.content();
            if (!oversize && body.readableBytes() + data.readableBytes() > MAX_BODY_BYTES) {
                oversize = true;
                drained = body.readableBytes();
                body.release();
                body = null;
            }
            if (oversize) {
                drained += data.readableBytes();
                if (drained > MAX_DRAINED_BYTES) {
                    respondAndClose(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, JSON_CONTENT_TYPE, tooLargeBody());
                    return;
                }
            } else {
                body.writeBytes(data);
            }
            if (content instanceof LastHttpContent) {
                complete(ctx);
            }
        }

        /** The whole request has arrived: hand it to a worker, and read nothing more until it is answered. */
        private void complete(ChannelHandlerContext ctx) {
            disarm();
            HttpRequest request = head;
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (oversize) {
                discardRequest();
                respond(ctx, new RawResponse(413, JSON_CONTENT_TYPE, Map.of("x-amzn-ErrorType", "RequestEntityTooLargeException"),
                        tooLargeBody().getBytes(StandardCharsets.UTF_8)), keepAlive);
                return;
            }
            byte[] bytes = new byte[body.readableBytes()];
            body.readBytes(bytes);
            discardRequest();
            String method = request.method().name();
            String target = originForm(request.uri());
            int q = target.indexOf('?');
            String rawPath = q < 0 ? target : target.substring(0, q);
            String rawQuery = q < 0 ? null : target.substring(q + 1);
            if ("GET".equals(method) && "/strongroom/health".equals(rawPath)) {
                respond(ctx, new RawResponse(200, "text/plain", Map.of(), "ok\n".getBytes(StandardCharsets.UTF_8)), keepAlive);
                return;
            }
            RawRequest raw = new RawRequest(method, rawPath, rawQuery, headersOf(request), bytes, sourceIp(ctx));
            state = State.HANDLING;
            ctx.channel().config().setAutoRead(false);
            try {
                workers.execute(() -> {
                    RawResponse response;
                    try {
                        response = pipeline.handle(raw);
                    } catch (RuntimeException | Error bug) {
                        LOG.log(System.Logger.Level.ERROR, "request failed outside the pipeline: " + bug.getClass().getName());
                        response = new RawResponse(500, JSON_CONTENT_TYPE, Map.of("x-amzn-ErrorType", "InternalFailure"),
                                "{\"__type\":\"InternalFailure\",\"message\":\"The request processing has failed.\"}"
                                        .getBytes(StandardCharsets.UTF_8));
                    }
                    RawResponse answer = response;
                    ctx.executor().execute(() -> respond(ctx, answer, keepAlive));
                });
            } catch (RejectedExecutionException closing) {
                ctx.close();
            }
        }

        private void respond(ChannelHandlerContext ctx, RawResponse response, boolean keepAlive) {
            if (!ctx.channel().isActive()) {
                return;
            }
            state = State.WRITING;
            arm(ctx, limits.responseWrite());
            ctx.writeAndFlush(toNetty(response, keepAlive)).addListener(written -> {
                disarm();
                if (!written.isSuccess() || !keepAlive) {
                    ctx.close();
                    return;
                }
                state = State.WAITING;
                arm(ctx, limits.idle());
                ctx.channel().config().setAutoRead(true);
                while (!held.isEmpty() && (state == State.WAITING || state == State.ARRIVING) && ctx.channel().isActive()) {
                    process(ctx, held.poll());
                }
            });
        }

        private void respondAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, String text) {
            disarm();
            discardRequest();
            state = State.WRITING;
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            if (status == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE) {
                response.headers().set("x-amzn-ErrorType", "RequestEntityTooLargeException");
            }
            response.headers().set(HttpHeaderNames.DATE, httpDate());
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(response).addListener(written -> ctx.close());
            arm(ctx, limits.responseWrite());
        }

        private void discardRequest() {
            if (body != null) {
                body.release();
                body = null;
            }
            head = null;
        }

        private void arm(ChannelHandlerContext ctx, Duration after) {
            disarm();
            timer = ctx.executor().schedule(() -> {
                timer = null;
                ctx.close();
            }, after.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void disarm() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }

    private static FullHttpResponse toNetty(RawResponse response, boolean keepAlive) {
        byte[] body = response.body();
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(body));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        response.headers().forEach(out.headers()::set);
        out.headers().set(HttpHeaderNames.DATE, httpDate());
        out.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (!keepAlive) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return out;
    }

    /** Header names lower-cased, every value kept in the order sent. */
    private static Map<String, List<String>> headersOf(HttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(h.getValue());
        }
        return headers;
    }

    /** The path and query of a request target, also when a client sent it in absolute form. */
    private static String originForm(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return target.isEmpty() ? "/" : target;
    }

    private static String sourceIp(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() : "127.0.0.1";
    }

    private static String tooLargeBody() {
        return "{\"__type\":\"RequestEntityTooLargeException\",\"message\":\"Request body too large\"}";
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

    private void shutDown() {
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownNow();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutDown();
    }
}
