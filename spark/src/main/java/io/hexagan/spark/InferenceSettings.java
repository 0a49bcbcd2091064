package io.hexagan.spark;

import io.hexagan.io.CsvOptions;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How {@link SparkModel} runs a model over a table.
 *
 * @param batchRows rows per call into the model under {@link Seeding#PER_PARTITION} (1 to
 *     1,048,576; the model itself cuts calls into 16,384 rows)
 * @param seed the base seed of the noise; null for the model's own (its config's seed, as the
 *     single-machine command uses)
 * @param seeding which noise each row draws
 * @param missingMarkers cell texts that mark a missing cell in a string column, matched as the
 *     core matches them (stripped, ignoring case); {@code null} cells, floating-point NaN and the
 *     empty string are always missing
 * @param tensorflowThreads threads of each executor's TensorFlow session for the ops of a call
 *     (inside an op, and ops at once), shared by the executor's concurrent tasks; 0 for the
 *     model's own {@code session} threads (the training machine's cores unless set)
 */
public record InferenceSettings(int batchRows, Long seed, Seeding seeding, Set<String> missingMarkers,
    int tensorflowThreads) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The most rows per call into the model. */
  public static final int MAX_BATCH_ROWS = 1 << 20;

  /** 16,384 rows per call, the model's seed, per-partition noise, the core's default markers, the model's threads. */
  public static final InferenceSettings DEFAULT =
      new InferenceSettings(16_384, null, Seeding.PER_PARTITION, CsvOptions.DEFAULT_MARKERS, 0);

  public InferenceSettings {
    if (batchRows < 1 || batchRows > MAX_BATCH_ROWS) {
      throw new IllegalArgumentException("batchRows: expected 1 to " + MAX_BATCH_ROWS + ", found " + batchRows);
    }
    if (seed != null && seed < 0) {
      throw new IllegalArgumentException("seed: expected ≥ 0, found " + seed);
    }
    if (seeding == null) {
      throw new IllegalArgumentException("seeding: expected PER_PARTITION or SINGLE_MACHINE, found null");
    }
    if (missingMarkers == null) {
      throw new IllegalArgumentException("missingMarkers: expected a set, found null");
    }
    if (tensorflowThreads < 0) {
      throw new IllegalArgumentException("tensorflowThreads: expected ≥ 0, found " + tensorflowThreads);
    }
    Set<String> markers = new LinkedHashSet<>(missingMarkers);
    markers.add(SparkCells.MISSING);
    missingMarkers = Set.copyOf(markers);
  }

  public InferenceSettings withBatchRows(int rows) {
    return new InferenceSettings(rows, seed, seeding, missingMarkers, tensorflowThreads);
  }

  public InferenceSettings withSeed(Long s) {
    return new InferenceSettings(batchRows, s, seeding, missingMarkers, tensorflowThreads);
  }

  public InferenceSettings withSeeding(Seeding s) {
    return new InferenceSettings(batchRows, seed, s, missingMarkers, tensorflowThreads);
  }

  public InferenceSettings withMissingMarkers(Set<String> markers) {
    return new InferenceSettings(batchRows, seed, seeding, markers, tensorflowThreads);
  }

  public InferenceSettings withTensorflowThreads(int threads) {
    return new InferenceSettings(batchRows, seed, seeding, missingMarkers, threads);
  }

  /** The core's reading options for these markers. */
  public CsvOptions csvOptions() {
    return CsvOptions.DEFAULT.withMissingMarkers(missingMarkers);
  }

  /** The base seed for a model whose own seed is {@code modelSeed}. */
  long baseSeed(long modelSeed) {
    return seed != null ? seed : modelSeed;
  }
}
