package io.hexagan.spark;

/**
 * One call into the model for a run of a partition's rows.
 *
 * @param maxRows at most this many of the partition's next rows go into the call
 * @param padBefore padding rows in the call before the partition's rows
 * @param callRows the call's total rows, padding after the partition's rows included; 0 for
 *     exactly the rows taken (no padding)
 * @param seed the noise seed of the call
 */
record Batch(int maxRows, int padBefore, int callRows, long seed) {

  Batch {
    if (maxRows < 1 || padBefore < 0 || callRows < 0 || (callRows > 0 && padBefore + maxRows > callRows)) {
      throw new IllegalArgumentException("expected 1 ≤ maxRows, 0 ≤ padBefore, padBefore + maxRows ≤ callRows or callRows = 0; found "
          + maxRows + ", " + padBefore + ", " + callRows);
    }
  }

  /** Rows in the call when {@code taken} of the partition's rows go in. */
  int rowsInCall(int taken) {
    return callRows > 0 ? callRows : padBefore + taken;
  }
}
