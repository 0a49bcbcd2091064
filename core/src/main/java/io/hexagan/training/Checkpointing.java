package io.hexagan.training;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how often training writes its model directory while it runs. Each checkpoint is a
 * complete model directory (the best weights so far as a SavedModel, the training state, the
 * history so far), written atomically over the previous one, so that {@code hexagan train
 * --resume} continues after a crash from the last checkpoint.
 *
 * @param dir the model directory
 * @param assets extra assets written with it (the CSV schema)
 * @param everyEpochs epochs between checkpoints (training also writes one at its end)
 */
public record Checkpointing(Path dir, Map<String, byte[]> assets, int everyEpochs) {
  public Checkpointing {
    if (dir == null) {
      throw new IllegalArgumentException("dir: expected a directory, found null");
    }
    if (everyEpochs < 1) {
      throw new IllegalArgumentException("everyEpochs: expected ≥ 1, found " + everyEpochs);
    }
    assets = Map.copyOf(assets);
  }

  /** Default cadence: every 10 epochs. */
  public static final int DEFAULT_EVERY_EPOCHS = 10;
}
