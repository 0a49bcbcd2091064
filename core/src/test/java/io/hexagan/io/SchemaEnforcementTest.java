package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an inference file against a saved schema. */
class SchemaEnforcementTest {

  @TempDir
  Path dir;

  private static final TableSchema SCHEMA = TableSchema.of(
      List.of(ColumnSpec.numeric("age", 18, 90), ColumnSpec.categorical("color", List.of("blue", "red"))),
      "y", List.of("no", "yes"));

  private final CsvTableReader reader = new CsvTableReader(CsvOptions.DEFAULT);

  private List<CsvChunk> readAll(Path file) {
    try (CsvChunkReader chunks = reader.open(file, SCHEMA, 100)) {
      List<CsvChunk> out = new java.util.ArrayList<>();
      chunks.forEachRemaining(out::add);
      return out;
    }
  }

  private DataException reject(String text) {
    Path file = Csv.file(dir, "in.csv", text);
    DataException e = assertThrows(DataException.class, () -> readAll(file));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e;
  }

  private String file() {
    return dir.resolve("in.csv").toString();
  }

  @Test
  void labelColumnMayBeAbsent() {
    List<CsvChunk> chunks = readAll(Csv.file(dir, "in.csv", "age,color\n20,red\n,blue\n"));

    MaskedTable table = chunks.get(0).table();
    assertFalse(table.hasLabels());
    assertEquals(List.of("age", "color=blue", "color=red"), table.columns());
    assertArrayEquals(new double[] {Double.NaN, 1, 0}, table.values()[1]);
  }

  @Test
  void columnsMayComeInAnyOrderWithTheLabel() {
    List<CsvChunk> chunks = readAll(Csv.file(dir, "in.csv", "color,y,age\nred,yes,30\nblue,,40\n"));

    CsvChunk chunk = chunks.get(0);
    assertArrayEquals(new double[] {30, 0, 1}, chunk.table().values()[0]);
    assertArrayEquals(new int[] {1, -1}, chunk.table().labels());
    assertEquals(1, chunk.binding().labelPosition());
    assertEquals(2, chunk.binding().positionOf(0));
  }

  @Test
  void valuesOutsideTheTrainingRangeAreAccepted() {
    CsvChunk chunk = readAll(Csv.file(dir, "in.csv", "age,color\n120,red\n")).get(0);

    assertEquals(120.0, chunk.table().values()[0][0]);
  }

  @Test
  void missingColumn() {
    assertEquals(file() + ", row 1, column \"color\": missing column; expected the columns age, color"
        + " and optionally the label y", reject("age\n20\n").getMessage());
  }

  @Test
  void extraColumn() {
    assertEquals(file() + ", row 1, column 3 \"height\": column not in the model's schema; expected the columns"
        + " age, color and optionally the label y", reject("age,color,height\n20,red,180\n").getMessage());
  }

  @Test
  void unseenCategory() {
    assertEquals(file() + ", row 3, column 2 \"color\": unseen category \"purple\"; expected one of \"blue\", \"red\"",
        reject("age,color\n20,red\n21,purple\n").getMessage());
  }

  @Test
  void nonNumericTokenInNumericColumn() {
    DataException e = reject("age,color\n20,red\n\"2,5\",blue\n");
    assertEquals(file() + ", row 3, column 1 \"age\": expected a number (numeric column), found \"2,5\"", e.getMessage());
    assertEquals(3, e.row());
    assertEquals(1, e.column());
  }

  @Test
  void infiniteNumber() {
    assertEquals(file() + ", row 2, column 1 \"age\": expected a finite number, found the infinite \"Infinity\"",
        reject("age,color\nInfinity,red\n").getMessage());
  }

  @Test
  void unknownClassInPresentLabel() {
    assertEquals(file() + ", row 2, column 3 \"y\": unknown class \"maybe\"; expected one of \"no\", \"yes\"",
        reject("age,color,y\n20,red,maybe\n").getMessage());
  }

  @Test
  void duplicateColumn() {
    assertTrue(reject("age,color,age\n1,red,2\n").getMessage()
        .startsWith(file() + ", row 1, column 3 \"age\": duplicate column name"));
  }

  @Test
  void headerOnlyGivesNoChunks() {
    assertTrue(readAll(Csv.file(dir, "in.csv", "age,color\n")).isEmpty());
  }

  @Test
  void emptyFileIsAnError() {
    assertEquals(file() + ": empty file: expected a header row of column names", reject("").getMessage());
  }
}
