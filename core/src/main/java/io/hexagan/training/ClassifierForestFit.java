package io.hexagan.training;

import io.hexagan.graph.ClassifierForest;
import io.hexagan.io.MaskedTable;
import io.hexagan.io.MinMaxScaler;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a {@link ClassifierForest} to a trained model's served imputation of its labelled training
 * rows and keeps it only where it beat C's probabilities on the validation labels.
 */
final class ClassifierForestFit {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierForestFit.class);

  private ClassifierForestFit() {}

  /**
   * The forest classifier of {@code model} (refined as served), or null unless it beat C: the
   * training rows imputed with the validation cells hidden (as in training), the trees reading the
   * columns in components of screened pairs (every column when no pair is screened), the
   * validation label rows scored.
   *
   * @param pairs the screened column pairs of the training cells ({@link PairScreening#support})
   */
  static ClassifierForest fit(HexaGanModel model, MaskedTable table, MinMaxScaler scaler, ValidationSplit split,
      RefinementSettings settings, float[] pairs, long seed) {
    int d = table.features();
    double[][] input = split.trainingView(table);
    float[] imputed = split.scaledImputation(model, table, scaler, seed);
    int[] validation = split.hiddenLabelRows();
    double[][] validationInput = Arrays.stream(validation).mapToObj(r -> input[r]).toArray(double[][]::new);
    double[][] byC = model.classify(validationInput, seed);
    int classes = table.classes().size();
    float[] cProbabilities = new float[validation.length * classes];
    for (int v = 0; v < validation.length; v++) {
      for (int k = 0; k < classes; k++) {
        cProbabilities[v * classes + k] = (float) byC[v][k];
      }
    }
    float[] components = PairScreening.components(pairs, d);
    int[] candidates = IntStream.range(0, d).filter(c -> IntStream.range(0, d).anyMatch(k -> components[k * d + c] > 0))
        .toArray();
    if (candidates.length == 0) {
      candidates = IntStream.range(0, d).toArray();
    }
    return fit(imputed, d, table.labels(), classes, validation, cProbabilities, candidates, settings, seed);
  }

  /**
   * Grows one forest per class on the labelled rows outside {@code validation} and keeps them if
   * their probabilities' Brier score on the validation rows beat C's with a t statistic of at least
   * {@code settings.minGainT()} and their calls' F1 is no lower than C's for any class.
   *
   * @param x n × d, row-major, scaled: the served imputation
   * @param labels per row, its class or −1
   * @param validation the rows whose labels training did not see, ascending
   * @param cProbabilities validation.length × n_c, row-major: C's probabilities of those rows
   * @param candidates the columns the trees may split on
   * @return the classifier, or null when it did not beat C (or there is nothing to learn from)
   */
  static ClassifierForest fit(float[] x, int d, int[] labels, int classes, int[] validation, float[] cProbabilities,
      int[] candidates, RefinementSettings settings, long seed) {
    int n = x.length / d;
    boolean[] held = new boolean[n];
    for (int r : validation) {
      held[r] = true;
    }
    int[] train = IntStream.range(0, n).filter(r -> labels[r] >= 0 && !held[r]).toArray();
    if (train.length < 2 || validation.length < 2) {
      return null;
    }
    double[][] columns = new double[d + 1][n];
    for (int i = 0; i < n * d; i++) {
      columns[i % d][i / d] = x[i];
    }
    FeatureBins[] bins = new FeatureBins[d + 1];
    byte[][] codes = new byte[d + 1][];
    for (int c : candidates) {
      bins[c] = FeatureBins.of(columns[c]);
      codes[c] = bins[c].codes(columns[c]);
    }
    ForestSettings forest = new ForestSettings(settings.classifierTrees(),
        Math.max(1, (int) Math.floor(Math.sqrt(candidates.length))), 1, RefinementFit.MAX_FOREST_SAMPLES);
    SplittableRandom seeds = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
    ForestNodes nodes = new ForestNodes(d);
    for (int k = 0; k < classes; k++) {
      for (int r = 0; r < n; r++) {
        columns[d][r] = labels[r] == k ? 1 : 0;
      }
      nodes.add(RegressionForest.grow(columns, codes, bins, d, candidates, train, forest, seeds.nextLong()), k);
    }
    ClassifierForest classifier = nodes.buildClassifier(classes);
    float[] rows = new float[validation.length * d];
    for (int v = 0; v < validation.length; v++) {
      System.arraycopy(x, validation[v] * d, rows, v * d, d);
    }
    float[] byForest = classifier.apply(rows);
    double sum = 0;
    double sumSquares = 0;
    for (int v = 0; v < validation.length; v++) {
      double gain = brier(cProbabilities, v, classes, labels[validation[v]])
          - brier(byForest, v, classes, labels[validation[v]]);
      sum += gain;
      sumSquares += gain * gain;
    }
    double t = RefinementFit.gainT(sum, sumSquares, validation.length);
    int[] truth = Arrays.stream(validation).map(r -> labels[r]).toArray();
    if (LOG.isDebugEnabled()) {
      LOG.debug("classifier forest on {} validation labels: Brier gain {} (t {}), F1 per class {} against C's {}",
          validation.length, sum / validation.length, t, Arrays.toString(f1PerClass(byForest, truth, classes)),
          Arrays.toString(f1PerClass(cProbabilities, truth, classes)));
    }
    if (!(sum > 0 && t >= settings.minGainT())) {
      return null;
    }
    // Better probabilities can still call fewer rows of a rare class: the forest must not lose
    // any class's F1 either.
    return noClassWorse(byForest, cProbabilities, truth, classes) ? classifier : null;
  }

  /**
   * Whether calling each row its most probable class (the first on ties) by {@code p} gives every
   * class an F1 at least that of the calls by {@code reference}.
   *
   * @param p rows × n_c, row-major
   * @param reference rows × n_c, row-major
   * @param truth per row, its class
   */
  static boolean noClassWorse(float[] p, float[] reference, int[] truth, int classes) {
    double[] f1 = f1PerClass(p, truth, classes);
    double[] referenceF1 = f1PerClass(reference, truth, classes);
    for (int k = 0; k < classes; k++) {
      if (f1[k] < referenceF1[k]) {
        return false;
      }
    }
    return true;
  }

  /** Per class, the F1 of calling each row its most probable class (the first on ties) by {@code p}. */
  private static double[] f1PerClass(float[] p, int[] truth, int classes) {
    int[] calls = new int[truth.length];
    for (int v = 0; v < truth.length; v++) {
      calls[v] = Metrics.argMax(p, v, classes);
    }
    double[] f1 = new double[classes];
    for (int k = 0; k < classes; k++) {
      f1[k] = Metrics.f1(truth, calls, k);
    }
    return f1;
  }

  /** Σ_k (p_k − [label = k])² of row {@code v} of the n × n_c probabilities {@code p}. */
  private static double brier(float[] p, int v, int classes, int label) {
    double s = 0;
    for (int k = 0; k < classes; k++) {
      double e = p[v * classes + k] - (label == k ? 1 : 0);
      s += e * e;
    }
    return s;
  }
}
