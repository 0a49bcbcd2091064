package io.hexagan.io;

import java.util.List;

/**
 * A run of consecutive records of a file read against a schema: the records' text, for verbatim
 * output, and their encoding, for the engine.
 *
 * @param source the file's name as the user gave it
 * @param binding the file's columns in terms of the schema
 * @param rows the records as read, in file order
 * @param table the encoded rows, row i of {@code table} being {@code rows.get(i)}
 */
public record CsvChunk(String source, HeaderBinding binding, List<RawRow> rows, MaskedTable table) {

  public CsvChunk {
    rows = List.copyOf(rows);
    if (table.rows() != rows.size()) {
      throw new IllegalArgumentException("table: expected " + rows.size() + " rows, found " + table.rows());
    }
  }

  public int size() {
    return rows.size();
  }
}
