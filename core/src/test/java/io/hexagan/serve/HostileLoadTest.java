package io.hexagan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded hostile load on loopback: {@value #CLIENTS} client threads send {@value
 * #REQUESTS_PER_CLIENT} requests each per half, in two equal halves, a fixed mix of valid predict
 * requests and hostile ones (malformed JSON, a wrong shape, NaN in an observed cell, 40 levels of
 * nesting, a body over the size limit, an unknown signature, a stalled body, an abandoned body),
 * each on a connection of its own. Every valid request gets 200 with the answer it gets alone;
 * every hostile one a 4xx with an error message (an abandoned one, whose client is gone, nothing);
 * no 5xx; the server answers afterwards; and the heap used after garbage collection grows by less
 * than {@value #HEAP_GROWTH_MIB} MiB from the end of the first half to the end of the second.
 */
class HostileLoadTest {
  private static final Logger LOG = LoggerFactory.getLogger(HostileLoadTest.class);

  private static final String PREDICT = "/v1/models/tiny:predict";
  private static final int CLIENTS = 6;
  private static final int REQUESTS_PER_CLIENT = 120;
  private static final long MAX_BODY_BYTES = 64 << 10;
  private static final Duration BODY_TIMEOUT = Duration.ofMillis(300);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration HALF_BUDGET = Duration.ofSeconds(60);
  /**
   * About 2 MiB grew over a half when the handler swallowed a failed connection's IOException,
   * which left the connection in the JDK server's tables; the growth measured without that is
   * under 0.1 MiB.
   */
  private static final int HEAP_GROWTH_MIB = 1;

  /** The kinds of request, and the status each must get. */
  enum Kind {
    CLASSIFY(200), IMPUTE(200), GENERATE(200), MALFORMED(400), WRONG_SHAPE(400), NAN_OBSERVED(400),
    DEEP_NESTING(400), TOO_LARGE(413), UNKNOWN_SIGNATURE(400), STALLED(408), ABANDONED(0);

    final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  /** The order each client cycles through, from a place of its own: 3 valid in 12. */
  private static final Kind[] CYCLE = {Kind.CLASSIFY, Kind.MALFORMED, Kind.ABANDONED, Kind.IMPUTE, Kind.WRONG_SHAPE,
      Kind.NAN_OBSERVED, Kind.GENERATE, Kind.ABANDONED, Kind.DEEP_NESTING, Kind.TOO_LARGE, Kind.UNKNOWN_SIGNATURE,
      Kind.STALLED};

  /** A request: its bytes, and how much of them is sent before stalling or abandoning it. */
  record Request(Kind kind, byte[] bytes, int sent) {}

  /** What the clients of one half saw. */
  record Tally(Map<Kind, Integer> answered, List<String> failures, double seconds) {}

  @Test
  void noFailedRequestNoServerErrorAndNoHeapGrowth() throws Exception {
    ModelServer server = ModelServer.start(SavedModelLoader.load(TinyModel.directory()),
        ServerSettings.defaults("tiny").withPort(0).withThreads(4).withMaxBodyBytes(MAX_BODY_BYTES)
            .withBodyTimeout(BODY_TIMEOUT));
    try {
      int port = server.address().getPort();
      Map<Kind, Request> requests = requests();
      Map<Kind, String> expected = new EnumMap<>(Kind.class);
      for (Kind k : List.of(Kind.CLASSIFY, Kind.IMPUTE, Kind.GENERATE)) {
        RawClient.Answer a = send(port, requests.get(k));
        assertEquals(200, a.status(), a.body());
        expected.put(k, a.body());
      }

      Tally first = half(port, requests, expected);
      ServerIdle.await(server, WAIT);
      long afterFirst = usedHeapAfterGc();
      Tally second = half(port, requests, expected);
      ServerIdle.await(server, WAIT);
      long afterSecond = usedHeapAfterGc();

      double growthMib = (afterSecond - afterFirst) / 1048576.0;
      LOG.info("hostile load: {} requests per half in {} s and {} s; answered {} and {}; heap used after GC {} KiB "
          + "then {} KiB, growth {} KiB", CLIENTS * REQUESTS_PER_CLIENT, round(first.seconds()), round(second.seconds()),
          first.answered(), second.answered(), afterFirst >> 10, afterSecond >> 10, (afterSecond - afterFirst) >> 10);
      assertEquals(List.of(), first.failures());
      assertEquals(List.of(), second.failures());
      assertEquals(first.answered(), second.answered());
      assertTrue(growthMib < HEAP_GROWTH_MIB, "heap grew by " + growthMib + " MiB over the second half");

      // Still up: the status, and a valid request answered as before.
      try (RawClient c = new RawClient(port, WAIT)) {
        c.send(RawClient.head("GET", "/v1/models/tiny", -1, "Connection: close"));
        RawClient.Answer status = c.read();
        assertEquals(200, status.status(), status.body());
      }
      assertEquals(expected.get(Kind.CLASSIFY), send(port, requests.get(Kind.CLASSIFY)).body());
    } finally {
      server.close();
    }
  }

  /** One half: every client sends its {@value #REQUESTS_PER_CLIENT} requests, cycling through the kinds. */
  private static Tally half(int port, Map<Kind, Request> requests, Map<Kind, String> expected) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long t0 = System.nanoTime();
    long budgetEnd = t0 + HALF_BUDGET.toNanos();
    try {
      List<Future<Tally>> tallies = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        tallies.add(clients.submit(() -> {
          Map<Kind, Integer> answered = new EnumMap<>(Kind.class);
          List<String> failures = new ArrayList<>();
          for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            if (System.nanoTime() > budgetEnd) {
              failures.add("client " + client + ": out of time after " + i + " requests");
              break;
            }
            Kind kind = CYCLE[(client * 2 + i) % CYCLE.length];
            String failure = check(port, requests.get(kind), expected.get(kind));
            if (failure == null) {
              answered.merge(kind, 1, Integer::sum);
            } else {
              failures.add("client " + client + ", request " + i + " (" + kind + "): " + failure);
            }
          }
          return new Tally(answered, failures, 0);
        }));
      }
      Map<Kind, Integer> answered = new EnumMap<>(Kind.class);
      List<String> failures = new ArrayList<>();
      for (Future<Tally> f : tallies) {
        Tally t = f.get(HALF_BUDGET.toSeconds() + WAIT.toSeconds(), TimeUnit.SECONDS);
        t.answered().forEach((k, n) -> answered.merge(k, n, Integer::sum));
        failures.addAll(t.failures());
      }
      return new Tally(answered, failures, (System.nanoTime() - t0) / 1e9);
    } finally {
      clients.shutdownNow();
      assertTrue(clients.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS));
    }
  }

  /** Sends the request; null when it got what it must get, else what went wrong. */
  private static String check(int port, Request request, String expected) {
    try {
      RawClient.Answer a = send(port, request);
      if (request.kind() == Kind.ABANDONED) {
        return null;
      }
      if (a.status() != request.kind().status) {
        return "status " + a.status() + ": " + a.body();
      }
      if (expected != null) {
        return expected.equals(a.body()) ? null : "a different answer: " + a.body();
      }
      return a.error().isEmpty() ? "an empty error message" : null;
    } catch (IOException | AssertionError e) {
      return e.toString();
    }
  }

  /** Sends the request on a connection of its own; the answer, or null for an abandoned request. */
  private static RawClient.Answer send(int port, Request request) throws IOException {
    try (RawClient c = new RawClient(port, WAIT)) {
      int sent = request.sent() < 0 ? request.bytes().length : request.sent();
      // A body the server refuses unread may meet a closed connection: the answer is still there to read.
      c.send(request.bytes(), 0, sent);
      return request.kind() == Kind.ABANDONED ? null : c.read();
    }
  }

  private static Map<Kind, Request> requests() {
    double[][] complete = Arrays.copyOf(TinyModel.completeRows(), 10);
    double[][] incomplete = Arrays.copyOf(TinyModel.incompleteRows(), 10);
    String classify = ServeClient.write(ServeClient.rowRequest("classify", complete));
    String row = "{\"x\": [1, 11, 21, 31], \"mask\": [1, 1, 1, 1]}";
    StringBuilder large = new StringBuilder("{\"instances\": [").append(row);
    while (large.length() < MAX_BODY_BYTES + (16 << 10)) {
      large.append(", ").append(row);
    }
    large.append("]}");
    Map<Kind, Request> r = new EnumMap<>(Kind.class);
    r.put(Kind.CLASSIFY, post(Kind.CLASSIFY, classify));
    r.put(Kind.IMPUTE, post(Kind.IMPUTE, ServeClient.write(ServeClient.columnRequest("impute", incomplete)),
        ModelServer.SEED_HEADER + ": 7"));
    r.put(Kind.GENERATE, post(Kind.GENERATE, "{\"signature_name\": \"generate\", \"instances\": [0, 1, 1, 0]}",
        ModelServer.SEED_HEADER + ": 3"));
    r.put(Kind.MALFORMED, post(Kind.MALFORMED, "{\"instances\": [{\"x\": [1, 11"));
    r.put(Kind.WRONG_SHAPE, post(Kind.WRONG_SHAPE, "{\"instances\": [{\"x\": [1, 11, 21, 31, 41], "
        + "\"mask\": [1, 1, 1, 1, 1]}]}"));
    r.put(Kind.NAN_OBSERVED, post(Kind.NAN_OBSERVED, "{\"instances\": [{\"x\": [1, NaN, 21, 31], "
        + "\"mask\": [1, 1, 1, 1]}]}"));
    r.put(Kind.DEEP_NESTING, post(Kind.DEEP_NESTING, "{\"instances\": " + "[".repeat(40) + "1" + "]".repeat(40) + "}"));
    r.put(Kind.TOO_LARGE, post(Kind.TOO_LARGE, large.toString()));
    r.put(Kind.UNKNOWN_SIGNATURE, post(Kind.UNKNOWN_SIGNATURE, "{\"signature_name\": \"predict_proba\", "
        + "\"instances\": [" + row + "]}"));
    Request whole = post(Kind.STALLED, classify);
    int half = whole.bytes().length - classify.length() / 2;
    r.put(Kind.STALLED, new Request(Kind.STALLED, whole.bytes(), half));
    r.put(Kind.ABANDONED, new Request(Kind.ABANDONED, whole.bytes(), half));
    return r;
  }

  private static Request post(Kind kind, String body, String... headers) {
    String[] lines = Arrays.copyOf(headers, headers.length + 2);
    lines[headers.length] = "Content-Type: application/json";
    lines[headers.length + 1] = "Connection: close";
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    byte[] head = RawClient.head("POST", PREDICT, b.length, lines).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(head, head.length + b.length);
    System.arraycopy(b, 0, bytes, head.length, b.length);
    return new Request(kind, bytes, -1);
  }

  /** The least heap in use over five collections (threads of the JVM allocate between them). */
  private static long usedHeapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
