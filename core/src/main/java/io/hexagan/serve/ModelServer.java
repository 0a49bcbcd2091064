package io.hexagan.serve;

import com.sun.net.httpserver.HttpServer;
import io.hexagan.savedmodel.ServingModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one model over TF Serving's REST API on the JDK's {@link HttpServer}, with a bounded pool
 * of request threads, a bounded queue, bounded request bodies and a deadline on each body (see
 * {@link ServerSettings}).
 *
 * <p>Before the JVM's first server starts, sets the JDK server's own limits that the user has not
 * set (see {@link JdkServerLimits}): TCP_NODELAY, a time limit on a whole request (headers
 * included) and a cap on open connections.
 *
 * <p>Owns the model from {@link #start} on: {@link #close} drains the server (new requests get
 * 503; those in flight get up to the settings' grace period to finish), stops it and closes the
 * model. Thread-safe; closing twice is harmless.
 */
public final class ModelServer implements AutoCloseable {
  /**
   * Request header that makes the noise of a predict request a function of its value (a
   * non-negative integer): an extension of TF Serving's API, which ignores it.
   */
  public static final String SEED_HEADER = "X-Hexagan-Seed";

  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

  private final HttpServer http;
  private final ThreadPoolExecutor executor;
  private final BodyDeadlines deadlines;
  private final ServingModel model;
  private final ServerSettings settings;
  private final InFlight inFlight;
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing;

  private ModelServer(HttpServer http, ThreadPoolExecutor executor, BodyDeadlines deadlines, ServingModel model,
      ServerSettings settings, InFlight inFlight) {
    this.http = http;
    this.executor = executor;
    this.deadlines = deadlines;
    this.model = model;
    this.settings = settings;
    this.inFlight = inFlight;
  }

  /**
   * Binds {@code settings.host():settings.port()} and starts answering for {@code model}, which the
   * server owns from now on (also when binding fails: then it is closed).
   */
  public static ModelServer start(ServingModel model, ServerSettings settings) throws IOException {
    ThreadPoolExecutor executor = null;
    BodyDeadlines deadlines = null;
    try {
      configureJdkServer(settings.bodyTimeout());
      InFlight inFlight = new InFlight();
      deadlines = new BodyDeadlines(settings.bodyTimeout());
      ApiHandler handler = new ApiHandler(settings.modelName(), model, settings.maxBodyBytes(), inFlight, deadlines);
      HttpServer http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
      executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(settings.queueCapacity()), threads(), new ThreadPoolExecutor.AbortPolicy());
      http.setExecutor(executor);
      http.createContext("/", handler);
      http.start();
      ModelServer server = new ModelServer(http, executor, deadlines, model, settings, inFlight);
      LOG.info("serving \"{}\" on {}", settings.modelName(), server.modelUri());
      return server;
    } catch (IOException | RuntimeException e) {
      if (executor != null) {
        executor.shutdownNow();
      }
      if (deadlines != null) {
        deadlines.close();
      }
      model.close();
      throw e;
    }
  }

  /**
   * Sets the JDK server's limits the user has not set, and warns when the request time limit in
   * force would cut a slow body before its 408.
   */
  private static void configureJdkServer(Duration bodyTimeout) {
    Map<String, String> set = JdkServerLimits.configure(System.getProperties(), bodyTimeout);
    if (!set.isEmpty()) {
      LOG.debug("JDK HTTP server settings: {}", set);
    }
    Duration requestTime = JdkServerLimits.requestTime(System.getProperties());
    if (requestTime != null && requestTime.compareTo(bodyTimeout) <= 0) {
      LOG.warn("{}={} s is not longer than the body timeout of {}: a body that slow is cut without its 408",
          JdkServerLimits.MAX_REQ_TIME, requestTime.toSeconds(), ApiException.text(bodyTimeout));
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "hexagan-serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The bound address (with the port picked when the settings asked for 0). */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /** {@code http://HOST:PORT/v1/models/NAME}. */
  public URI modelUri() {
    InetSocketAddress a = address();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/v1/models/" + settings.modelName());
  }

  public ServerSettings settings() {
    return settings;
  }

  /** Requests being handled now. */
  int inFlight() {
    return inFlight.active();
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /**
   * Drains (new requests get 503; those in flight get the grace period), stops listening, and
   * closes the model. Returns when all that is done; a second call waits for the first.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        awaitQuietly();
        return;
      }
      closing = true;
    }
    try {
      if (!inFlight.drain(settings.shutdownGrace())) {
        LOG.warn("{} requests still running after the {} grace period; stopping anyway", inFlight.active(),
            settings.shutdownGrace());
      }
      http.stop(0);
      executor.shutdown();
      executor.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      http.stop(0);
      executor.shutdownNow();
    } finally {
      deadlines.close();
      // Session.close waits for any run still going.
      model.close();
      closed.countDown();
      LOG.info("stopped serving \"{}\"", settings.modelName());
    }
  }

  private void awaitQuietly() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
