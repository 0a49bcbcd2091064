package io.hexagan.serve;

import java.time.Duration;

/**
 * Counts the requests being handled, and drains them: once draining, no request enters, and
 * {@link #drain} waits for those inside to leave.
 */
final class InFlight {
  private int active;
  private boolean draining;

  /** Enters a request; false once draining (the request must be refused). */
  synchronized boolean enter() {
    if (draining) {
      return false;
    }
    active++;
    return true;
  }

  synchronized void exit() {
    active--;
    if (active == 0) {
      notifyAll();
    }
  }

  /**
   * Stops new requests and waits up to {@code grace} for the active ones to leave.
   *
   * @return whether none is left
   */
  synchronized boolean drain(Duration grace) throws InterruptedException {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (active > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  synchronized int active() {
    return active;
  }
}
