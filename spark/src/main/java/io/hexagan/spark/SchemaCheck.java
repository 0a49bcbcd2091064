package io.hexagan.spark;

import io.hexagan.io.ColumnKind;
import io.hexagan.io.ColumnSpec;
import io.hexagan.io.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Checks a DataFrame's columns against the model's schema ({@code assets/schema.json}) before any
 * task runs, and binds them. Columns are matched by name (leading and trailing white space
 * ignored, as the core does with a CSV header), in any order:
 *
 * <ul>
 *   <li>every feature column of the schema must be there, once;
 *   <li>a numeric column must be a number type (byte to long, float, double, decimal) or a string
 *       (as Spark reads a CSV file without schema inference); a categorical column a string or a
 *       boolean; the label, when present, a string, an integer type or a boolean;
 *   <li>other columns (an id to join on) pass through unchanged;
 *   <li>for {@code classify}, no column may already be named {@code predicted_<label>} or {@code
 *       p_<class>}.
 * </ul>
 *
 * Each failure is a {@link SchemaMismatchException} naming every offending column and what the
 * model expects.
 */
public final class SchemaCheck {

  private SchemaCheck() {
  }

  /**
   * Binds {@code input} to {@code schema}.
   *
   * @param model the model's name, for messages
   * @param outputColumns columns the result will add (must not exist yet)
   * @throws SchemaMismatchException naming what does not fit
   */
  public static ColumnBinding bind(TableSchema schema, StructType input, String model, List<String> outputColumns) {
    Map<String, Integer> byName = new HashMap<>();
    List<String> problems = new ArrayList<>();
    StructField[] fields = input.fields();
    for (int f = 0; f < fields.length; f++) {
      Integer before = byName.put(fields[f].name().strip(), f);
      if (before != null) {
        problems.add("column \"" + fields[f].name().strip() + "\" appears twice (fields " + (before + 1) + " and " + (f + 1) + ")");
      }
    }
    List<String> missing = new ArrayList<>();
    int[] bound = new int[schema.columns().size()];
    for (int j = 0; j < bound.length; j++) {
      ColumnSpec column = schema.columns().get(j);
      Integer f = byName.get(column.name());
      if (f == null) {
        missing.add(column.name());
        continue;
      }
      bound[j] = f;
      DataType type = fields[f].dataType();
      boolean fits = column.kind() == ColumnKind.NUMERIC ? SparkCells.isNumericInput(type) : SparkCells.isCategoricalInput(type);
      if (!fits) {
        problems.add("column \"" + column.name() + "\" is " + type.simpleString() + "; the model's column is "
            + (column.kind() == ColumnKind.NUMERIC ? "numeric (expected a number type or string)"
                : "categorical (expected string or boolean)"));
      }
    }
    if (!missing.isEmpty()) {
      problems.add(0, "missing column" + (missing.size() == 1 ? " " : "s ") + quoted(missing));
    }
    int label = -1;
    if (schema.hasLabel() && byName.containsKey(schema.label())) {
      label = byName.get(schema.label());
      DataType type = fields[label].dataType();
      if (!SparkCells.isLabelInput(type)) {
        problems.add("label column \"" + schema.label() + "\" is " + type.simpleString()
            + "; expected string, an integer type or boolean");
      }
    }
    for (String name : outputColumns) {
      if (byName.containsKey(name)) {
        problems.add("column \"" + name + "\" is one the output adds; rename it");
      }
    }
    if (!problems.isEmpty()) {
      throw new SchemaMismatchException("the DataFrame does not fit the schema of model " + model + ": "
          + String.join("; ", problems) + ". The model expects the columns " + quoted(schema.columnNames())
          + (schema.hasLabel() ? " and optionally the label \"" + schema.label() + "\"" : "")
          + "; the DataFrame has " + quoted(List.of(input.fieldNames())));
    }
    return new ColumnBinding(input, bound, label);
  }

  private static String quoted(List<String> names) {
    List<String> shown = names.size() <= 30 ? names : names.subList(0, 30);
    StringBuilder text = new StringBuilder();
    for (String name : shown) {
      text.append(text.length() == 0 ? "" : ", ").append('"').append(name).append('"');
    }
    return names.size() <= 30 ? text.toString() : text + ", … (" + names.size() + " in all)";
  }
}
