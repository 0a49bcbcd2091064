package io.hexagan.training;

import io.hexagan.io.MaskedTable;
import io.hexagan.savedmodel.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains HexaGAN (Hwang et al., ICML 2019) on a table with missing cells, missing labels and
 * imbalanced classes.
 *
 * <pre>{@code
 * try (HexaGanModel model = HexaGan.train(table, HexaGanConfig.defaults())) {
 *   double[][] filled = model.impute(table.values());
 *   double[][] probabilities = model.classify(table.values());
 *   double[][] minority = model.generate(1, 100);
 * }
 * }</pre>
 */
public final class HexaGan {
  private HexaGan() {}

  /** Trains a model on {@code table} with {@code config}. */
  public static HexaGanModel train(MaskedTable table, HexaGanConfig config) {
    return train(table, config, TrainingListener.NONE);
  }

  /** Trains a model, reporting every epoch to {@code listener}. */
  public static HexaGanModel train(MaskedTable table, HexaGanConfig config, TrainingListener listener) {
    return new Trainer(table, config, listener, null, null).run();
  }

  /** Trains a model, writing a checkpoint model directory as {@code checkpointing} says. */
  public static HexaGanModel train(MaskedTable table, HexaGanConfig config, TrainingListener listener,
      Checkpointing checkpointing) {
    return new Trainer(table, config, listener, checkpointing, null).run();
  }

  /**
   * Continues training the model in {@code dir} (a finished model or a checkpoint left by a
   * crashed run) on the same table: the networks, optimizer state, step, best snapshot, history and
   * patience resume where the checkpoint left them, and the run goes on to {@code maxEpochs}
   * (null: the model's own budget). The random streams start afresh, so a resumed run follows the
   * same schedule but not the same random draws as an uninterrupted one.
   *
   * @throws IllegalArgumentException when {@code table} is not the table the model was trained on, or
   *     when this build draws another validation split from it than the run that wrote the model
   */
  public static HexaGanModel resume(MaskedTable table, Path dir, Integer maxEpochs, TrainingListener listener,
      Checkpointing checkpointing) {
    ModelMetadata metadata = resumable(dir);
    Path state = dir.resolve(ModelDirectory.TRAINING_STATE);
    if (!Files.isDirectory(state)) {
      throw new IllegalArgumentException(dir + ": no " + ModelDirectory.TRAINING_STATE + " to resume from");
    }
    String fingerprint = Trainer.fingerprint(table);
    if (!fingerprint.equals(metadata.provenance().dataSha256())) {
      throw new IllegalArgumentException(dir + ": the input is not the table this model was trained on "
          + "(data SHA-256 " + fingerprint + ", model's " + metadata.provenance().dataSha256() + ")");
    }
    return new Trainer(table, continued(metadata.config(), maxEpochs), listener, checkpointing,
        new Trainer.Resume(state, metadata.summary(), metadata.provenance().validationSha256())).run();
  }

  /**
   * The settings {@link #resume} would continue the model in {@code dir} with (its own, the epoch
   * budget replaced by {@code maxEpochs} unless null), for callers that plan around the run.
   */
  public static HexaGanConfig resumedConfig(Path dir, Integer maxEpochs) {
    return continued(resumable(dir).config(), maxEpochs);
  }

  /** The metadata of the model directory {@code dir}, after recovering an interrupted write. */
  private static ModelMetadata resumable(Path dir) {
    try {
      ModelDirectory.recover(dir);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(dir + ": cannot recover an interrupted write: " + e.getMessage(), e);
    }
    if (!ModelDirectory.isModel(dir)) {
      throw new IllegalArgumentException(dir + ": not a hexagan model directory to resume from");
    }
    return ModelMetadata.fromJson(ModelDirectory.asset(dir, ModelDirectory.METADATA),
        dir.resolve(ModelDirectory.ASSETS).resolve(ModelDirectory.METADATA).toString());
  }

  private static HexaGanConfig continued(HexaGanConfig config, Integer maxEpochs) {
    return maxEpochs == null ? config : config.withSchedule(config.schedule().withMaxEpochs(maxEpochs));
  }

}
