package io.hexagan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A load benchmark of a running server: for each batch size, a bounded number of {@code :predict}
 * requests of complete rows (random numbers, mask 1) sent by a few client threads over HTTP/1.1
 * keep-alive connections, with throughput and latency percentiles (HdrHistogram, 3 significant
 * digits). Learns d from the server's metadata. Not a test: numbers depend on the machine.
 */
public final class ServeBenchmark {

  /**
   * What to send.
   *
   * @param server {@code http://HOST:PORT}
   * @param modelName NAME of {@code /v1/models/NAME}
   * @param signature a signature with inputs {@code x} and {@code mask}
   * @param batches rows per request, one measurement each
   * @param clients client threads sending at once
   * @param requests timed requests per batch size, split over the clients
   * @param warmup untimed requests per batch size first
   * @param timeout the longest a request may take
   * @param seed of the random rows
   */
  public record Settings(URI server, String modelName, String signature, List<Integer> batches, int clients, int requests,
      int warmup, Duration timeout, long seed) {
    public Settings {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(timeout, "timeout");
      batches = List.copyOf(batches);
      if (batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
        throw new IllegalArgumentException("batches: expected sizes ≥ 1, found " + batches);
      }
      if (clients < 1 || requests < clients || warmup < 0) {
        throw new IllegalArgumentException("expected clients ≥ 1, requests ≥ clients and warmup ≥ 0, found " + clients
            + ", " + requests + ", " + warmup);
      }
    }
  }

  /**
   * One batch size's measurement.
   *
   * @param failures requests answered with another status than 200, or not at all
   * @param seconds wall time of the timed requests
   * @param bodyBytes the size of one request body
   */
  public record Result(int batch, int clients, int requests, int failures, double seconds, double requestsPerSecond,
      double rowsPerSecond, double p50Ms, double p99Ms, double maxMs, int bodyBytes) {}

  private ServeBenchmark() {}

  /** d, the width of the signature's {@code x}, read from the server's metadata endpoint. */
  public static int features(Settings settings) throws IOException, InterruptedException {
    HttpResponse<String> r = client(settings).send(HttpRequest.newBuilder(modelUri(settings, "/metadata"))
        .timeout(settings.timeout()).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(modelUri(settings, "/metadata") + ": HTTP " + r.statusCode() + " " + r.body());
    }
    JsonNode signature = Json.MAPPER.readTree(r.body()).path("metadata").path("signature_def").path("signature_def")
        .path(settings.signature());
    JsonNode dims = signature.path("inputs").path(InputRules.X).path("tensor_shape").path("dim");
    if (!signature.path("inputs").has(InputRules.MASK) || dims.size() != 2) {
      throw new IllegalArgumentException("signature \"" + settings.signature() + "\" of " + settings.modelName()
          + " does not take x and mask rows: " + signature);
    }
    return Integer.parseInt(dims.get(1).path("size").asText());
  }

  /** Measures every batch size of the settings, in order. */
  public static List<Result> run(Settings settings) throws IOException, InterruptedException {
    int d = features(settings);
    HttpClient http = client(settings);
    List<Result> results = new ArrayList<>();
    for (int batch : settings.batches()) {
      byte[] body = body(settings, batch, d);
      for (int i = 0; i < settings.warmup(); i++) {
        send(http, settings, body);
      }
      results.add(measure(http, settings, batch, body));
    }
    return results;
  }

  private static Result measure(HttpClient http, Settings settings, int batch, byte[] body)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Histogram>> latencies = new ArrayList<>();
      for (int c = 0; c < settings.clients(); c++) {
        int share = settings.requests() / settings.clients() + (c < settings.requests() % settings.clients() ? 1 : 0);
        latencies.add(pool.submit(() -> {
          Histogram h = new Histogram(3);
          go.await();
          for (int i = 0; i < share; i++) {
            long t0 = System.nanoTime();
            boolean ok = send(http, settings, body);
            // Only answered requests are timed; the failures are the requests missing from the histogram.
            if (ok) {
              h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
            }
          }
          return h;
        }));
      }
      long t0 = System.nanoTime();
      go.countDown();
      Histogram all = new Histogram(3);
      for (Future<Histogram> f : latencies) {
        try {
          all.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("a benchmark client failed", e.getCause());
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      int answered = (int) all.getTotalCount();
      return new Result(batch, settings.clients(), settings.requests(), settings.requests() - answered, seconds,
          answered / seconds, (double) answered * batch / seconds, all.getValueAtPercentile(50) / 1e3,
          all.getValueAtPercentile(99) / 1e3, all.getMaxValue() / 1e3, body.length);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Whether the server answered 200 within the timeout. */
  private static boolean send(HttpClient http, Settings settings, byte[] body) throws InterruptedException {
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(modelUri(settings, ":predict")).timeout(settings.timeout())
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] body(Settings settings, int batch, int d) throws IOException {
    SplittableRandom random = new SplittableRandom(settings.seed());
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("signature_name", settings.signature());
    ArrayNode instances = root.putArray("instances");
    for (int i = 0; i < batch; i++) {
      ObjectNode row = instances.addObject();
      ArrayNode x = row.putArray(InputRules.X);
      ArrayNode mask = row.putArray(InputRules.MASK);
      for (int c = 0; c < d; c++) {
        x.add((float) random.nextDouble());
        mask.add(1);
      }
    }
    return Json.MAPPER.writeValueAsBytes(root);
  }

  private static HttpClient client(Settings settings) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build();
  }

  private static URI modelUri(Settings settings, String suffix) {
    String base = settings.server().toString().replaceAll("/+$", "");
    return URI.create(base + "/v1/models/" + settings.modelName() + suffix);
  }
}
