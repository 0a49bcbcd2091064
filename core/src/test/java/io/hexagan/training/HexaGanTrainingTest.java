package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.OptimizerSettings;
import io.hexagan.io.MaskedTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End-to-end behaviour of the trainer and the trained model, on small synthetic tables. */
class HexaGanTrainingTest {

  @Test
  void imputationOfCorrelatedColumnsBeatsColumnMeans() {
    SyntheticTables.Masked data = SyntheticTables.correlated(600, 0.2, 1);
    try (HexaGanModel model = HexaGan.train(data.table(), SyntheticTables.quick(150))) {
      double[][] imputed = model.impute(data.table().values());
      double hexagan = SyntheticTables.rmse(data.complete(), data.table().values(), imputed);
      double mean = SyntheticTables.rmse(data.complete(), data.table().values(),
          SyntheticTables.meanImputed(data.table().values()));
      assertTrue(hexagan < 0.6 * mean, "HexaGAN RMSE " + hexagan + " against column means " + mean);
    }
  }

  @Test
  void observedCellsLeaveBitIdentical() {
    double[][] values = {
      {1e-300, 123456789.123456789, Double.NaN},
      {-0.0, Double.NaN, 0.1 + 0.2},
      {Double.MIN_VALUE, 7, -3.5e10},
      {Double.NaN, 1.0000000000000002, 42},
    };
    MaskedTable table = MaskedTable.unlabeled(values, List.of("a", "b", "c"));
    try (HexaGanModel model = HexaGan.train(table, SyntheticTables.quick(2))) {
      double[][] out = model.impute(values);
      for (int r = 0; r < values.length; r++) {
        for (int c = 0; c < 3; c++) {
          if (Double.isNaN(values[r][c])) {
            assertTrue(Double.isFinite(out[r][c]), "imputed cell " + r + "," + c);
          } else {
            assertEquals(Double.doubleToRawLongBits(values[r][c]), Double.doubleToRawLongBits(out[r][c]),
                "observed cell " + r + "," + c);
          }
        }
      }
    }
  }

