package io.hexagan.io;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How CSV files are read and written: the field delimiter and the tokens that mark a missing cell.
 *
 * <p>A cell is missing when its text, with leading and trailing white space removed ({@link
 * String#strip()}), equals one of the markers ignoring case (character by character, as {@link
 * String#equalsIgnoreCase} compares): with the default markers {@code NA}, {@code na}, {@code  NaN
 * }, {@code NULL} and an empty cell are all missing. Markers are stored stripped and lower-cased
 * ({@link Locale#ROOT}). The test allocates nothing: it runs on every cell of every file read.
 *
 */
public final class CsvOptions {

  /** Empty, {@code NA}, {@code N/A}, {@code NaN}, {@code null} and {@code ?}. */
  public static final Set<String> DEFAULT_MARKERS = Set.of("", "NA", "N/A", "NaN", "null", "?");

  /** The default markers and a comma. */
  public static final CsvOptions DEFAULT = new CsvOptions(DEFAULT_MARKERS, ',');

  private final Set<String> missingMarkers;
  private final char delimiter;
  /** The markers, for a loop without an iterator. */
  private final String[] markers;
  /** {@code startsMarker[c]}: whether some marker's first character equals ASCII {@code c} ignoring case. */
  private final boolean[] startsMarker = new boolean[128];
  private final boolean emptyIsMissing;

  /**
   * @param missingMarkers the tokens that mark a missing cell
   * @param delimiter the field separator
   */
  public CsvOptions(Set<String> missingMarkers, char delimiter) {
    if (missingMarkers == null) {
      throw new IllegalArgumentException("missingMarkers: expected a set, found null");
    }
    Set<String> normalized = new LinkedHashSet<>();
    for (String marker : missingMarkers) {
      if (marker == null) {
        throw new IllegalArgumentException("missingMarkers: expected strings, found null");
      }
      normalized.add(normalize(marker));
    }
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("delimiter: expected a character other than a quote or line break, found "
          + DataException.quote(String.valueOf(delimiter)));
    }
    this.missingMarkers = Set.copyOf(normalized);
    this.delimiter = delimiter;
    this.markers = normalized.toArray(String[]::new);
    boolean empty = false;
    for (String marker : markers) {
      if (marker.isEmpty()) {
        empty = true;
        continue;
      }
      char first = marker.charAt(0);
      for (char c : new char[] {first, Character.toUpperCase(first), Character.toLowerCase(first)}) {
        if (c < 128) {
          startsMarker[c] = true;
        }
      }
    }
    this.emptyIsMissing = empty;
  }

  /** The tokens that mark a missing cell, stripped and lower-cased. */
  public Set<String> missingMarkers() {
    return missingMarkers;
  }

  /** The field separator. */
  public char delimiter() {
    return delimiter;
  }

  /** These options with {@code markers} as the missing markers. */
  public CsvOptions withMissingMarkers(Set<String> markers) {
    return new CsvOptions(markers, delimiter);
  }

  /** These options with {@code separator} as the field delimiter. */
  public CsvOptions withDelimiter(char separator) {
    return new CsvOptions(missingMarkers, separator);
  }

  /** Whether the cell text {@code raw} marks a missing cell. */
  public boolean isMissing(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && Character.isWhitespace(raw.codePointAt(start))) {
      start += Character.charCount(raw.codePointAt(start));
    }
    while (end > start && Character.isWhitespace(raw.codePointBefore(end))) {
      end -= Character.charCount(raw.codePointBefore(end));
    }
    int length = end - start;
    if (length == 0) {
      return emptyIsMissing;
    }
    char first = raw.charAt(start);
    if (first < 128 && !startsMarker[first]) {
      return false; // most cells: a number or a word no marker starts like
    }
    for (String marker : markers) {
      if (marker.length() == length && raw.regionMatches(true, start, marker, 0, length)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CsvOptions o && o.delimiter == delimiter && o.missingMarkers.equals(missingMarkers);
  }

  @Override
  public int hashCode() {
    return 31 * missingMarkers.hashCode() + delimiter;
  }

  @Override
  public String toString() {
    return "CsvOptions[missingMarkers=" + missingMarkers + ", delimiter=" + delimiter + "]";
  }

  private static String normalize(String token) {
    return token.strip().toLowerCase(Locale.ROOT);
  }
}
