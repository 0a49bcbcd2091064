package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.training.TrainingSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

  private static TrainingSummary trained(int epochs, int kept, boolean early) {
    return new TrainingSummary(epochs, kept, early, 20, 1, 1000, 10L, List.of(), List.of(), false);
  }

  private final EvaluationSettings settings = new EvaluationSettings(0.2, 0.2, 2, 1, 0, List.of(), false);
  private final MethodSummary mean = new MethodSummary("mean", MeanStd.of(0.14, 0.15), MeanStd.of(0.12, 0.13), null,
      MeanStd.of(0.0, 0.0), List.of(), null);
  private final MethodSummary hexagan = new MethodSummary("hexagan", MeanStd.of(0.06, 0.07), MeanStd.of(0.05, 0.06),
      MeanStd.of(0.9, 0.95), MeanStd.of(20, 30), List.of(trained(40, 10, true), trained(60, 30, true)), null);

  @Test
  void markdownReportsTheEpochsEachTrainedMethodRanAndKept() {
    String md = EvaluationReport.markdown("toy", settings, List.of(mean, hexagan));
    assertTrue(md.contains("| hexagan | 50.0 (40–60) | 20.0 (10–30) | 2 of 2 |"), md);
    assertFalse(md.contains("| mean | 0.0"), "a method without training has no epoch row:\n" + md);
  }

  @Test
  void markdownHasNoEpochTableWithoutTrainedMethods() {
    assertFalse(EvaluationReport.markdown("toy", settings, List.of(mean)).contains("epochs run"));
  }

  @Test
  void jsonEntriesCarryTheEpochsOfTrainedMethodsOnly() {
    List<EvaluationReport.Entry> entries = EvaluationReport.entries("toy", List.of(mean, hexagan));
    assertEquals(2, entries.stream().filter(e -> e.method().equals("mean")).count());
    EvaluationReport.Entry kept = entries.stream()
        .filter(e -> e.method().equals("hexagan") && e.metric().equals(EvaluationReport.EPOCH_KEPT)).findFirst()
        .orElseThrow();
    assertEquals(20.0, kept.mean(), 0.0);
    assertEquals(2, kept.folds());
    assertEquals(List.of(10.0, 30.0), kept.perFold());
  }

  @Test
  void jsonEntriesCarryEachFoldsValueInOrder() {
    EvaluationReport.Entry rmse = EvaluationReport.entries("toy", List.of(hexagan)).stream()
        .filter(e -> e.metric().equals(EvaluationReport.RMSE_GLOBAL)).findFirst().orElseThrow();
    assertEquals(List.of(0.06, 0.07), rmse.perFold());
    assertEquals(0.065, rmse.mean(), 1e-15);
  }
}
