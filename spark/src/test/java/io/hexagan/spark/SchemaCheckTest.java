package io.hexagan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.ColumnSpec;
import io.hexagan.io.TableSchema;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The model's schema against a DataFrame's columns, before any task runs. */
class SchemaCheckTest {

  private static final TableSchema SCHEMA = TableSchema.of(
      List.of(ColumnSpec.numeric("age", 18, 90), ColumnSpec.categorical("city", List.of("Oslo", "Rome")),
          ColumnSpec.numeric("income", 0, 1e6)),
      "default", List.of("no", "yes"));

  @Test
  void columnsInAnyOrderWithExtraColumnsAndNoLabelAreBoundByName() {
    StructType input = new StructType().add("id", DataTypes.LongType).add("income", DataTypes.DoubleType)
        .add("city", DataTypes.StringType).add("age", DataTypes.IntegerType);
    ColumnBinding binding = SchemaCheck.bind(SCHEMA, input, "m", List.of());
    assertEquals(3, binding.field(0));
    assertEquals(2, binding.field(1));
    assertEquals(1, binding.field(2));
    assertFalse(binding.hasLabel());
    assertEquals(List.of("age", "city", "income"), binding.header(SCHEMA));
  }

  @Test
  void theLabelIsBoundWhenPresent() {
    StructType input = new StructType().add("age", DataTypes.StringType).add("city", DataTypes.StringType)
        .add("income", DataTypes.StringType).add("default", DataTypes.IntegerType);
    ColumnBinding binding = SchemaCheck.bind(SCHEMA, input, "m", List.of());
    assertEquals(3, binding.labelField());
    assertEquals(List.of("age", "city", "income", "default"), binding.header(SCHEMA));
  }

  @Test
  void missingColumnsAreNamedWithWhatTheModelExpects() {
    StructType input = new StructType().add("age", DataTypes.StringType).add("salary", DataTypes.StringType);
    SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
        () -> SchemaCheck.bind(SCHEMA, input, "models/credit", List.of()));
    assertTrue(e.getMessage().startsWith("the DataFrame does not fit the schema of model models/credit: missing columns \"city\", \"income\""),
        e.getMessage());
    assertTrue(e.getMessage().contains("The model expects the columns \"age\", \"city\", \"income\" and optionally the label \"default\""),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("the DataFrame has \"age\", \"salary\""), e.getMessage());
  }

  @Test
  void typesThatCannotHoldTheColumnAreRefused() {
    StructType input = new StructType().add("age", DataTypes.DateType).add("city", DataTypes.DoubleType)
        .add("income", DataTypes.createDecimalType(12, 2)).add("default", DataTypes.DoubleType);
    String message = assertThrows(SchemaMismatchException.class, () -> SchemaCheck.bind(SCHEMA, input, "m", List.of()))
        .getMessage();
    assertTrue(message.contains("column \"age\" is date; the model's column is numeric (expected a number type or string)"), message);
    assertTrue(message.contains("column \"city\" is double; the model's column is categorical (expected string or boolean)"), message);
    assertTrue(message.contains("label column \"default\" is double; expected string, an integer type or boolean"), message);
    assertFalse(message.contains("\"income\" is"), message);
  }

  @Test
  void duplicateColumnsAndColumnsTheOutputAddsAreRefused() {
    StructType input = new StructType().add("age", DataTypes.StringType).add("city", DataTypes.StringType)
        .add("income", DataTypes.StringType).add(" age ", DataTypes.StringType).add("p_yes", DataTypes.DoubleType);
    String message = assertThrows(SchemaMismatchException.class,
        () -> SchemaCheck.bind(SCHEMA, input, "m", new ClassifyTask().addedColumns(SCHEMA))).getMessage();
    assertTrue(message.contains("column \"age\" appears twice (fields 1 and 4)"), message);
    assertTrue(message.contains("column \"p_yes\" is one the output adds; rename it"), message);
  }

  @Test
  void sparkModelChecksTheColumnsOnTheDriverBeforeAnyJob() {
    var spark = SparkFixture.spark();
    var table = spark.read().option("header", true).csv(SparkFixture.CREDIT.toString()).drop("AGE", "PAY_AMT6");
    SparkModel model = SparkFixture.sparkModel();
    SchemaMismatchException e = assertThrows(SchemaMismatchException.class, () -> model.impute(table));
    assertTrue(e.getMessage().contains("missing columns \"AGE\", \"PAY_AMT6\""), e.getMessage());
  }
}
