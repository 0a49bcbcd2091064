package io.hexagan.training;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks run on a few worker threads, their results handed back in the order the tasks were
 * submitted, with at most {@code capacity} tasks submitted and not yet handed back: a reading
 * thread submits, the workers compute, and results come out in file order in bounded memory.
 *
 * <p>A task's exception is rethrown, unwrapped, when its result's turn comes, so the first
 * failure in submission order is the one reported. {@link #close} stops the workers and waits for
 * a running task to end, so nothing a task uses (a TensorFlow session) is closed under it.
 *
 * @param <R> a task's result
 */
final class OrderedWorkers<R> implements AutoCloseable {

  /** Receives results in submission order. */
  interface Sink<R> {
    void accept(R result) throws IOException;
  }

  private final ExecutorService pool;
  private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
  private final int capacity;

  /**
   * @param name prefix of the worker threads' names
   * @param threads worker threads, at least 1
   * @param capacity tasks in flight at most, at least {@code threads}
   */
  OrderedWorkers(String name, int threads, int capacity) {
    if (threads < 1 || capacity < threads) {
      throw new IllegalArgumentException("threads, capacity: expected 1 ≤ threads ≤ capacity, found " + threads
          + ", " + capacity);
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread t = new Thread(task, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(threads, factory);
    this.capacity = capacity;
  }

  /** Submits {@code task}, first handing {@code sink} the oldest results while the pipeline is full. */
  void submit(Callable<R> task, Sink<R> sink) throws IOException {
    while (inFlight.size() >= capacity) {
      sink.accept(takeOldest());
    }
    inFlight.add(pool.submit(task));
  }

  /** Hands {@code sink} every remaining result, in order. */
  void drain(Sink<R> sink) throws IOException {
    while (!inFlight.isEmpty()) {
      sink.accept(takeOldest());
    }
  }

  private R takeOldest() throws IOException {
    Future<R> oldest = inFlight.poll();
    try {
      return oldest.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a worker");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new UncheckedIOException(new IOException("worker failed: " + cause, cause));
    }
  }

  /** Cancels tasks not yet started and waits for running ones to finish. */
  @Override
  public void close() {
    for (Future<R> f : inFlight) {
      f.cancel(false);
    }
    inFlight.clear();
    pool.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
