package io.hexagan.training;

import io.hexagan.io.MaskedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small tables with known structure, generated from a seed. */
final class SyntheticTables {
  private SyntheticTables() {}

  /** A complete table and its copy with cells (and labels) missing completely at random. */
  record Masked(double[][] complete, int[] labels, MaskedTable table) {}

  /**
   * Six columns driven by two latent factors (plus noise of sd 0.02): every column is predictable
   * from the others, which column-mean imputation cannot use.
   */
  static Masked correlated(int rows, double missing, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] full = new double[rows][6];
    for (int i = 0; i < rows; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble();
      double[] row = {a, b, 0.5 * a + 0.5 * b, 1 - a, 0.3 + 0.6 * a * b, 0.8 * b - 0.3 * a};
      for (int c = 0; c < 6; c++) {
        full[i][c] = 10 * (row[c] + 0.02 * r.nextGaussian()) + c;
      }
    }
    double[][] masked = mcar(full, missing, r);
    List<String> cols = List.of("a", "b", "mix", "neg_a", "prod", "diff");
    return new Masked(full, null, MaskedTable.unlabeled(masked, cols));
  }

  /**
   * Two Gaussian classes in d dimensions with means 0.3 and 0.7 in every coordinate (sd {@code
   * sd}); {@code minorityShare} of the rows are class 1; labels kept with probability {@code
   * labelKept}.
   */
  static Masked twoClasses(int rows, int d, double sd, double minorityShare, double missing, double labelKept,
      long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] full = new double[rows][d];
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = r.nextDouble() < minorityShare ? 1 : 0;
      double mean = labels[i] == 1 ? 0.7 : 0.3;
      for (int c = 0; c < d; c++) {
        full[i][c] = mean + sd * r.nextGaussian();
      }
    }
    double[][] masked = mcar(full, missing, r);
    int[] kept = new int[rows];
    for (int i = 0; i < rows; i++) {
      kept[i] = r.nextDouble() < labelKept ? labels[i] : MaskedTable.UNLABELED;
    }
    List<String> cols = new ArrayList<>();
    for (int c = 0; c < d; c++) {
      cols.add("x" + c);
    }
    return new Masked(full, labels, new MaskedTable(masked, kept, cols, List.of("neg", "pos")));
  }

  /**
   * The label is the exclusive or of "column 0 above ½" and "column 1 above ½"; columns 0 to
   * {@code d} − 1 independent uniforms; 20% of the cells of columns 2 and up missing completely at
   * random (columns 0 and 1 complete); 80% of labels kept.
   */
  static Masked exclusiveOr(int rows, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] full = new double[rows][d];
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < d; c++) {
        full[i][c] = r.nextDouble();
      }
      labels[i] = (full[i][0] > 0.5) ^ (full[i][1] > 0.5) ? 1 : 0;
    }
    double[][] masked = mcar(full, 0.2, r);
    int[] kept = new int[rows];
    for (int i = 0; i < rows; i++) {
      masked[i][0] = full[i][0];
      masked[i][1] = full[i][1];
      kept[i] = r.nextDouble() < 0.8 ? labels[i] : MaskedTable.UNLABELED;
    }
    List<String> cols = new ArrayList<>();
    for (int c = 0; c < d; c++) {
      cols.add("x" + c);
    }
    return new Masked(full, labels, new MaskedTable(masked, kept, cols, List.of("same", "different")));
  }

  static double[][] mcar(double[][] full, double missing, SplittableRandom r) {
    double[][] masked = new double[full.length][];
    for (int i = 0; i < full.length; i++) {
      masked[i] = full[i].clone();
      for (int c = 0; c < full[i].length; c++) {
        if (r.nextDouble() < missing) {
          masked[i][c] = Double.NaN;
        }
      }
    }
    return masked;
  }

  /** RMSE over the masked cells in the [0,1] space of the complete table's columns. */
  static double rmse(double[][] complete, double[][] masked, double[][] imputed) {
    int d = complete[0].length;
    double[] lo = new double[d];
    double[] hi = new double[d];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] row : complete) {
      for (int c = 0; c < d; c++) {
        lo[c] = Math.min(lo[c], row[c]);
        hi[c] = Math.max(hi[c], row[c]);
      }
    }
    double sq = 0;
    long n = 0;
    for (int i = 0; i < complete.length; i++) {
      for (int c = 0; c < d; c++) {
        if (Double.isNaN(masked[i][c])) {
          double e = (imputed[i][c] - complete[i][c]) / (hi[c] - lo[c]);
          sq += e * e;
          n++;
        }
      }
    }
    return Math.sqrt(sq / n);
  }

  /** Which missing cells an RMSE counts: row i's column c. */
  interface CellFilter {
    boolean counts(int row, int column);
  }

  /** Raw RMSE (no rescaling) over the missing cells of {@code data} that {@code counted} accepts. */
  static double rmseOver(Masked data, double[][] imputed, CellFilter counted) {
    double sum = 0;
    long n = 0;
    double[][] masked = data.table().values();
    for (int i = 0; i < masked.length; i++) {
      for (int c = 0; c < masked[i].length; c++) {
        if (Double.isNaN(masked[i][c]) && counted.counts(i, c)) {
          double e = imputed[i][c] - data.complete()[i][c];
          sum += e * e;
          n++;
        }
      }
    }
    return Math.sqrt(sum / n);
  }

  /** Trains on {@code data} with {@code config} and scores the model's imputation of the table. */
  static double imputationScore(Masked data, HexaGanConfig config, java.util.function.ToDoubleFunction<double[][]> score) {
    try (HexaGanModel m = HexaGan.train(data.table(), config)) {
      return score.applyAsDouble(m.impute(data.table().values()));
    }
  }

  /**
   * Madelon's shape, small: columns 0–3 two factors a, b ~ U(0, 1) and two mixtures of them (0.6a +
   * 0.4b, 0.3a − 0.7b), each plus Gaussian noise of sd {@code noiseSd}; then {@code noise}
   * independent uniform columns; 20% of cells missing completely at random; no labels.
   */
  static Masked relatedAmongNoise(int rows, int noise, double noiseSd, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int related = 4;
    double[][] full = new double[rows][related + noise];
    for (int i = 0; i < rows; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble();
      double[] mixed = {a, b, 0.6 * a + 0.4 * b, 0.3 * a - 0.7 * b};
      for (int c = 0; c < related; c++) {
        full[i][c] = mixed[c] + noiseSd * r.nextGaussian();
      }
      for (int c = related; c < related + noise; c++) {
        full[i][c] = r.nextDouble();
      }
    }
    double[][] masked = mcar(full, 0.2, r);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < related + noise; c++) {
      names.add("c" + c);
    }
    return new Masked(full, null, MaskedTable.unlabeled(masked, names));
  }

  /**
   * Column 0 steps with column 1: 0.1 below 0.5, 0.9 above, plus Gaussian noise of sd 0.02; columns
   * 1 to {@code others} independent uniforms; 20% of the cells of every column but column 1 missing
   * completely at random (column 1, which tells the step, is complete); no labels.
   */
  static Masked stepAmongNoise(int rows, int others, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] full = new double[rows][1 + others];
    for (int i = 0; i < rows; i++) {
      for (int c = 1; c <= others; c++) {
        full[i][c] = r.nextDouble();
      }
      full[i][0] = (full[i][1] < 0.5 ? 0.1 : 0.9) + 0.02 * r.nextGaussian();
    }
    double[][] masked = mcar(full, 0.2, r);
    for (int i = 0; i < rows; i++) {
      masked[i][1] = full[i][1];
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c <= others; c++) {
      names.add("c" + c);
    }
    return new Masked(full, null, MaskedTable.unlabeled(masked, names));
  }

  /** Asserts that every observed cell of {@code values} leaves {@code imputed} bit for bit. */
  static void assertObservedKept(double[][] values, double[][] imputed) {
    for (int i = 0; i < values.length; i++) {
      for (int c = 0; c < values[i].length; c++) {
        if (!Double.isNaN(values[i][c])) {
          org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(values[i][c]),
              Double.doubleToRawLongBits(imputed[i][c]), "row " + i + ", column " + c);
        }
      }
    }
  }

  /**
   * Saves {@code model} to {@code dir}, loads it and asserts that it imputes {@code values} with
   * {@code seed} exactly as {@code imputed}; returns the loaded model's metadata.
   */
  static ModelMetadata assertReadsBack(HexaGanModel model, java.nio.file.Path dir, double[][] values,
      double[][] imputed, long seed) throws java.io.IOException {
    model.save(dir, java.util.Map.of());
    try (HexaGanModel loaded = HexaGanModel.load(dir)) {
      double[][] again = loaded.impute(values, seed);
      for (int i = 0; i < values.length; i++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(imputed[i], again[i], 0.0, "row " + i);
      }
      return loaded.metadata();
    }
  }

  /** Column-mean imputation of the observed cells. */
  static double[][] meanImputed(double[][] masked) {
    int d = masked[0].length;
    double[] sum = new double[d];
    int[] count = new int[d];
    for (double[] row : masked) {
      for (int c = 0; c < d; c++) {
        if (!Double.isNaN(row[c])) {
          sum[c] += row[c];
          count[c]++;
        }
      }
    }
    double[][] out = new double[masked.length][];
    for (int i = 0; i < masked.length; i++) {
      out[i] = masked[i].clone();
      for (int c = 0; c < d; c++) {
        if (Double.isNaN(out[i][c])) {
          out[i][c] = sum[c] / count[c];
        }
      }
    }
    return out;
  }

  /**
   * The defaults with a short schedule, one thread and one noise draw (the defaults' ten draws
   * make every epoch's validation ten times the inference; tests that need them set them).
   */
  static HexaGanConfig quick(int epochs) {
    HexaGanConfig d = HexaGanConfig.defaults();
    return d.withSchedule(d.schedule().withMaxEpochs(epochs).withWarmupEpochs(1))
        .withSession(new SessionSettings(1, 1, "", true)).withImputationDraws(1);
  }
}
