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
    return kindOf(value(token));
  }

  /**
   * The number the stripped text {@code token} reads as, parsed once: its finite value, an
   * infinity for an infinite number, or NaN for text that is not a number. {@link #kindOf} of the
   * result is {@link #kind} of the token.
   */
  static double value(String token) {
    double simple = simpleDecimal(token);
    if (!Double.isNaN(simple)) {
      return simple;
    }
    if (isDecimal(token)) {
      return Double.parseDouble(token);
    }
    return isInfinityWord(token) ? Double.POSITIVE_INFINITY : Double.NaN;
  }

  /** Exact powers of ten, 10^0 to 10^22: every one is a double without rounding. */
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  /**
   * The value of a plain decimal of at most 15 digits ({@code -12}, {@code 0.25}, {@code 3.}),
   * or NaN for any other text (an exponent, more digits, no digit): computed as digits ÷ 10^k,
   * where both are exact doubles, so the one rounding gives the double nearest the decimal, which
   * is what {@link Double#parseDouble} gives (the classic fast path of decimal conversion). Most
   * cells of a numeric table take this path.
   */
  private static double simpleDecimal(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long digits = 0;
    int count = 0;
    int fraction = -1;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++count > 15) {
          return Double.NaN;
        }
        digits = digits * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
    return negative ? -value : value;
  }

  /** The kind of a {@link #value}. */
  static Kind kindOf(double value) {
    if (Double.isNaN(value)) {
      return Kind.TEXT;
    }
    return Double.isInfinite(value) ? Kind.INFINITE : Kind.FINITE;
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
