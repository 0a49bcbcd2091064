package io.hexagan.io;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How CSV files are read and written: the field delimiter and the tokens that mark a missing cell.
 *
 * <p>A cell is missing when its text, with leading and trailing white space removed ({@link
 * String#strip()}), equals one of the markers ignoring case ({@link Locale#ROOT} lower case): with
 * the default markers {@code NA}, {@code na}, {@code  NaN }, {@code NULL} and an empty cell are all
 * missing. Markers are stored stripped and lower-cased.
 *
 * @param missingMarkers the tokens that mark a missing cell
 * @param delimiter the field separator
 */
public record CsvOptions(Set<String> missingMarkers, char delimiter) {

  /** Empty, {@code NA}, {@code N/A}, {@code NaN}, {@code null} and {@code ?}. */
  public static final Set<String> DEFAULT_MARKERS = Set.of("", "NA", "N/A", "NaN", "null", "?");

  /** The default markers and a comma. */
  public static final CsvOptions DEFAULT = new CsvOptions(DEFAULT_MARKERS, ',');

  public CsvOptions {
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
    missingMarkers = Set.copyOf(normalized);
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("delimiter: expected a character other than a quote or line break, found "
          + DataException.quote(String.valueOf(delimiter)));
    }
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
    return missingMarkers.contains(normalize(raw));
  }

  private static String normalize(String token) {
    return token.strip().toLowerCase(Locale.ROOT);
  }
}
