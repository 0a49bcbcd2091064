package io.hexagan.training;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTable;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.CsvTableWriter;
import io.hexagan.io.MaskedTable;
import io.hexagan.io.Mcar;
import io.hexagan.io.RawRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * End-to-end imputation throughput, CSV to CSV: a model trained briefly on a source table, then a
 * file of {@code rows} rows made by cycling the source's rows with 20% of cells blanked, imputed
 * through {@link CsvPrediction} (streamed in chunks). Reports rows per second and the peak heap.
 */
public final class CsvImputeBenchmark {

  /**
   * One measurement.
   *
   * @param rows rows imputed
   * @param features columns of the source (label excluded)
   * @param seconds wall time of the impute call (reading, imputing, writing)
   * @param rowsPerSecond rows / seconds
   * @param peakHeapBytes the largest heap in use during the impute call (sum of the heap pools' peaks)
   * @param fileBytes size of the input file
   */
  public record Result(long rows, int features, double seconds, double rowsPerSecond, long peakHeapBytes,
      long fileBytes) {}

  private CsvImputeBenchmark() {}

  /** Trains on {@code source} ({@code label} column) for one epoch, then imputes files of each size. */
  public static List<Result> measure(Path source, String label, long[] sizes, Path workDir, HexaGanConfig base)
      throws IOException {
    Path model = workDir.resolve("bench-model-" + source.getFileName());
    HexaGanConfig config = base.withSchedule(base.schedule().withMaxEpochs(1).withWarmupEpochs(0));
    CsvOptions options = CsvOptions.DEFAULT;
    try (HexaGanModel trained = CsvTraining.train(source, label, options, config, model, TrainingListener.NONE)) {
      // the model directory is what impute loads
    }
    CsvTable table = Mcar.mask(new CsvTableReader(options).readAll(source), label, 0.2, 0.0, 1);
    ArrayList<Result> results = new ArrayList<>();
    for (long size : sizes) {
      Path input = workDir.resolve("bench-input-" + size + ".csv");
      Path output = workDir.resolve("bench-output-" + size + ".csv");
      try (CsvTableWriter w = CsvTableWriter.create(input, table.header(), options)) {
        List<RawRow> rows = table.rows();
        for (long i = 0; i < size; i++) {
          w.write(rows.get((int) (i % rows.size())).cells());
        }
        w.commit();
      }
      MemoryPeaks.reset();
      long t0 = System.nanoTime();
      long done;
      try (CsvPrediction p = CsvPrediction.open(model, options)) {
        done = p.impute(input, output, n -> { });
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      results.add(new Result(done, table.header().size() - 1, seconds, done / seconds, MemoryPeaks.heapBytes(), Files.size(input)));
      Files.deleteIfExists(input);
      Files.deleteIfExists(output);
    }
    return results;
  }

  /**
   * Writes {@link TrainingRunBenchmark#table}{@code (rows, features, seed)} as a CSV source for
   * {@link #measure}: columns {@code x0 … x(d−1)} and {@code label}; missing cells and labels empty;
   * values rounded to {@link #SYNTHETIC_DECIMALS} decimals, as real tables hold a few digits, not
   * a double's seventeen (the text's length, not the cell count, bounds the reading thread).
   */
  public static Path syntheticSource(Path dir, int rows, int features, long seed) throws IOException {
    MaskedTable t = TrainingRunBenchmark.table(rows, features, seed);
    List<String> header = new ArrayList<>(t.columns());
    header.add(SYNTHETIC_LABEL);
    Path file = dir.resolve("synthetic-" + rows + "x" + features + ".csv");
    try (CsvTableWriter w = CsvTableWriter.create(file, header, CsvOptions.DEFAULT)) {
      List<String> cells = new ArrayList<>(features + 1);
      for (int r = 0; r < rows; r++) {
        cells.clear();
        for (int c = 0; c < features; c++) {
          cells.add(t.observed(r, c) ? Double.toString(syntheticValue(t.values()[r][c])) : "");
        }
        int label = t.labels()[r];
        cells.add(label == MaskedTable.UNLABELED ? "" : t.classes().get(label));
        w.write(cells);
      }
      w.commit();
    }
    return file;
  }

  /** Decimals kept in {@link #syntheticSource}'s cells. */
  public static final int SYNTHETIC_DECIMALS = 4;

  /** {@code v} as {@link #syntheticSource} writes it: rounded to {@link #SYNTHETIC_DECIMALS} decimals. */
  static double syntheticValue(double v) {
    return BigDecimal.valueOf(v).setScale(SYNTHETIC_DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** The label column of {@link #syntheticSource}. */
  public static final String SYNTHETIC_LABEL = "label";
}
