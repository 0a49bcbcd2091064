package io.hexagan.spark;

import io.hexagan.io.TableSchema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Where the model's columns are in a DataFrame: made by {@link SchemaCheck}, so every field it
 * names exists and has a type the model can read.
 *
 * @param input the DataFrame's schema
 * @param fields for each feature column of the model's schema (in the schema's order), the index
 *     of its field in {@code input}
 * @param labelField the index of the label's field, or -1 when the DataFrame has no label column
 */
public record ColumnBinding(StructType input, int[] fields, int labelField) implements Serializable {

  private static final long serialVersionUID = 1L;

  public ColumnBinding {
    if (input == null || fields == null) {
      throw new IllegalArgumentException("input, fields: expected both, found " + input + ", " + fields);
    }
    fields = fields.clone();
    for (int f : fields) {
      if (f < 0 || f >= input.size()) {
        throw new IllegalArgumentException("fields: expected indices 0 to " + (input.size() - 1) + ", found " + f);
      }
    }
    if (labelField < -1 || labelField >= input.size()) {
      throw new IllegalArgumentException("labelField: expected -1 to " + (input.size() - 1) + ", found " + labelField);
    }
  }

  @Override
  public int[] fields() {
    return fields.clone();
  }

  /** The field index of schema column {@code j}. */
  public int field(int j) {
    return fields[j];
  }

  public int columns() {
    return fields.length;
  }

  public boolean hasLabel() {
    return labelField >= 0;
  }

  /**
   * The header these fields make for the core's {@code TableEncoder}: the schema's column names,
   * then the label's when bound.
   */
  public List<String> header(TableSchema schema) {
    List<String> header = new ArrayList<>(schema.columnNames());
    if (hasLabel()) {
      header.add(schema.label());
    }
    return header;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnBinding b && input.equals(b.input) && Arrays.equals(fields, b.fields)
        && labelField == b.labelField;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * input.hashCode() + Arrays.hashCode(fields)) + labelField;
  }

  @Override
  public String toString() {
    return "ColumnBinding[fields=" + Arrays.toString(fields) + ", labelField=" + labelField + "]";
  }
}
