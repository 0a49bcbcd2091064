package io.hexagan.serve;

import static io.hexagan.serve.ServeClient.floatOf;
import static io.hexagan.serve.ServeClient.floats;
import static io.hexagan.serve.ServeClient.matrix;
import static io.hexagan.serve.ServeClient.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import io.hexagan.io.MinMaxScaler;
import io.hexagan.savedmodel.ServingModel;
import io.hexagan.training.HexaGanModel;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.SignatureDef;

/**
 * The JSON a TF Serving client sends, in row and columnar form, for every signature, answered as
 * the in-process model answers: exactly where the answer is deterministic (complete rows, or a
 * seed header), and within the model's ranges where the noise is fresh.
 */
class PredictApiTest {
  private static final String MODEL = "/v1/models/tiny";
  private static final String PREDICT = MODEL + ":predict";
  private static final String SEED = ModelServer.SEED_HEADER;

  private static HexaGanModel model;
  private static Map<String, SignatureDef> signatures;
  private static ModelServer server;
  private static ServeClient client;

  @BeforeAll
  static void start() throws Exception {
    model = HexaGanModel.load(TinyModel.directory());
    ServingModel served = SavedModelLoader.load(TinyModel.directory());
    signatures = served.signatures();
    server = ModelServer.start(served, ServerSettings.defaults("tiny").withPort(0));
    client = ServeClient.of(server);
  }

  @AfterAll
  static void stop() {
    server.close();
    model.close();
  }

  @Test
  void classifyRowsOfCompleteCellsAnswerAsTheModel() {
    double[][] rows = TinyModel.completeRows();
    JsonNode predictions = ok(client.post(PREDICT, write(ServeClient.rowRequest("classify", rows)))).get("predictions");
    double[][] expected = model.classify(rows);
    int[] ids = model.predict(rows);
    assertEquals(rows.length, predictions.size());
    for (int i = 0; i < rows.length; i++) {
      JsonNode p = predictions.get(i);
      assertEquals(Set.of("class_ids", "probabilities"), fields(p));
      assertArrayEquals(floats(new double[][] {expected[i]})[0], matrix(arrayOf(p.get("probabilities")))[0], "row " + i);
      assertTrue(p.get("class_ids").isIntegralNumber(), p.toString());
      assertEquals(ids[i], p.get("class_ids").asInt(), "row " + i);
    }
  }

  @Test
  void servingDefaultIsClassify() {
    double[][] rows = TinyModel.completeRows();
    String classify = ok(client.post(PREDICT, write(ServeClient.rowRequest("classify", rows)))).toString();
    assertEquals(classify, ok(client.post(PREDICT, write(ServeClient.rowRequest(null, rows)))).toString());
    assertEquals(classify, ok(client.post(PREDICT, write(ServeClient.rowRequest("serving_default", rows)))).toString());
  }

  @Test
  void classifyColumnsAnswerWithAnObjectOfOutputs() {
    double[][] rows = TinyModel.completeRows();
    JsonNode outputs = ok(client.post(PREDICT, write(ServeClient.columnRequest("classify", rows)))).get("outputs");
    assertEquals(Set.of("class_ids", "probabilities"), fields(outputs));
    assertArrayEquals(floats(model.classify(rows)), matrix(outputs.get("probabilities")));
    int[] ids = model.predict(rows);
    for (int i = 0; i < rows.length; i++) {
      assertEquals(ids[i], outputs.get("class_ids").get(i).asInt());
    }
  }

  @Test
  void classifyOfIncompleteRowsWithASeedHeaderIsTheModelsWithThatSeed() {
    double[][] rows = TinyModel.incompleteRows();
    JsonNode outputs = ok(client.post(PREDICT, write(ServeClient.columnRequest("classify", rows)), SEED, "11"))
        .get("outputs");
    assertArrayEquals(floats(model.classify(rows, 11)), matrix(outputs.get("probabilities")));
  }

  @Test
  void imputeWithASeedHeaderIsTheModelsImputationWithThatSeed() {
    double[][] rows = TinyModel.incompleteRows();
    JsonNode predictions = ok(client.post(PREDICT, write(ServeClient.rowRequest("impute", rows)), SEED, "7"))
        .get("predictions");
    assertArrayEquals(floats(model.impute(rows, 7)), matrix(predictions));
    // Columnar: the bare tensor of the one output, the same numbers.
    JsonNode outputs = ok(client.post(PREDICT, write(ServeClient.columnRequest("impute", rows)), SEED, "7"))
        .get("outputs");
    assertArrayEquals(floats(model.impute(rows, 7)), matrix(outputs));
  }

  @Test
  void imputeWithoutASeedCopiesObservedCellsAndDrawsFreshNoiseWithinTheTrainingRange() {
    double[][] rows = TinyModel.incompleteRows();
    float[][] a = matrix(ok(client.post(PREDICT, write(ServeClient.rowRequest("impute", rows)))).get("predictions"));
    float[][] b = matrix(ok(client.post(PREDICT, write(ServeClient.rowRequest("impute", rows)))).get("predictions"));
    MinMaxScaler scaler = model.scaler();
    boolean differs = false;
    for (int i = 0; i < rows.length; i++) {
      for (int c = 0; c < TinyModel.FEATURES; c++) {
        if (Double.isNaN(rows[i][c])) {
          float lo = (float) scaler.min()[c];
          float hi = (float) (scaler.min()[c] + scaler.span()[c]);
          assertTrue(a[i][c] >= lo - 1e-3f && a[i][c] <= hi + 1e-3f, a[i][c] + " outside [" + lo + ", " + hi + "]");
          differs |= a[i][c] != b[i][c];
        } else {
          assertEquals((float) rows[i][c], a[i][c]);
          assertEquals((float) rows[i][c], b[i][c]);
        }
      }
    }
    assertTrue(differs, "each request draws its own noise");
  }

