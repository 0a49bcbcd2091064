package io.hexagan.training;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one {@link RegressionTree} of a random forest (Breiman, "Random forests", Machine Learning
 * 2001) on binned features: at each node, features are drawn at random without replacement and the
 * split minimising the children's summed squared error is taken among the first {@code mtry} drawn
 * features that are not constant in the node (more are drawn if none of those allows a split).
 * Nodes with fewer than {@code 2 · minLeaf} rows or a constant target are leaves; every leaf holds
 * at least {@code minLeaf} rows (with bootstrap repeats) and predicts their mean.
 *
 * <p>Split search uses a per-node histogram of (count, sum of y) over the feature's bins, O(rows
 * in node + bins) per feature, instead of sorting the node's values.
 */
final class TreeGrower {

  private final byte[][] codes;
  private final FeatureBins[] bins;
  private final double[] y;
  private final int[] candidates;
  private final int mtry;
  private final int minLeaf;

  private final long[] count = new long[FeatureBins.MAX_BINS];
  private final double[] sum = new double[FeatureBins.MAX_BINS];

  private int[] feature = new int[64];
  private double[] thresholdOrValue = new double[64];
  private int[] right = new int[64];
  private int nodes;

  /**
   * @param codes per feature, the bin of every row (null for features that are not candidates)
   * @param bins per feature, its bins (null for features that are not candidates)
   * @param y the target of every row
   * @param candidates the features a split may use
   * @param mtry features examined per node, 1 … candidates.length
   * @param minLeaf least rows in a leaf, ≥ 1
   */
  TreeGrower(byte[][] codes, FeatureBins[] bins, double[] y, int[] candidates, int mtry, int minLeaf) {
    if (mtry < 1 || mtry > candidates.length) {
      throw new IllegalArgumentException("mtry: expected 1 to " + candidates.length + ", found " + mtry);
    }
    if (minLeaf < 1) {
      throw new IllegalArgumentException("minLeaf: expected ≥ 1, found " + minLeaf);
    }
    this.codes = codes;
    this.bins = bins;
    this.y = y;
    this.candidates = candidates.clone();
    this.mtry = mtry;
    this.minLeaf = minLeaf;
  }

  /**
   * Grows a tree on the rows {@code sample} (repeats allowed); reorders {@code sample} in place.
   */
  RegressionTree grow(int[] sample, SplittableRandom rng) {
    if (sample.length == 0) {
      throw new IllegalArgumentException("sample: expected at least one row, found none");
    }
    nodes = 0;
    // Work stack of (start, end, parent whose right child this is, or −1).
    int[] stack = new int[3 * 64];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = sample.length;
    stack[top++] = -1;
    int[] order = candidates.clone();
    while (top > 0) {
      int parent = stack[--top];
      int end = stack[--top];
      int start = stack[--top];
      int node = addNode();
      if (parent >= 0) {
        right[parent] = node;
      }
      int mid = split(sample, start, end, node, order, rng);
      if (mid < 0) {
        continue;
      }
      if (top + 6 > stack.length) {
        stack = Arrays.copyOf(stack, stack.length * 2);
      }
      stack[top++] = mid;
      stack[top++] = end;
      stack[top++] = node;
      stack[top++] = start;
      stack[top++] = mid;
      stack[top++] = -1;
    }
    return new RegressionTree(Arrays.copyOf(feature, nodes), Arrays.copyOf(thresholdOrValue, nodes),
        Arrays.copyOf(right, nodes));
  }

  /**
   * Makes {@code node} a split of sample[start, end) and partitions it, returning the first index
   * of the right part; or makes it a leaf and returns −1.
   */
  private int split(int[] sample, int start, int end, int node, int[] order, SplittableRandom rng) {
    int n = end - start;
    double total = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = start; i < end; i++) {
      double v = y[sample[i]];
      total += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    feature[node] = -1;
    thresholdOrValue[node] = total / n;
    if (n < 2 * minLeaf || lo == hi) {
      return -1;
    }
    double bestScore = Double.NEGATIVE_INFINITY;
    int bestFeature = -1;
    int bestBin = -1;
    int examined = 0;
    for (int drawn = 0; drawn < order.length; drawn++) {
      if (examined >= mtry && bestFeature >= 0) {
        break;
      }
      int pick = drawn + rng.nextInt(order.length - drawn);
      int f = order[pick];
      order[pick] = order[drawn];
      order[drawn] = f;

      byte[] code = codes[f];
      int minBin = FeatureBins.MAX_BINS;
      int maxBin = -1;
      for (int i = start; i < end; i++) {
        int row = sample[i];
        int b = code[row] & 0xFF;
        minBin = Math.min(minBin, b);
        maxBin = Math.max(maxBin, b);
        count[b]++;
        sum[b] += y[row];
      }
      if (minBin < maxBin) {
        examined++;
        long leftCount = 0;
        double leftSum = 0;
        for (int b = minBin; b < maxBin; b++) {
          if (count[b] == 0) {
            continue;
          }
          leftCount += count[b];
          leftSum += sum[b];
          if (leftCount < minLeaf) {
            continue;
          }
          long rightCount = n - leftCount;
          if (rightCount < minLeaf) {
            break;
          }
          double rightSum = total - leftSum;
          double score = leftSum * leftSum / leftCount + rightSum * rightSum / rightCount;
          if (score > bestScore) {
            bestScore = score;
            bestFeature = f;
            bestBin = b;
          }
        }
      }
      // Leave the histogram all zero for the next feature.
      Arrays.fill(count, minBin, maxBin + 1, 0);
      Arrays.fill(sum, minBin, maxBin + 1, 0);
    }
    if (bestFeature < 0) {
      return -1;
    }
    byte[] code = codes[bestFeature];
    int i = start;
    int j = end - 1;
    while (i <= j) {
      if ((code[sample[i]] & 0xFF) <= bestBin) {
        i++;
      } else {
        int t = sample[i];
        sample[i] = sample[j];
        sample[j] = t;
        j--;
      }
    }
    feature[node] = bestFeature;
    thresholdOrValue[node] = bins[bestFeature].edge(bestBin);
    return i;
  }

  private int addNode() {
    if (nodes == feature.length) {
      int size = nodes * 2;
      feature = Arrays.copyOf(feature, size);
      thresholdOrValue = Arrays.copyOf(thresholdOrValue, size);
      right = Arrays.copyOf(right, size);
    }
    return nodes++;
  }
}
