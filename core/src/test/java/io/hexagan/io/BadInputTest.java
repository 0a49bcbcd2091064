package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad training input is one {@link DataException} with a one-line message. */
class BadInputTest {

  @TempDir
  Path dir;

  private final CsvTableReader reader = new CsvTableReader(CsvOptions.DEFAULT);

  private DataException reject(String text, String label) {
    Path file = Csv.file(dir, "data.csv", text);
    return reject(file, label);
  }

  private DataException reject(Path file, String label) {
    DataException e = assertThrows(DataException.class, () -> reader.readTraining(file, label));
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
    return e;
  }

  private String file() {
    return dir.resolve("data.csv").toString();
  }

  @Test
  void missingFile() {
    DataException e = reject(dir.resolve("absent.csv"), null);
    assertEquals(dir.resolve("absent.csv") + ": file not found", e.getMessage());
  }

  @Test
  void directoryInsteadOfFile() {
    DataException e = reject(dir, null);
    assertEquals(dir + ": expected a CSV file, found a directory", e.getMessage());
  }

  @Test
  void emptyFile() {
    assertEquals(file() + ": empty file: expected a header row of column names", reject("", null).getMessage());
  }

  @Test
  void blankLinesOnly() {
    assertEquals(file() + ": empty file: expected a header row of column names", reject("\n\n\n", null).getMessage());
  }

  @Test
  void headerOnly() {
    assertEquals(file() + ": expected data rows after the header, found the header only",
        reject("a,b\n", null).getMessage());
  }

  @Test
  void oneDataRow() {
    DataException e = reject("a,b\n1,2\n", null);
    assertEquals(file() + ", row 2: expected at least 2 data rows to learn from, found 1", e.getMessage());
    assertEquals(2, e.row());
  }

  @Test
  void rowWithTooManyFields() {
    DataException e = reject("a,b\n1,2\n3,4,5\n6,7\n", null);
    assertEquals(file() + ", row 3, column 3: expected 2 fields as in the header, found 3", e.getMessage());
    assertEquals(3, e.row());
    assertEquals(3, e.column());
  }

  @Test
  void rowWithTooFewFields() {
    DataException e = reject("a,b,c\n1,2,3\n4,5\n", null);
    assertEquals(file() + ", row 3, column 3 \"c\": expected 3 fields as in the header, found 2", e.getMessage());
  }

  @Test
  void raggedRowAfterMultiLineFieldNamesItsEditorLine() {
    DataException e = reject("a,b\n\"x\ny\",1\nz,2,3\n", null);
    assertEquals(file() + ", row 3 (line 4), column 3: expected 2 fields as in the header, found 3", e.getMessage());
  }

  @Test
  void strayWordInNumericColumn() {
    StringBuilder text = new StringBuilder("a,b\n");
    for (int i = 0; i < 30; i++) {
      text.append(i).append(',').append(i == 11 ? "abc" : String.valueOf(i * 0.5)).append('\n');
    }
    DataException e = reject(text.toString(), null);
    assertEquals(file() + ", row 13, column 2 \"b\": expected a number as in 96% of this column's cells, found \"abc\""
        + " (if it marks a missing cell, add it to the missing markers)", e.getMessage());
  }

  @Test
  void decimalCommaInNumericColumn() {
    StringBuilder text = new StringBuilder("a,b\n");
    for (int i = 0; i < 25; i++) {
      text.append(i).append(',').append(i == 20 ? "\"12,5\"" : "1.5").append('\n');
    }
    DataException e = reject(text.toString(), null);
    assertTrue(e.getMessage().startsWith(file() + ", row 22, column 2 \"b\": expected a number as in 96%"), e.getMessage());
    assertTrue(e.getMessage().contains("found \"12,5\""), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inf", "-inf", "Infinity", "-Infinity", "+INF", "1e999", "-1e400"})
  void infiniteValue(String token) {
    DataException e = reject("a,b\n1,2\n3," + token + "\n5,6\n", null);
    assertEquals(file() + ", row 3, column 2 \"b\": expected a finite number, found the infinite \"" + token + "\"",
        e.getMessage());
  }

  @Test
  void allMissingColumnIsRejected() {
    DataException e = reject("a,b\n1,\n2,NA\n3,?\n", null);
    assertEquals(file() + ", column 2 \"b\": every cell is missing; nothing can be learned from this column (remove it)",
        e.getMessage());
    assertEquals(0, e.row());
    assertEquals(2, e.column());
  }

  @Test
  void labelWithOneClass() {
    DataException e = reject("x,y\n1,a\n2,\n3, a\n", "y");
    assertEquals(file() + ", column 2 \"y\": expected at least 2 classes in the label column, found 1 (\"a\")",
        e.getMessage());
  }

  @Test
  void labelWithNoClass() {
    DataException e = reject("x,y\n1,\n2,NA\n", "y");
    assertEquals(file() + ", column 2 \"y\": expected at least 2 classes in the label column, found 0", e.getMessage());
  }

  @Test
  void duplicateColumnNames() {
    DataException e = reject("a,b, a\n1,2,3\n4,5,6\n", null);
    assertEquals(file() + ", row 1, column 3 \"a\": duplicate column name, already column 1", e.getMessage());
  }

  @Test
  void emptyColumnName() {
    DataException e = reject("a,,c\n1,2,3\n4,5,6\n", null);
    assertEquals(file() + ", row 1, column 2: expected a column name, found an empty header cell", e.getMessage());
  }

  @Test
  void labelNamingNoColumn() {
    DataException e = reject("a,b\n1,2\n3,4\n", "class");
    assertEquals(file() + ", row 1: label column \"class\" names no column; the columns are a, b", e.getMessage());
  }

  @Test
  void labelAsTheOnlyColumn() {
    DataException e = reject("y\na\nb\n", "y");
    assertEquals(file() + ", row 1, column 1 \"y\": expected at least one feature column besides the label,"
        + " found only the label", e.getMessage());
  }

  @Test
  void unterminatedQuote() {
    DataException e = reject("a,b\n1,2\n3,\"oops\n4,5\n", null);
    assertTrue(e.getMessage().startsWith(file() + ", row 3: malformed CSV: "), e.getMessage());
  }

  @Test
  void invalidUtf8() {
    byte[] bytes = {'a', ',', 'b', '\n', '1', ',', (byte) 0xC3, (byte) 0x28, '\n', '2', ',', 'x', '\n'};
    DataException e = reject(Csv.bytes(dir, "data.csv", bytes), null);
    assertEquals(file() + ", row 2, column 2 \"b\": expected UTF-8 text, found bytes that are not UTF-8"
        + " (or the replacement character U+FFFD)", e.getMessage());
  }
}
