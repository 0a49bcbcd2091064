package io.hexagan.io;

/**
 * Bad input data: a CSV or schema file that cannot be used, with a one-line message naming the
 * file and, where they apply, the row and the column.
 *
 * <p>Rows are numbered as a user counts CSV records: the header is row 1, the first data row is
 * row 2. Blank lines are not rows. When a row does not start on the line of the same number (blank
 * lines above it, or quoted fields spanning several lines), the message also gives the line an
 * editor shows, e.g. {@code data.csv, row 4 (line 7), column 2 "age": ...}. Columns are numbered
 * from 1 and named by their header where they have one.
 *
 * <p>The message never contains a line break: offending values are quoted with line breaks
 * escaped and long values shortened.
 */
public final class DataException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED = 60;

  private final String source;
  private final long row;
  private final int column;

  private DataException(String source, long row, int column, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.row = row;
    this.column = column;
  }

  /** An error about a whole file. */
  public static DataException inFile(String source, String detail) {
    return new DataException(source, 0, 0, source + ": " + oneLine(detail), null);
  }

  /** An error about a whole file, caused by {@code cause}. */
  public static DataException inFile(String source, String detail, Throwable cause) {
    return new DataException(source, 0, 0, source + ": " + oneLine(detail), cause);
  }

  /** An error about a whole column (row 0 = no particular row). */
  public static DataException inColumn(String source, int column, String name, String detail) {
    return new DataException(source, 0, column,
        source + ", " + columnText(column, name) + ": " + oneLine(detail), null);
  }

  /** An error about a row as a whole (column 0 = no particular column). */
  public static DataException inRow(String source, long row, long line, String detail) {
    return inRow(source, row, line, detail, null);
  }

  /** An error about a row as a whole, caused by {@code cause}. */
  public static DataException inRow(String source, long row, long line, String detail, Throwable cause) {
    return new DataException(source, row, 0, source + ", " + rowText(row, line) + ": " + oneLine(detail), cause);
  }

  /** An error about row {@code row}'s cell in column {@code column} (1-based), named {@code name}. */
  public static DataException atCell(String source, long row, long line, int column, String name, String detail) {
    return new DataException(source, row, column,
        source + ", " + rowText(row, line) + ", " + columnText(column, name) + ": " + oneLine(detail), null);
  }

  /** The file the error is about, as the user named it. */
  public String source() {
    return source;
  }

  /** The 1-based row (header = row 1), or 0 when the error is not about one row. */
  public long row() {
    return row;
  }

  /** The 1-based column, or 0 when the error is not about one column. */
  public int column() {
    return column;
  }

  /**
   * {@code value} quoted for a message: in double quotes, line breaks and tabs escaped, cut to 60
   * characters.
   */
  public static String quote(String value) {
    String v = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "…" : value;
    return '"' + v.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
        .replace("\"", "\\\"") + '"';
  }

  private static String rowText(long row, long line) {
    return line > 0 && line != row ? "row " + row + " (line " + line + ")" : "row " + row;
  }

  private static String columnText(int column, String name) {
    if (name == null) {
      return "column " + column;
    }
    return column > 0 ? "column " + column + " " + quote(name) : "column " + quote(name);
  }

  private static String oneLine(String detail) {
    return detail.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
  }
}
