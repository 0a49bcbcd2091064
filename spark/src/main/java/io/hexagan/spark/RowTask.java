package io.hexagan.spark;

import io.hexagan.io.TableSchema;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** What the model computes for a table's rows: the output's columns and its rows for a batch. */
sealed interface RowTask extends Serializable permits ImputeTask, ClassifyTask {

  /** Columns the output adds to the input's. */
  List<String> addedColumns(TableSchema schema);

  /** The output's schema for an input of schema {@code input}. */
  StructType outputSchema(StructType input, TableSchema schema);

  /**
   * The output rows of {@code rows}, which sit at {@code offset} in {@code values} (their encoded
   * form, with the call's padding around them).
   */
  List<Row> apply(BatchContext context, List<Row> rows, double[][] values, int offset, long seed);
}
