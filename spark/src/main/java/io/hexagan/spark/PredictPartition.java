package io.hexagan.spark;

import io.hexagan.io.TableEncoder;
import java.util.Iterator;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;

/**
 * The function each task runs on its partition: the model from this JVM's {@link ModelCache}, the
 * rows through it in {@link Batch}es, lazily (a partition is never held in memory whole).
 *
 * @param source where this JVM finds the model
 * @param binding where the model's columns are in the input
 * @param task impute or classify
 * @param batching the calls and their seeds
 * @param settings the base seed and the missing markers
 */
record PredictPartition(ModelSource source, ColumnBinding binding, RowTask task, Batching batching,
    InferenceSettings settings) implements Function2<Integer, Iterator<Row>, Iterator<Row>> {

  private static final long serialVersionUID = 1L;

  @Override
  public Iterator<Row> call(Integer partition, Iterator<Row> rows) {
    if (!rows.hasNext()) {
      return rows;
    }
    LoadedModel model = ModelCache.get(source.resolve(), settings.tensorflowThreads());
    TableEncoder encoder = new TableEncoder(model.schema(), settings.csvOptions());
    BatchContext context = new BatchContext(model, encoder, binding);
    return new PredictingIterator(context, rows, partition, task, batching,
        settings.baseSeed(model.model().config().seed()));
  }
}
