package io.hexagan.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.MaskedTable;
import io.hexagan.training.HexaGan;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.SessionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A tampered model directory fails with a clear message; one loaded model serves 8 threads as it serves one. */
class ModelDirectoryIntegrityTest {
  @TempDir static Path tmp;
  static Path dir;
  static double[][] rows;
  static HexaGanModel loaded;

  @BeforeAll
  static void train() throws IOException {
    SplittableRandom r = new SplittableRandom(8);
    rows = new double[80][3];
    int[] labels = new int[80];
    for (int i = 0; i < 80; i++) {
      labels[i] = r.nextInt(2);
      for (int c = 0; c < 3; c++) {
        rows[i][c] = r.nextDouble() < 0.2 ? Double.NaN : labels[i] + r.nextGaussian();
      }
    }
    HexaGanConfig c = HexaGanConfig.defaults();
    c = c.withSchedule(c.schedule().withMaxEpochs(2).withWarmupEpochs(0)).withSession(new SessionSettings(1, 1, "", true));
    dir = tmp.resolve("model");
    try (HexaGanModel m = HexaGan.train(new MaskedTable(rows, labels, List.of("a", "b", "c"), List.of("x", "y")), c)) {
      m.save(dir, Map.of());
    }
    loaded = HexaGanModel.load(dir);
  }

  @AfterAll
  static void close() {
    loaded.close();
  }

  private Path tampered(String name, Consumer<Path> damage) throws IOException {
    Path copy = tmp.resolve("tampered-" + name);
    PathUtils.copyDirectory(dir, copy);
    damage.accept(copy);
    return copy;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      PathUtils.delete(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"saved_model.pb", "assets/hexagan.json", "variables"})
  void missingPartIsNamed(String part) throws IOException {
    Path copy = tampered("missing-" + part.replace('/', '-'), d -> delete(d.resolve(part)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HexaGanModel.load(copy));
    assertTrue(e.getMessage().contains(copy.toString()), e.getMessage());
  }

  @Test
  void corruptGraphIsRefused() throws IOException {
    Path copy = tampered("corrupt-pb", d -> write(d.resolve("saved_model.pb"), "not a protobuf"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HexaGanModel.load(copy));
    assertTrue(e.getMessage().contains("cannot load the SavedModel"), e.getMessage());
  }

  @Test
  void corruptWeightsAreRefused() throws IOException {
    Path copy = tampered("corrupt-weights", d -> {
      try (var files = Files.list(d.resolve("variables"))) {
        files.filter(f -> f.getFileName().toString().startsWith("variables.data")).forEach(f -> write(f, "garbage"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThrows(IllegalArgumentException.class, () -> HexaGanModel.load(copy));
  }

  @Test
  void corruptOrNewerMetadataIsRefused() throws IOException {
    Path corrupt = tampered("corrupt-json", d -> write(d.resolve("assets/hexagan.json"), "{\"formatVersion\": 1, \"features\": "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HexaGanModel.load(corrupt));
    assertTrue(e.getMessage().contains("corrupt model metadata"), e.getMessage());
    Path newer = tampered("newer", d -> {
      try {
        String json = Files.readString(d.resolve("assets/hexagan.json"), StandardCharsets.UTF_8);
        write(d.resolve("assets/hexagan.json"), json.replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
      } catch (IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    });
    e = assertThrows(IllegalArgumentException.class, () -> HexaGanModel.load(newer));
    assertTrue(e.getMessage().contains("newer than this hexagan reads"), e.getMessage());
  }

  @Test
  void eightThreadsGetWhatOneThreadGets() throws Exception {
    double[][] imputed = loaded.impute(rows, 3);
    double[][] probabilities = loaded.classify(rows, 3);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<double[][][]>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          double[][][] out = new double[2][][];
          for (int k = 0; k < 10; k++) {
            out[0] = loaded.impute(rows, 3);
            out[1] = loaded.classify(rows, 3);
          }
          return out;
        }));
      }
      for (Future<double[][][]> f : futures) {
        double[][][] out = f.get(120, TimeUnit.SECONDS);
        for (int i = 0; i < rows.length; i++) {
          assertArrayEquals(imputed[i], out[0][i]);
          assertArrayEquals(probabilities[i], out[1][i]);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
