package io.hexagan.spark;

import java.io.Serializable;

/** How a partition's rows are cut into calls into the model, and the noise seed of each call. */
sealed interface Batching extends Serializable permits PartitionBatching, SingleMachineBatching {

  /**
   * The next call for partition {@code partition} after {@code consumed} of its rows have gone
   * through, with base seed {@code baseSeed}.
   */
  Batch next(int partition, long consumed, long baseSeed);
}
