package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableEncoderTest {

  private static final TableSchema SCHEMA = TableSchema.of(List.of(
      ColumnSpec.categorical("color", List.of("blue", "green", "red")),
      ColumnSpec.numeric("size", 0, 10),
      ColumnSpec.categorical("shape", List.of("round", "square"))), "y", List.of("a", "b"));

  private final TableEncoder encoder = new TableEncoder(SCHEMA, CsvOptions.DEFAULT);

  @Test
  void featureNamesFollowColumnsAndCategories() {
    assertEquals(List.of("color=blue", "color=green", "color=red", "size", "shape=round", "shape=square"),
        encoder.featureNames());
    assertEquals(6, SCHEMA.featureCount());
    assertEquals(3, encoder.offset(1));
    assertEquals(4, encoder.offset(2));
  }

  @Test
  void encodesOneHotGroupsNumbersAndLabels() {
    CsvTable table = CsvTable.of("t.csv", List.of("color", "size", "shape", "y"), List.of(
        List.of("green", "2.5", "square", "b"),
        List.of("", "NA", " round ", ""),
        List.of("red", "10", "?", "a")));

    MaskedTable encoded = encoder.encode(table);

    assertEquals(encoder.featureNames(), encoded.columns());
    assertEquals(List.of("a", "b"), encoded.classes());
    assertArrayEquals(new double[] {0, 1, 0, 2.5, 0, 1}, encoded.values()[0]);
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 0}, encoded.values()[1]);
    assertArrayEquals(new double[] {0, 0, 1, 10, Double.NaN, Double.NaN}, encoded.values()[2]);
    assertArrayEquals(new int[] {1, -1, 0}, encoded.labels());
  }

  @Test
  void decodesEachGroupToItsLargestValue() {
    double[] imputed = {0.2, 0.7, 0.1, 3.25, 0.49, 0.51};

    List<CellValue> cells = encoder.decode(imputed);

    assertEquals(List.of(new CellValue.Category("green"), new CellValue.Numeric(3.25), new CellValue.Category("square")),
        cells);
    assertEquals(List.of("green", "3.25", "square"), cells.stream().map(CellValue::text).toList());
  }

  @Test
  void decodeBreaksTiesTowardsTheFirstCategory() {
    assertEquals(new CellValue.Category("blue"), encoder.decode(0, new double[] {0.4, 0.4, 0.2, 0, 0, 1}));
    assertEquals(new CellValue.Category("red"), encoder.decode(0, new double[] {0.1, 0.2, 0.9, 0, 0, 1}));
  }

  @Test
  void encodeThenDecodeGivesBackTheCells() {
    CsvTable table = CsvTable.of("t.csv", List.of("color", "size", "shape", "y"), List.of(
        List.of("blue", "7", "round", "a"), List.of("red", "0.125", "square", "b")));

    MaskedTable encoded = encoder.encode(table);

    assertEquals(List.of("blue", "7", "round"), encoder.decode(encoded.values()[0]).stream().map(CellValue::text).toList());
    assertEquals(List.of("red", "0.125", "square"),
        encoder.decode(encoded.values()[1]).stream().map(CellValue::text).toList());
  }

  @Test
  void decodeRejectsAWrongWidthOrAnUnimputedRow() {
    assertThrows(IllegalArgumentException.class, () -> encoder.decode(new double[5]));
    assertThrows(IllegalArgumentException.class, () -> encoder.decode(1, new double[] {0, 0, 1, Double.NaN, 0, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> encoder.decode(0, new double[] {Double.NaN, Double.NaN, Double.NaN, 1, 0, 1}));
  }

  @Test
  void numberTextIsShortestRoundTrip() {
    double[] values = {3, 0.25, -1234.5, 0.1 + 0.2, 1e-9, 1.5e22, 123456789012345.6, 1e-7, Math.PI};
    List<String> expected = List.of("3", "0.25", "-1234.5", "0.30000000000000004", "1.0E-9", "1.5E22",
        "123456789012345.6", "0.0000001", "3.141592653589793");
    for (int i = 0; i < values.length; i++) {
      String text = NumberText.format(values[i]);
      assertEquals(expected.get(i), text);
      assertEquals(values[i], Double.parseDouble(text));
      assertEquals(NumberTokens.Kind.FINITE, NumberTokens.kind(text), "our own output reads back as a number");
    }
    assertEquals("0", NumberText.format(-0.0));
  }
}
