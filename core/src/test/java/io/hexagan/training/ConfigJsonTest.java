package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.PseudoLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Config files lay their fields over a base; unknown fields and bad values are errors naming the file. */
class ConfigJsonTest {
  @Test
  void overlayChangesOnlyWhatItNames() {
    HexaGanConfig base = HexaGanConfig.defaults();
    HexaGanConfig c = ConfigJson.overlay(base, "{\"seed\": 7, \"optimizer\": {\"batchSize\": 128}}", "x.json");
    assertEquals(7, c.seed());
    assertEquals(128, c.optimizer().batchSize());
    assertEquals(base.optimizer().imputationRate(), c.optimizer().imputationRate());
    assertEquals(base.losses(), c.losses());
  }

  @Test
  void wholeConfigRoundTrips() {
    HexaGanConfig paper = HexaGanConfig.paper().withLosses(HexaGanConfig.paper().losses().withPseudoLabels(PseudoLabels.SOFT));
    assertEquals(paper, ConfigJson.overlay(HexaGanConfig.defaults(), ConfigJson.toJson(paper), "all.json"));
  }

  @Test
  void unknownFieldsAndBadValuesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfigJson.overlay(HexaGanConfig.defaults(), "{\"optimizer\": {\"batchSise\": 1}}", "typo.json"));
    assertTrue(e.getMessage().startsWith("typo.json: ") && e.getMessage().contains("batchSise"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ConfigJson.overlay(HexaGanConfig.defaults(), "{\"optimizer\": {\"batchSize\": 1}}", "small.json"));
    assertTrue(e.getMessage().startsWith("small.json: ") && e.getMessage().contains("batchSize"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConfigJson.overlay(HexaGanConfig.defaults(), "[1]", "a.json"));
  }

  /** The configurations docs/RESULTS.md's commands name must stay valid. */
  @Test
  void documentedConfigsParse() throws IOException {
    Path dir = Path.of("..", "docs", "configs");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path f : files) {
      ConfigJson.read(f, HexaGanConfig.defaults());
    }
    HexaGanConfig d = HexaGanConfig.defaults();
    assertEquals(d, ConfigJson.read(dir.resolve("step21-forest-class-inputs.json"), d));
    assertTrue(d.refinement().forestClassInputs());
    // Every configuration measured before step 21 with forests pins forests that read no class.
    HexaGanConfig step20 = d.withRefinement(d.refinement().withForestClassInputs(false));
    assertEquals(step20, ConfigJson.read(dir.resolve("step20-forest-regrowths.json"), d), "step 20's file");
    assertEquals(HexaGanConfig.DEFAULT_FOREST_REGROWTHS, d.refinement().forestRegrowths());
    // Every configuration measured before step 20 with forests pins one round of them.
    HexaGanConfig step19 = step20.withRefinement(step20.refinement().withForestRegrowths(0));
    assertEquals(step19, ConfigJson.read(dir.resolve("step19-forest-features.json"), d), "step 19's file");
    assertEquals(HexaGanConfig.DEFAULT_FOREST_FEATURES, d.refinement().forestFeatures());
    // Every configuration measured before step 19 with forests pins missForest's ⌊√d⌋ per split.
    HexaGanConfig step18 = step19.withRefinement(step19.refinement().withForestFeatures(0));
    assertStep(dir, d, step18, 18, "step18-fitted-share.json", "tried-fitted-pooled-share.json");
    assertTrue(step18.refinement().fittedPooledShare());
    // The configurations measured at step 17 blend the undecided columns on the pooled t.
    HexaGanConfig step17 = step18.withRefinement(step18.refinement().withFittedPooledShare(false));
    assertStep(dir, d, step17, 17, "step17-blend.json", "tried-blend-0.5.json");
    assertTrue(step17.refinement().blends());
    // Every configuration measured before step 17 with forests pins the blend off (and leaves how
    // the pooled share is chosen, which nothing reads without the blend, at the default).
    HexaGanConfig step16 = step18.withRefinement(step18.refinement().withBlendShare(0));
    assertStep(dir, d, step16, 16, "step16-classifier-forest.json", "tried-classifier-forest-100.json");
    assertTrue(step16.refinement().classifier());
    // Every configuration measured before step 16 pins C alone.
    HexaGanConfig step15 = step16.withRefinement(step16.refinement().withClassifierTrees(0));
    assertStep(dir, d, step15, 15, "step15-component-predictors.json", "tried-component-predictors.json");
    assertTrue(step15.refinement().componentPredictors());
    // Every configuration measured before step 15 pins the screened partners alone.
    HexaGanConfig step14 = step15.withRefinement(step15.refinement().withComponentPredictors(false));
    assertStep(dir, d, step14, 14, "step14-forests.json", "tried-forests-100.json");
    assertTrue(step14.refinement().forests());
    // Every configuration measured before step 14 pins the forests off (and leaves the blend's
    // share, the forests' features per split, their regrowths and whether they read the class, which nothing
    // reads without forests, at the default).
    HexaGanConfig step13 = step14.withRefinement(step14.refinement().withForestTrees(0)
        .withBlendShare(d.refinement().blendShare()).withForestFeatures(d.refinement().forestFeatures())
        .withForestRegrowths(d.refinement().forestRegrowths())
        .withForestClassInputs(d.refinement().forestClassInputs()));
    assertStep(dir, d, step13, 13, "step13-refinement.json", "tried-refinement-5-t2.json");
    assertTrue(step13.refinement().on());
    assertEquals(d.withRefinement(new RefinementSettings(5, 3e-4, 1, 0, 5, false, 0, d.refinement().blendShare(),
        d.refinement().fittedPooledShare(), d.refinement().forestFeatures(), d.refinement().forestRegrowths(), d.refinement().forestClassInputs())),
        ConfigJson.read(dir.resolve("tried-refinement-5.json"), d));
    // Every configuration measured before step 13 pins the refinement off.
    HexaGanConfig step12 = d.withRefinement(d.refinement().withPasses(0));
    assertStep(dir, d, step12, 12, "step12-conditional-overlap.json", "tried-conditional-overlap.json");
    assertTrue(d.optimizer().conditionalOverlap());
    // Every configuration measured before step 12 pins the authors' update order.
    HexaGanConfig step11 = step12.withOptimizer(d.optimizer().withConditionalOverlap(false));
    assertStep(dir, d, step11, 11, "step11-quantile-inputs.json", "tried-quantile-inputs-16.json");
    assertEquals(HexaGanConfig.DEFAULT_QUANTILE_SEGMENTS, d.architecture().quantileInputs());
    assertEquals(0, d.architecture().levelIndicators());
    assertEquals(0, d.losses().varianceWeighting());
    // Every configuration measured before step 11 pins E to (x̃, m) alone.
    HexaGanConfig step10 = step11.withArchitecture(d.architecture().withQuantileInputs(0));
    assertStep(dir, d, step10, 10, "step10-draws-10.json", "tried-draws-10-step9.json");
    // Every configuration measured before step 10 pins one draw.
    HexaGanConfig step9 = step10.withImputationDraws(1);
    assertStep(dir, d, step9, 9, "step9-screened-chained-skip.json", "tried-skip-screening-0.01-0-chained.json");
    // Every configuration measured before step 9 pins its skip path: one pass, κ = 10⁻³, no screening.
    HexaGanConfig step8 = step9.withArchitecture(step9.architecture().withChainedSkip(false))
        .withLosses(step9.losses().withSkipSparsity(1e-3).withSkipScreening(0));
    assertEquals(step8, ConfigJson.read(dir.resolve("step8-linear-skip.json"), d), "step 8 is step 9 with one unscreened pass");
    HexaGanConfig step7 = step8.withArchitecture(step8.architecture().withLinearSkip(false));
    assertEquals(step7, ConfigJson.read(dir.resolve("step7-hidden-256.json"), d), "step 7 is step 8 without the skip path");
    HexaGanConfig step6 = step7.withArchitecture(step7.architecture().withHiddenUnits(128));
    assertEquals(step6, ConfigJson.read(dir.resolve("step6-weight-average.json"), d), "step 6 is step 7 128 wide");
    assertEquals(step6.withOptimizer(step6.optimizer().withAveragingEpochs(0)),
        ConfigJson.read(dir.resolve("step5-imputation-criterion.json"), d), "step 5 is step 6 without the average");
    assertTrue(HexaGanConfig.ensemble().optimizer().conditionalOverlap());
    HexaGanConfig ensemble = HexaGanConfig.ensemble().withOptimizer(step11.optimizer()).withRefinement(step12.refinement());
    assertEquals(ensemble, ConfigJson.read(dir.resolve("tried-members-3-step11.json"), d),
        "the ensemble preset, in the authors' order, is the configuration measured with step 11's ranks");
    HexaGanConfig ensembleStep10 = ensemble.withArchitecture(ensemble.architecture().withQuantileInputs(0));
    assertEquals(ensembleStep10, ConfigJson.read(dir.resolve("tried-members-3-draws-10.json"), d),
        "the ensemble preset before step 11 is the measured configuration");
    assertEquals(ensembleStep10.withImputationDraws(1), ConfigJson.read(dir.resolve("tried-members-3-step9.json"), d),
        "the ensemble preset until stop 25 drew once");
    assertEquals(1, d.architecture().members());
    assertEquals(HexaGanConfig.DEFAULT_IMPUTATION_DRAWS, d.imputationDraws());
    assertEquals(step8.withArchitecture(step8.architecture().withRefinerUnits(32)),
        ConfigJson.read(dir.resolve("tried-table-refiner-32.json"), d), "the refiner is the defaults' option");
    assertEquals(step8.withLosses(step8.losses().withHintRate(0.9)), ConfigJson.read(dir.resolve("tried-hint-0.9.json"), d),
        "the hint is the defaults' option");
    assertEquals(0, d.architecture().refinerUnits());
    assertEquals(0, d.losses().hintRate());
    assertEquals(step11.withSchedule(d.schedule().withPlateau(10, 0.5)), ConfigJson.read(dir.resolve("tried-plateau-10-0.5.json"), d),
        "the plateau is the defaults' option");
    assertEquals(step11.withArchitecture(d.architecture().withImputerLayerNorm(true)),
        ConfigJson.read(dir.resolve("tried-imputer-layer-norm.json"), d), "layer normalisation is the defaults' option");
    assertEquals(0, d.schedule().plateauEpochs());
    assertFalse(d.architecture().imputerLayerNorm());
    assertEquals(step12.withArchitecture(d.architecture().withOutputMargin(0.05)),
        ConfigJson.read(dir.resolve("tried-output-margin-0.05.json"), d), "the output margin is the defaults' option");
    assertEquals(0, d.architecture().outputMargin(), "G_MI's plain sigmoid stays the default");
    assertEquals(step12.withOptimizer(d.optimizer().withConditionalSimultaneous(true)),
        ConfigJson.read(dir.resolve("tried-conditional-simultaneous.json"), d), "simultaneous rounds are the defaults' option");
    assertFalse(d.optimizer().conditionalSimultaneous(), "the authors' alternation stays the default");
  }

  /**
   * The file of step {@code step} and the configuration measured as that step both read as {@code
   * expected} over the defaults {@code d}.
   */
  private static void assertStep(Path dir, HexaGanConfig d, HexaGanConfig expected, int step, String stepFile,
      String measuredFile) {
    assertEquals(expected, ConfigJson.read(dir.resolve(stepFile), d), "step " + step + "'s file");
    assertEquals(expected, ConfigJson.read(dir.resolve(measuredFile), d), "step " + step + " is the measured configuration");
  }
}
