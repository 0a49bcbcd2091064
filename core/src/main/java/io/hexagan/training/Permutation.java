package io.hexagan.training;

import java.util.SplittableRandom;

/** Random permutations, drawn the same way wherever hexagan needs one, so a seed means one order. */
public final class Permutation {

  private Permutation() {
  }

  /** A uniformly random permutation of 0 … n−1 (Fisher–Yates, from the last position down). */
  public static int[] of(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
