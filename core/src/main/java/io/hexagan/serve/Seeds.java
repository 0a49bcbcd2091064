package io.hexagan.serve;

/**
 * The {@value ModelServer#SEED_HEADER} request header: a non-negative integer that makes a
 * predict answer a function of the request and this seed (the noise of missing cells and of
 * generated rows drawn from it, as {@code HexaGanModel}'s methods with that seed draw it for up to
 * 16,384 rows). Without it every request draws fresh noise, as under TF Serving.
 */
final class Seeds {
  private Seeds() {}

  /** The serving graph's seed input for the header's value, or null without the header. */
  static long[] fromHeader(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seed = Long.parseLong(header.trim());
      if (seed < 0) {
        throw ApiException.badRequest(ModelServer.SEED_HEADER + ": expected a non-negative integer, found " + header);
      }
      return new long[] {seed, 0};
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(ModelServer.SEED_HEADER + ": expected a non-negative integer, found " + header);
    }
  }
}
