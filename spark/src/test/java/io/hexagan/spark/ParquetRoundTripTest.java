package io.hexagan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.CsvOptions;
import io.hexagan.training.CsvPrediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Typed tables through Parquet: the credit slice with integer columns and an id column, imputed
 * and classified by Spark, written as Parquet and read back.
 */
class ParquetRoundTripTest {

  private static Dataset<Row> typed;
  private static List<List<String>> commandImputed;
  private static List<List<String>> commandClassified;

  @BeforeAll
  static void writeTheSliceAsParquet() throws IOException {
    var spark = SparkFixture.spark();
    Path scratch = SparkFixture.scratch();
    try (CsvPrediction command = CsvPrediction.open(SparkFixture.model(), CsvOptions.DEFAULT)) {
      command.impute(SparkFixture.CREDIT, scratch.resolve("slice-imputed.csv"), rows -> { });
      command.classify(SparkFixture.CREDIT, scratch.resolve("slice-classified.csv"), rows -> { });
    }
    commandImputed = CreditTables.read(scratch.resolve("slice-imputed.csv"));
    commandClassified = CreditTables.read(scratch.resolve("slice-classified.csv"));
    Dataset<Row> inferred = spark.read().option("header", true).option("inferSchema", true)
        .csv(SparkFixture.CREDIT.toString()).coalesce(1).withColumn("id", functions.monotonically_increasing_id());
    String path = scratch.resolve("credit-typed.parquet").toString();
    TableIo.write(inferred, path, TableFormat.PARQUET, SaveMode.Overwrite, ',');
    typed = TableIo.read(spark, path, TableFormat.PARQUET, ',');
  }

  @Test
  void imputedParquetKeepsTypesObservedCellsAndIdsAndRoundsTheCommandsImputationsToIntegers() {
    assertEquals(DataTypes.IntegerType, typed.schema().apply("LIMIT_BAL").dataType());
    SparkModel model = SparkFixture.sparkModel().with(InferenceSettings.DEFAULT.withSeeding(Seeding.SINGLE_MACHINE));
    String path = SparkFixture.scratch().resolve("credit-imputed.parquet").toString();
    TableIo.write(model.impute(typed), path, TableFormat.PARQUET, SaveMode.Overwrite, ',');
    Dataset<Row> back = TableIo.read(SparkFixture.spark(), path, TableFormat.PARQUET, ',');
    assertEquals(typed.schema(), back.schema());
    Map<Long, Row> in = byId(typed);
    Map<Long, Row> out = byId(back);
    assertEquals(2000, out.size());
    List<String> header = commandImputed.get(0);
    for (Map.Entry<Long, Row> e : in.entrySet()) {
      Row before = e.getValue();
      Row after = out.get(e.getKey());
      List<String> command = commandImputed.get((int) (long) e.getKey() + 1);
      for (int c = 0; c < header.size() - 1; c++) {
        Object cell = after.get(c);
        assertFalse(cell == null, "id " + e.getKey() + ", " + header.get(c));
        if (before.get(c) != null) {
          assertEquals(before.get(c), cell);
        } else {
          assertEquals(Math.round(Double.parseDouble(command.get(c))), ((Integer) cell).longValue(),
              "id " + e.getKey() + ", " + header.get(c));
        }
      }
      assertEquals(before.get(header.size() - 1), after.get(header.size() - 1), "label");
    }
  }

  @Test
  void classifiedParquetAddsThePredictionAndProbabilitiesTheCommandWrites() {
    SparkModel model = SparkFixture.sparkModel().with(InferenceSettings.DEFAULT.withSeeding(Seeding.SINGLE_MACHINE));
    String path = SparkFixture.scratch().resolve("credit-classified.parquet").toString();
    TableIo.write(model.classify(typed), path, TableFormat.PARQUET, SaveMode.Overwrite, ',');
    Dataset<Row> back = TableIo.read(SparkFixture.spark(), path, TableFormat.PARQUET, ',');
    assertEquals(DataTypes.StringType, back.schema().apply("predicted_label").dataType());
    assertEquals(DataTypes.DoubleType, back.schema().apply("p_0").dataType());
    List<String> header = commandClassified.get(0);
    int predicted = header.indexOf("predicted_label");
    for (Map.Entry<Long, Row> e : byId(back).entrySet()) {
      List<String> command = commandClassified.get((int) (long) e.getKey() + 1);
      Row row = e.getValue();
      assertEquals(command.get(predicted), row.getAs("predicted_label"), "id " + e.getKey());
      double p0 = row.getAs("p_0");
      double p1 = row.getAs("p_1");
      assertEquals(Double.parseDouble(command.get(predicted + 1)), p0, 0.0, "id " + e.getKey());
      assertEquals(Double.parseDouble(command.get(predicted + 2)), p1, 0.0, "id " + e.getKey());
    }
    assertTrue(back.count() == 2000);
  }

  private static Map<Long, Row> byId(Dataset<Row> table) {
    Map<Long, Row> rows = new HashMap<>();
    for (Row r : table.collectAsList()) {
      rows.put(r.getAs("id"), r);
    }
    return rows;
  }
}
