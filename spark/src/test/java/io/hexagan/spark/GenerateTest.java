package io.hexagan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Rows of each class generated as a distributed Dataset. */
class GenerateTest {

  @Test
  void nRowsOfEachClassSpreadOverPartitionsTypedAsTheSchemaSays() {
    Dataset<Row> rows = SparkFixture.sparkModel().generate(20_000, 3);
    assertEquals(3, rows.javaRDD().getNumPartitions());
    assertEquals(DataTypes.DoubleType, rows.schema().apply("LIMIT_BAL").dataType());
    assertEquals(DataTypes.StringType, rows.schema().apply("label").dataType());
    assertEquals(24, rows.columns().length);
    List<Row> counts = rows.groupBy("label").count().orderBy("label").collectAsList();
    assertEquals(2, counts.size());
    assertEquals("0", counts.get(0).getString(0));
    assertEquals(20_000L, counts.get(0).getLong(1));
    assertEquals(20_000L, counts.get(1).getLong(1));
    Row stats = rows.selectExpr("count(DISTINCT LIMIT_BAL)", "min(AGE)", "max(AGE)").first();
    assertTrue(stats.getLong(0) > 1000, "distinct LIMIT_BAL values: " + stats.getLong(0));
    assertTrue(stats.getDouble(1) > 0 && stats.getDouble(2) < 200, "AGE from " + stats.getDouble(1) + " to " + stats.getDouble(2));
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    SparkModel model = SparkFixture.sparkModel();
    List<Row> a = model.with(InferenceSettings.DEFAULT.withSeed(3L)).generate(Map.of("1", 50L), 2).collectAsList();
    List<Row> b = model.with(InferenceSettings.DEFAULT.withSeed(3L)).generate(Map.of("1", 50L), 2).collectAsList();
    List<Row> c = model.with(InferenceSettings.DEFAULT.withSeed(4L)).generate(Map.of("1", 50L), 2).collectAsList();
    assertEquals(50, a.size());
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertTrue(a.stream().allMatch(r -> r.getString(23).equals("1")));
  }

  @Test
  void anUnknownClassIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkFixture.sparkModel().generate(Map.of("maybe", 5L), 1));
    assertEquals("class: expected one of [0, 1], found maybe", e.getMessage());
  }
}
