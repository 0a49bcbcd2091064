package io.hexagan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A body that does not arrive within the body timeout gets 408 and its connection is closed, which
 * frees the request thread: clients that stall or trickle their bodies, more of them than the
 * server has threads, do not stop it answering others. Every socket read here waits at most 10 s.
 */
class SlowClientTest {
  private static final String PREDICT = "/v1/models/tiny:predict";
  private static final int THREADS = 2;
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final byte[] BODY = ("{\"instances\": [{\"x\": [1, 11, 21, 31], \"mask\": [1, 1, 1, 1]}, "
      + "{\"x\": [2, 12, 22, 32], \"mask\": [1, 1, 1, 1]}]}").getBytes(StandardCharsets.UTF_8);

  private static ModelServer server;
  private static ServeClient client;
  private static String answer;

  @BeforeAll
  static void start() throws Exception {
    server = ModelServer.start(SavedModelLoader.load(TinyModel.directory()), ServerSettings.defaults("tiny")
        .withPort(0).withThreads(THREADS).withMaxBodyBytes(64 << 10).withBodyTimeout(TIMEOUT));
    client = ServeClient.of(server);
    ServeClient.Response r = client.post(PREDICT, new String(BODY, StandardCharsets.UTF_8));
    assertEquals(200, r.status(), r.body());
    answer = r.body();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aHalfSentBodyGets408WithinTheDeadlineAndItsConnectionIsClosed() throws Exception {
    try (RawClient c = new RawClient(port(), WAIT)) {
      c.send(RawClient.head("POST", PREDICT, BODY.length));
      c.send(BODY, 0, BODY.length / 2);
      long t0 = System.nanoTime();
      RawClient.Answer a = c.read();
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(408, a.status(), a.body());
      assertEquals("application/json", a.header("Content-Type"));
      assertEquals("close", a.header("Connection"));
      assertEquals("request body not received within the server's body timeout of 500 ms", a.error());
      assertTrue(seconds > 0.4 && seconds < 5, "answered after " + seconds + " s");
      assertTrue(c.closedByServer(), "the connection stays open after the 408");
    }
    assertAnswersAgain();
  }

  @Test
  void aBodyTrickledTooSlowlyGets408() throws Exception {
    try (RawClient c = new RawClient(port(), WAIT)) {
      c.send(RawClient.head("POST", PREDICT, BODY.length));
      Thread trickle = new Thread(() -> {
        // One byte every 50 ms: the whole body would take about 5 s.
        for (int i = 0; i < BODY.length && c.send(BODY, i, i + 1); i++) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      trickle.start();
      try {
        RawClient.Answer a = c.read();
        assertEquals(408, a.status(), a.body());
        assertTrue(a.error().contains("body timeout of 500 ms"), a.error());
      } finally {
        trickle.interrupt();
        trickle.join(WAIT.toMillis());
      }
    }
    assertAnswersAgain();
  }

  @Test
  void moreStalledBodiesThanThreadsDoNotStopTheServerAnswering() throws Exception {
    int stalled = THREADS + 2;
    List<RawClient> clients = new ArrayList<>();
    ExecutorService readers = Executors.newFixedThreadPool(stalled);
    try {
      List<Future<RawClient.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < stalled; i++) {
        RawClient c = new RawClient(port(), WAIT);
        clients.add(c);
        c.send(RawClient.head("POST", PREDICT, BODY.length));
        c.send(BODY, 0, BODY.length / 2);
        answers.add(readers.submit(c::read));
      }
      // Every thread is blocked on a stalled body now; this request is answered once deadlines free them.
      long t0 = System.nanoTime();
      ServeClient.Response r = client.post(PREDICT, new String(BODY, StandardCharsets.UTF_8));
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(200, r.status(), r.body());
      assertEquals(answer, r.body());
      assertTrue(seconds < 5, "answered after " + seconds + " s");
      for (Future<RawClient.Answer> f : answers) {
        RawClient.Answer a = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(408, a.status(), a.body());
      }
    } finally {
      readers.shutdownNow();
      for (RawClient c : clients) {
        c.close();
      }
    }
    assertAnswersAgain();
  }

  @Test
  void earlyAnswersDoNotWaitForBodiesThatNeverCome() throws Exception {
    // A 404 and a 413 are answered without reading the body; closing the exchange then reads the
    // rest of it, which never comes: the deadline cuts that, and frees the thread.
    int stalled = THREADS + 2;
    List<RawClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < stalled; i++) {
        RawClient c = new RawClient(port(), WAIT);
        clients.add(c);
        boolean tooLarge = i % 2 == 0;
        c.send(RawClient.head("POST", tooLarge ? PREDICT : "/v1/models/other:predict", tooLarge ? 10 << 20 : 10_000));
        c.send(BODY, 0, BODY.length / 2);
        RawClient.Answer a = c.read();
        assertEquals(tooLarge ? 413 : 404, a.status(), a.body());
      }
      long t0 = System.nanoTime();
      ServeClient.Response r = client.post(PREDICT, new String(BODY, StandardCharsets.UTF_8));
      assertEquals(200, r.status(), r.body());
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(seconds < 5, "answered after " + seconds + " s");
      for (RawClient c : clients) {
        assertTrue(c.closedByServer(), "a connection with a body that never came stays open");
      }
    } finally {
      for (RawClient c : clients) {
        c.close();
      }
    }
    assertAnswersAgain();
  }

  @Test
  void aBodyReceivedInTimeKeepsItsConnectionPastTheDeadline() throws Exception {
    try (RawClient c = new RawClient(port(), WAIT)) {
      for (int i = 0; i < 3; i++) {
        c.send(RawClient.head("POST", PREDICT, BODY.length));
        c.send(BODY);
        RawClient.Answer a = c.read();
        assertEquals(200, a.status(), a.body());
        assertEquals(answer, a.body());
        Thread.sleep(TIMEOUT.toMillis() + 200);
      }
    }
  }

  /**
   * Keep-alive requests, more than the threads: each thread serves some, so an interrupt left on a
   * pool thread by a deadline would cut one of them.
   */
  private static void assertAnswersAgain() throws IOException {
    ServerIdle.await(server, WAIT);
    try (RawClient c = new RawClient(port(), WAIT)) {
      for (int i = 0; i < 4 * THREADS; i++) {
        c.send(RawClient.head("POST", PREDICT, BODY.length));
        c.send(BODY);
        RawClient.Answer a = c.read();
        assertEquals(200, a.status(), a.body());
        assertEquals(answer, a.body());
      }
    }
  }

  private static int port() {
    return server.address().getPort();
  }
}
