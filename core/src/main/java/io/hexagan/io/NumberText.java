package io.hexagan.io;

import java.math.BigDecimal;

/**
 * Text of a number written to a CSV file: the shortest decimal that {@link Double#toString}
 * guarantees to read back as the same double, without trailing zeros and in plain notation for
 * magnitudes from 1e-7 to below 1e21 ({@code 3}, {@code 0.25}, {@code -1234.5}), in scientific
 * notation otherwise ({@code 1.0E-9}). Zero of either sign is written {@code 0}.
 */
public final class NumberText {

  private NumberText() {
  }

  /** The text of the finite number {@code v}. */
  public static String format(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("value: expected a finite number, found " + v);
    }
    if (v == 0) {
      return "0";
    }
    double magnitude = Math.abs(v);
    if (magnitude < 1e-7 || magnitude >= 1e21) {
      return Double.toString(v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
