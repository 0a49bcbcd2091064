package io.hexagan.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline of one request's body. Armed when the handler starts (by {@link BodyDeadlines}),
 * it {@linkplain #expire expires} unless the handler has read the body whole by then:
 *
 * <ul>
 *   <li>if the handler has not started an answer, the deadline answers 408 ({@code Connection:
 *       close}) and then interrupts the handler thread;
 *   <li>if the handler has started an answer with the body unread (an early error, or a GET: the
 *       JDK server reads up to 64 KiB of the rest when the exchange is closed), it only interrupts
 *       the thread.
 * </ul>
 *
 * <p>The interrupt frees the thread: the JDK server reads a request through a blocking {@code
 * SocketChannel}, which an interrupt closes under the blocked read, so the read fails with an
 * {@code IOException}. The interrupt lands only while the handler is inside this deadline's scope:
 * {@link #close} waits for an expiry in progress and then clears the interrupt it caused, before
 * the thread goes back to the pool.
 *
 * <p>The handler thread, the one that started the deadline, calls {@link #received} once the body
 * is read whole, or {@link #answering} before it starts an answer; both throw {@link Expired} once
 * the deadline has taken over (the handler must then neither read nor answer). Then {@link
 * #settle} (after which the exchange is the handler's alone), closes the exchange, and calls
 * {@link #close}.
 */
final class BodyDeadline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BodyDeadline.class);

  /** Thrown to the handler once the deadline has answered or cut the connection. */
  static final class Expired extends IOException {
    private static final long serialVersionUID = 1L;

    Expired(Duration timeout) {
      super("the request body was not received within " + ApiException.text(timeout));
    }
  }

  private enum State {
    /** The body is being read; no answer yet. */
    READING,
    /** The handler has started an answer, or is done, without having read the body whole. */
    ANSWERED_UNREAD,
    /** The body has been read whole: the deadline no longer applies. */
    RECEIVED,
    /** The deadline is sending its 408. */
    EXPIRING,
    /** The deadline has answered or cut the connection. */
    EXPIRED,
    /** The handler is done. */
    CLOSED
  }

  private final HttpExchange exchange;
  private final Thread handler;
  private final Duration timeout;
  private Future<?> timer;
  private State state = State.READING;
  private boolean interrupted;

  /** A deadline of {@code timeout} for the body of {@code exchange}, read by the current thread. */
  BodyDeadline(HttpExchange exchange, Duration timeout) {
    this.exchange = exchange;
    this.handler = Thread.currentThread();
    this.timeout = timeout;
  }

  /** The scheduled {@link #expire}, cancelled by {@link #close}. */
  synchronized void armed(Future<?> scheduled) {
    this.timer = scheduled;
  }

  /**
   * The body has been read whole: from now on the deadline does nothing.
   *
   * @throws Expired when the deadline has already answered or cut the connection
   */
  synchronized void received() throws Expired {
    switch (state) {
      case READING, RECEIVED -> state = State.RECEIVED;
      case EXPIRING, EXPIRED -> throw new Expired(timeout);
      default -> throw new IllegalStateException("body received after " + state);
    }
  }

  /**
   * The handler is about to answer (whether or not it has read the body).
   *
   * @throws Expired when the deadline has already answered or cut the connection: the handler must
   *     not answer
   */
  synchronized void answering() throws Expired {
    switch (state) {
      case READING -> state = State.ANSWERED_UNREAD;
      case ANSWERED_UNREAD, RECEIVED -> { }
      case EXPIRING, EXPIRED -> throw new Expired(timeout);
      default -> throw new IllegalStateException("answering after " + state);
    }
  }

  /**
   * Waits for an expiry in progress to finish with the exchange; from now on the deadline at most
   * cuts the connection (when closing the exchange blocks reading the rest of a body), it never
   * answers.
   */
  synchronized void settle() {
    awaitExpiry();
    if (state == State.READING) {
      state = State.ANSWERED_UNREAD;
    }
  }

  private void awaitExpiry() {
    while (state == State.EXPIRING) {
      try {
        wait();
      } catch (InterruptedException e) {
        // The expiry's own interrupt, which close() clears.
      }
    }
  }

  /** The deadline has passed: answers 408 and cuts the connection, or only cuts it, or does nothing (see above). */
  void expire() {
    synchronized (this) {
      if (state == State.ANSWERED_UNREAD) {
        LOG.debug("{} {}: body not received within {}; closing the connection", exchange.getRequestMethod(),
            exchange.getRequestURI(), ApiException.text(timeout));
        cut();
        return;
      }
      if (state != State.READING) {
        return;
      }
      state = State.EXPIRING;
    }
    LOG.debug("{} {}: body not received within {}; answering 408", exchange.getRequestMethod(),
        exchange.getRequestURI(), ApiException.text(timeout));
    try {
      Replies.sendWithoutReadingTheBody(exchange, ApiException.requestTimeout(timeout));
    } catch (IOException e) {
      LOG.debug("{} {}: the 408 was not sent: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
    }
    synchronized (this) {
      cut();
      notifyAll();
    }
  }

  private void cut() {
    state = State.EXPIRED;
    interrupted = true;
    handler.interrupt();
  }

  /**
   * Disarms the deadline; waits for an expiry in progress and clears the interrupt it caused. Call
   * on the handler thread.
   */
  @Override
  public void close() {
    Future<?> scheduled;
    synchronized (this) {
      scheduled = timer;
    }
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    synchronized (this) {
      awaitExpiry();
      state = State.CLOSED;
      if (interrupted) {
        Thread.interrupted();
      }
    }
  }
}
