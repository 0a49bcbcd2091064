package io.hexagan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Closing drains: a request in flight finishes and is answered, new ones get 503, and after the
 * grace period the server stops regardless; an idle server stops at once.
 */
class ShutdownTest {
  private static final String PREDICT = "/v1/models/tiny:predict";

  @Test
  void closeLetsARequestInFlightFinishAndRefusesNewOnes() throws Exception {
    ModelServer server = start(Duration.ofSeconds(30));
    ServeClient client = ServeClient.of(server);
    double[][] rows = TinyModel.completeRows();
    byte[] body = ServeClient.write(ServeClient.rowRequest("classify", rows)).getBytes(StandardCharsets.UTF_8);
    try (HalfSentRequest request = new HalfSentRequest(server, body)) {
      awaitTrue(() -> server.inFlight() == 1, "the request reached the handler");
      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      awaitTrue(() -> client.get("/v1/models/tiny").status() == 503, "draining refuses new requests");
      assertEquals("the server is shutting down", client.get("/v1/models/tiny/metadata").error());
      assertTrue(!closing.isDone(), "close waits for the request in flight");
      String answer = request.finish();
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      assertEquals(rows.length, ServeClient.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4))
          .get("predictions").size());
      closing.get(60, TimeUnit.SECONDS);
    }
    UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> client.get("/v1/models/tiny"));
    assertTrue(refused.getCause() instanceof java.net.ConnectException, refused.toString());
    server.close();
  }

  @Test
  void afterTheGracePeriodTheServerStopsAnyway() throws Exception {
    ModelServer server = start(Duration.ofMillis(300));
    byte[] body = ServeClient.write(ServeClient.rowRequest("classify", TinyModel.completeRows()))
        .getBytes(StandardCharsets.UTF_8);
    try (HalfSentRequest request = new HalfSentRequest(server, body)) {
      awaitTrue(() -> server.inFlight() == 1, "the request reached the handler");
      long t0 = System.nanoTime();
      server.close();
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(seconds < 5, "close took " + seconds + " s");
      String answer = request.finishOrFail();
      assertTrue(answer.isEmpty() || !answer.startsWith("HTTP/1.1 200"), answer);
    }
  }

  @Test
  void anIdleServerClosesAtOnceAndClosingTwiceIsHarmless() throws Exception {
    ModelServer server = start(Duration.ofSeconds(30));
    assertEquals(200, ServeClient.of(server).get("/v1/models/tiny").status());
    long t0 = System.nanoTime();
    server.close();
    server.close();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(seconds < 2, "close took " + seconds + " s");
    server.awaitClose();
  }

  private static ModelServer start(Duration grace) throws IOException {
    return ModelServer.start(SavedModelLoader.load(TinyModel.directory()),
        ServerSettings.defaults("tiny").withPort(0).withShutdownGrace(grace));
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(5);
    }
  }

  /**
   * A POST sent over a plain socket up to half its body (an HTTP client library gives no hold on
   * when the body's bytes leave); {@link #finish} sends the rest and reads the answer.
   */
  private static final class HalfSentRequest implements AutoCloseable {
    private final Socket socket;
    private final byte[] body;

    HalfSentRequest(ModelServer server, byte[] body) throws IOException {
      this.body = body;
      socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + PREDICT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
    }

    /** Sends the rest of the body and reads the whole answer (status line, headers, body). */
    String finish() throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** {@link #finish}, or "" when the server has closed the connection. */
    String finishOrFail() {
      try {
        return finish();
      } catch (IOException e) {
        return "";
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
