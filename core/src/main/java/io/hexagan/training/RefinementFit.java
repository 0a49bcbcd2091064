package io.hexagan.training;

import io.hexagan.graph.ForestRefinement;
import io.hexagan.graph.LinearRefinement;
import io.hexagan.io.MaskedTable;
import io.hexagan.io.MinMaxScaler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the refinements of a trained model's imputation ({@link RefinementSettings}) to its
 * imputation of its training rows and chooses, per column, G_MI's cells, the chained regressions',
 * the column's forest's, or G_MI's and the forest's blended.
 */
final class RefinementFit {
  private static final Logger LOG = LoggerFactory.getLogger(RefinementFit.class);

  /** Bootstrap sample cap of a forest's trees, as {@code missforest}'s. */
  static final int MAX_FOREST_SAMPLES = 5_000;

  private RefinementFit() {}

  /**
   * The refinements chosen: the regressions (null: no column takes them) and the forests (null:
   * no column takes one); a column is replaced by at most one of them.
   */
  record Chosen(LinearRefinement linear, ForestRefinement forests) {
    /** Per column, whether either refinement imputes it. */
    boolean[] replaced(int features) {
      boolean[] out = new boolean[features];
      boolean[] a = linear == null ? new boolean[features] : linear.replaced();
      boolean[] b = forests == null ? new boolean[features] : forests.replaced();
      for (int c = 0; c < features; c++) {
        out[c] = a[c] || b[c];
      }
      return out;
    }
  }

