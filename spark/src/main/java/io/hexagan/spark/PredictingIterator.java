package io.hexagan.spark;

import io.hexagan.io.HeaderBinding;
import io.hexagan.io.RawRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * A partition's output rows, computed a batch at a time as they are consumed: take the batch's
 * rows, encode them with the core's {@code TableEncoder} (as the single-machine command encodes a
 * CSV chunk), pad them as the {@link Batch} says, run the task, hand out the results.
 */
final class PredictingIterator implements Iterator<Row> {

  private final BatchContext context;
  private final Iterator<Row> input;
  private final int partition;
  private final RowTask task;
  private final Batching batching;
  private final long baseSeed;
  private final HeaderBinding header;
  private final String source;
  private final double[] padding;
  private long consumed;
  private Iterator<Row> current = Collections.emptyIterator();

  PredictingIterator(BatchContext context, Iterator<Row> input, int partition, RowTask task, Batching batching,
      long baseSeed) {
    this.context = context;
    this.input = input;
    this.partition = partition;
    this.task = task;
    this.batching = batching;
    this.baseSeed = baseSeed;
    this.source = "partition " + partition + " of the input (its first row counted as row 2)";
    this.header = context.encoder().bind(source, context.binding().header(context.model().schema()));
    this.padding = new double[context.encoder().featureNames().size()];
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && input.hasNext()) {
      current = nextBatch().iterator();
    }
    return current.hasNext();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  private List<Row> nextBatch() {
    Batch batch = batching.next(partition, consumed, baseSeed);
    List<Row> rows = new ArrayList<>(Math.min(batch.maxRows(), 16_384));
    List<RawRow> raw = new ArrayList<>(rows.size());
    ColumnBinding binding = context.binding();
    while (rows.size() < batch.maxRows() && input.hasNext()) {
      Row row = input.next();
      List<String> cells = new ArrayList<>(binding.columns() + 1);
      for (int j = 0; j < binding.columns(); j++) {
        cells.add(SparkCells.text(row.get(binding.field(j))));
      }
      if (binding.hasLabel()) {
        cells.add(SparkCells.text(row.get(binding.labelField())));
      }
      long number = consumed + rows.size() + 2;
      raw.add(new RawRow(number, number, cells));
      rows.add(row);
    }
    double[][] encoded = context.encoder().encode(source, header, raw).values();
    double[][] call = new double[batch.rowsInCall(rows.size())][];
    Arrays.fill(call, padding);
    System.arraycopy(encoded, 0, call, batch.padBefore(), encoded.length);
    consumed += rows.size();
    return task.apply(context, rows, call, batch.padBefore(), batch.seed());
  }
}
