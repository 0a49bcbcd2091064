package io.hexagan.io;

/**
 * A training file read whole: its inferred schema, the encoded table for the engine, and the
 * file's text.
 *
 * @param schema the schema to save with the model
 * @param table the encoded features and labels
 * @param raw the file's header and records as read
 */
public record TrainingTable(TableSchema schema, MaskedTable table, CsvTable raw) {

  public TrainingTable {
    if (schema == null || table == null || raw == null) {
      throw new IllegalArgumentException("schema, table and raw: expected non-null");
    }
    if (table.rows() != raw.rows().size()) {
      throw new IllegalArgumentException("table: expected " + raw.rows().size() + " rows, found " + table.rows());
    }
  }
}
