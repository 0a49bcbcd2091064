package io.hexagan.serve;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts the {@link BodyDeadline} of each request, on one timer thread of the server. A deadline
 * closed in time is removed from the timer's queue at once, so the queue holds at most one entry
 * per request being handled.
 */
final class BodyDeadlines implements AutoCloseable {
  private final Duration timeout;
  private final ScheduledThreadPoolExecutor timer;

  BodyDeadlines(Duration timeout) {
    this.timeout = timeout;
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "hexagan-serve-deadlines");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Arms the deadline of {@code exchange}'s body, read by the current thread, from now. */
  BodyDeadline start(HttpExchange exchange) {
    BodyDeadline deadline = new BodyDeadline(exchange, timeout);
    deadline.armed(timer.schedule(deadline::expire, timeout.toNanos(), TimeUnit.NANOSECONDS));
    return deadline;
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * Takes no new deadline. Those armed still expire (a handler still blocked after the server's
   * grace period is cut at its deadline); then the timer thread ends.
   */
  @Override
  public void close() {
    timer.shutdown();
  }
}
