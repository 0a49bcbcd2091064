package io.hexagan.eval;

import io.hexagan.training.FeatureBins;
import io.hexagan.training.ForestSettings;
import io.hexagan.training.RegressionForest;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * missForest (Stekhoven and Bühlmann, "MissForest—non-parametric missing value imputation for
 * mixed-type data", Bioinformatics 2012), for continuous columns.
 *
 * <ol>
 *   <li>Fill each missing cell with its column's observed mean.
 *   <li>One round: for each column with missing cells, in ascending order of missing count, grow
 *       a random-forest regressor of the column on all other columns (at their current
 *       imputation) over the rows that observe it, and replace its missing cells by the forest's
 *       predictions.
 *   <li>After round k, {@code Δ_k = Σ (X_k − X_{k−1})² / Σ X_k²} over all cells. Stop at the first
 *       round whose Δ is not smaller than the previous round's and return the previous round's
 *       imputation (the paper's criterion), or after {@code maxRounds} rounds (default 10).
 * </ol>
 *
 * <p>The random forest is hexagan's own ({@link RegressionForest}, grown by {@code TreeGrower}): the
 * Apache-licensed JVM option, Tribuo 4.3's CART random forest, took 342 s for 10 trees on a 24,000
 * × 22 regression on this project's 2-core machine, where missForest on the credit table grows
 * some 230 forests; Smile is GPL. The trees search splits on at most 256 quantile bins per feature
 * (exact for features with at most 256 distinct values).
 *
 * <p>Forest defaults: mtry = ⌊√d⌋ features per split (missForest's default), leaves of at least 5
 * rows (randomForest's regression default), {@value #DEFAULT_TREES} trees (missForest's ntree =
 * 100), and bootstrap samples of at most {@value #DEFAULT_MAX_SAMPLES} rows, which bounds the cost
 * of a forest on large tables and leaves smaller tables untouched. Measured on credit (30,000 ×
 * 23, 20% MCAR, 2 cores): full bootstrap 128 s and RMSE 0.1184, capped 33 s and RMSE 0.1185. On
 * breast the imputation RMSE (0.062) is that of scikit-learn's IterativeImputer with the same
 * forest settings (0.064).
 *
 * <p>missForest is transductive: {@link #fitImpute} returns the imputation of the fit. {@link #fit}
 * also keeps the forests of the last round run (plus, for columns without missing training cells,
 * a forest grown on the final imputation); imputing other rows starts from the training means and
 * applies these forests column by column for as many passes as the fit's returned rounds.
 */
public final class MissForestImputer implements Imputer {

  public static final int DEFAULT_TREES = 100;
  public static final int DEFAULT_MIN_LEAF = 5;
  public static final int DEFAULT_MAX_SAMPLES = 5_000;
  public static final int DEFAULT_MAX_ROUNDS = 10;

  private final int trees;
  private final int minLeaf;
  private final int maxSamples;
  private final int maxRounds;
  private final long seed;

  /** The defaults, seed 0. */
  public MissForestImputer() {
    this(DEFAULT_TREES, DEFAULT_MIN_LEAF, DEFAULT_MAX_SAMPLES, DEFAULT_MAX_ROUNDS, 0L);
  }

  public MissForestImputer(int trees, int minLeaf, int maxSamples, int maxRounds, long seed) {
    if (trees < 1) {
      throw new IllegalArgumentException("trees: expected ≥ 1, found " + trees);
    }
    if (minLeaf < 1) {
      throw new IllegalArgumentException("minLeaf: expected ≥ 1, found " + minLeaf);
    }
    if (maxSamples < 1) {
      throw new IllegalArgumentException("maxSamples: expected ≥ 1, found " + maxSamples);
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds: expected ≥ 1, found " + maxRounds);
    }
    this.trees = trees;
    this.minLeaf = minLeaf;
    this.maxSamples = maxSamples;
    this.maxRounds = maxRounds;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "missforest";
  }

  @Override
  public FittedImputer fit(double[][] train) {
    return run(train, true).model();
  }

  @Override
  public double[][] fitImpute(double[][] train) {
    return run(train, false).imputation();
  }

  /** The model (null unless kept), the training imputation and the number of rounds it took. */
  record Run(Fitted model, double[][] imputation, int rounds) {}

  Run run(double[][] train, boolean keepForests) {
    int d = Cells.columnsOf(train, "train");
    if (d < 2) {
      throw new IllegalArgumentException("train: expected at least 2 columns, found " + d);
    }
    int n = train.length;
    double[] means = Cells.observedMeans(train, d);
    int[] missingCount = Cells.missingCounts(train, d);
    int[][] missingRows = new int[d][];
    int[][] observedRows = new int[d][];
    double[][] x = new double[d][n];
    for (int c = 0; c < d; c++) {
      int col = c;
      missingRows[c] = IntStream.range(0, n).filter(r -> Double.isNaN(train[r][col])).toArray();
      observedRows[c] = IntStream.range(0, n).filter(r -> !Double.isNaN(train[r][col])).toArray();
      for (int r = 0; r < n; r++) {
        x[c][r] = Double.isNaN(train[r][c]) ? means[c] : train[r][c];
      }
    }
    ForestSettings settings = new ForestSettings(trees, Math.max(1, (int) Math.floor(Math.sqrt(d))), minLeaf,
        maxSamples);
    int[] order = Arrays.stream(Cells.ascendingMissingness(missingCount))
        .filter(c -> missingCount[c] > 0 && observedRows[c].length > 0).toArray();
    FeatureBins[] bins = new FeatureBins[d];
    byte[][] codes = new byte[d][];
    for (int c = 0; c < d; c++) {
      bin(x, bins, codes, c);
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    RegressionForest[] forests = new RegressionForest[d];
    double[][] before = new double[d][];
    double previousDelta = Double.POSITIVE_INFINITY;
    int rounds = 0;
    while (rounds < maxRounds) {
      for (int c : order) {
        before[c] = gather(x[c], missingRows[c]);
      }
      for (int c : order) {
        RegressionForest forest = RegressionForest.grow(x, codes, bins, c, observedRows[c], settings, seeds.nextLong());
        double[] predicted = predict(forest, x, missingRows[c]);
        scatter(predicted, x[c], missingRows[c]);
        bin(x, bins, codes, c);
        if (keepForests) {
          forests[c] = forest;
        }
      }
      rounds++;
      double delta = change(x, before, missingRows, order);
      if (delta >= previousDelta) {
        for (int c : order) {
          scatter(before[c], x[c], missingRows[c]);
        }
        rounds--;
        break;
      }
      previousDelta = delta;
    }
    double[][] imputation = new double[n][];
    for (int r = 0; r < n; r++) {
      double[] row = train[r].clone();
      for (int c = 0; c < d; c++) {
        if (Double.isNaN(row[c])) {
          row[c] = x[c][r];
        }
      }
      imputation[r] = row;
    }
    Fitted model = null;
    if (keepForests) {
      for (int c = 0; c < d; c++) {
        if (missingCount[c] == 0) {
          forests[c] = RegressionForest.grow(x, codes, bins, c, observedRows[c], settings, seeds.nextLong());
        }
      }
      int[] all = Cells.ascendingMissingness(missingCount);
      model = new Fitted(means, forests, all, Math.max(1, rounds));
    }
    return new Run(model, imputation, rounds);
  }

  private static void bin(double[][] x, FeatureBins[] bins, byte[][] codes, int c) {
    bins[c] = FeatureBins.of(x[c]);
    codes[c] = bins[c].codes(x[c]);
  }

  private static double[] gather(double[] column, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = column[rows[i]];
    }
    return out;
  }

  private static void scatter(double[] values, double[] column, int[] rows) {
    for (int i = 0; i < rows.length; i++) {
      column[rows[i]] = values[i];
    }
  }

  private static double[] predict(RegressionForest forest, double[][] x, int[] rows) {
    double[] out = new double[rows.length];
    IntStream.range(0, rows.length).parallel().forEach(i -> out[i] = forest.predict(x, rows[i]));
    return out;
  }

  /** Δ of the paper: squared change of the imputed cells over the squared norm of the matrix. */
  private static double change(double[][] x, double[][] before, int[][] missingRows, int[] order) {
    double diff = 0;
    for (int c : order) {
      for (int i = 0; i < missingRows[c].length; i++) {
        double delta = x[c][missingRows[c][i]] - before[c][i];
        diff += delta * delta;
      }
    }
    double norm = 0;
    for (double[] column : x) {
      for (double v : column) {
        norm += v * v;
      }
    }
    return norm == 0 ? 0 : diff / norm;
  }

  /**
   * The forests kept by {@link #fit}: one per column (null for a column without an observed
   * training cell, which is filled with its mean 0), applied in {@code order} for {@code passes}
   * passes.
   */
  static final class Fitted implements FittedImputer {
    private final double[] means;
    private final RegressionForest[] forests;
    private final int[] order;
    private final int passes;

    Fitted(double[] means, RegressionForest[] forests, int[] order, int passes) {
      this.means = means.clone();
      this.forests = forests.clone();
      this.order = order.clone();
      this.passes = passes;
    }

    @Override
    public int columns() {
      return means.length;
    }

    @Override
    public double[][] impute(double[][] values) {
      Cells.check(values, means.length, "values");
      int d = means.length;
      int n = values.length;
      double[][] x = new double[d][n];
      int[][] missingRows = new int[d][];
      for (int c = 0; c < d; c++) {
        int col = c;
        missingRows[c] = IntStream.range(0, n).filter(r -> Double.isNaN(values[r][col])).toArray();
        for (int r = 0; r < n; r++) {
          x[c][r] = Double.isNaN(values[r][c]) ? means[c] : values[r][c];
        }
      }
      for (int pass = 0; pass < passes; pass++) {
        for (int c : order) {
          if (forests[c] != null && missingRows[c].length > 0) {
            scatter(predict(forests[c], x, missingRows[c]), x[c], missingRows[c]);
          }
        }
      }
      double[][] out = new double[n][];
      for (int r = 0; r < n; r++) {
        double[] row = values[r].clone();
        for (int c = 0; c < d; c++) {
          if (Double.isNaN(row[c])) {
            row[c] = x[c][r];
          }
        }
        out[r] = row;
      }
      return out;
    }
  }
}