  @Test
  void conditionalSamplesLandNearTheirOwnClass() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(500, 4, 0.06, 0.25, 0.2, 0.8, 2);
    try (HexaGanModel model = HexaGan.train(data.table(), SyntheticTables.quick(80))) {
      for (int k = 0; k < 2; k++) {
        double own = k == 1 ? 0.7 : 0.3;
        double other = k == 1 ? 0.3 : 0.7;
        double[][] rows = model.generate(k, 300);
        int nearer = 0;
        for (double[] row : rows) {
          double dOwn = 0;
          double dOther = 0;
          for (double v : row) {
            dOwn += (v - own) * (v - own);
            dOther += (v - other) * (v - other);
          }
          nearer += dOwn < dOther ? 1 : 0;
        }
        assertTrue(nearer >= 0.8 * rows.length, "class " + k + ": " + nearer + " of " + rows.length + " nearer own mean");
      }
    }
  }

  @Test
  void classifierWithTwentyPercentOfLabelsBeatsChance() {
    SyntheticTables.Masked train = SyntheticTables.twoClasses(600, 5, 0.15, 0.4, 0.2, 0.2, 3);
    SyntheticTables.Masked test = SyntheticTables.twoClasses(400, 5, 0.15, 0.4, 0.2, 1.0, 4);
    try (HexaGanModel model = HexaGan.train(train.table(), SyntheticTables.quick(60))) {
      int[] predicted = model.predict(test.table().values());
      double f1 = Metrics.f1(test.labels(), predicted, 1);
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == test.labels()[i] ? 1 : 0;
      }
      double accuracy = (double) correct / predicted.length;
      assertTrue(accuracy > 0.8 && f1 > 0.75, "accuracy " + accuracy + ", F1 " + f1 + " (chance 0.5)");
    }
  }

  @Test
  void severalDrawsAverageDifferentViewsAndKeepObservedCells() {
    // With input dropout, each draw hides its own share of the observed cells from E: the average
    // of 8 draws is not the single draw, and observed cells still pass through untouched.
    SyntheticTables.Masked data = SyntheticTables.correlated(200, 0.2, 3);
    HexaGanConfig config = SyntheticTables.quick(3);
    assertTrue(config.losses().inputDropout() > 0, "the default config drops inputs");
    double[][] one;
    double[][] eight;
    try (HexaGanModel m = HexaGan.train(data.table(), config.withImputationDraws(1))) {
      one = m.impute(data.table().values());
    }
    try (HexaGanModel m = HexaGan.train(data.table(), config.withImputationDraws(8))) {
      eight = m.impute(data.table().values());
    }
    double largest = 0;
    for (int r = 0; r < one.length; r++) {
      for (int c = 0; c < one[r].length; c++) {
        if (data.table().observed(r, c)) {
          assertEquals(data.table().values()[r][c], eight[r][c], 0.0, "observed cell " + r + "," + c);
        } else {
          largest = Math.max(largest, Math.abs(one[r][c] - eight[r][c]));
        }
      }
    }
    assertTrue(largest > 1e-3, "8 draws differ from 1 draw in some missing cell by more than 1e-3: " + largest);
  }

  @Test
  void sameSeedGivesTheSameLossesToTheLastBit() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(200, 4, 0.1, 0.3, 0.2, 0.7, 5);
    HexaGanConfig config = SyntheticTables.quick(3);
    List<EpochReport> first;
    List<EpochReport> second;
    List<EpochReport> otherSeed;
    try (HexaGanModel m = HexaGan.train(data.table(), config)) {
      first = m.summary().history();
    }
    try (HexaGanModel m = HexaGan.train(data.table(), config)) {
      second = m.summary().history();
    }
    try (HexaGanModel m = HexaGan.train(data.table(), config.withSeed(99))) {
      otherSeed = m.summary().history();
    }
    assertEquals(first.size(), second.size());
    for (int e = 0; e < first.size(); e++) {
      assertEquals(first.get(e).meanLosses(), second.get(e).meanLosses(), "epoch " + e);
      assertEquals(first.get(e).validation(), second.get(e).validation(), "epoch " + e);
    }
    assertNotEquals(first.get(first.size() - 1).meanLosses(), otherSeed.get(otherSeed.size() - 1).meanLosses());
  }

  @Test
  void concurrentOpsGiveTheBitsOfOneOpAtATime() {
    // Two inter-op threads (the default on 2 cores) let a stage's independent ops overlap; the
    // stages' control dependencies must still order every access to a variable, so the losses,
    // the validation figures and the imputation keep every bit of the serial run.
    // With the conditional overlap, D_MI and C read a G_CG whose variables the conditional updates
    // write meanwhile: that read must keep its values (an update copies a buffer still read).
    for (boolean overlap : new boolean[] {false, true}) {
      HexaGanConfig quick = SyntheticTables.quick(3);
      assertConcurrentMatchesSerial(quick.withOptimizer(quick.optimizer().withConditionalOverlap(overlap)));
    }
  }

  private static void assertConcurrentMatchesSerial(HexaGanConfig serial) {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(200, 4, 0.1, 0.3, 0.2, 0.7, 5);
    assertEquals(1, serial.session().interOpThreads());
    HexaGanConfig concurrent = serial.withSession(new SessionSettings(1, 2, "", true));
    try (HexaGanModel one = HexaGan.train(data.table(), serial);
        HexaGanModel two = HexaGan.train(data.table(), concurrent)) {
      List<EpochReport> a = one.summary().history();
      List<EpochReport> b = two.summary().history();
      assertEquals(a.size(), b.size());
      for (int e = 0; e < a.size(); e++) {
        assertEquals(a.get(e).meanLosses(), b.get(e).meanLosses(), "epoch " + e);
        assertEquals(a.get(e).validation(), b.get(e).validation(), "epoch " + e);
      }
      double[][] x = data.table().values();
      double[][] ia = one.impute(x);
      double[][] ib = two.impute(x);
      for (int r = 0; r < x.length; r++) {
        assertArrayEquals(ia[r], ib[r], 0.0, "row " + r);
      }
    }
  }

  @Test
  void hiddenReconstructionWeightActsOnlyThroughInputDropout() {
    // β weighs the cells the input dropout hid: it changes training when some are hidden, and
    // leaves every bit of it alone when none are.
    SyntheticTables.Masked data = SyntheticTables.twoClasses(200, 4, 0.1, 0.3, 0.2, 0.7, 5);
    HexaGanConfig config = SyntheticTables.quick(2);
    HexaGanConfig noDropout = config.withLosses(config.losses().withInputDropout(0));
    assertNotEquals(lastLosses(data, config), lastLosses(data, withBeta(config, 4)));
    assertEquals(lastLosses(data, noDropout), lastLosses(data, withBeta(noDropout, 4)));
  }

  private static HexaGanConfig withBeta(HexaGanConfig c, double beta) {
    return c.withLosses(c.losses().withHiddenReconstruction(beta));
  }

  private static Object lastLosses(SyntheticTables.Masked data, HexaGanConfig config) {
    try (HexaGanModel m = HexaGan.train(data.table(), config)) {
      List<EpochReport> h = m.summary().history();
      return h.get(h.size() - 1).meanLosses();
    }
  }

  @Test
  void weightAverageIsServedWhileTrainingContinuesFromTheRawWeights() {
    SyntheticTables.Masked data = SyntheticTables.correlated(200, 0.2, 3);
    HexaGanConfig quick = SyntheticTables.quick(3);
    HexaGanConfig plain = quick.withOptimizer(quick.optimizer().withAveragingEpochs(0));
    HexaGanConfig averaged = quick.withOptimizer(quick.optimizer().withAveragingEpochs(50));
    List<EpochReport> plainHistory;
    List<EpochReport> averagedHistory;
    double[][] plainImputed;
    double[][] averagedImputed;
    try (HexaGanModel m = HexaGan.train(data.table(), plain)) {
      plainHistory = m.summary().history();
      plainImputed = m.impute(data.table().values());
    }
    try (HexaGanModel m = HexaGan.train(data.table(), averaged)) {
      averagedHistory = m.summary().history();
      averagedImputed = m.impute(data.table().values());
    }
    // The same training, to the last bit: the averages never feed back into the raw weights.
    for (int e = 0; e < plainHistory.size(); e++) {
      assertEquals(plainHistory.get(e).meanLosses(), averagedHistory.get(e).meanLosses(), "epoch " + e);
    }
    // A 50-epoch average after 3 epochs is still close to the initial weights: other imputations.
    double largest = 0;
    for (int r = 0; r < plainImputed.length; r++) {
      for (int c = 0; c < plainImputed[r].length; c++) {
        largest = Math.max(largest, Math.abs(plainImputed[r][c] - averagedImputed[r][c]));
      }
    }
    assertTrue(largest > 1e-2, "averaged and raw weights impute alike: " + largest);
  }

  @Test
  void imputerWeightDecayShrinksTheImputersWeightsAndChangesTraining() {
    SyntheticTables.Masked data = SyntheticTables.correlated(200, 0.2, 3);
    HexaGanConfig plain = SyntheticTables.quick(3);
    HexaGanConfig decayed = plain.withLosses(plain.losses().withImputerWeightDecay(1.0));
    List<EpochReport> plainHistory = history(data.table(), plain);
    List<EpochReport> decayedHistory = history(data.table(), decayed);
    String norm = io.hexagan.graph.HexaGanGraph.IMPUTER_WEIGHT_NORM;
    assertFalse(plainHistory.get(1).meanLosses().containsKey(norm), "reported only with the decay on");
    // Epoch 0 is the critics' warm-up; epochs 1 to 3 update E and G_MI.
    double first = decayedHistory.get(1).meanLosses().get(norm);
    double last = decayedHistory.get(3).meanLosses().get(norm);
    assertTrue(first > 1 && last < first, "½Σ‖W‖² of E and G_MI: " + first + " then " + last);
    String recon = io.hexagan.graph.HexaGanGraph.RECONSTRUCTION;
    assertNotEquals(plainHistory.get(3).meanLosses().get(recon), decayedHistory.get(3).meanLosses().get(recon));
  }

  @Test
  void classifierSparsityShrinksTheInputLayerOfTheClassifierAndChangesItsTraining() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(200, 4, 0.1, 0.3, 0.2, 0.8, 4);
    HexaGanConfig plain = SyntheticTables.quick(3);
    HexaGanConfig sparse = plain.withLosses(plain.losses().withClassifierSparsity(0.05));
    List<EpochReport> plainHistory = history(data.table(), plain);
    List<EpochReport> sparseHistory = history(data.table(), sparse);
    String l1 = io.hexagan.graph.HexaGanGraph.CLASSIFIER_INPUT_L1;
    assertFalse(plainHistory.get(1).meanLosses().containsKey(l1), "reported only with the L1 weight on");
    double first = sparseHistory.get(1).meanLosses().get(l1);
    double last = sparseHistory.get(3).meanLosses().get(l1);
    assertTrue(first > 1 && last < 0.9 * first, "Σ|W₁| of C: " + first + " then " + last);
    String ce = io.hexagan.graph.HexaGanGraph.CLASSIFIER_CROSS_ENTROPY;
    assertNotEquals(plainHistory.get(3).meanLosses().get(ce), sparseHistory.get(3).meanLosses().get(ce));
  }

  /** The per-epoch history of a model trained on {@code table} with {@code config}. */
  private static List<EpochReport> history(MaskedTable table, HexaGanConfig config) {
    try (HexaGanModel m = HexaGan.train(table, config)) {
      return m.summary().history();
    }
  }

  @Test
  void divergenceStopsTrainingNamingTheLossAndIteration() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(200, 4, 0.1, 0.3, 0.2, 0.7, 6);
    HexaGanConfig quick = SyntheticTables.quick(20);
    HexaGanConfig explosive = quick.withOptimizer(quick.optimizer().withRates(1e30, 1e30, 1e30));
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> HexaGan.train(data.table(), explosive).close());
    assertTrue(e.iteration() >= 0);
    assertTrue(e.getMessage().contains(e.loss()) && e.getMessage().contains("iteration " + e.iteration()), e.getMessage());
  }

  @Test
  void keepsTheBestValidationEpochAndStopsAfterPatience() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(300, 4, 0.1, 0.3, 0.2, 0.8, 7);
    HexaGanConfig quick = SyntheticTables.quick(400);
    HexaGanConfig config = quick.withSchedule(quick.schedule().withPatience(4));
    try (HexaGanModel model = HexaGan.train(data.table(), config)) {
      TrainingSummary s = model.summary();
      List<EpochReport> main = s.history().stream().filter(r -> !r.warmup()).toList();
      int argmin = 0;
      for (int e = 0; e < main.size(); e++) {
        assertTrue(main.get(e).validation() != null, "validation every epoch");
        if (main.get(e).validation().score() < main.get(argmin).validation().score()) {
          argmin = e;
        }
      }
      assertEquals(argmin + 1, s.keptEpoch(), "kept epoch is the validation argmin");
      assertTrue(s.stoppedEarly(), "stops well before 400 epochs");
      assertEquals(s.keptEpoch() + 4, s.epochs(), "stops after 4 epochs without improvement");
    }
  }

  @Test
  void lowersTheLearningRatesOnEachValidationPlateau() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(300, 4, 0.1, 0.3, 0.2, 0.8, 7);
    HexaGanConfig quick = SyntheticTables.quick(60);
    HexaGanConfig config = quick.withSchedule(quick.schedule().withPatience(8).withPlateau(2, 0.5));
    List<EpochReport> reports = new ArrayList<>();
    List<Double> scales = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onEpoch(EpochReport report) {}

      @Override
      public void afterEpoch(EpochReport report, EpochProbe probe) {
        if (!report.warmup()) {
          reports.add(report);
          scales.add(probe.learningRateScale());
        }
      }
    };
    try (HexaGanModel model = HexaGan.train(data.table(), config, listener)) {
      // Replay the rule: after an epoch, the rates halve when 2 epochs have passed without a better
      // score since the last improvement or the last halving.
      double expected = 1;
      int lastChange = 0;
      int drops = 0;
      for (int e = 1; e <= reports.size(); e++) {
        if (reports.get(e - 1).improved()) {
          lastChange = e;
        } else if (e - lastChange >= 2 && e < model.summary().epochs()) {
          expected *= 0.5;
          lastChange = e;
          drops++;
        }
        assertEquals(expected, scales.get(e - 1), 1e-12, "scale after epoch " + e);
      }
      assertTrue(drops > 0, "a plateau of 2 epochs within 60: " + reports.size() + " epochs run");
    }
  }

  /** A progress bar of epochs can end before the refinement's and the forest classifier's log lines. */
  @Test
  void tellsTheListenerOnceWhenTheEpochsAreDone() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(200, 4, 0.1, 0.3, 0.2, 0.8, 3);
    List<String> events = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onEpoch(EpochReport report) {
        events.add(report.warmup() ? "warm-up" : "epoch");
      }

      @Override
      public void onEpochsDone() {
        events.add("done");
      }
    };
    try (HexaGanModel model = HexaGan.train(data.table(), SyntheticTables.quick(3), listener)) {
      assertEquals(model.summary().epochs(), events.stream().filter("epoch"::equals).count(), "main epochs reported");
      assertEquals(1, events.stream().filter("done"::equals).count(), "done once");
      assertEquals("done", events.get(events.size() - 1), "done after the last epoch");
    }
  }

  @Test
  void plateauSettingsAreValidatedOnlyWhenOn() {
    Schedule s = HexaGanConfig.defaults().schedule();
    assertEquals(0, s.plateauEpochs(), "off by default");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.withPlateau(5, 1.0));
    assertTrue(e.getMessage().contains("plateauFactor") && e.getMessage().contains("found 1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.withPlateau(-1, 0.5));
    // A model saved before the option has neither field: 0 and 0 read back as off.
    assertEquals(0, s.withPlateau(0, 0).plateauEpochs());
  }

  @Test
  void closedModelRefusesEveryCall() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(60, 3, 0.1, 0.3, 0.2, 0.8, 8);
    HexaGanModel model = HexaGan.train(data.table(), SyntheticTables.quick(1));
    model.close();
    double[][] v = data.table().values();
    assertThrows(IllegalStateException.class, () -> model.impute(v));
    assertThrows(IllegalStateException.class, () -> model.classify(v));
    assertThrows(IllegalStateException.class, () -> model.generate(0, 3));
    model.close(); // idempotent
  }

  @Test
  void rejectsTablesThatCannotBeTrained() {
    MaskedTable oneRow = MaskedTable.unlabeled(new double[][] {{1, 2}}, List.of("a", "b"));
    assertThrows(IllegalArgumentException.class, () -> HexaGan.train(oneRow, SyntheticTables.quick(1)));
    MaskedTable emptyColumn = MaskedTable.unlabeled(new double[][] {{1, Double.NaN}, {2, Double.NaN}}, List.of("a", "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HexaGan.train(emptyColumn, SyntheticTables.quick(1)));
    assertTrue(e.getMessage().contains("column b"), e.getMessage());
  }

  @Test
  void configRecordsValidateWithExpectedAndFound() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerSettings.paper().withBatchSize(1));
    assertTrue(e.getMessage().contains("expected") && e.getMessage().contains("found 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HexaGanConfig.defaults().withImputationDraws(0));
  }

  @Test
  void paperPresetCarriesThePapersWeights() {
    HexaGanConfig p = HexaGanConfig.paper();
    assertArrayEquals(new double[] {10, 10, 10, 1, 0.01, 0.1},
        new double[] {p.losses().imputationPenalty(), p.losses().reconstruction(), p.losses().conditionalPenalty(),
            p.losses().conditionalImputation(), p.losses().conditionalCrossEntropy(), p.losses().pseudoLabel()});
    assertEquals(10, p.optimizer().conditionalUpdates());
    assertEquals(60, p.schedule().warmupEpochs());
    assertFalse(p.losses().penalizeLabelOutput());
  }
}
