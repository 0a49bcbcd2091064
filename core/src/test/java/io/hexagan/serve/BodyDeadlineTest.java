package io.hexagan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline's guard against the handler: whichever comes first, the body or the deadline,
 * decides who answers; the deadline's interrupt never outlives the handler's scope. Expiry is
 * called directly here, as the timer would.
 */
class BodyDeadlineTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpExchange exchange = mock(HttpExchange.class);
  private final ByteArrayOutputStream answer = new ByteArrayOutputStream();
  private final Headers headers = new Headers();

  BodyDeadlineTest() {
    when(exchange.getResponseHeaders()).thenReturn(headers);
    when(exchange.getResponseBody()).thenReturn(answer);
    when(exchange.getRequestMethod()).thenReturn("POST");
    when(exchange.getRequestURI()).thenReturn(URI.create("/v1/models/tiny:predict"));
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void expiryWhileReadingAnswers408AndInterruptsTheReader() throws Exception {
    BodyDeadline deadline = new BodyDeadline(exchange, TIMEOUT);
    deadline.expire();
    verify(exchange).sendResponseHeaders(anyInt(), anyLong());
    verify(exchange).sendResponseHeaders(408, answer.size());
    assertEquals("{\"error\":\"request body not received within the server's body timeout of 30 s\"}",
        answer.toString(StandardCharsets.UTF_8));
    assertEquals("close", headers.getFirst("Connection"));
    assertTrue(Thread.currentThread().isInterrupted(), "the reader is interrupted");
    assertThrows(BodyDeadline.Expired.class, deadline::received);
    assertThrows(BodyDeadline.Expired.class, deadline::answering);
    deadline.settle();
    deadline.close();
    assertFalse(Thread.currentThread().isInterrupted(), "close clears the deadline's interrupt");
  }

  @Test
  void aBodyReceivedFirstDisarmsTheDeadline() throws Exception {
    BodyDeadline deadline = new BodyDeadline(exchange, TIMEOUT);
    deadline.received();
    deadline.expire();
    deadline.answering();
    verify(exchange, never()).sendResponseHeaders(anyInt(), anyLong());
    assertFalse(Thread.currentThread().isInterrupted());
    deadline.close();
  }

  @Test
  void anAnswerStartedWithTheBodyUnreadIsCutButNotAnswered() throws Exception {
    BodyDeadline deadline = new BodyDeadline(exchange, TIMEOUT);
    deadline.answering();
    deadline.expire();
    verify(exchange, never()).sendResponseHeaders(anyInt(), anyLong());
    assertTrue(Thread.currentThread().isInterrupted(), "the handler, reading the rest of the body, is cut");
    deadline.settle();
    deadline.close();
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void afterSettlingTheDeadlineOnlyCuts() throws Exception {
    BodyDeadline deadline = new BodyDeadline(exchange, TIMEOUT);
    deadline.settle();
    deadline.expire();
    verify(exchange, never()).sendResponseHeaders(anyInt(), anyLong());
    assertTrue(Thread.currentThread().isInterrupted());
    deadline.close();
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void aClosedDeadlineDoesNothing() throws Exception {
    BodyDeadline deadline = new BodyDeadline(exchange, TIMEOUT);
    deadline.close();
    deadline.expire();
    verify(exchange, never()).sendResponseHeaders(anyInt(), anyLong());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void theHandlerWaitsForA408BeingSentBeforeItTouchesTheExchange() throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(call -> {
      sending.countDown();
      assertTrue(release.await(10, TimeUnit.SECONDS));
      return null;
    }).when(exchange).sendResponseHeaders(anyInt(), anyLong());
    CompletableFuture<BodyDeadline> created = new CompletableFuture<>();
    CompletableFuture<Boolean> settledBeforeRelease = new CompletableFuture<>();
    CompletableFuture<Boolean> interruptedAfterClose = new CompletableFuture<>();
    Thread handler = new Thread(() -> {
      BodyDeadline deadline = new BodyDeadline(exchange, TIMEOUT);
      created.complete(deadline);
      try {
        assertTrue(sending.await(10, TimeUnit.SECONDS));
        assertThrows(BodyDeadline.Expired.class, deadline::received);
        deadline.settle();
        settledBeforeRelease.complete(release.getCount() > 0);
        deadline.close();
        interruptedAfterClose.complete(Thread.currentThread().isInterrupted());
      } catch (Throwable e) {
        settledBeforeRelease.completeExceptionally(e);
        interruptedAfterClose.completeExceptionally(e);
      }
    });
    handler.start();
    BodyDeadline deadline = created.get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> expiry = CompletableFuture.runAsync(deadline::expire);
    assertTrue(sending.await(10, TimeUnit.SECONDS));
    awaitState(handler, Thread.State.WAITING);
    assertFalse(settledBeforeRelease.isDone(), "settle returned while the 408 was being sent");
    release.countDown();
    expiry.get(10, TimeUnit.SECONDS);
    assertFalse(settledBeforeRelease.get(10, TimeUnit.SECONDS));
    assertFalse(interruptedAfterClose.get(10, TimeUnit.SECONDS), "the interrupt outlived close");
    handler.join(10_000);
  }

  private static void awaitState(Thread t, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (t.getState() != state) {
      assertTrue(System.nanoTime() < deadline, "the thread is " + t.getState() + ", not " + state);
      Thread.sleep(1);
    }
  }
}
