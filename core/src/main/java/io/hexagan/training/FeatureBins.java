package io.hexagan.training;

import java.util.Arrays;

/**
 * The split candidates of one feature for histogram tree growing: at most {@link #MAX_BINS} bins
 * separated by ascending edges. A value's bin is the number of edges below it, so "bin ≤ b" is
 * exactly "value ≤ edge b", and a tree's thresholds apply to raw values.
 *
 * <p>With at most {@link #MAX_BINS} distinct values every value has its own bin and the edges are
 * the midpoints between consecutive distinct values, so splits are exact; with more, the edges are
 * midpoints at the 1/256 … 255/256 quantiles (as histogram gradient boosting and LightGBM bin).
 */
public final class FeatureBins {

  static final int MAX_BINS = 256;

  private final double[] edges;

  private FeatureBins(double[] edges) {
    this.edges = edges;
  }

  /** Bins fitted to {@code values}, which must all be finite. */
  public static FeatureBins of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    double[] edges = new double[MAX_BINS - 1];
    int count = 0;
    if (distinct <= MAX_BINS) {
      for (int i = 1; i < sorted.length; i++) {
        if (sorted[i] != sorted[i - 1]) {
          edges[count++] = midpoint(sorted[i - 1], sorted[i]);
        }
      }
    } else {
      int n = sorted.length;
      for (int b = 1; b < MAX_BINS; b++) {
        int i = (int) ((long) b * n / MAX_BINS);
        double edge = midpoint(sorted[Math.max(i - 1, 0)], sorted[i]);
        if (count == 0 || edge > edges[count - 1]) {
          edges[count++] = edge;
        }
      }
    }
    return new FeatureBins(Arrays.copyOf(edges, count));
  }

  private static double midpoint(double a, double b) {
    double m = a + (b - a) / 2;
    // Between adjacent doubles the midpoint can round up to b; the edge must stay below b.
    return m >= b ? a : m;
  }

  int bins() {
    return edges.length + 1;
  }

  /** Upper edge of bin {@code b}: values ≤ it are in bins 0 … b. */
  double edge(int b) {
    return edges[b];
  }

  /** The bin of {@code value}: the number of edges strictly below it. */
  int bin(double value) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The bins of {@code values}, as unsigned bytes. */
  public byte[] codes(double[] values) {
    byte[] codes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] = (byte) bin(values[i]);
    }
    return codes;
  }
}
