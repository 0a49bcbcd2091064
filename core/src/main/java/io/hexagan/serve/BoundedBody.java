package io.hexagan.serve;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body into memory, never more than a limit. */
final class BoundedBody {
  private BoundedBody() {}

  /**
   * Reads the body.
   *
   * @param declaredLength the {@code Content-Length}, or -1 for a body of unknown length (chunked)
   * @throws ApiException 413 when the declared length exceeds {@code limit} (nothing is read) or
   *     when a body of unknown length grows past it (reading stops at {@code limit + 1} bytes)
   */
  static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
    if (declaredLength > limit) {
      throw ApiException.payloadTooLarge(limit);
    }
    if (declaredLength >= 0) {
      byte[] body = in.readNBytes((int) declaredLength);
      if (body.length < declaredLength) {
        throw ApiException.badRequest("request body ended after " + body.length + " of its " + declaredLength + " bytes");
      }
      return body;
    }
    byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    if (body.length > limit) {
      throw ApiException.payloadTooLarge(limit);
    }
    return body;
  }

  /** The {@code Content-Length} header's value, -1 when absent. */
  static long declaredLength(String header) {
    if (header == null) {
      return -1;
    }
    try {
      long n = Long.parseLong(header.trim());
      if (n < 0) {
        throw ApiException.badRequest("Content-Length: expected a non-negative number, found " + header);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Content-Length: expected a number, found " + header);
    }
  }
}
