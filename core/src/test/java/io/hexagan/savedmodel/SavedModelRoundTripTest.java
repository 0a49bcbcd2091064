package io.hexagan.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.training.HexaGan;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.SessionSettings;
import io.hexagan.io.MaskedTable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/** A trained model written as a SavedModel, read back in this JVM and in a fresh one. */
class SavedModelRoundTripTest {
  @TempDir static Path tmp;
  private static HexaGanModel model;
  private static double[][] rows;
  private static Path dir;

  @BeforeAll
  static void train() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    int n = 120;
    double[][] values = new double[n][4];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextDouble() < 0.3 ? 1 : 0;
      for (int c = 0; c < 4; c++) {
        values[i][c] = (labels[i] == 1 ? 5 : 1) + r.nextGaussian() + 10 * c;
        if (r.nextDouble() < 0.2) {
          values[i][c] = Double.NaN;
        }
      }
      if (r.nextDouble() < 0.2) {
        labels[i] = -1;
      }
    }
    MaskedTable table = new MaskedTable(values, labels, List.of("a", "b", "c", "d"), List.of("no", "yes"));
    HexaGanConfig quick = HexaGanConfig.defaults();
    quick = quick.withSchedule(quick.schedule().withMaxEpochs(3).withWarmupEpochs(1))
        .withSession(new SessionSettings(1, 1, "", true));
    model = HexaGan.train(table, quick);
    rows = values;
    dir = tmp.resolve("model");
    model.save(dir, Map.of("extra.json", "{\"x\":1}".getBytes()));
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void reloadedModelGivesTheSameOutputsAsTheTrainedOne() {
    try (HexaGanModel loaded = HexaGanModel.load(dir)) {
      assertArrayEquals(flatten(model.impute(rows, 5)), flatten(loaded.impute(rows, 5)));
      assertArrayEquals(flatten(model.classify(rows, 5)), flatten(loaded.classify(rows, 5)));
      assertArrayEquals(flatten(model.generate(1, 7, 5)), flatten(loaded.generate(1, 7, 5)));
      assertEquals(model.metadata().summary(), loaded.metadata().summary());
      assertEquals(model.config(), loaded.config());
    }
  }

  @Test
  void loadingWithAThreadOverrideAgreesAndRefusesANegativeCount() {
    // Two threads inside ops where the model was trained with one: the same weights and noise;
    // a product split over two threads may round differently in float32's last bit.
    try (HexaGanModel loaded = HexaGanModel.load(dir, 2)) {
      assertClose(flatten(model.impute(rows, 5)), flatten(loaded.impute(rows, 5)));
      assertClose(flatten(model.classify(rows, 5)), flatten(loaded.classify(rows, 5)));
      assertEquals(model.config(), loaded.config(), "the override is the session's, not the model's");
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HexaGanModel.load(dir, -1));
    assertTrue(e.getMessage().contains("threads"), e.getMessage());
  }

  @Test
  void freshJvmLoadsTheDirectoryAndAgrees() throws Exception {
    Path input = tmp.resolve("rows.bin");
    Path output = tmp.resolve("out.bin");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(input))) {
      writeMatrix(out, rows);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ReloadInFreshJvm.class.getName(), dir.toString(), input.toString(), output.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("jvm.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "fresh JVM finished");
    assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("jvm.log")));
    try (DataInputStream in = new DataInputStream(Files.newInputStream(output))) {
      // The same noise and weights; the mean over the defaults' ten draws may round differently in
      // float32's last bit between the graph built here and the one read back (seen once, 3·10⁻⁸
      // in a class probability), so imputation and probabilities agree to 10⁻⁶ relative.
      assertClose(flatten(model.impute(rows, 5)), flatten(readMatrix(in)));
      assertClose(flatten(model.classify(rows, 5)), flatten(readMatrix(in)));
      assertArrayEquals(flatten(model.generate(1, 7, 5)), flatten(readMatrix(in)), "generation draws once");
    }
  }

  private static void assertClose(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), "element " + i);
    }
  }

  @Test
  void seedsChangeTheNoiseAndObservedCellsPassThrough() {
    double[][] a = model.impute(rows, 5);
    double[][] b = model.impute(rows, 6);
    boolean differs = false;
    for (int i = 0; i < rows.length; i++) {
      for (int c = 0; c < 4; c++) {
        if (Double.isNaN(rows[i][c])) {
          differs |= a[i][c] != b[i][c];
        } else {
          assertEquals(Double.doubleToRawLongBits(rows[i][c]), Double.doubleToRawLongBits(a[i][c]));
        }
      }
    }
    assertTrue(differs, "another seed draws other noise");
    assertFalse(java.util.Arrays.equals(flatten(model.generate(0, 5, 1)), flatten(model.generate(0, 5, 2))));
  }

  /** What TF Serving and Python's loaders read: keys, dtypes, shapes and method names. */
  @Test
  void savedModelProtoDeclaresTheSignatures() throws IOException {
    SavedModel saved;
    try (InputStream in = Files.newInputStream(dir.resolve("saved_model.pb"))) {
      saved = SavedModel.parseFrom(in);
    }
    assertEquals(1, saved.getMetaGraphsCount());
    MetaGraphDef meta = saved.getMetaGraphs(0);
    assertEquals(List.of("serve"), meta.getMetaInfoDef().getTagsList());
    Map<String, SignatureDef> sigs = meta.getSignatureDefMap();
    assertEquals(java.util.Set.of("impute", "classify", "generate", "serving_default"), sigs.keySet());
    for (SignatureDef s : sigs.values()) {
      assertEquals("tensorflow/serving/predict", s.getMethodName());
    }
    checkTensor(sigs.get("impute").getInputsOrThrow("x"), DataType.DT_FLOAT, -1, 4);
    checkTensor(sigs.get("impute").getInputsOrThrow("mask"), DataType.DT_FLOAT, -1, 4);
    checkTensor(sigs.get("impute").getOutputsOrThrow("x_imputed"), DataType.DT_FLOAT, -1, 4);
    assertEquals(java.util.Set.of("x", "mask"), sigs.get("classify").getInputsMap().keySet());
    checkTensor(sigs.get("classify").getOutputsOrThrow("probabilities"), DataType.DT_FLOAT, -1, 2);
    checkTensor(sigs.get("classify").getOutputsOrThrow("class_ids"), DataType.DT_INT64, -1);
    checkTensor(sigs.get("generate").getInputsOrThrow("class_ids"), DataType.DT_INT64, -1);
    checkTensor(sigs.get("generate").getOutputsOrThrow("x"), DataType.DT_FLOAT, -1, 4);
    assertEquals(sigs.get("classify"), sigs.get("serving_default"));
    assertTrue(meta.hasSaverDef());
    // Every signature tensor names a node of the graph.
    java.util.Set<String> nodes = new java.util.HashSet<>();
    meta.getGraphDef().getNodeList().forEach(n -> nodes.add(n.getName()));
    for (SignatureDef s : sigs.values()) {
      List<TensorInfo> all = new ArrayList<>(s.getInputsMap().values());
      all.addAll(s.getOutputsMap().values());
      for (TensorInfo t : all) {
        assertTrue(nodes.contains(t.getName().split(":")[0]), t.getName());
      }
    }
    // No optimizer state, critic or training data in the served graph.
    for (String n : nodes) {
      assertFalse(n.contains("/rms") || n.contains("critic") || n.startsWith("data/"), n);
    }
    assertTrue(Files.exists(dir.resolve("variables/variables.index")));
    assertTrue(Files.exists(dir.resolve("assets/hexagan.json")));
    assertTrue(Files.exists(dir.resolve("assets/extra.json")));
    assertTrue(Files.exists(dir.resolve("training_state/variables.index")));
  }

  private static void checkTensor(TensorInfo t, DataType type, long... dims) {
    assertEquals(type, t.getDtype(), t.getName());
    assertEquals(dims.length, t.getTensorShape().getDimCount(), t.getName());
    for (int i = 0; i < dims.length; i++) {
      assertEquals(dims[i], t.getTensorShape().getDim(i).getSize(), t.getName());
    }
  }

  @Test
  void refusesWhatIsNotAModel() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HexaGanModel.load(empty));
    assertTrue(e.getMessage().contains("not a hexagan model"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HexaGanModel.load(tmp.resolve("missing")));
  }

  static double[] flatten(double[][] m) {
    return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  static void writeMatrix(DataOutputStream out, double[][] m) throws IOException {
    out.writeInt(m.length);
    out.writeInt(m.length == 0 ? 0 : m[0].length);
    for (double[] row : m) {
      for (double v : row) {
        out.writeDouble(v);
      }
    }
  }

  static double[][] readMatrix(DataInputStream in) throws IOException {
    int n = in.readInt();
    int d = in.readInt();
    double[][] m = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        m[i][c] = in.readDouble();
      }
    }
    return m;
  }
}
