package io.fleetbench.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.HostSnapshotCollected;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundCollectionTests {

    private static final HostSnapshotCollected SNAPSHOT = EngineFixtures.snapshot(EngineFixtures.MIXED);

    @Test
    void progressWaitsForRelease() {
        List<String> messages = new CopyOnWriteArrayList<>();
        BackgroundCollection collection = BackgroundCollection.start(progress -> {
            progress.accept("Collecting");
            return SNAPSHOT;
        }, messages::add);

        assertThat(collection.await()).isSameAs(SNAPSHOT);
        assertThat(messages).isEmpty();

        collection.release();

        assertThat(messages).containsExactly("Collecting");
    }

    @Test
    void releasedProgressPassesStraightThrough() {
        CountDownLatch released = new CountDownLatch(1);
        List<String> messages = new CopyOnWriteArrayList<>();
        BackgroundCollection collection = BackgroundCollection.start(progress -> {
            progress.accept("before release");
            awaitLatch(released);
            progress.accept("after release");
            return SNAPSHOT;
        }, messages::add);

        collection.release();
        released.countDown();

        assertThat(collection.await()).isSameAs(SNAPSHOT);
        assertThat(messages).containsExactly("before release", "after release");
    }

    @Test
    void abandonedCollectionDropsProgress() {
        CountDownLatch abandoned = new CountDownLatch(1);
        List<String> messages = new CopyOnWriteArrayList<>();
        BackgroundCollection collection = BackgroundCollection.start(progress -> {
            progress.accept("before abandon");
            awaitLatch(abandoned);
            progress.accept("after abandon");
            return SNAPSHOT;
        }, messages::add);

        collection.abandon();
        abandoned.countDown();

        assertThat(collection.await()).isSameAs(SNAPSHOT);
        assertThat(messages).isEmpty();
    }

    @Test
    void awaitRethrowsCollectionFailure() {
        EngineUnavailableException failure = new EngineUnavailableException(URI.create("unix:///tmp/no-engine.sock"),
                new IllegalStateException("connection refused"));

        BackgroundCollection collection = BackgroundCollection.start(progress -> {
            throw failure;
        }, message -> { });

        assertThatThrownBy(collection::await).isSameAs(failure);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("latch released within 30 s").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the test's latch", e);
        }
    }
}
