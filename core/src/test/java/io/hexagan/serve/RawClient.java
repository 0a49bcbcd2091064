package io.hexagan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, for what a client library does not let a test do:
 * send part of a request, stall, trickle, or abandon it. Every read waits at most the timeout
 * given.
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawClient(int port, Duration timeout) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** An answer read off the socket. */
  record Answer(int status, Map<String, String> headers, String body) {
    /** The message of a TF Serving {@code {"error": "..."}} answer. */
    String error() {
      JsonNode json;
      try {
        json = ServeClient.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
      JsonNode e = json.get("error");
      if (e == null || !e.isTextual() || json.size() != 1) {
        throw new AssertionError("not an error answer: " + body);
      }
      return e.asText();
    }

    /** A header's value (names in lower case), or "". */
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  /** The request line and headers of a request with a body of {@code contentLength} bytes, ending the headers. */
  static String head(String method, String path, long contentLength, String... headerLines) {
    StringBuilder s = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if (contentLength >= 0) {
      s.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    for (String line : headerLines) {
      s.append(line).append("\r\n");
    }
    return s.append("\r\n").toString();
  }

  /** Writes and flushes; false when the server has closed the connection. */
  boolean send(byte[] bytes, int from, int to) {
    try {
      out.write(bytes, from, to - from);
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  boolean send(byte[] bytes) {
    return send(bytes, 0, bytes.length);
  }

  boolean send(String ascii) {
    return send(ascii.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads one answer: status line, headers, and a body of its {@code Content-Length}.
   *
   * @throws IOException when the connection ends or the timeout passes first
   */
  Answer read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ")) {
      throw new IOException("not a status line: " + status);
    }
    Map<String, String> headers = new TreeMap<>();
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("the answer's body ended after " + body.length + " of " + length + " bytes");
    }
    return new Answer(Integer.parseInt(status.substring(9, 12)), headers, new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Whether the server closes the connection within the timeout, sending nothing (more): true on
   * end of stream or a reset, false when the timeout passes first.
   *
   * @throws AssertionError when bytes arrive
   */
  boolean closedByServer() throws IOException {
    try {
      int b = in.read();
      if (b >= 0) {
        throw new AssertionError("the server sent bytes: " + (char) b + new String(in.readNBytes(in.available()),
            StandardCharsets.UTF_8));
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection ended" + (s.size() > 0 ? " after " + s : ""));
      }
      if (b != '\r') {
        s.write(b);
      }
    }
    return s.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
