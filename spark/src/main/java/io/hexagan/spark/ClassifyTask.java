package io.hexagan.spark;

import io.hexagan.io.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code classify}: the input's columns as they are, then {@code predicted_<label>} (the most
 * probable class, the first on ties, as a string) and {@code p_<class>} (double) for each class,
 * as the single-machine command writes them.
 */
record ClassifyTask() implements RowTask {

  private static final long serialVersionUID = 1L;

  @Override
  public List<String> addedColumns(TableSchema schema) {
    List<String> names = new ArrayList<>();
    names.add("predicted_" + schema.label());
    for (String name : schema.classes()) {
      names.add("p_" + name);
    }
    return names;
  }

  @Override
  public StructType outputSchema(StructType input, TableSchema schema) {
    List<String> added = addedColumns(schema);
    StructType out = input.add(added.get(0), DataTypes.StringType, false);
    for (String name : added.subList(1, added.size())) {
      out = out.add(name, DataTypes.DoubleType, false);
    }
    return out;
  }

  @Override
  public List<Row> apply(BatchContext context, List<Row> rows, double[][] values, int offset, long seed) {
    double[][] probabilities = context.model().model().classify(values, seed);
    List<String> classes = context.model().schema().classes();
    List<Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double[] p = probabilities[offset + i];
      Object[] cells = new Object[row.size() + 1 + p.length];
      for (int f = 0; f < row.size(); f++) {
        cells[f] = row.get(f);
      }
      int best = 0;
      for (int k = 1; k < p.length; k++) {
        if (p[k] > p[best]) {
          best = k;
        }
      }
      cells[row.size()] = classes.get(best);
      for (int k = 0; k < p.length; k++) {
        cells[row.size() + 1 + k] = p[k];
      }
      out.add(RowFactory.create(cells));
    }
    return out;
  }
}
