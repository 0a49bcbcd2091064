package io.hexagan.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a CSV file all or nothing: rows go to a hidden temporary file in the target's directory,
 * appended as they come (so output of any length needs no memory), and {@link #commit} moves it
 * over the target atomically. Closing without committing deletes the temporary file, so a failure
 * never leaves a partial or stray file and never touches an existing target.
 *
 * <p>Output is UTF-8 without a byte-order mark, one record per line ending in {@code \n}, with
 * Commons CSV's minimal quoting: a cell is quoted only when it must be (delimiter, quote, line
 * break, surrounding spaces), so each cell's text reads back exactly as written.
 */
public final class CsvTableWriter implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(CsvTableWriter.class);

  private final Path target;
  private final Path temporary;
  private final CSVPrinter printer;
  private final int width;
  private long rows;
  private boolean finished;

  private CsvTableWriter(Path target, Path temporary, CSVPrinter printer, int width) {
    this.target = target;
    this.temporary = temporary;
    this.printer = printer;
    this.width = width;
  }

  /** Starts writing {@code target} with {@code header} as its first record. */
  public static CsvTableWriter create(Path target, List<String> header, CsvOptions options) throws IOException {
    if (header.isEmpty()) {
      throw new IllegalArgumentException("header: expected at least 1 column, found 0");
    }
    Path temporary = AtomicFiles.temporaryFor(target);
    CSVPrinter printer = null;
    try {
      BufferedWriter out = new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8), 1 << 16);
      printer = new CSVPrinter(out, CsvRecordStream.format(options));
      printer.printRecord(header);
      return new CsvTableWriter(target, temporary, printer, header.size());
    } catch (IOException | RuntimeException e) {
      if (printer != null) {
        closeQuietly(printer, e);
      }
      AtomicFiles.discard(temporary, e);
      throw e;
    }
  }

  /** Writes all of {@code table} to {@code target} atomically. */
  public static void writeAll(Path target, CsvTable table, CsvOptions options) throws IOException {
    try (CsvTableWriter writer = create(target, table.header(), options)) {
      for (RawRow row : table.rows()) {
        writer.write(row.cells());
      }
      writer.commit();
    }
  }

  /** Appends one record of exactly as many cells as the header. */
  public void write(List<String> cells) throws IOException {
    checkOpen();
    if (cells.size() != width) {
      throw new IllegalArgumentException("cells: expected " + width + " as in the header, found " + cells.size());
    }
    printer.printRecord(cells);
    rows++;
  }

  /** Appends each of {@code records}. */
  public void writeAll(List<List<String>> records) throws IOException {
    for (List<String> cells : records) {
      write(cells);
    }
  }

  /** Records written so far, header excluded. */
  public long rowsWritten() {
    return rows;
  }

  /** Finishes the file and moves it over the target. On failure nothing is left behind. */
  public void commit() throws IOException {
    checkOpen();
    finished = true;
    try {
      printer.close(true);
      AtomicFiles.replace(temporary, target);
    } catch (IOException | RuntimeException e) {
      AtomicFiles.discard(temporary, e);
      throw e;
    }
  }

  /** Without a {@link #commit}, abandons the output: deletes the temporary file. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      printer.close();
    } catch (IOException e) {
      LOG.debug("closing {} after a failure", temporary, e);
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      LOG.warn("cannot delete the temporary file {}", temporary, e);
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException(target + ": expected an open writer, found it committed or closed");
    }
  }

  private static void closeQuietly(CSVPrinter printer, Exception pending) {
    try {
      printer.close();
    } catch (IOException e) {
      pending.addSuppressed(e);
    }
  }
}
