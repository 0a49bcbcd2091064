package io.hexagan.spark;

/** Which noise each row's missing cells draw (the model fills them from noise drawn inside its graph). */
public enum Seeding {
  /**
   * Each partition goes through the model in batches of {@link InferenceSettings#batchRows()}
   * rows, batch {@code b} of partition {@code p} drawing noise from a seed mixed from the base
   * seed, {@code p} and {@code b}. Deterministic for a given partitioning (a retried task writes
   * the same rows), one pass over the input.
   */
  PER_PARTITION,
  /**
   * The rows are numbered as the single-machine command numbers a file's rows and go through the
   * model in its chunks of {@code CsvPrediction.CHUNK_ROWS} with its seeds, each partition padding
   * the part of a chunk it holds to the chunk's size: the output equals {@code hexagan impute} and
   * {@code hexagan classify} on the same rows in the same order, row by row. Costs one more pass
   * over the input (counting each partition's rows) and up to two chunks of padding per
   * partition; needs an input whose row order is stable between the two passes (a file read, not
   * the result of a shuffle).
   */
  SINGLE_MACHINE
}
