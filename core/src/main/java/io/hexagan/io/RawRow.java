package io.hexagan.io;

import java.util.Arrays;
import java.util.List;

/**
 * One CSV record exactly as read: the text of each cell, unstripped and unconverted, so that
 * observed cells can be written back byte for byte. Immutable.
 */
public final class RawRow {

  private final long row;
  /** The line number, or -1 when it is worked out from {@link #lastLine} on demand. */
  private final long line;
  private final long lastLine;
  private final String[] cells;

  /**
   * @param row the 1-based row number, counting the header as row 1
   * @param line the 1-based line on which the record starts, as an editor shows it
   * @param cells the cell texts, one per header column
   */
  public RawRow(long row, long line, List<String> cells) {
    this(row, line, 0, cells.toArray(String[]::new));
    if (row < 1 || line < row) {
      throw new IllegalArgumentException("row, line: expected 1 ≤ row ≤ line, found " + row + ", " + line);
    }
  }

  private RawRow(long row, long line, long lastLine, String[] cells) {
    for (String cell : cells) {
      if (cell == null) {
        throw new IllegalArgumentException("cells: expected text, found null");
      }
    }
    this.row = row;
    this.line = line;
    this.lastLine = lastLine;
    this.cells = cells;
  }

  /**
   * A record as the parser hands it over, taking {@code cells} without a copy: {@code lastLine}
   * is the parser's line count after the record, and the line the record starts on is found from
   * it and the line breaks inside the cells only when asked for (it is needed for error messages
   * only, and reading stays cheaper without it).
   */
  static RawRow parsed(long row, long lastLine, String[] cells) {
    if (row < 1) {
      throw new IllegalArgumentException("row: expected ≥ 1, found " + row);
    }
    return new RawRow(row, -1, lastLine, cells);
  }

  /** The 1-based row number, counting the header as row 1. */
  public long row() {
    return row;
  }

  /** The 1-based line on which the record starts, as an editor shows it. */
  public long line() {
    return line >= 0 ? line : Math.max(row, lastLine - lineBreaks(cells));
  }

  /** The cell texts, one per header column (an unmodifiable view). */
  public List<String> cells() {
    return List.of(cells);
  }

  /** The text of cell {@code c} (0-based). */
  public String cell(int c) {
    return cells[c];
  }

  public int size() {
    return cells.length;
  }

  /** Line breaks inside quoted cells: CR LF, CR or LF each count as one. */
  static long lineBreaks(String[] cells) {
    long breaks = 0;
    for (String value : cells) {
      if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
        continue;
      }
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        if (ch == '\n' || (ch == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
          breaks++;
        }
      }
    }
    return breaks;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawRow o && o.row == row && o.line() == line() && Arrays.equals(o.cells, cells);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(row) + Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    return "RawRow[row=" + row + ", line=" + line() + ", cells=" + Arrays.toString(cells) + "]";
  }
}
