package io.hexagan.eval;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTable;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.CsvTableWriter;
import io.hexagan.io.Mcar;
import io.hexagan.io.RawRow;
import io.hexagan.io.TableEncoder;
import io.hexagan.training.CsvPrediction;
import io.hexagan.training.CsvTraining;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.Metrics;
import io.hexagan.training.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code hexagan demo}: the bundled breast table with 20% of its cells and labels blanked (seeded),
 * split 80/20 stratified by label; HexaGAN trains on the 80%, imputes its blanked cells (RMSE
 * against the true values and against column-mean imputation) and classifies the held-out 20%
 * (F1 of the minority class).
 */
public final class DemoRun {
  /** The label column of the bundled table. */
  public static final String LABEL = "label";
  /** Share of cells and of labels blanked. */
  public static final double MISSING = 0.2;

  /**
   * What the demo measured.
   *
   * @param rmseHexagan imputation RMSE of HexaGAN over the blanked training cells (one root over
   *     all cells, [0,1]-scaled by the true column ranges)
   * @param rmseHexaganPerRow the same, per row then averaged (the authors' formula)
   * @param rmseMean column-mean imputation, one root over all cells
   * @param rmseMeanPerRow column-mean imputation, per row then averaged
   * @param f1 F1 of the minority class on the held-out rows
   * @param minorityClass the class F1 is reported for
   * @param trainRows rows trained on
   * @param heldOutRows rows classified
   * @param epochs epochs trained
   * @param seconds training time
   */
  public record Result(double rmseHexagan, double rmseHexaganPerRow, double rmseMean, double rmseMeanPerRow,
      double f1, String minorityClass, int trainRows, int heldOutRows, int epochs, double seconds) {}

  private DemoRun() {}

  /** Runs the demo, writing the blanked tables and the model under {@code outputDir}. */
  public static Result run(Path outputDir, HexaGanConfig config, long seed, TrainingListener listener)
      throws IOException {
    Files.createDirectories(outputDir);
    CsvOptions options = CsvOptions.DEFAULT;
    CsvTable complete = bundledTable(outputDir);
    CsvTable masked = Mcar.mask(complete, LABEL, MISSING, MISSING, seed);
    int labelColumn = complete.indexOf(LABEL);
    int[] trueLabels = new int[complete.rows().size()];
    for (int i = 0; i < trueLabels.length; i++) {
      trueLabels[i] = Integer.parseInt(complete.rows().get(i).cell(labelColumn).strip());
    }
    boolean[] heldOut = stratifiedHoldOut(trueLabels, 0.2, seed);
    List<List<String>> train = new ArrayList<>();
    List<List<String>> trainTruth = new ArrayList<>();
    List<List<String>> test = new ArrayList<>();
    List<Integer> testLabels = new ArrayList<>();
    for (int i = 0; i < trueLabels.length; i++) {
      if (heldOut[i]) {
        List<String> row = new ArrayList<>(masked.rows().get(i).cells());
        row.set(labelColumn, complete.rows().get(i).cell(labelColumn));
        test.add(row);
        testLabels.add(trueLabels[i]);
      } else {
        train.add(masked.rows().get(i).cells());
        trainTruth.add(complete.rows().get(i).cells());
      }
    }
    Path trainFile = outputDir.resolve("breast-train.csv");
    Path testFile = outputDir.resolve("breast-holdout.csv");
    CsvTableWriter.writeAll(trainFile, CsvTable.of(trainFile.toString(), complete.header(), train), options);
    CsvTableWriter.writeAll(testFile, CsvTable.of(testFile.toString(), complete.header(), test), options);
    Path modelDir = outputDir.resolve("model");
    long t0 = System.nanoTime();
    try (HexaGanModel trained = CsvTraining.train(trainFile, LABEL, options, config, modelDir, listener)) {
      double seconds = (System.nanoTime() - t0) / 1e9;
      try (CsvPrediction prediction = CsvPrediction.open(modelDir, options)) {
        TableEncoder encoder = new TableEncoder(prediction.schema(), options);
        double[][] truth = encoder.encode(CsvTable.of("truth", complete.header(), trainTruth)).values();
        double[][] blanked = encoder.encode(CsvTable.of("train", complete.header(), train)).values();
        double[][] imputed = trained.impute(blanked);
        double[][] means = meanImputed(blanked);
        double[][] range = ranges(encoder.encode(complete).values());
        double[][] testValues = encoder.encode(CsvTable.of("holdout", complete.header(), test)).values();
        int[] predicted = trained.predict(testValues);
        int[] actual = testLabels.stream().mapToInt(Integer::intValue).toArray();
        // Class ids follow the schema's class order; map the held-out labels' names to those ids.
        int[] actualIds = new int[actual.length];
        for (int i = 0; i < actual.length; i++) {
          actualIds[i] = prediction.schema().classes().indexOf(Integer.toString(actual[i]));
        }
        int minority = Metrics.minorityClass(actualIds, prediction.schema().classes().size());
        return new Result(
            rmse(truth, blanked, imputed, range, false), rmse(truth, blanked, imputed, range, true),
            rmse(truth, blanked, means, range, false), rmse(truth, blanked, means, range, true),
            Metrics.f1(actualIds, predicted, minority), prediction.schema().classes().get(minority),
            train.size(), test.size(), trained.summary().epochs(), seconds);
      }
    }
  }

