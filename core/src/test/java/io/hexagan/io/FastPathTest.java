package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of reading and writing cells give exactly what their plain definitions give:
 * number parsing ({@link Double#parseDouble}), the missing-cell test (strip, lower-case, set
 * lookup) and the text of a network's float output.
 */
class FastPathTest {

  @Test
  void simpleDecimalsParseToTheSameDoubleAsParseDouble() {
    SplittableRandom r = new SplittableRandom(11);
    String[] fixed = {"0", "-0", "+0", "0.0", "-0.0", ".5", "5.", "-.25", "+3.", "123456789012345",
        "999999999999999", "0.000000000000001", "1234567.89012345", "-98765.4321", "00012.500"};
    for (String token : fixed) {
      assertSameDouble(token);
    }
    for (int i = 0; i < 200_000; i++) {
      int digits = 1 + r.nextInt(17); // up to 17 digits: the fast path takes 15, the rest fall back
      StringBuilder s = new StringBuilder(r.nextInt(4) == 0 ? "-" : r.nextInt(8) == 0 ? "+" : "");
      int point = r.nextInt(digits + 2) - 1; // -1: no point
      for (int k = 0; k < digits; k++) {
        if (k == point) {
          s.append('.');
        }
        s.append((char) ('0' + r.nextInt(10)));
      }
      if (point == digits) {
        s.append('.');
      }
      assertSameDouble(s.toString());
    }
  }

  private static void assertSameDouble(String token) {
    double expected = Double.parseDouble(token);
    double found = NumberTokens.value(token);
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(found), token);
  }

  @Test
  void tokensThatAreNotSimpleDecimalsStillReadAsBefore() {
    assertEquals(1e3, NumberTokens.value("1e3"));
    assertEquals(1234567890123456789.0, NumberTokens.value("1234567890123456789"));
    assertEquals(Double.POSITIVE_INFINITY, NumberTokens.value("1e999"));
    assertEquals(Double.POSITIVE_INFINITY, NumberTokens.value("-inf")); // infinite; the sign is not kept
    assertEquals(NumberTokens.Kind.TEXT, NumberTokens.kind("."));
    assertEquals(NumberTokens.Kind.TEXT, NumberTokens.kind("1.2.3"));
    assertEquals(NumberTokens.Kind.TEXT, NumberTokens.kind("-"));
    assertEquals(NumberTokens.Kind.TEXT, NumberTokens.kind("0x10"));
    assertEquals(NumberTokens.Kind.TEXT, NumberTokens.kind("12,5"));
  }

  @Test
  void missingTestMatchesStripLowerCaseAndLookUp() {
    Set<String> markers = Set.of("", "NA", "N/A", "NaN", "null", "?", "Ünknown", "-");
    CsvOptions options = new CsvOptions(markers, ',');
    Set<String> normalized = options.missingMarkers();
    String alphabet = "nNaA/?uUlL-Ün0129.e \t\u00a0\u2003xX";
    SplittableRandom r = new SplittableRandom(5);
    String[] fixed = {"", " ", "\t", "na", " NA ", "N/a", "nan", "NULL", "?", "??", "-", " - ", "-1", "ünknown",
        "\u2003NA\u2003", "\u00a0NA", "null ", "nul", "nulls"};
    for (String cell : fixed) {
      assertEquals(normalized.contains(cell.strip().toLowerCase(Locale.ROOT)), options.isMissing(cell), "[" + cell + "]");
    }
    for (int i = 0; i < 200_000; i++) {
      StringBuilder cell = new StringBuilder();
      int length = r.nextInt(7);
      for (int k = 0; k < length; k++) {
        cell.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = cell.toString();
      assertEquals(normalized.contains(text.strip().toLowerCase(Locale.ROOT)), options.isMissing(text), "[" + text + "]");
    }
  }

  @Test
  void floatTextIsTheTextOfItsNearestDecimal() {
    SplittableRandom r = new SplittableRandom(3);
    float[] fixed = {0f, -0f, 1e-3f, -1e-3f, Math.nextDown(1e-3f), 1e7f, Math.nextDown(1e7f), 0.1f, 1f / 3, 120000f,
        Float.MIN_VALUE, Float.MAX_VALUE, 3.4e-8f, 2.5e21f};
    for (float f : fixed) {
      assertEquals(NumberText.format(NumberText.nearestDecimal(f)), NumberText.format(f), Float.toString(f));
    }
    for (int i = 0; i < 500_000; i++) {
      float f = i % 2 == 0 ? Float.intBitsToFloat(r.nextInt())
          : (float) ((r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(-5, 9)));
      if (Float.isFinite(f)) {
        assertEquals(NumberText.format(NumberText.nearestDecimal(f)), NumberText.format(f), Float.toString(f));
      }
    }
  }

  @Test
  void doubleTextWithoutBigDecimalMatchesTheBigDecimalDefinition() {
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 200_000; i++) {
      double v = (r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(-4, 8));
      if (i % 3 == 0) {
        v = Math.rint(v * 100) / 100; // short decimals, trailing zeros likely
      }
      double m = Math.abs(v);
      String expected = v == 0 ? "0" : m < 1e-7 || m >= 1e21 ? Double.toString(v)
          : new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
      assertEquals(expected, NumberText.format(v), Double.toString(v));
    }
  }
}
