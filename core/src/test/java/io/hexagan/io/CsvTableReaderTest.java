package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {

  @TempDir
  Path dir;

  private final CsvTableReader reader = new CsvTableReader(CsvOptions.DEFAULT);

  @Test
  void skipsUtf8ByteOrderMark() {
    byte[] text = "x,y\n1,é\n2,ü\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);

    TrainingTable table = reader.readTraining(Csv.bytes(dir, "bom.csv", withBom), null);

    assertEquals("x", table.schema().columns().get(0).name());
    assertEquals(ColumnKind.NUMERIC, table.schema().columns().get(0).kind());
    assertEquals(List.of("x", "y=é", "y=ü"), table.table().columns());
  }

  @Test
  void readsQuotedDelimitersQuotesAndLineBreaks() {
    Path file = Csv.file(dir, "q.csv", "name,n\r\n\"Smith, J\",1\n\"two\nlines\",2\n\"say \"\"hi\"\"\",3\n");

    CsvTable table = reader.readAll(file);

    assertEquals(List.of("Smith, J", "two\nlines", "say \"hi\""),
        table.rows().stream().map(r -> r.cell(0)).toList());
    assertEquals(List.of(2L, 3L, 4L), table.rows().stream().map(RawRow::row).toList());
    assertEquals(List.of(2L, 3L, 5L), table.rows().stream().map(RawRow::line).toList());
  }

  @Test
  void skipsBlankLinesButReportsEditorLines() {
    Path file = Csv.file(dir, "blank.csv", "a,b\n1,2\n\n\n3,inf\n4,5\n");

    DataException e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
        () -> reader.readTraining(file, null));

    assertEquals(file + ", row 3 (line 5), column 2 \"b\": expected a finite number, found the infinite \"inf\"",
        e.getMessage());
  }

  @Test
  void defaultMarkersAreMissingIgnoringCaseAndSurroundingSpace() {
    Path file = Csv.file(dir, "m.csv", "a,b\n1,x\n,y\nNA,z\n n/a ,x\nnan,y\nNULL,z\n?,x\n8,y\n");

    MaskedTable table = reader.readTraining(file, null).table();

    assertEquals(1.0, table.values()[0][0]);
    for (int r = 1; r <= 6; r++) {
      assertFalse(table.observed(r, 0), "row " + r);
    }
    assertEquals(8.0, table.values()[7][0]);
  }

  @Test
  void customMarkersReplaceTheDefaults() {
    CsvTableReader custom = new CsvTableReader(CsvOptions.DEFAULT.withMissingMarkers(Set.of("", "-999", "missing")));
    Path file = Csv.file(dir, "c.csv", "a,b\n-999,x\n2,MISSING\n3,?\n");

    TrainingTable read = custom.readTraining(file, null);

    assertFalse(read.table().observed(0, 0));
    assertEquals(List.of("?", "x"), read.schema().columns().get(1).categories());
    assertTrue(Double.isNaN(read.table().values()[1][1]) && Double.isNaN(read.table().values()[1][2]));
  }

  @Test
  void customDelimiterReadsDecimalCommasAsText() {
    CsvTableReader semicolons = new CsvTableReader(CsvOptions.DEFAULT.withDelimiter(';'));
    Path file = Csv.file(dir, "s.csv", "a;b\n1;x,y\n2;z\n");

    TrainingTable read = semicolons.readTraining(file, null);

    assertEquals(List.of("x,y", "z"), read.schema().columns().get(1).categories());
  }

  @Test
  void numericColumnsAcceptStrictDecimalsOnly() {
    Path file = Csv.file(dir, "n.csv", "a,b,c\n1.50,007,1e3\n-.5, 2 ,+2.E-4\n3,0x1F,4\n");

    TrainingTable read = reader.readTraining(file, null);

    assertEquals(ColumnKind.NUMERIC, read.schema().columns().get(0).kind());
    assertEquals(ColumnKind.CATEGORICAL, read.schema().columns().get(1).kind(), "0x1F is not a decimal");
    assertEquals(ColumnKind.NUMERIC, read.schema().columns().get(2).kind());
    assertArrayEquals(new double[] {1.5, 1000.0}, new double[] {read.table().values()[0][0], read.table().values()[0][4]});
    assertEquals(-0.5, read.table().values()[1][0]);
    assertEquals(2e-4, read.table().values()[1][4]);
  }

  @Test
  void mostlyTextColumnIsCategoricalWithSortedCategories() {
    Path file = Csv.file(dir, "cat.csv", "color,n\nred,1\nBlue,2\n3,3\nred,4\n");

    TableSchema schema = reader.readTraining(file, null).schema();

    assertEquals(ColumnSpec.categorical("color", List.of("3", "Blue", "red")), schema.columns().get(0));
    assertEquals(ColumnSpec.numeric("n", 1, 4), schema.columns().get(1));
  }

  @Test
  void constantColumnIsAccepted() {
    Path file = Csv.file(dir, "k.csv", "k,v\n5,1\n5,2\n,3\n");

    TrainingTable read = reader.readTraining(file, null);

    assertEquals(ColumnSpec.numeric("k", 5, 5), read.schema().columns().get(0));
  }

  @Test
  void numericLabelsAreOrderedByValueAndMissingLabelsUnlabelled() {
    Path file = Csv.file(dir, "l.csv", "x,y\n1,10\n2,2\n3,\n4,NA\n5,1\n6,2\n");

    TrainingTable read = reader.readTraining(file, "y");

    assertEquals(List.of("1", "2", "10"), read.schema().classes());
    assertEquals("y", read.schema().label());
    assertArrayEquals(new int[] {2, 1, -1, -1, 0, 1}, read.table().labels());
    assertEquals(List.of("x"), read.table().columns());
  }

  @Test
  void textLabelsAreOrderedLexicographicallyAndStripped() {
    Path file = Csv.file(dir, "t.csv", "y,x\nb,1\n a ,2\nB,3\n");

    TrainingTable read = reader.readTraining(file, "y");

    assertEquals(List.of("B", "a", "b"), read.schema().classes());
    assertArrayEquals(new int[] {2, 1, 0}, read.table().labels());
  }

  @Test
  void categoricalCellsAreOneHotAndMissingCellsMissingInEveryFeature() {
    Path file = Csv.file(dir, "oh.csv", "n,color\n1,red\n2,\n3,blue\n");

    MaskedTable table = reader.readTraining(file, null).table();

    assertEquals(List.of("n", "color=blue", "color=red"), table.columns());
    assertArrayEquals(new double[] {1, 0, 1}, table.values()[0]);
    assertArrayEquals(new double[] {2, Double.NaN, Double.NaN}, table.values()[1]);
    assertArrayEquals(new double[] {3, 1, 0}, table.values()[2]);
    assertFalse(table.hasLabels());
  }

  @Test
  void keepsCellTextExactlyAsRead() {
    Path file = Csv.file(dir, "raw.csv", "a,b\n 1.50 ,\"007\"\n1e3,\" x\"\n");

    CsvTable table = reader.readAll(file);

    assertEquals(List.of(" 1.50 ", "007"), table.rows().get(0).cells());
    assertEquals(List.of("1e3", " x"), table.rows().get(1).cells());
  }
}
