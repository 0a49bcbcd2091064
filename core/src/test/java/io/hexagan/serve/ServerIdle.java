package io.hexagan.serve;

import java.time.Duration;

/**
 * Waits for a server's in-flight count to reach 0. A handler counts itself out after its answer
 * is written, so a client can read an answer a moment before the count drops: tests that check the
 * count wait for it, boundedly, and a request that never counts itself out still fails them.
 */
final class ServerIdle {
  private ServerIdle() {}

  /** Returns once {@code server} handles no request; fails after {@code wait}. */
  static void await(ModelServer server, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (server.inFlight() > 0) {
      if (System.nanoTime() >= deadline) {
        throw new AssertionError(server.inFlight() + " requests still in flight after " + wait);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
