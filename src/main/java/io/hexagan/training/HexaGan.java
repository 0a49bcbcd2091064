package io.hexagan.training;

import io.hexagan.io.MaskedTable;

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
    return new Trainer(table, config, listener).run();
  }
}
