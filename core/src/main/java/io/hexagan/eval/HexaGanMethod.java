package io.hexagan.eval;

import io.hexagan.io.MaskedTable;
import io.hexagan.training.HexaGan;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;

/**
 * HexaGAN (or one of its ablations) under the protocol: trained on the training rows with their
 * masked cells and labels; imputes and classifies the test rows. Its numbers come from the epoch
 * its own validation split (carved from the training rows) chose, or from the last epoch when the
 * config has no validation; never from the test rows.
 *
 * @param name the name in reports
 * @param config the configuration trained with (its seed is replaced per fold)
 */
public record HexaGanMethod(String name, HexaGanConfig config) implements EvaluationMethod {

  @Override
  public MethodOutput run(FoldData fold) {
    MaskedTable train = new MaskedTable(fold.trainValues(), fold.trainLabels(), fold.columns(), fold.classes());
    try (HexaGanModel model = HexaGan.train(train, config.withSeed(config.seed() + fold.seed()))) {
      double[][] imputed = model.impute(fold.testValues());
      int[] predicted = model.predict(fold.testValues());
      return new MethodOutput(imputed, predicted, model.summary());
    }
  }
}
