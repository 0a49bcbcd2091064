package io.hexagan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before a handler runs, the JDK server reads the request line and headers on a request thread,
 * under its own limits, which it reads once per JVM: so the server runs in a JVM of its own, with
 * the limits set short on its command line (a request time of 2 s, an idle interval of 1 s, both
 * checked every 250 ms), which {@link ModelServer} leaves as the user set them. A client that
 * sends nothing, or headers that never end, is disconnected without an answer, and the threads it
 * held serve others. Every socket read here waits at most 10 s.
 */
class HeaderTimeoutTest {
  private static final int THREADS = 2;
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path tmp;

  private static Process server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path portFile = tmp.resolve("port");
    server = new ProcessBuilder(java, "-Dsun.net.httpserver.maxReqTime=2", "-Dsun.net.httpserver.idleInterval=1",
        "-Dsun.net.httpserver.clockTick=250", "-Dsun.net.httpserver.timerMillis=250", "-cp",
        System.getProperty("java.class.path"), ServerProcess.class.getName(), TinyModel.directory().toString(),
        Integer.toString(THREADS), "60000", portFile.toString())
        .redirectError(tmp.resolve("stderr.log").toFile()).redirectOutput(tmp.resolve("stdout.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(portFile)) {
      assertTrue(server.isAlive(), "the server process ended: " + Files.readString(tmp.resolve("stderr.log")));
      assertTrue(System.nanoTime() < deadline, "the server did not start in 120 s");
      Thread.sleep(50);
    }
    port = Integer.parseInt(Files.readString(portFile));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.getOutputStream().close();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void aClientThatSendsNothingIsDisconnectedWithoutAnAnswer() throws Exception {
    try (RawClient c = new RawClient(port, WAIT)) {
      long t0 = System.nanoTime();
      assertTrue(c.closedByServer(), "still connected after " + WAIT);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(seconds > 0.5 && seconds < 8, "disconnected after " + seconds + " s");
    }
  }

  @Test
  void headersThatNeverEndAreCutAndTheThreadsTheyHeldServeOthers() throws Exception {
    int slow = THREADS + 2;
    List<RawClient> clients = new ArrayList<>();
    List<Thread> trickles = new ArrayList<>();
    try {
      long t0 = System.nanoTime();
      for (int i = 0; i < slow; i++) {
        RawClient c = new RawClient(port, WAIT);
        clients.add(c);
        c.send("POST /v1/models/tiny:predict HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        // One byte every 200 ms, at most 50 (10 s), until the server cuts the connection.
        Thread trickle = new Thread(() -> {
          for (int b = 0; b < 50 && c.send("a"); b++) {
            try {
              Thread.sleep(200);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
        trickle.start();
        trickles.add(trickle);
      }
      for (RawClient c : clients) {
        assertTrue(c.closedByServer(), "a client still sending its headers is still connected");
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(seconds > 1.5 && seconds < 8, "the last one was disconnected after " + seconds + " s");
      long t1 = System.nanoTime();
      ServeClient.Response r = new ServeClient(URI.create("http://127.0.0.1:" + port)).get("/v1/models/tiny");
      assertEquals(200, r.status(), r.body());
      double answered = (System.nanoTime() - t1) / 1e9;
      assertTrue(answered < 5, "answered after " + answered + " s");
    } finally {
      for (Thread t : trickles) {
        t.interrupt();
        t.join(WAIT.toMillis());
      }
      for (RawClient c : clients) {
        c.close();
      }
    }
  }
}
