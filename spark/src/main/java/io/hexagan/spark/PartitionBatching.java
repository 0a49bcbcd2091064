package io.hexagan.spark;

/**
 * {@link Seeding#PER_PARTITION}: calls of {@code batchRows} rows, batch {@code b} of partition
 * {@code p} seeded by a mix of the base seed, {@code p} and {@code b}.
 *
 * @param batchRows rows per call
 */
record PartitionBatching(int batchRows) implements Batching {

  private static final long serialVersionUID = 1L;

  PartitionBatching {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows: expected ≥ 1, found " + batchRows);
    }
  }

  @Override
  public Batch next(int partition, long consumed, long baseSeed) {
    return new Batch(batchRows, 0, 0, Seeds.mix(baseSeed, partition, consumed / batchRows));
  }
}
