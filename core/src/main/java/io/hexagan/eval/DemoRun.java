package io.hexagan.eval;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTable;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.CsvTableWriter;
import io.hexagan.io.Mcar;
import io.hexagan.io.MinMaxScaler;
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
    // The held-out 20%: one fold of a stratified 5-fold split.
    boolean[] heldOut = new boolean[trueLabels.length];
    for (int r : new StratifiedKFold(5, seed).split(trueLabels).get(0).test()) {
      heldOut[r] = true;
    }
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
        double[][] means = new MeanImputer().fitImpute(blanked);
        MinMaxScaler scale = ImputationMetrics.trueScale(encoder.encode(complete).values());
        boolean[][] scored = new boolean[blanked.length][];
        for (int r = 0; r < blanked.length; r++) {
          scored[r] = new boolean[blanked[r].length];
          for (int c = 0; c < blanked[r].length; c++) {
            scored[r][c] = Double.isNaN(blanked[r][c]);
          }
        }
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
            ImputationMetrics.rmseGlobal(truth, imputed, scored, scale),
            ImputationMetrics.rmsePerRow(truth, imputed, scored, scale),
            ImputationMetrics.rmseGlobal(truth, means, scored, scale),
            ImputationMetrics.rmsePerRow(truth, means, scored, scale),
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
}