  /**
   * The refinement of {@code model}, trained on {@code table} with {@code split}'s cells held out
   * for validation: fitted on its imputation of the training rows with those cells hidden (as in
   * training), chosen on them.
   *
   * @param pairs the screened column pairs of the training cells ({@link PairScreening#support})
   * @param seed the imputation's noise seed
   * @return the refinements, or null when no column's refined cells did better
   */
  static Chosen fit(HexaGanModel model, MaskedTable table, MinMaxScaler scaler, ValidationSplit split,
      RefinementSettings settings, float[] pairs, long seed) {
    int n = table.rows();
    int d = table.features();
    boolean[][] hiddenCells = split.hiddenCells();
    float[] imputed = split.scaledImputation(model, table, scaler, seed);
    float[] known = new float[n * d];
    float[] validation = new float[n * d];
    float[] truth = new float[n * d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        int i = r * d + c;
        if (table.observed(r, c)) {
          truth[i] = (float) scaler.transform(c, table.values()[r][c]);
          (hiddenCells[r][c] ? validation : known)[i] = 1;
        }
      }
    }
    float[] support = settings.componentPredictors() ? PairScreening.components(pairs, d) : pairs;
    ClassInputs inputs = settings.forests() && settings.forestClassInputs() && model.classes().size() >= 2
        ? ClassInputs.of(table, split, split.classProbabilities(model, table, seed)) : ClassInputs.NONE;
    return fit(imputed, known, validation, truth, support, d, settings, seed, inputs);
  }

  /**
   * The training rows' classes, for forests that read the class beyond the imputed table ({@link
   * ForestRefinement#inputs()}), or none: n × count, row-major, each.
   *
   * @param oneHot what the trees are grown on: the label where training knew it, else the class C
   *     finds most probable
   * @param probabilities what weighs each class's forest mean where the forests impute (C's), as
   *     in the served graph
   */
  record ClassInputs(float[] oneHot, float[] probabilities, int count) {
    static final ClassInputs NONE = new ClassInputs(null, null, 0);

    static ClassInputs of(MaskedTable table, ValidationSplit split, float[] probabilities) {
      int classes = table.classes().size();
      int[] labels = table.labels().clone();
      for (int r : split.hiddenLabelRows()) {
        labels[r] = MaskedTable.UNLABELED;
      }
      float[] oneHot = new float[labels.length * classes];
      for (int r = 0; r < labels.length; r++) {
        int k = labels[r] == MaskedTable.UNLABELED ? Metrics.argMax(probabilities, r, classes) : labels[r];
        oneHot[r * classes + k] = 1;
      }
      return new ClassInputs(oneHot, probabilities, classes);
    }
  }

  /** The refinements of forests that read the table alone ({@link ClassInputs#NONE}). */
  static Chosen fit(float[] imputed, float[] known, float[] validation, float[] truth, float[] support,
      int features, RefinementSettings settings, long seed) {
    return fit(imputed, known, validation, truth, support, features, settings, seed, ClassInputs.NONE);
  }

  /**
   * Fits the regressions and the forests and chooses the columns.
   *
   * @param imputed n × d, row-major: the model's imputation of the training rows (observed cells
   *     as observed, every other cell G_MI's, the validation cells included)
   * @param known n × d, 1 where a cell's value is observed and trained on (not a validation cell)
   * @param validation n × d, 1 on the validation cells (observed, hidden from training)
   * @param truth n × d, the observed values (read on the validation cells)
   * @param support d × d, row-major, 1 where column k may predict column j ({@link PairScreening});
   *     only columns with a predictor get a regression and a forest
   * @param seed seed of the forests' bootstrap samples and feature draws
   * @param inputs the training rows' classes, for forests that read them ({@link ClassInputs#NONE}: the
   *     forests read the table alone)
   * @return the refinements, or null when no column's refined cells did better on the validation cells
   */
  static Chosen fit(float[] imputed, float[] known, float[] validation, float[] truth, float[] support,
      int features, RefinementSettings settings, long seed, ClassInputs inputs) {
    int d = features;
    int n = imputed.length / d;
    LinearRefinement linear = regressions(imputed, known, support, d, settings);
    if (linear == null) {
      return null;
    }
    float[] missing = new float[n * d];
    for (int i = 0; i < n * d; i++) {
      missing[i] = known[i] > 0 ? 0 : 1;
    }
    Gains linearGains = Gains.of(imputed, linear.apply(imputed, missing), validation, truth, d);
    boolean[] regressed = linear.regressed();
    RegressionForest[] forests = settings.forests() ? forests(imputed, known, regressed, d, settings, seed, inputs)
        : new RegressionForest[d];
    ForestRefinement allForests = nodesOf(forests, inputs).build();
    // The gains read the validation cells alone: only those are imputed by the forests here.
    float[] byForests = allForests == null ? null
        : allForests.apply(imputed, imputed, validation, imputed, inputs.probabilities());
    Gains forestGains = byForests == null ? null : Gains.of(imputed, byForests, validation, truth, d);
    float share = (float) settings.blendShare();
    Gains blendGains = byForests == null || !settings.blends() ? null
        : Gains.of(imputed, blend(imputed, byForests, share), validation, truth, d);
    double minT = settings.minGainT();
    Choice[] choice = new Choice[d];
    for (int j = 0; j < d; j++) {
      double best = 0;
      choice[j] = Choice.G_MI;
      if (regressed[j] && linearGains.passes(j, minT)) {
        best = linearGains.mean(j);
        choice[j] = Choice.REGRESSION;
      }
      if (forests[j] != null && forestGains.passes(j, minT) && forestGains.mean(j) > best) {
        best = forestGains.mean(j);
        choice[j] = Choice.FOREST;
      }
      if (forests[j] != null && blendGains != null && blendGains.passes(j, minT) && blendGains.mean(j) > best) {
        choice[j] = Choice.BLEND;
      }
    }
    // Columns whose own cells chose nothing may still blend together, judged on their validation
    // cells pooled: at the share those cells fit best (at most share), or at share if it gained
    // there with t ≥ minT.
    boolean[] undecided = new boolean[d];
    for (int j = 0; j < d; j++) {
      undecided[j] = choice[j] == Choice.G_MI && forests[j] != null;
    }
    float pooledShare = 0;
    if (blendGains != null && settings.fittedPooledShare()) {
      pooledShare = fittedShare(imputed, byForests, validation, truth, undecided, share);
    } else if (blendGains != null && blendGains.pooledPasses(undecided, minT)) {
      pooledShare = share;
    }
    if (pooledShare > 0) {
      LOG.debug("refinement: the columns that chose nothing blend together at share {}", pooledShare);
      for (int j = 0; j < d; j++) {
        if (undecided[j]) {
          choice[j] = Choice.BLEND;
        }
      }
    }
    boolean[] byRegression = new boolean[d];
    float[] forestShare = new float[d];
    Arrays.fill(forestShare, 1f);
    ForestNodes chosenForests = new ForestNodes(d, inputs.count());
    boolean any = false;
    for (int j = 0; j < d; j++) {
      byRegression[j] = choice[j] == Choice.REGRESSION;
      if (LOG.isDebugEnabled() && (regressed[j] || forests[j] != null)) {
        LOG.debug("refinement: column {} on {} validation cells: regression gain {} (t {}), forest gain {} (t {}),"
            + " blend gain {} (t {}): {}", j, linearGains.cells()[j], linearGains.mean(j), linearGains.t(j),
            forestGains == null ? "-" : forestGains.mean(j), forestGains == null ? "-" : forestGains.t(j),
            blendGains == null ? "-" : blendGains.mean(j), blendGains == null ? "-" : blendGains.t(j), choice[j]);
      }
      if (choice[j] == Choice.FOREST || choice[j] == Choice.BLEND) {
        chosenForests.add(forests[j], j);
        forestShare[j] = choice[j] != Choice.BLEND ? 1f : undecided[j] ? pooledShare : share;
      }
      any |= choice[j] != Choice.G_MI;
    }
    if (!any) {
      return null;
    }
    boolean anyRegression = IntStream.range(0, d).anyMatch(j -> byRegression[j]);
    LinearRefinement chosenLinear = anyRegression ? new LinearRefinement(d, settings.passes(), linear.weights(),
        linear.intercepts(), regressed, byRegression) : null;
    ForestRefinement chosen = chosenForests.build(forestShare);
    if (chosen != null && settings.forestRegrowths() > 0) {
      float[] base = chosenLinear == null ? imputed : chosenLinear.apply(imputed, missing);
      float[] firstRound = chosen.apply(imputed, base, missing, imputed, inputs.probabilities());
      chosen = regrown(chosen, firstRound, imputed, known, missing, forestShare, d, settings, seed, inputs);
    }
    return new Chosen(chosenLinear, chosen);
  }

  /**
   * {@code first} followed by {@link RefinementSettings#forestRegrowths()} rounds of forests over
   * its columns, each grown (as {@link #forests}) on the table the round before imputed, its
   * observed cells the targets, and imputing the same cells from it.
   *
   * @param refined the table {@code first} imputed: every cell not {@code known} by it
   * @param imputed G_MI's table, which blended columns keep mixing with
   */
  private static ForestRefinement regrown(ForestRefinement first, float[] refined, float[] imputed, float[] known,
      float[] missing, float[] share, int d, RefinementSettings settings, long seed, ClassInputs inputs) {
    boolean[] columns = first.replaced();
    List<ForestRefinement> rounds = new ArrayList<>();
    float[] current = refined;
    for (int round = 1; round <= settings.forestRegrowths(); round++) {
      ForestRefinement next = nodesOf(forests(current, known, columns, d, settings, seed + round, inputs), inputs)
          .build(share);
      rounds.add(next);
      current = next.apply(current, current, missing, imputed, inputs.probabilities());
    }
    ForestRefinement chain = null;
    for (int r = rounds.size() - 1; r >= 0; r--) {
      chain = rounds.get(r).withRegrown(chain);
    }
    return first.withRegrown(chain);
  }

  /** Every grown forest of {@code forests} (null where a column has none), as one set of nodes. */
  private static ForestNodes nodesOf(RegressionForest[] forests, ClassInputs inputs) {
    ForestNodes nodes = new ForestNodes(forests.length, inputs.count());
    for (int j = 0; j < forests.length; j++) {
      if (forests[j] != null) {
        nodes.add(forests[j], j);
      }
    }
    return nodes;
  }

  /** What imputes a column's missing cells. */
  private enum Choice { G_MI, REGRESSION, FOREST, BLEND }

  /** G_MI's cells and the forests' mixed, the forests weighted by {@code share}. */
  private static float[] blend(float[] imputed, float[] byForests, float share) {
    float[] out = new float[imputed.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ForestRefinement.blend(imputed[i], byForests[i], share);
    }
    return out;
  }

  /**
   * The share s in [0, {@code cap}] of the way from G_MI's cell g to the forest's f that minimises
   * Σ (g + s·(f − g) − t)² over the validation cells of the columns in {@code columns}: Σ (t − g)(f − g)
   * / Σ (f − g)², clipped (0 where the forests never differ from G_MI).
   *
   * @param imputed n × d, row-major: G_MI's cells
   * @param byForests n × d: the forests' predictions (read on the validation cells)
   * @param validation n × d, 1 on the validation cells
   * @param truth n × d: the observed values (read on the validation cells)
   */
  static float fittedShare(float[] imputed, float[] byForests, float[] validation, float[] truth, boolean[] columns,
      float cap) {
    int d = columns.length;
    double along = 0;
    double squares = 0;
    for (int i = 0; i < imputed.length; i++) {
      if (validation[i] > 0 && columns[i % d]) {
        double step = (double) byForests[i] - imputed[i];
        along += ((double) truth[i] - imputed[i]) * step;
        squares += step * step;
      }
    }
    return squares > 0 ? (float) Math.max(0, Math.min(cap, along / squares)) : 0;
  }

  /** Every column with a screened predictor regressed (replacing all), or null when none is. */
  private static LinearRefinement regressions(float[] imputed, float[] known, float[] support, int d,
      RefinementSettings settings) {
    int n = imputed.length / d;
    float[] weights = new float[d * d];
    float[] intercepts = new float[d];
    boolean[] regressed = new boolean[d];
    boolean any = false;
    for (int j = 0; j < d; j++) {
      List<Integer> k = new ArrayList<>();
      for (int c = 0; c < d; c++) {
        if (c != j && support[c * d + j] > 0) {
          k.add(c);
        }
      }
      double[] w = k.isEmpty() ? null
          : regression(imputed, known, n, d, j, k.stream().mapToInt(Integer::intValue).toArray(), settings.ridge());
      if (w == null) {
        continue;
      }
      regressed[j] = true;
      any = true;
      for (int c = 0; c < k.size(); c++) {
        weights[k.get(c) * d + j] = (float) w[c];
      }
      intercepts[j] = (float) w[k.size()];
    }
    return any ? new LinearRefinement(d, settings.passes(), weights, intercepts, regressed, regressed) : null;
  }

  /**
   * Per column in {@code grown}, a random forest of it on every other column of the imputed table
   * and the {@code inputs} ({@link RefinementSettings#featuresPerSplit} of them tried per split),
   * grown on the rows where it is observed.
   */
  private static RegressionForest[] forests(float[] imputed, float[] known, boolean[] grown, int d,
      RefinementSettings settings, long seed, ClassInputs inputs) {
    int n = imputed.length / d;
    int width = d + inputs.count();
    double[][] columns = new double[width][n];
    for (int i = 0; i < n * d; i++) {
      columns[i % d][i / d] = imputed[i];
    }
    for (int i = 0; i < n * inputs.count(); i++) {
      columns[d + i % inputs.count()][i / inputs.count()] = inputs.oneHot()[i];
    }
    FeatureBins[] bins = new FeatureBins[width];
    byte[][] codes = new byte[width][];
    for (int c = 0; c < width; c++) {
      bins[c] = FeatureBins.of(columns[c]);
      codes[c] = bins[c].codes(columns[c]);
    }
    ForestSettings forest = new ForestSettings(settings.forestTrees(), settings.featuresPerSplit(width),
        settings.forestMinLeaf(), MAX_FOREST_SAMPLES);
    SplittableRandom seeds = new SplittableRandom(seed);
    RegressionForest[] out = new RegressionForest[d];
    for (int j = 0; j < d; j++) {
      long columnSeed = seeds.nextLong();
      int column = j;
      int[] rows = IntStream.range(0, n).filter(r -> known[r * d + column] > 0).toArray();
      if (grown[j] && rows.length >= 2 && d >= 2) {
        out[j] = RegressionForest.grow(columns, codes, bins, j, rows, forest, columnSeed);
      }
    }
    return out;
  }

  /** Per column, the mean gain in squared error of a refinement on its validation cells, and its t. */
  private record Gains(double[] sum, double[] sumSquares, int[] cells) {
    static Gains of(float[] imputed, float[] refined, float[] validation, float[] truth, int d) {
      double[] sum = new double[d];
      double[] sumSquares = new double[d];
      int[] cells = new int[d];
      for (int i = 0; i < imputed.length; i++) {
        if (validation[i] > 0) {
          int j = i % d;
          double gain = square(imputed[i] - truth[i]) - square(refined[i] - truth[i]);
          sum[j] += gain;
          sumSquares[j] += gain * gain;
          cells[j]++;
        }
      }
      return new Gains(sum, sumSquares, cells);
    }

    double mean(int j) {
      return cells[j] == 0 ? 0 : sum[j] / cells[j];
    }

    /** Whether column j gained with t ≥ {@code minT}. */
    boolean passes(int j, double minT) {
      return sum[j] > 0 && t(j) >= minT;
    }

    double t(int j) {
      return gainT(sum[j], sumSquares[j], cells[j]);
    }

    /** Whether the validation cells of the columns in {@code columns}, pooled, gained with t ≥ {@code minT}. */
    boolean pooledPasses(boolean[] columns, double minT) {
      double s = 0;
      double ss = 0;
      int n = 0;
      for (int j = 0; j < columns.length; j++) {
        if (columns[j]) {
          s += sum[j];
          ss += sumSquares[j];
          n += cells[j];
        }
      }
      return s > 0 && gainT(s, ss, n) >= minT;
    }
  }

  /** Ridge weights of column j on columns k (then the intercept), or null without two fitted rows. */
  private static double[] regression(float[] imputed, float[] known, int n, int d, int j, int[] k, double ridge) {
    int p = k.length + 1;
    DMatrixRMaj ata = new DMatrixRMaj(p, p);
    DMatrixRMaj aty = new DMatrixRMaj(p, 1);
    double[] a = new double[p];
    int rows = 0;
    for (int r = 0; r < n; r++) {
      if (known[r * d + j] == 0) {
        continue;
      }
      rows++;
      for (int c = 0; c < k.length; c++) {
        a[c] = imputed[r * d + k[c]];
      }
      a[k.length] = 1;
      double y = imputed[r * d + j];
      for (int u = 0; u < p; u++) {
        aty.data[u] += a[u] * y;
        for (int v = 0; v <= u; v++) {
          ata.data[u * p + v] += a[u] * a[v];
        }
      }
    }
    if (rows < 2) {
      return null;
    }
    for (int u = 0; u < p; u++) {
      for (int v = u + 1; v < p; v++) {
        ata.data[u * p + v] = ata.data[v * p + u];
      }
    }
    for (int c = 0; c < k.length; c++) {
      ata.data[c * p + c] += ridge * rows;
    }
    DMatrixRMaj w = new DMatrixRMaj(p, 1);
    if (!CommonOps_DDRM.solve(ata, aty, w) || Arrays.stream(w.data).anyMatch(x -> !Double.isFinite(x))) {
      return null;
    }
    return w.data.clone();
  }

  /** t of the mean of {@code cells} gains with this sum and sum of squares (infinite when they are all equal). */
  static double gainT(double sum, double sumSquares, int cells) {
    if (cells < 2) {
      return cells == 1 && sum > 0 ? Double.POSITIVE_INFINITY : 0;
    }
    double mean = sum / cells;
    double variance = Math.max(0, (sumSquares - cells * mean * mean) / (cells - 1));
    return variance == 0 ? (mean > 0 ? Double.POSITIVE_INFINITY : 0) : mean / Math.sqrt(variance / cells);
  }

  private static double square(double x) {
    return x * x;
  }
}
