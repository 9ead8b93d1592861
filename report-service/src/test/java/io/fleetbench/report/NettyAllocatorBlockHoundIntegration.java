package io.fleetbench.report;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Allows the short lock that Netty 4.2's adaptive buffer allocator takes when a magazine frees its buffers. Netty's
 * own BlockHound rules do not cover it yet, and BlockHound reports the lock as a blocking call when several R2DBC
 * connections encode large statements at once (seen in the fleet benchmark). The lock guards only the magazine's
 * state and never waits on I/O, so other Netty users' BlockHound rules also treat it as a false positive.
 */
public class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}
