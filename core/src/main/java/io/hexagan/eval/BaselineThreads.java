package io.hexagan.eval;

import io.hexagan.training.SessionSettings;

/** The thread counts the network baselines default to. */
final class BaselineThreads {
  private BaselineThreads() {}

  /**
   * One thread inside ops and one op at a time: the networks are small (widths of tens of units,
   * batches of ~100 rows), so per-op overhead rather than arithmetic sets the speed, and a single
   * thread gives the same bits on every machine.
   */
  static SessionSettings single() {
    return new SessionSettings(1, 1, "", true);
  }
}
