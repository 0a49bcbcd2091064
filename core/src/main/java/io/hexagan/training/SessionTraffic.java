package io.hexagan.training;

import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.Result;

/**
 * What crossed the Java–TensorFlow boundary through one session: {@code Session.run} calls, bytes
 * fed and bytes fetched. Counted at every run, so that benchmarks report measured traffic rather
 * than what the design intends. Safe for concurrent runs.
 */
final class SessionTraffic {
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong bytesFed = new AtomicLong();
  private final AtomicLong bytesFetched = new AtomicLong();

  /** Counts one run that was fed {@code fed} bytes and returned {@code result}. */
  Result count(long fed, Result result) {
    long fetched = 0;
    for (int i = 0; i < result.size(); i++) {
      fetched += result.get(i).numBytes();
    }
    runs.incrementAndGet();
    bytesFed.addAndGet(fed);
    bytesFetched.addAndGet(fetched);
    return result;
  }

  /** The counts so far. */
  Snapshot snapshot() {
    return new Snapshot(runs.get(), bytesFed.get(), bytesFetched.get());
  }

  /**
   * Counts at one moment.
   *
   * @param runs {@code Session.run} calls
   * @param bytesFed bytes of the tensors fed
   * @param bytesFetched bytes of the tensors fetched
   */
  record Snapshot(long runs, long bytesFed, long bytesFetched) {
    /** The traffic between {@code earlier} and this snapshot. */
    Snapshot since(Snapshot earlier) {
      return new Snapshot(runs - earlier.runs, bytesFed - earlier.bytesFed, bytesFetched - earlier.bytesFetched);
    }
  }
}
