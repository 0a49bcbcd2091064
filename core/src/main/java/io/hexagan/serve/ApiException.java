package io.hexagan.serve;

import java.time.Duration;

/**
 * A request the server refuses: the HTTP status and the message of TF Serving's {@code {"error":
 * "..."}} answer.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int BAD_REQUEST = 400;
  static final int NOT_FOUND = 404;
  static final int METHOD_NOT_ALLOWED = 405;
  static final int REQUEST_TIMEOUT = 408;
  static final int PAYLOAD_TOO_LARGE = 413;
  static final int UNAVAILABLE = 503;

  private final int status;
  private final String allow;

  private ApiException(int status, String message, String allow) {
    super(message);
    this.status = status;
    this.allow = allow;
  }

  static ApiException badRequest(String message) {
    return new ApiException(BAD_REQUEST, message, null);
  }

  static ApiException notFound(String message) {
    return new ApiException(NOT_FOUND, message, null);
  }

  /** 405, with the method the path does accept (the {@code Allow} header). */
  static ApiException methodNotAllowed(String method, String path, String allow) {
    return new ApiException(METHOD_NOT_ALLOWED, method + " " + path + ": method not allowed; use " + allow, allow);
  }

  /** 408: the body did not arrive whole within {@code timeout}. */
  static ApiException requestTimeout(Duration timeout) {
    return new ApiException(REQUEST_TIMEOUT, "request body not received within the server's body timeout of "
        + text(timeout), null);
  }

  static ApiException payloadTooLarge(long limit) {
    return new ApiException(PAYLOAD_TOO_LARGE, "request body larger than the server's limit of " + limit + " bytes", null);
  }

  static ApiException unavailable(String message) {
    return new ApiException(UNAVAILABLE, message, null);
  }

  /** {@code 30 s}, or {@code 250 ms} for a duration of no whole seconds. */
  static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  int status() {
    return status;
  }

  /** The {@code Allow} header of a 405, else null. */
  String allow() {
    return allow;
  }
}
