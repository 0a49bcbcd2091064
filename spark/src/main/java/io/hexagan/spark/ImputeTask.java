package io.hexagan.spark;

import io.hexagan.io.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * {@code impute}: the input's columns, order and rows; every cell kept as it is except the
 * missing cells of the model's feature columns (those the core's encoder read as missing), which get the model's imputation in the column's
 * type ({@link SparkCells#value}). The label and other columns are copied.
 */
record ImputeTask() implements RowTask {

  private static final long serialVersionUID = 1L;

  @Override
  public List<String> addedColumns(TableSchema schema) {
    return List.of();
  }

  @Override
  public StructType outputSchema(StructType input, TableSchema schema) {
    return input;
  }

  @Override
  public List<Row> apply(BatchContext context, List<Row> rows, double[][] values, int offset, long seed) {
    double[][] filled = context.model().model().impute(values, seed);
    ColumnBinding binding = context.binding();
    DataType[] types = new DataType[binding.columns()];
    for (int j = 0; j < types.length; j++) {
      types[j] = context.input().fields()[binding.field(j)].dataType();
    }
    List<Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Object[] cells = new Object[row.size()];
      for (int f = 0; f < cells.length; f++) {
        cells[f] = row.get(f);
      }
      double[] encoded = values[offset + i];
      for (int j = 0; j < types.length; j++) {
        // The encoder marks exactly the missing cells NaN (a number cell never encodes to NaN).
        if (Double.isNaN(encoded[context.encoder().offset(j)])) {
          cells[binding.field(j)] = SparkCells.value(context.encoder().decode(j, filled[offset + i]), types[j]);
        }
      }
      out.add(RowFactory.create(cells));
    }
    return out;
  }
}
