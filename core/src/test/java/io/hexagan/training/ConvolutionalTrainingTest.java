package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.ImageLayout;
import io.hexagan.graph.NetworkKind;
import io.hexagan.io.MaskedTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few iterations of the convolutional architecture end to end: train, impute, generate, save, load. */
class ConvolutionalTrainingTest {
  private static final int SIDE = 8;

  /** Class 0: a horizontal bar; class 1: a vertical bar; half the pixels missing. */
  static MaskedTable bars(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] values = new double[rows][SIDE * SIDE];
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = i % 2;
      int at = r.nextInt(SIDE);
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          boolean on = labels[i] == 0 ? y == at : x == at;
          values[i][y * SIDE + x] = r.nextDouble() < 0.5 ? Double.NaN : on ? 1.0 : 0.0;
        }
      }
      values[i][0] = labels[i] == 0 && at == 0 ? 1.0 : 0.0;
    }
    List<String> columns = new ArrayList<>();
    for (int c = 0; c < SIDE * SIDE; c++) {
      columns.add("p" + c);
    }
    return new MaskedTable(values, labels, columns, List.of("horizontal", "vertical"));
  }

  static HexaGanConfig quick(int epochs) {
    HexaGanConfig d = HexaGanConfig.defaults();
    return d.withArchitecture(d.architecture().withImage(new ImageLayout(SIDE, SIDE, 1, 4, 2)).withCriticUnits(6))
        .withOptimizer(d.optimizer().withBatchSize(16))
        .withSchedule(d.schedule().withMaxEpochs(epochs).withWarmupEpochs(1))
        .withSession(new SessionSettings(1, 1, "", true));
  }

  @Test
  void convolutionalModelTrainsImputesGeneratesAndRoundTrips(@TempDir Path dir) throws Exception {
    trainImputeGenerateRoundTrip(quick(2), dir);
  }

  @Test
  void withTheLocalSkipPathToo(@TempDir Path dir) throws Exception {
    HexaGanConfig c = quick(2);
    trainImputeGenerateRoundTrip(c.withArchitecture(c.architecture().withImage(c.architecture().image()
        .withRefinerFilters(3))), dir);
  }

  @Test
  void theLocalRefinerStaysOutOfTheGame() {
    // Every loss of the game, epoch by epoch, is the same to the last bit with and without the
    // refiner: it draws from its own seeds and learns from its own loss only.
    HexaGanConfig plain = quick(3);
    HexaGanConfig refined = plain.withArchitecture(plain.architecture().withImage(plain.architecture().image()
        .withRefinerFilters(3)));
    MaskedTable table = bars(48, 5);
    List<EpochReport> without;
    List<EpochReport> with;
    try (HexaGanModel m = HexaGan.train(table, plain)) {
      without = m.summary().history();
    }
    try (HexaGanModel m = HexaGan.train(table, refined)) {
      with = m.summary().history();
    }
    assertEquals(without.size(), with.size());
    for (int k = 0; k < with.size(); k++) {
      assertEquals(without.get(k).meanLosses(), with.get(k).meanLosses(), "epoch report " + k);
    }
  }

  private static void trainImputeGenerateRoundTrip(HexaGanConfig config, Path dir) throws Exception {
    MaskedTable table = bars(48, 3);
    try (HexaGanModel model = HexaGan.train(table, config)) {
      assertEquals(NetworkKind.CONVOLUTIONAL, model.config().architecture().kind());
      double[][] imputed = model.impute(table.values());
      for (int i = 0; i < table.rows(); i++) {
        for (int c = 0; c < SIDE * SIDE; c++) {
          double v = imputed[i][c];
          if (table.observed(i, c)) {
            assertEquals(table.values()[i][c], v, 0.0);
          } else {
            assertTrue(v >= 0 && v <= 1, "imputed pixel in [0,1]: " + v);
          }
        }
      }
      double[][] generated = model.generate(1, 5);
      assertEquals(5, generated.length);
      assertEquals(SIDE * SIDE, generated[0].length);
      model.save(dir.resolve("m"), Map.of());
      try (HexaGanModel loaded = HexaGanModel.load(dir.resolve("m"))) {
        assertEquals(model.config(), loaded.config());
        double[][] again = loaded.impute(table.values());
        for (int i = 0; i < table.rows(); i++) {
          assertArrayEquals(imputed[i], again[i], 0.0);
        }
        assertArrayEquals(model.classify(table.values())[0], loaded.classify(table.values())[0], 0.0);
      }
    }
    assertTrue(Files.isDirectory(dir.resolve("m")));
  }

  @Test
  void configJsonCarriesTheImageLayout() {
    HexaGanConfig c = quick(2);
    HexaGanConfig back = ConfigJson.overlay(HexaGanConfig.defaults(), ConfigJson.toJson(c), "test");
    assertEquals(c, back);
    HexaGanConfig patched = ConfigJson.overlay(HexaGanConfig.defaults(),
        "{\"architecture\": {\"kind\": \"CONVOLUTIONAL\", \"image\": {\"height\": 28, \"width\": 28, \"channels\": 1,"
            + " \"filters\": 8, \"criticFilters\": 4}}}", "patch");
    assertEquals(new ImageLayout(28, 28, 1, 8, 4), patched.architecture().image());
    assertFalse(patched.architecture().linearSkip(), "no skip path in a convolutional G_MI");
    assertTrue(HexaGanConfig.defaults().architecture().linearSkip());
    assertEquals(NetworkKind.DENSE, HexaGanConfig.defaults().architecture().kind());
    assertEquals(HexaGanConfig.defaults().architecture(),
        ConfigJson.overlay(HexaGanConfig.defaults(), "{}", "empty").architecture());
  }
}
