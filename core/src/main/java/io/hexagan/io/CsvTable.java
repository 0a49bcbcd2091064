package io.hexagan.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole CSV file as text: the header and every record, cells unconverted.
 *
 * @param source the file's name as the user gave it, for messages
 * @param header the header cells exactly as read
 * @param rows the data records in file order
 */
public record CsvTable(String source, List<String> header, List<RawRow> rows) {

  public CsvTable {
    if (source == null || header == null || rows == null) {
      throw new IllegalArgumentException("source, header and rows: expected non-null");
    }
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    for (RawRow r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("row " + r.row() + ": expected " + header.size() + " cells, found " + r.size());
      }
    }
  }

  /**
   * A table built in memory, rows numbered as if read from a file with one line per record
   * (first data row = row 2).
   */
  public static CsvTable of(String source, List<String> header, List<List<String>> rows) {
    List<RawRow> numbered = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      numbered.add(new RawRow(i + 2L, i + 2L, rows.get(i)));
    }
    return new CsvTable(source, header, numbered);
  }

  /** The column names: the header cells stripped of surrounding white space. */
  public List<String> names() {
    return header.stream().map(String::strip).toList();
  }

  /** Index of the column named {@code name} (compared with stripped header cells), or -1. */
  public int indexOf(String name) {
    return names().indexOf(name);
  }
}
