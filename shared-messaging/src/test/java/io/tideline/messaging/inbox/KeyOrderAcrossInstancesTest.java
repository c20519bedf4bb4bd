package io.tideline.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances claiming one stream at once (two transactions on their own connections): a key's later message is
 * not handed to the second while the first holds that key's earlier one; other keys are. The stream has no worker,
 * so only the test claims.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KeyOrderAcrossInstancesTest {

    @Inject
    Inbox inbox;

    @Inject
    Transactions transactions;

    @Test
    void aKeysLaterMessageWaitsWhileAnotherInstanceHoldsItsEarlierOne() throws Exception {
        String stream = "two-instances-" + UUID.randomUUID();
        transactions.execute(uow -> {
            inbox.accept(uow, stream, "m1", "position-1", "T", "first of position 1");
            inbox.accept(uow, stream, "m2", "position-2", "T", "first of position 2");
            inbox.accept(uow, stream, "m3", "position-1", "T", "second of position 1");
            inbox.accept(uow, stream, "m4", null, "T", "no key");
            inbox.accept(uow, stream, "m5", "position-2", "T", "second of position 2");
        });
        HeldClaim first = new HeldClaim(stream, 1);

        List<String> second = transactions.<List<String>>run(uow -> ids(inbox.claim(uow, stream, 10)));

        assertThat(first.release()).containsExactly("m1");
        // m3 waits for m1, held by the first instance; position 2's messages (in order) and the keyless one go
        assertThat(second).containsExactly("m2", "m4", "m5");
        // once nobody holds m1 it comes first, and m3 with it, after it
        List<String> after = transactions.<List<String>>run(uow -> ids(inbox.claim(uow, stream, 10)));
        assertThat(after).containsExactly("m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void aClaimHoldingAKeysFirstAndThirdMessageLeavesTheThirdWhileAnotherInstanceHoldsTheSecond() throws Exception {
        String stream = "gap-" + UUID.randomUUID();
        transactions.execute(uow -> {
            inbox.accept(uow, stream, "k1", "position-1", "T", "1st");
            inbox.accept(uow, stream, "k2", "position-1", "T", "2nd");
            inbox.accept(uow, stream, "k3", "position-1", "T", "3rd");
            inbox.accept(uow, stream, "o1", "position-2", "T", "other key");
        });
        // instance A holds the 1st; instance B then claims one and locks the 2nd (left out: the 1st is pending)
        HeldClaim a = new HeldClaim(stream, 1);
        HeldClaim b = new HeldClaim(stream, 1);
        assertThat(a.release()).containsExactly("k1");

        // C locks the 1st and the 3rd (the 2nd is B's): the 3rd must wait for the 2nd
        List<String> c = transactions.<List<String>>run(uow -> ids(inbox.claim(uow, stream, 10)));

        assertThat(b.release()).isEmpty();
        assertThat(c).containsExactly("k1", "o1");
    }

    @Test
    void aMessageProcessedInThisTransactionNoLongerHoldsBackItsKeysNext() {
        String stream = "beyond-" + UUID.randomUUID();
        transactions.execute(uow -> {
            inbox.accept(uow, stream, "a1", "k", "T", "1");
            inbox.accept(uow, stream, "b1", "other", "T", "2");
        });
        transactions.execute(uow -> {
            List<InboxMessage> held = inbox.claim(uow, stream, 1);
            assertThat(ids(held)).containsExactly("a1");
            inbox.markProcessed(uow, List.of(held.get(0).id()));
            // processed in this transaction: the key's next message is no longer held back
            inbox.accept(uow, stream, "a2", "k", "T", "3");
            assertThat(ids(inbox.claim(uow, stream, 10))).containsExactly("b1", "a2");
        });
    }

    /**
     * Another instance: claims up to {@code limit} messages in a transaction of its own, on another thread, and holds
     * them until released.
     */
    private final class HeldClaim {

        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<List<String>> claimed;

        HeldClaim(String stream, int limit) throws InterruptedException {
            CountDownLatch made = new CountDownLatch(1);
            claimed = CompletableFuture.supplyAsync(() -> transactions.run(uow -> {
                List<String> ids = ids(inbox.claim(uow, stream, limit));
                made.countDown();
                await(release);
                return ids;
            }));
            assertThat(made.await(20, TimeUnit.SECONDS)).isTrue();
        }

        /** Ends its transaction with nothing marked processed (as after a failed attempt); what it had claimed. */
        List<String> release() throws Exception {
            release.countDown();
            return claimed.get(20, TimeUnit.SECONDS);
        }
    }

    private static List<String> ids(List<InboxMessage> messages) {
        return messages.stream().map(InboxMessage::messageId).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
