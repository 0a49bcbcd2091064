package io.hexagan.eval;

import io.hexagan.io.MaskedTable;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.TrainingListener;
import io.hexagan.training.Tuning;

/**
 * HexaGAN with its settings picked per fold by validation on the training rows ({@link Tuning},
 * {@code hexagan train --tune}); the chosen model imputes and classifies the test rows, which no
 * candidate saw. Its time per fold is that of every candidate's training.
 *
 * @param name the name in reports
 * @param config the base configuration (its seed is replaced per fold)
 */
public record TunedHexaGanMethod(String name, HexaGanConfig config) implements EvaluationMethod {

  @Override
  public MethodOutput run(FoldData fold) {
    MaskedTable train = new MaskedTable(fold.trainValues(), fold.trainLabels(), fold.columns(), fold.classes());
    HexaGanConfig seeded = config.withSeed(config.seed() + fold.seed());
    try (HexaGanModel model = Tuning.tune(train, Tuning.candidates(seeded), TrainingListener.NONE).model()) {
      return new MethodOutput(model.impute(fold.testValues()), model.predict(fold.testValues()), model.summary());
    }
  }
}
