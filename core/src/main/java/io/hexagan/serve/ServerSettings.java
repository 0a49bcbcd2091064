package io.hexagan.serve;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link ModelServer} listens and what it accepts.
 *
 * @param host the address to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} for every
 *     interface)
 * @param port the TCP port; 0 picks a free one
 * @param modelName the NAME in {@code /v1/models/NAME}: letters, digits, {@code .}, {@code _} and
 *     {@code -}, starting with a letter or digit
 * @param threads request-handling threads (JSON parsing and the session call run on them)
 * @param queueCapacity accepted requests that may wait for a thread; beyond that a new request's
 *     connection is closed unanswered
 * @param maxBodyBytes the largest request body read; a larger one gets 413 without being read
 *     into memory
 * @param bodyTimeout how long a request's body may take to arrive, counted from when its handler
 *     starts; a body not received whole by then gets 408 and its connection is closed (see {@link
 *     BodyDeadline})
 * @param shutdownGrace how long {@link ModelServer#close} lets in-flight requests finish
 */
public record ServerSettings(
    String host, int port, String modelName, int threads, int queueCapacity, long maxBodyBytes,
    Duration bodyTimeout, Duration shutdownGrace) {

  /** TF Serving's REST port. */
  public static final int DEFAULT_PORT = 8501;
  /** 64 MiB: a batch of about 8 million numbers. */
  public static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;
  /** 1 GiB: a body is held in one array. */
  public static final long MAX_BODY_BYTES_LIMIT = 1L << 30;
  public static final int DEFAULT_QUEUE_CAPACITY = 256;
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
  /** 1 hour: the longest body timeout accepted. */
  public static final Duration MAX_BODY_TIMEOUT = Duration.ofHours(1);
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(bodyTimeout, "bodyTimeout");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: expected 0 to 65535, found " + port);
    }
    if (!isValidName(modelName)) {
      throw new IllegalArgumentException("model name: expected letters, digits, '.', '_' or '-' (starting with a "
          + "letter or digit), found \"" + modelName + "\"");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads: expected ≥ 1, found " + threads);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queue capacity: expected ≥ 1, found " + queueCapacity);
    }
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
      throw new IllegalArgumentException("max body bytes: expected 1 to " + MAX_BODY_BYTES_LIMIT + ", found " + maxBodyBytes);
    }
    if (bodyTimeout.compareTo(Duration.ofMillis(1)) < 0 || bodyTimeout.compareTo(MAX_BODY_TIMEOUT) > 0) {
      throw new IllegalArgumentException("body timeout: expected 1 ms to " + MAX_BODY_TIMEOUT.toHours() + " h, found "
          + bodyTimeout.toMillis() + " ms");
    }
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdown grace: expected ≥ 0, found " + shutdownGrace);
    }
  }

  /** Loopback, port 8501, two threads per core (at least 4), 64 MiB bodies, 30 s body timeout, 10 s grace. */
  public static ServerSettings defaults(String modelName) {
    return new ServerSettings("127.0.0.1", DEFAULT_PORT, modelName, defaultThreads(), DEFAULT_QUEUE_CAPACITY,
        DEFAULT_MAX_BODY_BYTES, DEFAULT_BODY_TIMEOUT, DEFAULT_SHUTDOWN_GRACE);
  }

  /** Two per core, at least 4. */
  public static int defaultThreads() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** Whether {@code name} may name the model in a URL. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public ServerSettings withHost(String value) {
    return new ServerSettings(value, port, modelName, threads, queueCapacity, maxBodyBytes, bodyTimeout, shutdownGrace);
  }

  public ServerSettings withPort(int value) {
    return new ServerSettings(host, value, modelName, threads, queueCapacity, maxBodyBytes, bodyTimeout, shutdownGrace);
  }

  public ServerSettings withThreads(int value) {
    return new ServerSettings(host, port, modelName, value, queueCapacity, maxBodyBytes, bodyTimeout, shutdownGrace);
  }

  public ServerSettings withMaxBodyBytes(long value) {
    return new ServerSettings(host, port, modelName, threads, queueCapacity, value, bodyTimeout, shutdownGrace);
  }

  public ServerSettings withBodyTimeout(Duration value) {
    return new ServerSettings(host, port, modelName, threads, queueCapacity, maxBodyBytes, value, shutdownGrace);
  }

  public ServerSettings withShutdownGrace(Duration value) {
    return new ServerSettings(host, port, modelName, threads, queueCapacity, maxBodyBytes, bodyTimeout, value);
  }
}
