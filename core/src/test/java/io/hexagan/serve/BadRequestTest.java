package io.hexagan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client mistakes get TF Serving's {@code {"error": "..."}} with a status (400, 404, 405, 413) and
 * a message that says what is wrong; the server keeps answering.
 */
class BadRequestTest {
  private static final long LIMIT = 64 << 10;
  private static final String PREDICT = "/v1/models/tiny:predict";
  private static final String ROW = "{\"x\": [1, 2, 3, 4], \"mask\": [1, 1, 1, 1]}";

  private static ModelServer server;
  private static ServeClient client;

  @BeforeAll
  static void start() throws Exception {
    server = ModelServer.start(SavedModelLoader.load(TinyModel.directory()),
        ServerSettings.defaults("tiny").withPort(0).withMaxBodyBytes(LIMIT));
    client = ServeClient.of(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A request and what the answer must say. */
  record Case(String name, String method, String path, String body, String[] headers, int status, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case post(String name, String body, int status, String says) {
    return new Case(name, "POST", PREDICT, body, new String[0], status, says);
  }

  static Case call(String name, String method, String path, int status, String says) {
    return new Case(name, method, path, method.equals("POST") ? "{\"instances\": [" + ROW + "]}" : null, new String[0],
        status, says);
  }

  static Stream<Case> cases() {
    return Stream.of(
        post("malformed JSON", "{\"instances\": [", 400, "JSON Parse error"),
        post("not an object", "[1, 2]", 400, "expected a JSON object"),
        post("empty body", "", 400, "the document is empty"),
        post("both instances and inputs", "{\"instances\": [" + ROW + "], \"inputs\": {\"x\": [[1, 2, 3, 4]], "
            + "\"mask\": [[1, 1, 1, 1]]}}", 400, "only one of 'inputs' or 'instances'"),
        post("neither instances nor inputs", "{\"signature_name\": \"classify\"}", 400,
            "Missing 'inputs' or 'instances' key"),
        post("signature_name not a string", "{\"signature_name\": 3, \"instances\": [" + ROW + "]}", 400,
            "'signature_name' must be a string"),
        post("unknown signature", "{\"signature_name\": \"predict_proba\", \"instances\": [" + ROW + "]}", 400,
            "\"predict_proba\" not found in signature def"),
        post("empty instances", "{\"instances\": []}", 400, "'instances' is empty"),
        post("instances not a list", "{\"instances\": " + ROW + "}", 400, "'instances' must be a list"),
        post("ragged columnar rows", "{\"inputs\": {\"x\": [[1, 2, 3, 4], [1, 2, 3]], \"mask\": [[1, 1, 1, 1], "
            + "[1, 1, 1, 1]]}}", 400, "inputs.x[1]: expected a list of 4 values, found 3"),
        post("row wider than d", "{\"instances\": [{\"x\": [1, 2, 3, 4, 5], \"mask\": [1, 1, 1, 1]}]}", 400,
            "instances[0].x: expected a list of 4 values, found more"),
        post("row narrower than d in the second instance", "{\"instances\": [" + ROW + ", {\"x\": [1, 2], "
            + "\"mask\": [1, 1, 1, 1]}]}", 400, "instances[1].x: expected a list of 4 values, found 2"),
        post("mask missing from an instance", "{\"instances\": [{\"x\": [1, 2, 3, 4]}]}", 400,
            "instances[0]: missing input mask"),
        post("mask missing from inputs", "{\"inputs\": {\"x\": [[1, 2, 3, 4]]}}", 400,
            "Missing named input: mask"),
        post("unknown input", "{\"instances\": [{\"x\": [1, 2, 3, 4], \"mask\": [1, 1, 1, 1], \"y\": 1}]}", 400,
            "has no input \"y\""),
        post("plain instances for two inputs", "{\"instances\": [[1, 2, 3, 4]]}", 400,
            "'instances' is a plain list, but signature \"serving_default\" has several inputs [mask, x]"),
        post("plain inputs for two inputs", "{\"inputs\": [[1, 2, 3, 4]]}", 400,
            "'inputs' is a plain value or list, but signature \"serving_default\" has several inputs"),
        post("a string for a number", "{\"instances\": [{\"x\": [\"1\", 2, 3, 4], \"mask\": [1, 1, 1, 1]}]}", 400,
            "instances[0].x[0]: expected a number (x is float32), found a string \"1\""),
        post("a boolean for a number", "{\"instances\": [{\"x\": [true, 2, 3, 4], \"mask\": [1, 1, 1, 1]}]}", 400,
            "expected a number (x is float32), found true"),
        post("null for a number", "{\"instances\": [{\"x\": [1, 2, 3, 4], \"mask\": [1, null, 1, 1]}]}", 400,
            "instances[0].mask[1]: expected a number (mask is float32), found null"),
        post("a fraction for a class id", "{\"signature_name\": \"generate\", \"instances\": [1.5]}", 400,
            "instances[0]: expected an integer (class_ids is int64), found 1.5"),
        post("class id out of range", "{\"signature_name\": \"generate\", \"instances\": [0, 7]}", 400,
            "class_ids[1] = 7 is not a class of this model (0 to 1)"),
        post("negative class id", "{\"signature_name\": \"generate\", \"inputs\": [-1]}", 400,
            "class_ids[0] = -1 is not a class of this model"),
        post("class id beyond int64", "{\"signature_name\": \"generate\", \"inputs\": [123456789012345678901234567890]}",
            400, "beyond int64's range"),
        post("deep nesting", "{\"extra\": " + "[".repeat(100) + "]".repeat(100) + ", \"instances\": [" + ROW + "]}",
            400, "nesting deeper than 32 levels"),
        post("a list where a number belongs", "{\"instances\": [{\"x\": [[1], 2, 3, 4], \"mask\": [1, 1, 1, 1]}]}", 400,
            "instances[0].x[0]: expected a number, found a list"),
        post("a number where a list belongs", "{\"inputs\": {\"x\": [1, 2, 3, 4], \"mask\": [[1, 1, 1, 1]]}}", 400,
            "inputs.x[0]: expected a list, found 1"),
        post("inputs with different row counts", "{\"inputs\": {\"x\": [[1, 2, 3, 4], [1, 2, 3, 4]], "
            + "\"mask\": [[1, 1, 1, 1]]}}", 400, "inputs: x has 2 rows but mask has 1"),
        post("empty columnar inputs", "{\"inputs\": {\"x\": [], \"mask\": []}}", 400, "has no rows"),
        post("NaN in an observed cell", "{\"instances\": [{\"x\": [1, NaN, 3, 4], \"mask\": [1, 1, 1, 1]}]}", 400,
            "x[0][1] is NaN but mask[0][1] = 1.0 marks it observed"),
        post("NaN in the mask", "{\"instances\": [{\"x\": [1, 2, 3, 4], \"mask\": [1, 1, NaN, 1]}]}", 400,
            "mask[0][2] is NaN: expected a finite number"),
        post("a number beyond float32", "{\"instances\": [{\"x\": [1e39, 2, 3, 4], \"mask\": [1, 1, 1, 1]}]}", 400,
            "1e39 is beyond float32's range"),
        post("content after the object", "{\"instances\": [" + ROW + "]} {}", 400, "content after the request object"),
        post("duplicate key", "{\"instances\": [" + ROW + "], \"instances\": [" + ROW + "]}", 400,
            "JSON Parse error: Duplicate field 'instances'"),
        new Case("bad seed header", "POST", PREDICT, "{\"instances\": [" + ROW + "]}",
            new String[] {ModelServer.SEED_HEADER, "-3"}, 400, "X-Hexagan-Seed: expected a non-negative integer"),
        call("unknown model", "POST", "/v1/models/other:predict", 404,
            "Servable not found for request: Latest(other); this server serves \"tiny\""),
        call("unknown version", "POST", "/v1/models/tiny/versions/2:predict", 404,
            "Servable not found for request: Specific(tiny, 2)"),
        call("version not a number", "POST", "/v1/models/tiny/versions/latest:predict", 404, "Servable not found"),
        call("unknown version's metadata", "GET", "/v1/models/tiny/versions/3/metadata", 404, "Specific(tiny, 3)"),
        call("unknown model's status", "GET", "/v1/models/other", 404, "Latest(other)"),
        call("path outside the API", "GET", "/v2/models/tiny", 404, "no such endpoint: /v2/models/tiny"),
        call("root", "GET", "/", 404, "no such endpoint"),
        call("GET of predict", "GET", PREDICT, 405, "GET /v1/models/tiny:predict: method not allowed; use POST"),
        call("POST of the status", "POST", "/v1/models/tiny", 405, "use GET"),
        call("PUT of the metadata", "PUT", "/v1/models/tiny/metadata", 405, "use GET"),
        call("DELETE of the status", "DELETE", "/v1/models/tiny", 405, "use GET"),
        call(":classify", "POST", "/v1/models/tiny:classify", 400, "use :predict"),
        call("unknown verb", "POST", "/v1/models/tiny:explain", 404, "no such verb :explain"),
        post("body over the limit", "{\"instances\": [" + (ROW + ", ").repeat((int) (LIMIT / ROW.length()) + 1) + ROW
            + "]}", 413, "request body larger than the server's limit of 65536 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAMessage(Case c) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(c.path()));
    request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(c.body()));
    if (c.headers().length > 0) {
      request.headers(c.headers());
    }
    ServeClient.Response r = client.send(request);
    assertEquals(c.status(), r.status(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertTrue(r.error().contains(c.says()), r.error());
    if (c.status() == 405) {
      assertEquals(c.says().contains("POST") ? "POST" : "GET", r.headers().firstValue("Allow").orElse(""));
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWhileReading() {
    byte[] big = ("{\"instances\": [" + (ROW + ", ").repeat((int) (2 * LIMIT / ROW.length())) + ROW + "]}")
        .getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(PREDICT))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
    ServeClient.Response r = client.send(request);
    assertEquals(413, r.status(), r.body());
    assertTrue(r.error().contains("larger than the server's limit"), r.error());
    // Most of the body is unread: the server closes this connection, and says so.
    assertEquals("close", r.headers().firstValue("Connection").orElse(""));
  }

  @Test
  void aBodyWithinTheLimitIsAnswered() {
    String body = "{\"instances\": [" + (ROW + ", ").repeat((int) (LIMIT / ROW.length() / 2)) + ROW + "]}";
    assertTrue(body.length() < LIMIT);
    ServeClient.Response r = client.post(PREDICT, body);
    assertEquals(200, r.status(), r.body());
    assertEquals(LIMIT / ROW.length() / 2 + 1, r.json().get("predictions").size());
  }

  @Test
  void theServerKeepsAnsweringAfterBadRequests() {
    cases().limit(10).forEach(this::isRefusedWithAMessage);
    assertEquals(200, client.get("/v1/models/tiny").status());
    assertEquals(200, client.post(PREDICT, "{\"instances\": [" + ROW + "]}").status());
  }

  private static URI base() {
    return URI.create("http://127.0.0.1:" + server.address().getPort());
  }
}
