package io.fleetbench.gateway.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds a problem-detail body to the error responses that Reactor Netty sends on its own when it cannot decode a
 * request: 414 for a request line longer than {@code server.netty.max-initial-line-length}, 431 for headers larger
 * than {@code server.max-http-request-header-size} and 400 for anything else that is not valid HTTP/1.1. Reactor
 * Netty 1.3 sends these responses before any WebFlux handler runs, with an empty body and {@code Connection: close},
 * so {@link ProblemErrorHandler} never handles them.
 *
 * <p>The handler sits right after the HTTP codec in each connection's pipeline. It remembers the decoder failure of
 * an inbound request and replaces the empty error response that Reactor Netty writes next with one that has the
 * same status and headers and a JSON body. One instance serves one connection.
 */
final class DecodingFailureProblemHandler extends ChannelDuplexHandler {

    /** The handler's name in the Netty pipeline. */
    static final String NAME = "fleetbench.decodingFailureProblem";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSize maxInitialLineLength;
    private final DataSize maxHeaderSize;
    private @Nullable Throwable decodingFailure;

    DecodingFailureProblemHandler(DataSize maxInitialLineLength, DataSize maxHeaderSize) {
        this.maxInitialLineLength = maxInitialLineLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            decodingFailure = request.decoderResult().cause();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        Throwable failure = decodingFailure;
        if (failure != null && msg instanceof FullHttpResponse response
                && isDecodingFailureResponse(response, failure)) {
            decodingFailure = null;
            FullHttpResponse withBody = withProblemBody(response);
            response.release();
            ctx.write(withBody, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    /**
     * Returns whether {@code response} is the one Reactor Netty sends for {@code failure}: empty, closing the
     * connection, and with the status that Reactor Netty 1.3.6 picks for the failure's cause. The check keeps an
     * empty error response to an earlier, pipelined request on the same connection unchanged. A Reactor Netty
     * version that picks other statuses gets its responses passed on unchanged, without a body.
     */
    private static boolean isDecodingFailureResponse(FullHttpResponse response, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        int expectedStatus;
        if (cause instanceof TooLongHttpLineException) {
            expectedStatus = HttpStatus.URI_TOO_LONG.value();
        } else if (cause instanceof TooLongHttpHeaderException) {
            expectedStatus = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
        } else {
            expectedStatus = HttpStatus.BAD_REQUEST.value();
        }
        return response.status().code() == expectedStatus
                && response.content().readableBytes() == 0
                && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
    }

    private FullHttpResponse withProblemBody(FullHttpResponse response) {
        int status = response.status().code();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("title", known == null ? response.status().reasonPhrase() : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail(status));
        byte[] body = JSON.writeValueAsBytes(problem);

        FullHttpResponse withBody = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                Unpooled.wrappedBuffer(body));
        withBody.headers().set(response.headers());
        withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        withBody.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return withBody;
    }

    private String detail(int status) {
        if (status == HttpStatus.URI_TOO_LONG.value()) {
            return "The request line is longer than the gateway's limit of " + maxInitialLineLength.toBytes()
                    + " bytes. Send a shorter URI, such as one with fewer query parameters.";
        }
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()) {
            return "The request headers are larger than the gateway's limit of " + maxHeaderSize.toBytes()
                    + " bytes. Send fewer or smaller headers.";
        }
        return "The request is not valid HTTP/1.1, so the gateway could not read it. Check the request line and the "
                + "header syntax.";
    }
}
