package io.fleetbench.gateway.problem;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/**
 * Installs {@link DecodingFailureProblemHandler} in every HTTP/1.1 connection of the gateway's server. The limits it
 * names are Spring Boot's: {@code server.netty.max-initial-line-length} and
 * {@code server.max-http-request-header-size}, set in {@code api-gateway.yml}.
 */
@Configuration(proxyBeanMethods = false)
class DecodingFailureConfiguration {

    @Bean
    NettyServerCustomizer decodingFailureProblems(ServerProperties server, NettyServerProperties netty) {
        DataSize maxInitialLineLength = netty.getMaxInitialLineLength();
        DataSize maxHeaderSize = server.getMaxHttpRequestHeaderSize();
        return httpServer -> httpServer.doOnChannelInit((observer, channel, remoteAddress) -> {
            // Only HTTP/1.1 connections have this codec: h2c and HTTP/2 are not enabled on the gateway.
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, DecodingFailureProblemHandler.NAME,
                        new DecodingFailureProblemHandler(maxInitialLineLength, maxHeaderSize));
            }
        });
    }
}
