package io.hexagan.io;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A CSV file read against a schema in chunks of at most {@code chunkRows} records, so that files of
 * any length are processed in bounded memory. The header is checked against the schema when the
 * reader opens; each chunk is parsed and encoded only when asked for, so an error in a late row
 * surfaces only when its chunk is reached. Close the reader.
 *
 * <p>{@link #next} parses and encodes a chunk; a pipeline that encodes on other threads calls
 * {@link #nextRecords} (parsing, on the reading thread) and then {@link #encode} (thread-safe)
 * instead, with the same result.
 */
public final class CsvChunkReader implements Iterator<CsvChunk>, Closeable {

  private final CsvRecordStream stream;
  private final TableEncoder encoder;
  private final HeaderBinding binding;
  private final int chunkRows;
  private RawRow pending;
  private boolean done;

  private CsvChunkReader(CsvRecordStream stream, TableEncoder encoder, int chunkRows) {
    this.stream = stream;
    this.encoder = encoder;
    this.chunkRows = chunkRows;
    this.binding = HeaderBinding.bind(encoder.schema(), stream.source(), stream.header(), stream.headerLine());
  }

  /**
   * Opens {@code file} and checks its header against the encoder's schema.
   *
   * @throws DataException when the file cannot be read or its columns do not match the schema
   */
  static CsvChunkReader open(Path file, TableEncoder encoder, int chunkRows) {
    if (chunkRows < 1) {
      throw new IllegalArgumentException("chunkRows: expected ≥ 1, found " + chunkRows);
    }
    CsvRecordStream stream = CsvRecordStream.open(file, encoder.options());
    try {
      return new CsvChunkReader(stream, encoder, chunkRows);
    } catch (RuntimeException e) {
      try {
        stream.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** The file's header cells exactly as read. */
  public List<String> header() {
    return stream.header();
  }

  /** The file's columns in terms of the schema. */
  public HeaderBinding binding() {
    return binding;
  }

  public String source() {
    return stream.source();
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !done) {
      pending = stream.next();
      done = pending == null;
    }
    return pending != null;
  }

  /**
   * The next chunk: between 1 and {@code chunkRows} records.
   *
   * @throws DataException for a malformed record or a cell the schema rejects
   */
  @Override
  public CsvChunk next() {
    return encode(nextRecords());
  }

  /**
   * The records of the next chunk, parsed but not encoded: between 1 and {@code chunkRows}.
   *
   * @throws DataException for a malformed record
   */
  public List<RawRow> nextRecords() {
    if (!hasNext()) {
      throw new NoSuchElementException(source() + ": no more rows");
    }
    List<RawRow> rows = new ArrayList<>(Math.min(chunkRows, 4096));
    rows.add(pending);
    pending = null;
    while (rows.size() < chunkRows) {
      RawRow row = stream.next();
      if (row == null) {
        done = true;
        break;
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * {@code records}, read by {@link #nextRecords}, as a chunk: their encoding beside their text.
   * Safe to call from any thread, while this reader goes on reading.
   *
   * @throws DataException for a cell the schema rejects
   */
  public CsvChunk encode(List<RawRow> records) {
    return new CsvChunk(source(), binding, records, encoder.encode(source(), binding, records));
  }

  @Override
  public void close() {
    stream.close();
  }
}
