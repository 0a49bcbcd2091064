package io.hexagan.spark;

/** Seeds of independent noise streams, mixed from a base seed and two indices. */
final class Seeds {

  private Seeds() {
  }

  /** A non-negative seed that depends on all of {@code base}, {@code a} and {@code b}. */
  static long mix(long base, long a, long b) {
    return splitMix(base ^ splitMix(a ^ splitMix(b))) & Long.MAX_VALUE;
  }

  /** SplitMix64's finalizer: every bit of the result depends on every bit of {@code z}. */
  private static long splitMix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
