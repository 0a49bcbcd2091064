package io.hexagan.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hexagan.savedmodel.ServingModel;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request of the server: routes the path, reads a predict body within the size
 * limit and the body timeout, runs the signature, writes the answer, and turns every client
 * mistake into TF Serving's {@code {"error": "..."}} with its status (400, 404, 405, 408, 413; 503
 * while shutting down). A failure of the server itself is a 500, logged. When the connection
 * fails (or the body deadline has cut it), the {@code IOException} leaves {@link #handle}, so that
 * the JDK server closes the connection and forgets it.
 */
final class ApiHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final String modelName;
  private final long maxBodyBytes;
  private final InFlight inFlight;
  private final BodyDeadlines deadlines;
  private final PredictRequestReader reader;
  private final InputRules rules;
  private final Predictor predictor;
  private final byte[] status;
  private final byte[] metadata;

  ApiHandler(String modelName, ServingModel model, long maxBodyBytes, InFlight inFlight, BodyDeadlines deadlines) {
    this.modelName = modelName;
    this.maxBodyBytes = maxBodyBytes;
    this.inFlight = inFlight;
    this.deadlines = deadlines;
    this.reader = new PredictRequestReader(model.signatures());
    this.rules = new InputRules(model.classes());
    this.predictor = new Predictor(model);
    this.status = ModelInfoJson.status();
    this.metadata = ModelInfoJson.metadata(modelName, model.signatures());
  }

  /** An answer: status and JSON body. */
  private record Reply(int status, byte[] body) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (BodyDeadline deadline = deadlines.start(exchange)) {
      try {
        respond(exchange, deadline);
      } finally {
        deadline.settle();
        // Closing reads what is left of the body (up to 64 KiB): the deadline cuts that too.
        exchange.close();
      }
    } catch (IOException e) {
      LOG.debug("{} {}: the connection failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
      throw e;
    }
  }

  private void respond(HttpExchange exchange, BodyDeadline deadline) throws IOException {
    if (!inFlight.enter()) {
      deadline.answering();
      Replies.send(exchange, ApiException.unavailable("the server is shutting down"));
      return;
    }
    try {
      Reply reply = answer(exchange, deadline);
      deadline.answering();
      Replies.send(exchange, reply.status(), reply.body());
    } catch (ApiException e) {
      deadline.answering();
      Replies.send(exchange, e);
    } catch (RuntimeException e) {
      LOG.error("{} {}: failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      deadline.answering();
      Replies.send(exchange, 500, Replies.error("internal error: " + e));
    } finally {
      inFlight.exit();
    }
  }

  private Reply answer(HttpExchange exchange, BodyDeadline deadline) throws IOException {
    String path = exchange.getRequestURI().getPath();
    ApiPath api = ApiPath.parse(path);
    String method = exchange.getRequestMethod();
    if (!method.equals(api.endpoint().method())) {
      throw ApiException.methodNotAllowed(method, path, api.endpoint().method());
    }
    if (!api.model().equals(modelName)) {
      throw ApiException.notFound("Servable not found for request: " + api.servable() + "; this server serves \""
          + modelName + "\"");
    }
    if (api.version() != null && !api.version().equals(ModelInfoJson.VERSION)) {
      throw ApiException.notFound("Servable not found for request: " + api.servable() + "; the only version is "
          + ModelInfoJson.VERSION);
    }
    return switch (api.endpoint()) {
      case STATUS -> new Reply(200, status);
      case METADATA -> new Reply(200, metadata);
      case VERB -> predict(exchange, api.verb(), deadline);
    };
  }

  private Reply predict(HttpExchange exchange, String verb, BodyDeadline deadline) throws IOException {
    if (verb.equals("classify") || verb.equals("regress")) {
      throw ApiException.badRequest(":" + verb + " takes tf.Example inputs and a " + verb + " signature; this model's "
          + "signatures have method name tensorflow/serving/predict: use :predict");
    }
    if (!verb.equals("predict")) {
      throw ApiException.notFound("no such verb :" + verb + "; use :predict");
    }
    long[] seed = Seeds.fromHeader(exchange.getRequestHeaders().getFirst(ModelServer.SEED_HEADER));
    long declared = BoundedBody.declaredLength(exchange.getRequestHeaders().getFirst("Content-Length"));
    byte[] body = BoundedBody.read(exchange.getRequestBody(), declared, maxBodyBytes);
    deadline.received();
    PredictRequest request = reader.read(body);
    rules.check(request.inputs());
    Map<String, HostTensor> outputs = predictor.predict(request.signature(), request.inputs(), seed);
    return new Reply(200, PredictResponseWriter.write(outputs, request.format()));
  }
}