  @Test
  void nanAndAnyNumberInAMissingCellAreIgnored() {
    double[][] rows = TinyModel.incompleteRows();
    ObjectNode zeros = ServeClient.rowRequest("impute", rows);
    String expected = ok(client.post(PREDICT, write(zeros), SEED, "3")).toString();
    ObjectNode others = ServeClient.rowRequest("impute", rows);
    for (JsonNode instance : others.get("instances")) {
      ArrayNode x = (ArrayNode) instance.get("x");
      for (int c = 0; c < x.size(); c++) {
        if (instance.get("mask").get(c).asInt() == 0) {
          x.set(c, -12345.5);
        }
      }
    }
    assertEquals(expected, ok(client.post(PREDICT, write(others), SEED, "3")).toString());
    // Python's json.dumps writes float("nan") as NaN, which TF Serving reads: so does this server.
    String withNan = write(others).replace("-12345.5", "NaN");
    assertTrue(withNan.contains("NaN"));
    assertEquals(expected, ok(client.post(PREDICT, withNan, SEED, "3")).toString());
  }

  @Test
  void generateFromBareClassIdsGivesOneRowEachWithinTheTrainingRange() {
    JsonNode predictions = ok(client.post(PREDICT, "{\"signature_name\": \"generate\", \"instances\": [0, 1, 1]}"))
        .get("predictions");
    float[][] rows = matrix(predictions);
    assertEquals(3, rows.length);
    MinMaxScaler scaler = model.scaler();
    for (float[] row : rows) {
      assertEquals(TinyModel.FEATURES, row.length);
      for (int c = 0; c < row.length; c++) {
        assertTrue(Float.isFinite(row[c]));
        assertTrue(row[c] >= scaler.min()[c] - 1e-3 && row[c] <= scaler.min()[c] + scaler.span()[c] + 1e-3,
            Arrays.toString(row));
      }
    }
  }

  @Test
  void generateWithASeedHeaderIsTheModelsGenerationWithThatSeed() {
    float[][] expected = floats(model.generate(1, 3, 5));
    String rows = "{\"signature_name\": \"generate\", \"instances\": [1, 1, 1]}";
    assertArrayEquals(expected, matrix(ok(client.post(PREDICT, rows, SEED, "5")).get("predictions")));
    String objects = "{\"signature_name\": \"generate\", \"instances\": [{\"class_ids\": 1}, {\"class_ids\": 1}, "
        + "{\"class_ids\": 1}]}";
    assertArrayEquals(expected, matrix(ok(client.post(PREDICT, objects, SEED, "5")).get("predictions")));
    String columns = "{\"signature_name\": \"generate\", \"inputs\": [1, 1, 1]}";
    assertArrayEquals(expected, matrix(ok(client.post(PREDICT, columns, SEED, "5")).get("outputs")));
    String named = "{\"inputs\": {\"class_ids\": [1, 1, 1]}, \"signature_name\": \"generate\"}";
    assertArrayEquals(expected, matrix(ok(client.post(PREDICT, named, SEED, "5")).get("outputs")));
  }

  @Test
  void theVersionedPathAnswersAsTheLatest() {
    String body = write(ServeClient.rowRequest("classify", TinyModel.completeRows()));
    assertEquals(ok(client.post(PREDICT, body)).toString(),
        ok(client.post(MODEL + "/versions/1:predict", body)).toString());
  }

  @Test
  void statusSaysVersionOneIsAvailable() throws Exception {
    JsonNode expected = ServeClient.JSON.readTree("{\"model_version_status\": [{\"version\": \"1\", \"state\": "
        + "\"AVAILABLE\", \"status\": {\"error_code\": \"OK\", \"error_message\": \"\"}}]}");
    ServeClient.Response r = client.get(MODEL);
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(expected, ok(r));
    assertEquals(expected, ok(client.get(MODEL + "/versions/1")));
  }

  @Test
  void metadataHoldsTheSignatureDefsAsTfServingPrintsThem() throws Exception {
    JsonNode root = ok(client.get(MODEL + "/metadata"));
    assertEquals(ServeClient.JSON.readTree("{\"name\": \"tiny\", \"signature_name\": \"\", \"version\": \"1\"}"),
        root.get("model_spec"));
    JsonNode defs = root.get("metadata").get("signature_def").get("signature_def");
    assertEquals(new TreeSet<>(signatures.keySet()), fields(defs));
    for (Map.Entry<String, SignatureDef> e : signatures.entrySet()) {
      SignatureDef.Builder parsed = SignatureDef.newBuilder();
      JsonFormat.parser().merge(write(defs.get(e.getKey())), parsed);
      assertEquals(e.getValue(), parsed.build(), e.getKey());
    }
    JsonNode x = defs.get("impute").get("inputs").get("x");
    assertEquals("DT_FLOAT", x.get("dtype").asText());
    assertEquals("-1", x.get("tensor_shape").get("dim").get(0).get("size").asText());
    assertEquals("4", x.get("tensor_shape").get("dim").get(1).get("size").asText());
    assertFalse(x.get("tensor_shape").get("unknown_rank").asBoolean());
    assertEquals("DT_INT64", defs.get("classify").get("outputs").get("class_ids").get("dtype").asText());
    assertEquals("tensorflow/serving/predict", defs.get("generate").get("method_name").asText());
    assertEquals(root, ok(client.get(MODEL + "/versions/1/metadata")));
  }

  private static JsonNode ok(ServeClient.Response r) {
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static Set<String> fields(JsonNode n) {
    Set<String> names = new TreeSet<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode arrayOf(JsonNode row) {
    return ServeClient.JSON.createArrayNode().add(row);
  }
}
