package io.hexagan.spark;

import io.hexagan.training.CsvPrediction;

/**
 * {@link Seeding#SINGLE_MACHINE}: row {@code g} of the table (counted across partitions in order)
 * belongs to chunk {@code g / CHUNK_ROWS} of the single-machine command, at position {@code g %
 * CHUNK_ROWS}. A partition's rows of one chunk go into one call the size of the whole chunk,
 * padded before and after, with the chunk's seed ({@link CsvPrediction#chunkSeed}): the same
 * shapes and seeds as the command, so the same numbers.
 *
 * @param starts the table row at which each partition starts
 * @param total the table's rows
 */
record SingleMachineBatching(long[] starts, long total) implements Batching {

  private static final long serialVersionUID = 1L;

  SingleMachineBatching {
    starts = starts.clone();
    long previous = 0;
    for (long s : starts) {
      if (s < previous || s > total) {
        throw new IllegalArgumentException("starts: expected non-decreasing rows from 0 to " + total);
      }
      previous = s;
    }
  }

  /** Partition starts from the rows each partition holds, in partition order. */
  static SingleMachineBatching of(long[] counts) {
    long[] starts = new long[counts.length];
    long total = 0;
    for (int p = 0; p < counts.length; p++) {
      starts[p] = total;
      total += counts[p];
    }
    return new SingleMachineBatching(starts, total);
  }

  @Override
  public long[] starts() {
    return starts.clone();
  }

  @Override
  public Batch next(int partition, long consumed, long baseSeed) {
    long row = starts[partition] + consumed;
    if (row >= total) {
      throw new IllegalStateException("partition " + partition + " holds more rows than counted (" + total
          + " in all); its input changed between the counting pass and this one");
    }
    long chunk = row / CsvPrediction.CHUNK_ROWS;
    int position = (int) (row % CsvPrediction.CHUNK_ROWS);
    int chunkRows = (int) Math.min(CsvPrediction.CHUNK_ROWS, total - chunk * CsvPrediction.CHUNK_ROWS);
    return new Batch(chunkRows - position, position, chunkRows, CsvPrediction.chunkSeed(baseSeed, chunk));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SingleMachineBatching b && total == b.total && java.util.Arrays.equals(starts, b.starts);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(starts) + Long.hashCode(total);
  }

  @Override
  public String toString() {
    return "SingleMachineBatching[partitions=" + starts.length + ", total=" + total + "]";
  }
}
