package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.CsvOptions;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.SessionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authors' protocol: each figure at the epoch where it is best on the test fold. */
class BestTestEpochTest {

  /** 100 rows, two correlated columns, class b every tenth row. */
  private static EvaluationData table(Path dir) throws IOException {
    StringBuilder b = new StringBuilder("x,y,z,label\n");
    for (int r = 0; r < 100; r++) {
      b.append(r).append(',').append(2 * r + r % 3).append(',').append(r % 5).append(',')
          .append(r % 10 == 3 ? "b" : "a").append('\n');
    }
    Path file = dir.resolve("toy.csv");
    Files.writeString(file, b);
    return EvaluationData.read(file, "label", CsvOptions.DEFAULT);
  }

  /** The test rows with every missing cell set to {@code fill}. */
  private static double[][] filled(FoldData fold, double fill) {
    double[][] out = new double[fold.testValues().length][];
    for (int r = 0; r < out.length; r++) {
      out[r] = fold.testValues()[r].clone();
      for (int c = 0; c < out[r].length; c++) {
        out[r][c] = Double.isNaN(out[r][c]) ? fill : out[r][c];
      }
    }
    return out;
  }

  /** Every test row predicted as {@code classId}. */
  private static int[] all(FoldData fold, int classId) {
    int[] p = new int[fold.testValues().length];
    java.util.Arrays.fill(p, classId);
    return p;
  }

  /** A fixed output: missing cells filled with {@code fill}, every row predicted {@code classId}. */
  private record Fixed(String name, double fill, int classId) implements EvaluationMethod {
    @Override
    public MethodOutput run(FoldData fold) {
      return new MethodOutput(filled(fold, fill), all(fold, classId), null);
    }
  }

  /**
   * Three epochs: the first imputes well (fill 50) and predicts every row as a (F1 of b: 0), the
   * second imputes badly (fill 10⁴) and predicts every row as b, the third badly and as a; the
   * final output is the third.
   */
  private record ThreeEpochs(String name) implements EpochwiseMethod {
    @Override
    public MethodOutput run(FoldData fold, Consumer<MethodOutput> afterEpoch) {
      int a = fold.classes().indexOf("a");
      int b = fold.classes().indexOf("b");
      List<MethodOutput> epochs = List.of(new MethodOutput(filled(fold, 50), all(fold, a), null),
          new MethodOutput(filled(fold, 1e4), all(fold, b), null), new MethodOutput(filled(fold, 1e4), all(fold, a), null));
      if (afterEpoch != null) {
        epochs.forEach(afterEpoch);
      }
      return epochs.get(2);
    }
  }

  private static Map<String, MethodSummary> byName(List<MethodSummary> results) {
    return results.stream().collect(Collectors.toMap(MethodSummary::method, r -> r));
  }

  @Test
  void eachFigureComesFromTheEpochWhereItIsBestOnTheTestFold(@TempDir Path dir) throws IOException {
    EvaluationData data = table(dir);
    EvaluationSettings settings = new EvaluationSettings(0.2, 0.2, 2, 1, 0, List.of("b"), true);
    List<EvaluationMethod> methods = List.of(new ThreeEpochs("epochs"), new Fixed("good-imputation", 50, 0),
        new Fixed("last", 1e4, 0));
    List<MethodSummary> results = Evaluation.run(data, settings, methods, step -> { });
    assertEquals(List.of("epochs", "epochs" + Evaluation.BEST_TEST_EPOCH, "good-imputation", "last"),
        results.stream().map(MethodSummary::method).toList(), "one extra row, after its method, for epoch-wise methods only");
    Map<String, MethodSummary> r = byName(results);
    MethodSummary best = r.get("epochs" + Evaluation.BEST_TEST_EPOCH);
    MethodSummary chosen = r.get("epochs");
    // Classes a and b: the Fixed methods' class ids are 0 = a, 1 = b in first-seen order.
    assertEquals(r.get("last").rmseGlobal().mean(), chosen.rmseGlobal().mean(), 0, "the method's own row is its final output");
    assertEquals(r.get("good-imputation").rmseGlobal().mean(), best.rmseGlobal().mean(), 0, "RMSE from epoch 1");
    assertEquals(r.get("good-imputation").rmsePerRow().mean(), best.rmsePerRow().mean(), 0, "per row from epoch 1");
    assertEquals(0, chosen.f1().mean(), 0, "all a: F1 of b is 0");
    assertEquals(2 * 0.1 / 1.1, best.f1().mean(), 1e-12, "F1 from epoch 2 (all b: precision 0.1, recall 1)");
    assertTrue(best.rmseGlobal().mean() < chosen.rmseGlobal().mean() / 10);
    assertTrue(best.trainings().isEmpty());
    String table = EvaluationReport.markdown("toy", settings, results);
    assertTrue(table.contains("| epochs" + Evaluation.BEST_TEST_EPOCH + " |") && table.contains("optimistic"), table);
    assertFalse(EvaluationReport.markdown("toy", settings, results.subList(2, 4)).contains("optimistic"));
  }

