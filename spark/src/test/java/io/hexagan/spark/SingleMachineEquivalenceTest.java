package io.hexagan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.CsvOptions;
import io.hexagan.training.CsvPrediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark's impute and classify against the single-machine path ({@code CsvPrediction}, what {@code
 * hexagan impute} and {@code hexagan classify} run) on 20,000 credit rows: two of the command's
 * chunks, read by Spark as several partitions that split them.
 */
class SingleMachineEquivalenceTest {

  private static Path input;
  private static List<List<String>> commandImputed;
  private static List<List<String>> commandClassified;
  private static Dataset<Row> table;

  @BeforeAll
  static void runTheCommand() throws IOException {
    Path scratch = SparkFixture.scratch();
    input = CreditTables.repeated(10, 0.1, 5, scratch.resolve("credit-20000.csv"));
    try (CsvPrediction command = CsvPrediction.open(SparkFixture.model(), CsvOptions.DEFAULT)) {
      command.impute(input, scratch.resolve("command-imputed.csv"), rows -> { });
      command.classify(input, scratch.resolve("command-classified.csv"), rows -> { });
    }
    commandImputed = CreditTables.read(scratch.resolve("command-imputed.csv"));
    commandClassified = CreditTables.read(scratch.resolve("command-classified.csv"));
    table = TableIo.read(SparkFixture.spark(), input.toString(), TableFormat.CSV, ',');
  }

  @Test
  void theTableSpansTwoCommandChunksAndSeveralPartitions() {
    assertEquals(20_001, commandImputed.size());
    assertTrue(commandImputed.size() - 1 > CsvPrediction.CHUNK_ROWS);
    assertTrue(table.javaRDD().getNumPartitions() >= 4, "partitions: " + table.javaRDD().getNumPartitions());
  }

  @Test
  void imputedRowsEqualTheSingleMachineCommandsRowByRow() {
    SparkModel model = SparkFixture.sparkModel().with(InferenceSettings.DEFAULT.withSeeding(Seeding.SINGLE_MACHINE));
    List<List<String>> spark = text(model.impute(table).collectAsList());
    List<List<String>> expected = commandImputed.subList(1, commandImputed.size());
    assertEquals(expected.size(), spark.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), spark.get(i), "row " + (i + 2));
    }
  }

  @Test
  void classifiedRowsEqualTheSingleMachineCommandsRowByRow() {
    SparkModel model = SparkFixture.sparkModel().with(InferenceSettings.DEFAULT.withSeeding(Seeding.SINGLE_MACHINE));
    Dataset<Row> classified = model.classify(table);
    assertEquals(commandClassified.get(0), List.of(classified.columns()));
    List<Row> rows = classified.collectAsList();
    assertEquals(commandClassified.size() - 1, rows.size());
    int inputColumns = table.columns().length;
    for (int i = 0; i < rows.size(); i++) {
      List<String> expected = commandClassified.get(i + 1);
      Row row = rows.get(i);
      for (int c = 0; c <= inputColumns; c++) {
        assertEquals(expected.get(c), SparkCells.text(row.get(c)), "row " + (i + 2) + ", column " + (c + 1));
      }
      for (int c = inputColumns + 1; c < expected.size(); c++) {
        assertEquals(Double.parseDouble(expected.get(c)), row.getDouble(c), 0.0, "row " + (i + 2) + ", column " + (c + 1));
      }
    }
  }

  @Test
  void perPartitionNoiseKeepsObservedCellsClassifiesCompleteRowsAsTheCommandAndRepeatsItself() {
    SparkModel model = SparkFixture.sparkModel().with(InferenceSettings.DEFAULT.withBatchRows(1000));
    List<List<String>> first = text(model.impute(table).collectAsList());
    assertEquals(first, text(model.impute(table).collectAsList()), "the same partitioning gives the same rows");
    List<List<String>> in = text(table.collectAsList());
    List<List<String>> single = commandImputed.subList(1, commandImputed.size());
    int differing = 0;
    for (int i = 0; i < in.size(); i++) {
      for (int c = 0; c < in.get(i).size(); c++) {
        String raw = in.get(i).get(c);
        boolean label = c == in.get(i).size() - 1;
        if (!raw.isEmpty() || label) {
          assertEquals(raw, first.get(i).get(c), "observed cell, row " + (i + 2) + ", column " + (c + 1));
        } else {
          assertFalse(first.get(i).get(c).isEmpty(), "imputed cell, row " + (i + 2) + ", column " + (c + 1));
          differing += first.get(i).get(c).equals(single.get(i).get(c)) ? 0 : 1;
        }
      }
    }
    assertNotEquals(0, differing, "other noise than the command's fills some cells differently");

    List<Row> classified = model.classify(table).collectAsList();
    int complete = 0;
    int inputColumns = table.columns().length;
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).subList(0, inputColumns - 1).stream().noneMatch(String::isEmpty)) {
        complete++;
        List<String> expected = commandClassified.get(i + 1);
        for (int c = inputColumns + 1; c < expected.size(); c++) {
          assertEquals(Double.parseDouble(expected.get(c)), classified.get(i).getDouble(c), 1e-6,
              "complete row " + (i + 2) + ", column " + (c + 1));
        }
      }
    }
    assertTrue(complete > 10, "complete rows: " + complete);
  }

  private static List<List<String>> text(List<Row> rows) {
    List<List<String>> out = new ArrayList<>();
    for (Row row : rows) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        cells.add(SparkCells.text(row.get(c)));
      }
      out.add(cells);
    }
    return out;
  }
}
