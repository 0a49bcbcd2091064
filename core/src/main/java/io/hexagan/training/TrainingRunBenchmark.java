package io.hexagan.training;

import io.hexagan.io.MaskedTable;
import io.hexagan.io.Mcar;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times one whole training run, validation and early stopping included, on a synthetic table of a
 * chosen size: the figure a user waits for, as opposed to the per-iteration time of {@link
 * TrainingBenchmark}.
 *
 * <p>The table is a latent-factor model, so that imputation has something to learn: {@value
 * #FACTORS} standard-normal factors, each column a random linear mix of them plus noise of a fifth
 * of the signal's scale; a binary label with about 15% positives from a linear score of the
 * factors. Cells and labels are then masked completely at random at 20% each.
 */
public final class TrainingRunBenchmark {
  /** Latent factors behind the synthetic columns. */
  public static final int FACTORS = 8;

  private TrainingRunBenchmark() {}

  /**
   * One run's figures.
   *
   * @param rows table rows
   * @param features table columns (excluding the label)
   * @param seconds training wall time, validation included
   * @param epochs main-loop epochs run
   * @param keptEpoch the epoch whose weights were kept
   * @param stoppedEarly whether patience ended the run before the epoch budget
   * @param iterationsPerEpoch training iterations per epoch
   * @param msPerIteration seconds × 1000 / (iterations run, warm-up included)
   * @param validationRmse the kept epoch's validation imputation RMSE ([0,1]-scaled)
   * @param meanImputationRmse column-mean imputation's RMSE on the same validation cells
   * @param validationF1 the kept epoch's validation F1
   * @param peakHeapBytes the largest heap use any heap pool reported during the run
   */
  public record Result(int rows, int features, double seconds, int epochs, int keptEpoch, boolean stoppedEarly,
      int iterationsPerEpoch, double msPerIteration, double validationRmse, double meanImputationRmse,
      double validationF1, long peakHeapBytes) {}

  /** The masked synthetic table (seeded: the same arguments give the same table). */
  public static MaskedTable table(int rows, int features, long seed) {
    if (rows < 10 || features < 2) {
      throw new IllegalArgumentException("table: expected ≥ 10 rows and ≥ 2 features, found " + rows + " × " + features);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] loadings = new double[features][FACTORS];
    for (double[] l : loadings) {
      for (int k = 0; k < FACTORS; k++) {
        l[k] = random.nextGaussian();
      }
    }
    double[] labelWeights = new double[FACTORS];
    for (int k = 0; k < FACTORS; k++) {
      labelWeights[k] = random.nextGaussian();
    }
    double[][] values = new double[rows][features];
    int[] labels = new int[rows];
    double[] factors = new double[FACTORS];
    double noise = Math.sqrt(FACTORS) / 5;
    for (int r = 0; r < rows; r++) {
      double score = 0;
      for (int k = 0; k < FACTORS; k++) {
        factors[k] = random.nextGaussian();
        score += labelWeights[k] * factors[k];
      }
      for (int c = 0; c < features; c++) {
        double v = noise * random.nextGaussian();
        for (int k = 0; k < FACTORS; k++) {
          v += loadings[c][k] * factors[k];
        }
        values[r][c] = v;
      }
      // about 15% positives: the score's standard deviation is |labelWeights|, 1.04 sd above the mean
      labels[r] = score > 1.04 * norm(labelWeights) ? 1 : 0;
    }
    List<String> columns = new ArrayList<>();
    for (int c = 0; c < features; c++) {
      columns.add("x" + c);
    }
    return Mcar.mask(new MaskedTable(values, labels, columns, List.of("0", "1")), 0.2, 0.2, seed + 1);
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /** Trains {@code config} on {@link #table}{@code (rows, features, seed)} and reports the run. */
  public static Result measure(int rows, int features, long seed, HexaGanConfig config) {
    MaskedTable table = table(rows, features, seed);
    MemoryPeaks.reset();
    long start = System.nanoTime();
    try (HexaGanModel model = HexaGan.train(table, config)) {
      double seconds = (System.nanoTime() - start) / 1e9;
      TrainingSummary s = model.summary();
      int iterations = s.history().stream().mapToInt(EpochReport::iterations).sum();
      ValidationResult kept = s.history().stream().filter(e -> !e.warmup() && e.epoch() == s.keptEpoch())
          .map(EpochReport::validation).filter(v -> v != null).findFirst()
          .orElse(new ValidationResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
      return new Result(rows, features, seconds, s.epochs(), s.keptEpoch(), s.stoppedEarly(), s.iterationsPerEpoch(),
          1000 * seconds / Math.max(1, iterations), kept.rmse(), kept.meanImputationRmse(), kept.f1(),
          MemoryPeaks.heapBytes());
    }
  }
}