  @Test
  void withoutTheSettingNoRowIsAddedAndNoEpochIsHandedOver(@TempDir Path dir) throws IOException {
    List<Boolean> handedOver = new ArrayList<>();
    EpochwiseMethod watched = new EpochwiseMethod() {
      @Override
      public String name() {
        return "watched";
      }

      @Override
      public MethodOutput run(FoldData fold, Consumer<MethodOutput> afterEpoch) {
        handedOver.add(afterEpoch != null);
        return new MethodOutput(filled(fold, 50), all(fold, 0), null);
      }
    };
    List<MethodSummary> results = Evaluation.run(table(dir), new EvaluationSettings(0.2, 0.2, 2, 1, 0, List.of(), false),
        List.of(watched), step -> { });
    assertEquals(List.of("watched"), results.stream().map(MethodSummary::method).toList());
    assertEquals(List.of(false, false), handedOver);
  }

  @Test
  void hexaGanHandsOverEveryMainEpochsTestOutputsWithObservedCellsUnchanged(@TempDir Path dir) throws IOException {
    EvaluationData data = table(dir);
    EvaluationData.Masked masked = data.mask(0.2, 0.2, 0);
    Fold fold = new StratifiedKFold(2, 0).split(data.labels()).get(0);
    FoldData foldData = new FoldData(Evaluation.rows(masked.values(), fold.train()),
        Evaluation.select(masked.labels(), fold.train()), Evaluation.rows(masked.values(), fold.test()),
        data.schema().featureNames(), data.schema().classes(), 0, new FoldImputers());
    HexaGanConfig d = HexaGanConfig.defaults();
    HexaGanConfig quick = d.withSchedule(d.schedule().withMaxEpochs(3).withWarmupEpochs(1))
        .withSession(new SessionSettings(1, 1, "", true)).withImputationDraws(1);
    List<MethodOutput> epochs = new ArrayList<>();
    MethodOutput out = new HexaGanMethod("hexagan", quick).run(foldData, epochs::add);
    assertEquals(3, epochs.size(), "one per main epoch, none for the warm-up");
    double[][] test = foldData.testValues();
    for (MethodOutput e : epochs) {
      assertNull(e.training());
      assertEquals(test.length, e.predictedTest().length);
      for (int r = 0; r < test.length; r++) {
        assertTrue(e.predictedTest()[r] == 0 || e.predictedTest()[r] == 1);
        for (int c = 0; c < test[r].length; c++) {
          if (Double.isNaN(test[r][c])) {
            assertFalse(Double.isNaN(e.imputedTest()[r][c]), "imputed at " + r + ", " + c);
          } else {
            assertEquals(test[r][c], e.imputedTest()[r][c], 0, "observed at " + r + ", " + c);
          }
        }
      }
    }
    assertEquals(3, out.training().epochs());
  }
}
