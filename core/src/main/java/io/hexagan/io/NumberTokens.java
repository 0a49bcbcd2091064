package io.hexagan.io;

/**
 * Strict recognition of decimal numbers in cell text. A number is, after stripping white space,
 * an optional sign, digits with an optional fraction (or a fraction alone) and an optional
 * exponent: {@code 12}, {@code -1.50}, {@code .5}, {@code 1e3}, {@code +2.E-4}. Rejected, unlike
 * {@link Double#parseDouble}: hexadecimal, {@code NaN}, the {@code d}/{@code f} suffixes, and
 * decimal commas such as {@code 12,5}. {@code inf}, {@code Infinity} (any case, optional sign) and
 * numbers too large for a double such as {@code 1e999} are recognised as infinite.
 */
final class NumberTokens {

  /** What a stripped cell text is. */
  enum Kind {
    FINITE, INFINITE, TEXT
  }

  private NumberTokens() {
  }

  /** The kind of the stripped text {@code token}. */
  static Kind kind(String token) {
    if (isDecimal(token)) {
      return Double.isFinite(Double.parseDouble(token)) ? Kind.FINITE : Kind.INFINITE;
    }
    return isInfinityWord(token) ? Kind.INFINITE : Kind.TEXT;
  }

  /** The value of a stripped token of kind {@link Kind#FINITE}, or NaN for any other token. */
  static double finiteValue(String token) {
    if (!isDecimal(token)) {
      return Double.NaN;
    }
    double v = Double.parseDouble(token);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  private static boolean isInfinityWord(String token) {
    String t = token.startsWith("+") || token.startsWith("-") ? token.substring(1) : token;
    return t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity");
  }

  private static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
