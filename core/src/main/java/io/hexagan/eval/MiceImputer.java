package io.hexagan.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Multivariate imputation by chained equations (van Buuren and Groothuis-Oudshoorn, "mice:
 * Multivariate Imputation by Chained Equations in R", Journal of Statistical Software 2011), in the
 * deterministic form of scikit-learn's IterativeImputer with its defaults.
 *
 * <ol>
 *   <li>Fill each missing cell with its column's observed mean.
 *   <li>One round: for each column in ascending order of missing count (ties by index), fit a
 *       {@link BayesianRidge} regression of the column on all other columns, on the rows that
 *       observe it (the other columns at their current imputation), and replace the column's
 *       missing cells with the predictions (the posterior mean; no sampling).
 *   <li>Repeat for at most {@code maxRounds} rounds; stop after the first round whose change is
 *       below {@code tolerance × max |observed value|}, the change being IterativeImputer's
 *       ∞-norm of the difference between successive imputations: the largest, over rows, sum of
 *       the absolute changes of the row's cells.
 * </ol>
 *
 * <p>The regressions read their design only through its centred second moments, kept for the whole
 * current imputation by a {@link RunningGram} and downdated by each column's missing rows: a
 * column costs O(m·d²) for its m missing rows plus the {@link BayesianRidge} fit, instead of
 * O(n·d²) for all n rows.
 *
 * <p>Fitting records every (column, regression) step; imputing other rows replays the steps in
 * order from the training means, as IterativeImputer's {@code transform} does, so imputing the
 * training matrix itself gives exactly the fit's imputation. Unlike IterativeImputer with its
 * defaults, columns with no missing training cell also get a regression (placed first: their
 * missing count is 0), so a test row missing such a column is regressed rather than mean-filled;
 * the training imputation is unaffected.
 */
public final class MiceImputer implements Imputer {

  /** IterativeImputer's default number of rounds. */
  public static final int DEFAULT_MAX_ROUNDS = 10;
  /** IterativeImputer's default tolerance, relative to the largest absolute observed value. */
  public static final double DEFAULT_TOLERANCE = 1e-3;

  private final int maxRounds;
  private final double tolerance;

  public MiceImputer() {
    this(DEFAULT_MAX_ROUNDS, DEFAULT_TOLERANCE);
  }

  public MiceImputer(int maxRounds, double tolerance) {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds: expected ≥ 1, found " + maxRounds);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance: expected a finite number ≥ 0, found " + tolerance);
    }
    this.maxRounds = maxRounds;
    this.tolerance = tolerance;
  }

  @Override
  public String name() {
    return "mice";
  }

  @Override
  public Fitted fit(double[][] train) {
    int d = Cells.columnsOf(train, "train");
    double[] means = Cells.observedMeans(train, d);
    double[][] x = Cells.filled(train, means);
    int[] order = Cells.ascendingMissingness(Cells.missingCounts(train, d));
    double scale = 0;
    for (double[] row : train) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          scale = Math.max(scale, Math.abs(v));
        }
      }
    }
    double threshold = tolerance * scale;
    List<Step> steps = new ArrayList<>();
    RunningGram moments = new RunningGram(x, means);
    int rounds = 0;
    while (rounds < maxRounds) {
      rounds++;
      double[] rowChange = new double[x.length];
      for (int c : order) {
        Step step = fitColumn(train, moments, c);
        if (step == null) {
          continue;
        }
        steps.add(step);
        step.apply(train, x, rowChange);
        moments.refresh(c);
      }
      if (java.util.Arrays.stream(rowChange).max().orElse(0) < threshold) {
        break;
      }
    }
    return new Fitted(means, steps, rounds);
  }

  /**
   * The regression of column c on the others (at their current imputation, whose moments {@code
   * moments} holds) over the rows observing c; null when none does.
   */
  private static Step fitColumn(double[][] train, RunningGram moments, int c) {
    boolean[] observed = new boolean[train.length];
    boolean any = false;
    for (int r = 0; r < train.length; r++) {
      observed[r] = !Double.isNaN(train[r][c]);
      any |= observed[r];
    }
    if (!any) {
      return null;
    }
    LinearModel others = BayesianRidge.fit(moments.regressionOf(c, observed));
    int d = train[0].length;
    double[] w = new double[d];
    double[] wo = others.coefficients();
    int j = 0;
    for (int k = 0; k < d; k++) {
      if (k != c) {
        w[k] = wo[j++];
      }
    }
    return new Step(c, new LinearModel(others.intercept(), w));
  }

  /**
   * One chained-equation step: column {@code column} predicted by {@code model}, whose own
   * coefficient for {@code column} is 0.
   */
  public record Step(int column, LinearModel model) {

    public Step {
      if (column < 0 || column >= model.coefficients().length) {
        throw new IllegalArgumentException("column: expected 0 to " + (model.coefficients().length - 1) + ", found " + column);
      }
    }

    /**
     * Overwrites the cells of {@code column} in {@code x} that are missing in {@code original} with
     * the model's prediction, adding each absolute change to the row's entry of {@code rowChange}
     * (null: not recorded).
     */
    void apply(double[][] original, double[][] x, double[] rowChange) {
      for (int r = 0; r < x.length; r++) {
        if (Double.isNaN(original[r][column])) {
          double v = model.predict(x[r]);
          if (rowChange != null) {
            rowChange[r] += Math.abs(v - x[r][column]);
          }
          x[r][column] = v;
        }
      }
    }
  }

  /**
   * A fitted chain: the training column means and the steps of every round, in order.
   *
   * @param rounds number of rounds run during fitting
   */
  public record Fitted(double[] means, List<Step> steps, int rounds) implements FittedImputer {

    public Fitted {
      means = means.clone();
      steps = List.copyOf(steps);
    }

    @Override
    public double[] means() {
      return means.clone();
    }

    @Override
    public int columns() {
      return means.length;
    }

    @Override
    public double[][] impute(double[][] values) {
      Cells.check(values, means.length, "values");
      double[][] x = Cells.filled(values, means);
      for (Step step : steps) {
        step.apply(values, x, null);
      }
      return x;
    }
  }
}
