package io.hexagan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a TF Serving client does, with {@link HttpClient}: JSON requests to a server on loopback,
 * every call bounded in time. Reads numbers exactly (floats as their decimal text).
 */
final class ServeClient {
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  /** @param base {@code http://127.0.0.1:PORT} */
  ServeClient(URI base) {
    this.base = base;
  }

  static ServeClient of(ModelServer server) {
    return new ServeClient(URI.create("http://127.0.0.1:" + server.address().getPort()));
  }

  /** An answer. */
  record Response(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The message of an {@code {"error": ...}} answer. */
    String error() {
      JsonNode e = json().get("error");
      if (e == null || !e.isTextual() || json().size() != 1) {
        throw new AssertionError("not an error answer: " + body);
      }
      return e.asText();
    }
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Response post(String path, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b);
  }

  Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpClient http() {
    return http;
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"signature_name": S, "instances": [{"x": [...], "mask": [...]}, ...]}}, 0 in x where NaN. */
  static ObjectNode rowRequest(String signature, double[][] rows) {
    ObjectNode root = JSON.createObjectNode();
    if (signature != null) {
      root.put("signature_name", signature);
    }
    ArrayNode instances = root.putArray("instances");
    for (double[] row : rows) {
      ObjectNode o = instances.addObject();
      ArrayNode x = o.putArray("x");
      ArrayNode mask = o.putArray("mask");
      for (double v : row) {
        x.add(Double.isNaN(v) ? 0 : v);
        mask.add(Double.isNaN(v) ? 0 : 1);
      }
    }
    return root;
  }

  /** {@code {"signature_name": S, "inputs": {"x": [[...]], "mask": [[...]]}}}, 0 in x where NaN. */
  static ObjectNode columnRequest(String signature, double[][] rows) {
    ObjectNode root = JSON.createObjectNode();
    if (signature != null) {
      root.put("signature_name", signature);
    }
    ObjectNode inputs = root.putObject("inputs");
    ArrayNode x = inputs.putArray("x");
    ArrayNode mask = inputs.putArray("mask");
    for (double[] row : rows) {
      ArrayNode xr = x.addArray();
      ArrayNode mr = mask.addArray();
      for (double v : row) {
        xr.add(Double.isNaN(v) ? 0 : v);
        mr.add(Double.isNaN(v) ? 0 : 1);
      }
    }
    return root;
  }

  /** A JSON number as the float it denotes (read from its decimal text, not through a double). */
  static float floatOf(JsonNode n) {
    if (!n.isNumber()) {
      throw new AssertionError("not a number: " + n);
    }
    return Float.parseFloat(n.isBigDecimal() ? n.decimalValue().toString() : n.asText());
  }

  /** A JSON [rows][cols] list of numbers as floats. */
  static float[][] matrix(JsonNode n) {
    float[][] m = new float[n.size()][];
    for (int i = 0; i < n.size(); i++) {
      JsonNode row = n.get(i);
      m[i] = new float[row.size()];
      for (int j = 0; j < row.size(); j++) {
        m[i][j] = floatOf(row.get(j));
      }
    }
    return m;
  }

  /** {@code (float) v} of every cell. */
  static float[][] floats(double[][] v) {
    float[][] m = new float[v.length][];
    for (int i = 0; i < v.length; i++) {
      m[i] = new float[v[i].length];
      for (int j = 0; j < v[i].length; j++) {
        m[i][j] = (float) v[i][j];
      }
    }
    return m;
  }
}
