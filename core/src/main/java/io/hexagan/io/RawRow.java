package io.hexagan.io;

import java.util.List;

/**
 * One CSV record exactly as read: the text of each cell, unstripped and unconverted, so that
 * observed cells can be written back byte for byte.
 *
 * @param row the 1-based row number, counting the header as row 1
 * @param line the 1-based line on which the record starts, as an editor shows it
 * @param cells the cell texts, one per header column
 */
public record RawRow(long row, long line, List<String> cells) {

  public RawRow {
    if (row < 1 || line < row) {
      throw new IllegalArgumentException("row, line: expected 1 ≤ row ≤ line, found " + row + ", " + line);
    }
    cells = List.copyOf(cells);
  }

  /** The text of cell {@code c} (0-based). */
  public String cell(int c) {
    return cells.get(c);
  }

  public int size() {
    return cells.size();
  }
}
