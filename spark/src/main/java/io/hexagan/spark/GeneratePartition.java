package io.hexagan.spark;

import io.hexagan.io.CellValue;
import io.hexagan.io.ColumnKind;
import io.hexagan.io.TableEncoder;
import io.hexagan.io.TableSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Generates the rows of a partition's {@link GenerateSlice}s, one slice at a time: G_MI(G_CG(z, y))
 * decoded by the core's {@code TableEncoder}, numeric columns as doubles, categorical columns and
 * the label as strings.
 *
 * @param source where this JVM finds the model
 * @param settings the base seed
 */
record GeneratePartition(ModelSource source, InferenceSettings settings) implements FlatMapFunction<Iterator<GenerateSlice>, Row> {

  private static final long serialVersionUID = 1L;

  /** The schema of generated rows: the feature columns, then the label. */
  static StructType outputSchema(TableSchema schema) {
    StructType out = new StructType();
    for (var column : schema.columns()) {
      out = out.add(column.name(), column.kind() == ColumnKind.NUMERIC ? DataTypes.DoubleType
          : DataTypes.StringType, false);
    }
    return out.add(schema.label(), DataTypes.StringType, false);
  }

  @Override
  public Iterator<Row> call(Iterator<GenerateSlice> slices) {
    if (!slices.hasNext()) {
      return List.<Row>of().iterator();
    }
    LoadedModel model = ModelCache.get(source.resolve(), settings.tensorflowThreads());
    TableEncoder encoder = new TableEncoder(model.schema(), settings.csvOptions());
    long baseSeed = settings.baseSeed(model.model().config().seed());
    return new Iterator<>() {
      private Iterator<Row> current = List.<Row>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && slices.hasNext()) {
          current = generate(model, encoder, slices.next(), baseSeed).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        hasNext();
        return current.next();
      }
    };
  }

  private static List<Row> generate(LoadedModel model, TableEncoder encoder, GenerateSlice slice, long baseSeed) {
    double[][] values = model.model().generate(slice.classId(), slice.rows(), slice.seed(baseSeed));
    String label = model.schema().classes().get(slice.classId());
    List<Row> rows = new ArrayList<>(values.length);
    for (double[] v : values) {
      List<CellValue> cells = encoder.decode(v);
      Object[] out = new Object[cells.size() + 1];
      for (int j = 0; j < cells.size(); j++) {
        out[j] = cells.get(j) instanceof CellValue.Numeric n ? (Object) n.value() : cells.get(j).text();
      }
      out[cells.size()] = label;
      rows.add(RowFactory.create(out));
    }
    return rows;
  }
}
