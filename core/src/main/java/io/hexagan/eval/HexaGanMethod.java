package io.hexagan.eval;

import io.hexagan.io.MaskedTable;
import io.hexagan.training.EpochProbe;
import io.hexagan.training.EpochReport;
import io.hexagan.training.HexaGan;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.TrainingListener;
import java.util.function.Consumer;

/**
 * HexaGAN (or one of its ablations) under the protocol: trained on the training rows with their
 * masked cells and labels; imputes and classifies the test rows. Its numbers come from the epoch
 * its own validation split (carved from the training rows) chose, or from the last epoch when the
 * config has no validation; never from the test rows. On request it hands over each epoch's test
 * outputs as well ({@link EpochwiseMethod}), for the authors' protocol.
 *
 * @param name the name in reports
 * @param config the configuration trained with (its seed is replaced per fold)
 */
public record HexaGanMethod(String name, HexaGanConfig config) implements EpochwiseMethod {

  @Override
  public MethodOutput run(FoldData fold, Consumer<MethodOutput> afterEpoch) {
    MaskedTable train = new MaskedTable(fold.trainValues(), fold.trainLabels(), fold.columns(), fold.classes());
    TrainingListener listener = afterEpoch == null ? TrainingListener.NONE : new TestOutputs(fold.testValues(),
        config.ablation().imputationGenerator(), afterEpoch);
    try (HexaGanModel model = HexaGan.train(train, config.withSeed(config.seed() + fold.seed()), listener)) {
      double[][] imputed = model.impute(fold.testValues());
      int[] predicted = model.predict(fold.testValues());
      return new MethodOutput(imputed, predicted, model.summary());
    }
  }

  /** After each main epoch, the test rows imputed (with G_MI) and classified by that epoch's networks. */
  private record TestOutputs(double[][] test, boolean imputes, Consumer<MethodOutput> sink) implements TrainingListener {
    @Override
    public void onEpoch(EpochReport report) {}

    @Override
    public void afterEpoch(EpochReport report, EpochProbe probe) {
      double[][] imputed = imputes ? probe.impute(test).imputed() : null;
      sink.accept(new MethodOutput(imputed, HexaGanModel.mostProbable(probe.classify(test)), null));
    }
  }
}
