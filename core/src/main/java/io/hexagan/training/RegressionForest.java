package io.hexagan.training;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A random forest regressor (Breiman, "Random forests", Machine Learning 2001): trees grown by
 * {@link TreeGrower} on bootstrap samples, predicting the mean of their predictions. Trees are
 * grown in parallel, each from its own seed drawn in order from the forest's seed, so a forest is
 * the same whatever the number of threads.
 */
public final class RegressionForest {

  private final RegressionTree[] trees;

  private RegressionForest(RegressionTree[] trees) {
    this.trees = trees;
  }

  /**
   * Grows a forest predicting column {@code target} from the other columns.
   *
   * @param columns column-major values, finite
   * @param codes per column, the bin of every row under {@code bins}
   * @param bins per column, its bins
   * @param target the column to predict
   * @param rows the rows to learn from
   * @param settings trees, features per split, leaf size, bootstrap size
   * @param seed seed of the bootstrap samples and feature draws
   */
  public static RegressionForest grow(double[][] columns, byte[][] codes, FeatureBins[] bins, int target, int[] rows,
      ForestSettings settings, long seed) {
    int d = columns.length;
    return grow(columns, codes, bins, target, IntStream.range(0, d).filter(c -> c != target).toArray(), rows,
        settings, seed);
  }

  /** As {@link #grow(double[][], byte[][], FeatureBins[], int, int[], ForestSettings, long)}, from the {@code candidates} columns only. */
  static RegressionForest grow(double[][] columns, byte[][] codes, FeatureBins[] bins, int target, int[] candidates,
      int[] rows, ForestSettings settings, long seed) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("rows: expected at least one, found none");
    }
    if (candidates.length == 0) {
      throw new IllegalArgumentException("columns: expected at least one besides the target, found none");
    }
    int mtry = Math.min(settings.featuresPerSplit(), candidates.length);
    int sampleSize = Math.min(rows.length, settings.maxSamples());
    SplittableRandom root = new SplittableRandom(seed);
    long[] seeds = new long[settings.trees()];
    for (int t = 0; t < seeds.length; t++) {
      seeds[t] = root.nextLong();
    }
    double[] y = columns[target];
    RegressionTree[] trees = new RegressionTree[settings.trees()];
    IntStream.range(0, trees.length).parallel().forEach(t -> {
      SplittableRandom rng = new SplittableRandom(seeds[t]);
      int[] sample = new int[sampleSize];
      for (int i = 0; i < sampleSize; i++) {
        sample[i] = rows[rng.nextInt(rows.length)];
      }
      trees[t] = new TreeGrower(codes, bins, y, candidates, mtry, settings.minLeaf()).grow(sample, rng);
    });
    return new RegressionForest(trees);
  }

  /** The trees. */
  RegressionTree[] trees() {
    return trees.clone();
  }

  /** The mean prediction of the trees for row {@code row} of the column-major {@code columns}. */
  public double predict(double[][] columns, int row) {
    double s = 0;
    for (RegressionTree tree : trees) {
      s += tree.predict(columns, row);
    }
    return s / trees.length;
  }
}
