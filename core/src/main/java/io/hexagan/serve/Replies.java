package io.hexagan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes the server's JSON answers: a status and a body, or TF Serving's {@code {"error": "..."}}. */
final class Replies {
  private Replies() {}

  /**
   * Sends the answer and closes the response body. The JDK server then reads what is left of the
   * request body (up to 64 KiB) before it reuses or closes the connection.
   */
  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Sends {@code e}'s error answer (with its {@code Allow} header, if any) and closes the response
   * body. A refused request that carried a body may have left more of it unread than the JDK
   * server drains (64 KiB), in which case the server closes the connection: the answer says {@code
   * Connection: close}, so that no client sends its next request on a connection about to close.
   */
  static void send(HttpExchange exchange, ApiException e) throws IOException {
    if (e.allow() != null) {
      exchange.getResponseHeaders().set("Allow", e.allow());
    }
    if (carriesBody(exchange)) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    send(exchange, e.status(), error(e.getMessage()));
  }

  private static boolean carriesBody(HttpExchange exchange) {
    var h = exchange.getRequestHeaders();
    String length = h.getFirst("Content-Length");
    return h.containsKey("Transfer-Encoding") || (length != null && !length.trim().equals("0"));
  }

  /**
   * Sends {@code e}'s error answer with {@code Connection: close} and flushes it, leaving the
   * response body open: closing it would read the rest of the request body, which is what is not
   * arriving. The caller then cuts the connection.
   */
  static void sendWithoutReadingTheBody(HttpExchange exchange, ApiException e) throws IOException {
    byte[] body = error(e.getMessage());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Connection", "close");
    exchange.sendResponseHeaders(e.status(), body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body);
    out.flush();
  }

  /** TF Serving's error answer. */
  static byte[] error(String message) {
    try {
      return Json.MAPPER.writeValueAsBytes(Map.of("error", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
