package io.hexagan.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV files: UTF-8 with or without a byte-order mark, a required header row, RFC 4180
 * quoting (quoted fields may hold delimiters, quotes and line breaks), blank lines skipped. Every
 * problem with a file is a {@link DataException} with a one-line message naming the file, the row
 * (header = row 1) and the column.
 *
 * <ul>
 *   <li>{@link #readTraining} reads a whole file, infers its schema (rules in {@link
 *       SchemaInference}) and encodes it;
 *   <li>{@link #open} reads a file against a saved schema in bounded chunks, for inference over
 *       files of any size;
 *   <li>{@link #readAll} reads a whole file as text.
 * </ul>
 */
public final class CsvTableReader {

  /** The default number of records per chunk of {@link #open}. */
  public static final int DEFAULT_CHUNK_ROWS = 16_384;

  private final CsvOptions options;

  public CsvTableReader(CsvOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options: expected CSV options, found null");
    }
    this.options = options;
  }

  public CsvOptions options() {
    return options;
  }

  /** Every record of {@code file} as text. */
  public CsvTable readAll(Path file) {
    try (CsvRecordStream stream = CsvRecordStream.open(file, options)) {
      List<RawRow> rows = new ArrayList<>();
      for (RawRow row = stream.next(); row != null; row = stream.next()) {
        rows.add(row);
      }
      return new CsvTable(stream.source(), stream.header(), rows);
    }
  }

  /**
   * Reads a training file whole, infers its schema and encodes it.
   *
   * @param label the label column's name, or null for a table without a label
   */
  public TrainingTable readTraining(Path file, String label) {
    return training(readAll(file), label);
  }

  /** Infers the schema of {@code raw} and encodes it, as {@link #readTraining} does for a file. */
  public TrainingTable training(CsvTable raw, String label) {
    TableSchema schema = SchemaInference.infer(raw, label, options);
    MaskedTable table = new TableEncoder(schema, options).encode(raw);
    return new TrainingTable(schema, table, raw);
  }

  /**
   * Opens {@code file} for reading against {@code schema} in chunks of at most {@code chunkRows}
   * records. Its columns may come in any order; the label column may be absent.
   *
   * @throws DataException when the file cannot be read, or for a missing, extra or duplicate column
   */
  public CsvChunkReader open(Path file, TableSchema schema, int chunkRows) {
    return CsvChunkReader.open(file, new TableEncoder(schema, options), chunkRows);
  }
}
