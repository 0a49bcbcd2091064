package io.hexagan.serve;

import static io.hexagan.serve.ServeClient.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight client threads × 25 requests, mixing signatures and forms, get byte for byte the answers
 * that the same requests got one at a time (every request is deterministic: complete rows, or a
 * seed header).
 */
class ConcurrencyTest {
  private static final String PREDICT = "/v1/models/tiny:predict";
  private static final int CLIENTS = 8;
  private static final int REQUESTS_EACH = 25;

  private static ModelServer server;
  private static ServeClient client;

  /** A request and the seed header it carries (null: none). */
  record Call(String body, String seed) {
    ServeClient.Response send(ServeClient client) {
      return seed == null ? client.post(PREDICT, body) : client.post(PREDICT, body, ModelServer.SEED_HEADER, seed);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    server = ModelServer.start(SavedModelLoader.load(TinyModel.directory()),
        ServerSettings.defaults("tiny").withPort(0).withThreads(4));
    client = ServeClient.of(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void concurrentAnswersEqualSequentialOnes() throws Exception {
    double[][] complete = TinyModel.completeRows();
    double[][] incomplete = TinyModel.incompleteRows();
    List<Call> calls = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      double[][] part = Arrays.copyOfRange(complete, k * 5, k * 5 + 5 + k * 7);
      calls.add(new Call(write(ServeClient.rowRequest("classify", part)), null));
      calls.add(new Call(write(ServeClient.columnRequest(null, part)), null));
      double[][] missing = Arrays.copyOfRange(incomplete, k * 4, k * 4 + 10);
      calls.add(new Call(write(ServeClient.rowRequest("impute", missing)), Integer.toString(k)));
      calls.add(new Call("{\"signature_name\": \"generate\", \"instances\": [" + (k % 2) + ", 1, 0]}", "9" + k));
    }
    List<String> sequential = new ArrayList<>();
    for (Call c : calls) {
      ServeClient.Response r = c.send(client);
      assertEquals(200, r.status(), r.body());
      sequential.add(r.body());
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < CLIENTS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int j = 0; j < REQUESTS_EACH; j++) {
            int which = (thread * 7 + j) % calls.size();
            ServeClient.Response r = calls.get(which).send(client);
            assertEquals(200, r.status(), r.body());
            assertEquals(sequential.get(which), r.body(), "request " + which + " from thread " + thread);
          }
          return REQUESTS_EACH;
        }));
      }
      int answered = 0;
      for (Future<Integer> f : done) {
        answered += f.get(180, TimeUnit.SECONDS);
      }
      assertEquals(CLIENTS * REQUESTS_EACH, answered);
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
    ServerIdle.await(server, Duration.ofSeconds(10));
    assertEquals(0, server.inFlight());
  }
}
