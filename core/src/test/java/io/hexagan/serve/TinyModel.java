package io.hexagan.serve;

import io.hexagan.io.MaskedTable;
import io.hexagan.training.HexaGan;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.SessionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.io.file.PathUtils;

/**
 * A tiny model (4 numeric features, 2 classes, 3 epochs), trained once per test JVM and saved to a
 * temporary directory that is removed when the JVM exits.
 */
public final class TinyModel {
  public static final int FEATURES = 4;
  public static final int CLASSES = 2;

  private static Path dir;
  private static double[][] values;

  private TinyModel() {}

  /** The model directory. */
  public static synchronized Path directory() {
    if (dir == null) {
      train();
    }
    return dir;
  }

  /** The training rows: 120 rows, about 20% of cells NaN (missing). */
  public static synchronized double[][] rows() {
    directory();
    return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
  }

  /** The training rows without a missing cell. */
  public static double[][] completeRows() {
    return Arrays.stream(rows()).filter(r -> Arrays.stream(r).noneMatch(Double::isNaN)).toArray(double[][]::new);
  }

  /** The training rows with at least one missing cell. */
  public static double[][] incompleteRows() {
    return Arrays.stream(rows()).filter(r -> Arrays.stream(r).anyMatch(Double::isNaN)).toArray(double[][]::new);
  }

  private static void train() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 120;
    double[][] v = new double[n][FEATURES];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextDouble() < 0.3 ? 1 : 0;
      for (int c = 0; c < FEATURES; c++) {
        v[i][c] = (labels[i] == 1 ? 5 : 1) + r.nextGaussian() + 10 * c;
        if (r.nextDouble() < 0.2) {
          v[i][c] = Double.NaN;
        }
      }
      if (r.nextDouble() < 0.2) {
        labels[i] = -1;
      }
    }
    MaskedTable table = new MaskedTable(v, labels, List.of("a", "b", "c", "d"), List.of("no", "yes"));
    HexaGanConfig quick = HexaGanConfig.defaults();
    quick = quick.withSchedule(quick.schedule().withMaxEpochs(3).withWarmupEpochs(1))
        .withSession(new SessionSettings(1, 1, "", true));
    try {
      Path root = Files.createTempDirectory("hexagan-serve-test");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          PathUtils.deleteDirectory(root);
        } catch (IOException e) {
          // Left to the OS's temp cleanup.
        }
      }));
      try (HexaGanModel model = HexaGan.train(table, quick)) {
        model.save(root.resolve("model"), Map.of());
      }
      dir = root.resolve("model");
      values = v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
