package io.hexagan.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Records of a CSV file read one at a time: UTF-8, a leading byte-order mark skipped, bytes that are
 * not UTF-8 an error naming their cell; a required header of distinct non-empty names; every record
 * as wide as the header. Blank lines are skipped. Parsing is Commons CSV's (RFC 4180 quoting).
 */
final class CsvRecordStream implements Closeable {

  private static final char REPLACEMENT = '\uFFFD';

  private final String source;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final long headerLine;
  private long lastRow;

  private CsvRecordStream(String source, CSVParser parser) {
    this.source = source;
    this.parser = parser;
    this.records = parser.iterator();
    if (!hasNextRecord()) {
      throw DataException.inFile(source, "empty file: expected a header row of column names");
    }
    CSVRecord first = nextRecord();
    String[] names = first.values();
    this.header = List.of(names);
    this.headerLine = Math.max(1, parser.getCurrentLineNumber() - RawRow.lineBreaks(names));
    this.lastRow = 1;
    checkText(1, headerLine, header);
    checkNames();
  }

  /** Opens {@code file} and reads its header. */
  static CsvRecordStream open(Path file, CsvOptions options) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw DataException.inFile(source, "expected a CSV file, found a directory");
    }
    CSVParser parser;
    try {
      BOMInputStream in = BOMInputStream.builder().setPath(file).get();
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      parser = format(options).parse(new InputStreamReader(in, utf8));
    } catch (NoSuchFileException e) {
      throw DataException.inFile(source, "file not found", e);
    } catch (AccessDeniedException e) {
      throw DataException.inFile(source, "cannot read the file: permission denied", e);
    } catch (IOException e) {
      throw DataException.inFile(source, "cannot read the file: " + e.getMessage(), e);
    }
    try {
      return new CsvRecordStream(source, parser);
    } catch (RuntimeException e) {
      closeQuietly(parser, e);
      throw e;
    }
  }

  /** The Commons CSV format for reading and writing with {@code options}. */
  static CSVFormat format(CsvOptions options) {
    return CSVFormat.RFC4180.builder()
        .setDelimiter(options.delimiter())
        .setIgnoreEmptyLines(true)
        .setRecordSeparator("\n")
        .get();
  }

  String source() {
    return source;
  }

  /** The header cells exactly as read. */
  List<String> header() {
    return header;
  }

  /** The line on which the header starts. */
  long headerLine() {
    return headerLine;
  }

  /** The next record, or null at the end of the file. */
  RawRow next() {
    if (!hasNextRecord()) {
      return null;
    }
    CSVRecord record = nextRecord();
    long row = record.getRecordNumber();
    RawRow read = RawRow.parsed(row, parser.getCurrentLineNumber(), record.values());
    lastRow = row;
    if (record.size() != header.size()) {
      int column = Math.min(record.size(), header.size()) + 1;
      String name = column <= header.size() ? header.get(column - 1).strip() : null;
      throw DataException.atCell(source, row, read.line(), column, name, "expected " + header.size()
          + " fields as in the header, found " + record.size());
    }
    for (int c = 0; c < read.size(); c++) {
      if (read.cell(c).indexOf(REPLACEMENT) >= 0) {
        throw notUtf8(row, read.line(), c);
      }
    }
    return read;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot close the file", e);
    }
  }

  private boolean hasNextRecord() {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      throw readError(e);
    }
  }

  private CSVRecord nextRecord() {
    try {
      return records.next();
    } catch (UncheckedIOException e) {
      throw readError(e);
    }
  }

  private DataException readError(UncheckedIOException e) {
    return DataException.inRow(source, lastRow + 1, 0, "malformed CSV: " + e.getCause().getMessage(), e);
  }

  private void checkText(long row, long line, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      if (cells.get(c).indexOf(REPLACEMENT) >= 0) {
        throw notUtf8(row, line, c);
      }
    }
  }

  private DataException notUtf8(long row, long line, int c) {
    String name = row > 1 && c < header.size() ? header.get(c).strip() : null;
    return DataException.atCell(source, row, line, c + 1, name,
        "expected UTF-8 text, found bytes that are not UTF-8 (or the replacement character U+FFFD)");
  }

  private void checkNames() {
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c).strip();
      if (name.isEmpty()) {
        throw DataException.atCell(source, 1, headerLine, c + 1, null, "expected a column name, found an empty header cell");
      }
      Integer first = seen.putIfAbsent(name, c + 1);
      if (first != null) {
        throw DataException.atCell(source, 1, headerLine, c + 1, name, "duplicate column name, already column " + first);
      }
    }
  }

  private static void closeQuietly(CSVParser parser, RuntimeException pending) {
    try {
      parser.close();
    } catch (IOException e) {
      pending.addSuppressed(e);
    }
  }
}
