package io.hexagan.serve;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The JDK HTTP server's own settings, system properties that it reads once per JVM, when its first
 * server starts. {@link #configure} sets those the user has not set (with {@code -D}), from the
 * settings of the JVM's first {@link ModelServer}:
 *
 * <ul>
 *   <li>{@value #NO_DELAY} {@code true}: TCP_NODELAY on accepted connections. The JDK writes a
 *       response's headers and body as two TCP segments, and with Nagle's algorithm on the body
 *       waits for the client's delayed ACK, about 40 ms on Linux, which capped a keep-alive client
 *       at about 20 requests/s per connection.
 *   <li>{@value #MAX_REQ_TIME}: the body timeout plus {@link #HEADER_ALLOWANCE}, in whole seconds.
 *       A request whose headers and body have not all arrived that long after its first byte (time
 *       waiting for a request thread included) has its connection closed, without an answer. This
 *       is the only limit on the headers: the JDK reads them on a request thread before any
 *       handler runs, so a client that sends them slowly holds that thread until then. It also
 *       cuts a 408 that cannot be written.
 *   <li>{@value #MAX_CONNECTIONS} {@value #DEFAULT_MAX_CONNECTIONS}: open connections; the JDK
 *       closes a connection accepted beyond that at once (a JDK that does not know the property,
 *       such as an early 17 update, ignores it).
 * </ul>
 *
 * <p>The JDK's defaults stand for the rest: a connection that sends nothing is closed after {@code
 * sun.net.httpserver.idleInterval} (30 s) or the request time, whichever is shorter, as is a
 * keep-alive connection idle between requests after the idle interval, both checked every {@code
 * sun.net.httpserver.clockTick} (10 s); at most {@code sun.net.httpserver.maxIdleConnections}
 * (200) idle connections are kept.
 */
final class JdkServerLimits {
  static final String NO_DELAY = "sun.net.httpserver.nodelay";
  static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
  static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";

  /** Time for a request's headers (and a wait for a thread) beyond its body timeout. */
  static final Duration HEADER_ALLOWANCE = Duration.ofSeconds(30);
  static final int DEFAULT_MAX_CONNECTIONS = 1000;

  private JdkServerLimits() {}

  /** The values for a server with a body timeout of {@code bodyTimeout}. */
  static Map<String, String> defaults(Duration bodyTimeout) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(NO_DELAY, "true");
    values.put(MAX_REQ_TIME, Long.toString(ceilSeconds(bodyTimeout.plus(HEADER_ALLOWANCE))));
    values.put(MAX_CONNECTIONS, Integer.toString(DEFAULT_MAX_CONNECTIONS));
    return values;
  }

  /**
   * Sets in {@code properties} each of {@link #defaults} that is not set there.
   *
   * @return the properties set
   */
  static Map<String, String> configure(Properties properties, Duration bodyTimeout) {
    Map<String, String> set = new LinkedHashMap<>();
    synchronized (properties) {
      defaults(bodyTimeout).forEach((name, value) -> {
        if (properties.getProperty(name) == null) {
          properties.setProperty(name, value);
          set.put(name, value);
        }
      });
    }
    return set;
  }

  /** The request time in {@code properties}, or null when it is unset, unreadable or not positive (no limit). */
  static Duration requestTime(Properties properties) {
    try {
      long seconds = Long.parseLong(properties.getProperty(MAX_REQ_TIME, "-1").trim());
      return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long ceilSeconds(Duration d) {
    return d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
  }
}
