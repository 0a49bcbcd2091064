package io.hexagan.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
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

  /** Characters gathered before they go to the file. */
  private static final int FLUSH_CHARS = 1 << 16;

  private final Path target;
  private final Path temporary;
  private final Writer out;
  private final CSVFormat format;
  private final StringBuilder pending;
  private final CSVPrinter printer;
  private final int width;
  private long rows;
  private boolean finished;

  private CsvTableWriter(Path target, Path temporary, Writer out, CSVFormat format, StringBuilder pending,
      CSVPrinter printer, int width) {
    this.target = target;
    this.temporary = temporary;
    this.out = out;
    this.format = format;
    this.pending = pending;
    this.printer = printer;
    this.width = width;
  }

  /** Starts writing {@code target} with {@code header} as its first record. */
  public static CsvTableWriter create(Path target, List<String> header, CsvOptions options) throws IOException {
    if (header.isEmpty()) {
      throw new IllegalArgumentException("header: expected at least 1 column, found 0");
    }
    Path temporary = AtomicFiles.temporaryFor(target);
    Writer out = null;
    try {
      out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8),
          FLUSH_CHARS);
      // The printer formats into a buffer, not into the Writer: a Writer takes a lock per call,
      // and a record is dozens of calls.
      StringBuilder pending = new StringBuilder(2 * FLUSH_CHARS);
      CSVFormat format = CsvRecordStream.format(options);
      CSVPrinter printer = new CSVPrinter(pending, format);
      printer.printRecord(header);
      return new CsvTableWriter(target, temporary, out, format, pending, printer, header.size());
    } catch (IOException | RuntimeException e) {
      if (out != null) {
        closeQuietly(out, e);
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

  /**
   * Records formatted as {@link #write(List)} writes them, to be appended later with {@link
   * #write(Block)}: lets other threads do the formatting while one thread writes in order.
   */
  public static final class Block {
    private final String text;
    private final int rows;

    private Block(String text, int rows) {
      this.text = text;
      this.rows = rows;
    }

    /** The number of records in the block. */
    public int rows() {
      return rows;
    }
  }

  /**
   * {@code records} formatted for this file, each of exactly as many cells as the header. Writes
   * nothing; safe to call from any thread.
   */
  public Block format(List<List<String>> records) throws IOException {
    // A format of its own: CSVFormat's print methods synchronize on the format, and two threads
    // sharing one would take turns. CSVFormat.printRecord prints exactly what CSVPrinter.printRecord
    // prints, at twice its speed.
    CSVFormat blockFormat = format.builder().get();
    StringBuilder text = new StringBuilder(records.size() * 8 * width);
    for (List<String> cells : records) {
      checkWidth(cells);
      blockFormat.printRecord(text, cells.toArray());
    }
    return new Block(text.toString(), records.size());
  }

  /** Appends the records of {@code block}, formatted by this writer's {@link #format}. */
  public void write(Block block) throws IOException {
    checkOpen();
    drain();
    out.write(block.text);
    rows += block.rows;
  }

  /** Appends one record of exactly as many cells as the header. */
  public void write(List<String> cells) throws IOException {
    checkOpen();
    checkWidth(cells);
    printer.printRecord(cells);
    rows++;
    if (pending.length() >= FLUSH_CHARS) {
      drain();
    }
  }

  private void drain() throws IOException {
    out.append(pending);
    pending.setLength(0);
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
      drain();
      out.close();
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
      out.close();
    } catch (IOException e) {
      LOG.debug("closing {} after a failure", temporary, e);
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      LOG.warn("cannot delete the temporary file {}", temporary, e);
    }
  }

  private void checkWidth(List<String> cells) {
    if (cells.size() != width) {
      throw new IllegalArgumentException("cells: expected " + width + " as in the header, found " + cells.size());
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException(target + ": expected an open writer, found it committed or closed");
    }
  }

  private static void closeQuietly(Writer out, Exception pending) {
    try {
      out.close();
    } catch (IOException e) {
      pending.addSuppressed(e);
    }
  }
}
