package io.hexagan.eval;

import io.hexagan.training.TrainingSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs methods under the paper's protocol on one table: for each repetition, cells and labels
 * masked at random and a stratified k-fold split; for each fold, each method trains on the
 * training rows and imputes and classifies the test rows; imputation RMSE over the test rows'
 * masked cells (both formulas) and F1 on the test rows. Every method sees the same masks and folds.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Progress: method, repetition, fold, seconds. */
  public record Step(String method, int repeat, int fold, double seconds) {}

  /** Evaluates {@code methods} on {@code data}; {@code progress} hears after each method-fold. */
  public static List<MethodSummary> run(EvaluationData data, EvaluationSettings settings,
      List<EvaluationMethod> methods, Consumer<Step> progress) {
    Map<String, List<double[]>> figures = new LinkedHashMap<>();
    Map<String, List<TrainingSummary>> trainings = new LinkedHashMap<>();
    Map<String, ColumnErrors> columns = new LinkedHashMap<>();
    for (EvaluationMethod m : methods) {
      figures.put(m.name(), new ArrayList<>());
      trainings.put(m.name(), new ArrayList<>());
      if (scoresEpochs(settings, m)) {
        figures.put(m.name() + BEST_TEST_EPOCH, new ArrayList<>());
        trainings.put(m.name() + BEST_TEST_EPOCH, List.of());
      }
    }
    PositiveClasses positive = data.positive(settings.positiveClasses());
    for (int rep = 0; rep < settings.repeats(); rep++) {
      long seed = settings.seed() + rep;
      EvaluationData.Masked masked = data.mask(settings.missingRate(), settings.labelMissingRate(), seed);
      List<Fold> folds = new StratifiedKFold(settings.folds(), seed).split(data.labels());
      for (Fold fold : folds) {
        FoldData foldData = new FoldData(rows(masked.values(), fold.train()), select(masked.labels(), fold.train()),
            rows(masked.values(), fold.test()), data.schema().featureNames(), data.schema().classes(),
            seed * 1000 + fold.index(), new FoldImputers());
        Scorer scorer = new Scorer(rows(data.truth(), fold.test()), rows(masked.scored(), fold.test()),
            select(data.labels(), fold.test()), data, positive);
        for (EvaluationMethod method : methods) {
          long t0 = System.nanoTime();
          MethodOutput out;
          double[] best = null;
          if (scoresEpochs(settings, method)) {
            double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            out = ((EpochwiseMethod) method).run(foldData, epoch -> {
              double[] f = scorer.score(epoch);
              b[0] = Math.min(b[0], f[0]);
              b[1] = Math.min(b[1], f[1]);
              b[2] = Math.max(b[2], f[2]);
            });
            best = b;
          } else {
            out = method.run(foldData);
          }
          double seconds = (System.nanoTime() - t0) / 1e9 + foldData.imputers().takeReusedSeconds();
          double[] f = scorer.score(out);
          figures.get(method.name()).add(new double[] {f[0], f[1], f[2], seconds});
          if (out.imputedTest() != null) {
            scorer.addColumns(columns.computeIfAbsent(method.name(), k -> new ColumnErrors(data.schema().featureNames())),
                out);
          }
          if (best != null) {
            figures.get(method.name() + BEST_TEST_EPOCH).add(
                new double[] {finite(best[0]), finite(best[1]), finite(best[2]), seconds});
          }
          if (out.training() != null) {
            trainings.get(method.name()).add(out.training());
          }
          progress.accept(new Step(method.name(), rep, fold.index(), seconds));
        }
      }
    }
    List<MethodSummary> out = new ArrayList<>();
    for (Map.Entry<String, List<double[]>> e : figures.entrySet()) {
      List<double[]> f = e.getValue();
      ColumnErrors byColumn = columns.get(e.getKey());
      out.add(new MethodSummary(e.getKey(), stat(f, 0), stat(f, 1), stat(f, 2), stat(f, 3), trainings.get(e.getKey()),
          byColumn == null ? null : byColumn.snapshot()));
    }
    return out;
  }

  /** The suffix of a method's best-test-epoch row ({@link EvaluationSettings#bestTestEpoch()}). */
  public static final String BEST_TEST_EPOCH = "@best-test-epoch";

  private static boolean scoresEpochs(EvaluationSettings settings, EvaluationMethod method) {
    return settings.bestTestEpoch() && method instanceof EpochwiseMethod;
  }

  /** NaN for a figure no epoch produced (the infinities the best started from). */
  private static double finite(double v) {
    return Double.isInfinite(v) ? Double.NaN : v;
  }

  /** A fold's figures of an output: RMSE all cells, RMSE per row, F1 (NaN where it has no such output). */
  private record Scorer(double[][] truth, boolean[][] scored, int[] labels, EvaluationData data,
      PositiveClasses positive) {
    double[] score(MethodOutput out) {
      double global = Double.NaN;
      double perRow = Double.NaN;
      if (out.imputedTest() != null) {
        global = ImputationMetrics.rmseGlobal(truth, out.imputedTest(), scored, data.trueScale());
        perRow = ImputationMetrics.rmsePerRow(truth, out.imputedTest(), scored, data.trueScale());
      }
      double f1 = out.predictedTest() == null ? Double.NaN : positive.f1(labels, out.predictedTest());
      return new double[] {global, perRow, f1};
    }

    void addColumns(ColumnErrors errors, MethodOutput out) {
      errors.add(truth, out.imputedTest(), scored, data.trueScale());
    }
  }

  private static MeanStd stat(List<double[]> rows, int k) {
    double[] v = rows.stream().mapToDouble(r -> r[k]).toArray();
    for (double x : v) {
      if (Double.isNaN(x)) {
        return null;
      }
    }
    return MeanStd.of(v);
  }

  static double[][] rows(double[][] m, int[] idx) {
    double[][] out = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = m[idx[i]].clone();
    }
    return out;
  }

  static boolean[][] rows(boolean[][] m, int[] idx) {
    boolean[][] out = new boolean[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = m[idx[i]];
    }
    return out;
  }

  static int[] select(int[] v, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }
}
