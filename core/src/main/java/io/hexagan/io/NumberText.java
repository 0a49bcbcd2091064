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
    String text = Double.toString(v);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
      return withoutTrailingZeros(text);
    }
    return new BigDecimal(text).stripTrailingZeros().toPlainString();
  }

  /**
   * The double nearest the shortest decimal that identifies float {@code f} (the digits of {@link
   * Float#toString(float)}): how hexagan turns a network's float32 output into a value, so that no
   * digit beyond a float's precision reaches an output file.
   */
  public static double nearestDecimal(float f) {
    return Double.parseDouble(Float.toString(f));
  }

  /**
   * {@code format(nearestDecimal(f))} for a finite {@code f}, without the double: for magnitudes
   * from 1e-3 to below 1e7 the digits of {@link Float#toString(float)} with trailing zeros
   * removed, which is the same text for every such float (checked for all of them when this was
   * written; {@code NumberTextTest} samples it), at a third of the cost; otherwise through the
   * double.
   */
  public static String format(float f) {
    float magnitude = Math.abs(f);
    if (magnitude >= 1e-3f && magnitude < 1e7f) {
      return withoutTrailingZeros(Float.toString(f));
    }
    return format(nearestDecimal(f));
  }

  /**
   * {@code plain}, a number in plain notation with a decimal point, without the zeros that end its
   * fraction and without the point when nothing is left after it: what {@code new
   * BigDecimal(plain).stripTrailingZeros().toPlainString()} gives, without the BigDecimal.
   */
  private static String withoutTrailingZeros(String plain) {
    int end = plain.length();
    while (plain.charAt(end - 1) == '0') {
      end--;
    }
    if (plain.charAt(end - 1) == '.') {
      end--;
    }
    return end == plain.length() ? plain : plain.substring(0, end);
  }
}