  private static CsvTable bundledTable(Path dir) throws IOException {
    Path copy = dir.resolve("breast.csv");
    try (InputStream in = DemoRun.class.getResourceAsStream("/demo/breast.csv")) {
      if (in == null) {
        throw new IllegalStateException("the bundled demo table /demo/breast.csv is missing from the build");
      }
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return new CsvTableReader(CsvOptions.DEFAULT).readAll(copy);
  }

  /** Marks {@code share} of each class's rows as held out, chosen by {@code seed}. */
  static boolean[] stratifiedHoldOut(int[] labels, double share, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] out = new boolean[labels.length];
    int classes = 0;
    for (int l : labels) {
      classes = Math.max(classes, l + 1);
    }
    for (int k = 0; k < classes; k++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == k) {
          rows.add(i);
        }
      }
      for (int i = rows.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer t = rows.get(i);
        rows.set(i, rows.get(j));
        rows.set(j, t);
      }
      int take = (int) Math.round(rows.size() * share);
      for (int i = 0; i < take; i++) {
        out[rows.get(i)] = true;
      }
    }
    return out;
  }

  private static double[][] ranges(double[][] complete) {
    int d = complete[0].length;
    double[][] r = new double[2][d];
    java.util.Arrays.fill(r[0], Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(r[1], Double.NEGATIVE_INFINITY);
    for (double[] row : complete) {
      for (int c = 0; c < d; c++) {
        r[0][c] = Math.min(r[0][c], row[c]);
        r[1][c] = Math.max(r[1][c], row[c]);
      }
    }
    return r;
  }

  private static double[][] meanImputed(double[][] blanked) {
    int d = blanked[0].length;
    double[] sum = new double[d];
    int[] n = new int[d];
    for (double[] row : blanked) {
      for (int c = 0; c < d; c++) {
        if (!Double.isNaN(row[c])) {
          sum[c] += row[c];
          n[c]++;
        }
      }
    }
    double[][] out = new double[blanked.length][];
    for (int i = 0; i < blanked.length; i++) {
      out[i] = blanked[i].clone();
      for (int c = 0; c < d; c++) {
        if (Double.isNaN(out[i][c])) {
          out[i][c] = sum[c] / n[c];
        }
      }
    }
    return out;
  }

  private static double rmse(double[][] truth, double[][] blanked, double[][] imputed, double[][] range, boolean perRow) {
    double total = 0;
    long count = 0;
    double rowSum = 0;
    int rows = 0;
    for (int i = 0; i < truth.length; i++) {
      double sq = 0;
      int cells = 0;
      for (int c = 0; c < truth[i].length; c++) {
        if (Double.isNaN(blanked[i][c])) {
          double span = range[1][c] - range[0][c];
          double e = (imputed[i][c] - truth[i][c]) / (span > 0 ? span : 1);
          sq += e * e;
          cells++;
        }
      }
      total += sq;
      count += cells;
      if (cells > 0) {
        rowSum += Math.sqrt(sq / cells);
        rows++;
      }
    }
    return perRow ? rowSum / rows : Math.sqrt(total / count);
  }
}
