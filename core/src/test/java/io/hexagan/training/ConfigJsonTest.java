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
    assertEquals(d, ConfigJson.read(dir.resolve("step19-forest-features.json"), d));
    assertEquals(HexaGanConfig.DEFAULT_FOREST_FEATURES, d.refinement().forestFeatures());
    // Every configuration measured before step 19 with forests pins missForest's ⌊√d⌋ per split.
    HexaGanConfig step18 = d.withRefinement(d.refinement().withForestFeatures(0));
    assertEquals(step18, ConfigJson.read(dir.resolve("step18-fitted-share.json"), d));
    assertTrue(step18.refinement().fittedPooledShare());
    assertEquals(step18, ConfigJson.read(dir.resolve("tried-fitted-pooled-share.json"), d), "step 18 is the measured configuration");
    // The configurations measured at step 17 blend the undecided columns on the pooled t.
    HexaGanConfig step17 = step18.withRefinement(step18.refinement().withFittedPooledShare(false));
    assertEquals(step17, ConfigJson.read(dir.resolve("step17-blend.json"), d));
    assertTrue(step17.refinement().blends());
    assertEquals(step17, ConfigJson.read(dir.resolve("tried-blend-0.5.json"), d), "step 17 is the measured configuration");
    // Every configuration measured before step 17 with forests pins the blend off (and leaves how
    // the pooled share is chosen, which nothing reads without the blend, at the default).
    HexaGanConfig step16 = step18.withRefinement(step18.refinement().withBlendShare(0));
    assertEquals(step16, ConfigJson.read(dir.resolve("step16-classifier-forest.json"), d));
    assertTrue(step16.refinement().classifier());
    assertEquals(step16, ConfigJson.read(dir.resolve("tried-classifier-forest-100.json"), d), "step 16 is the measured configuration");
    // Every configuration measured before step 16 pins C alone.
    HexaGanConfig step15 = step16.withRefinement(step16.refinement().withClassifierTrees(0));
    assertEquals(step15, ConfigJson.read(dir.resolve("step15-component-predictors.json"), d));
    assertTrue(step15.refinement().componentPredictors());
    assertEquals(step15, ConfigJson.read(dir.resolve("tried-component-predictors.json"), d), "step 15 is the measured configuration");
    // Every configuration measured before step 15 pins the screened partners alone.
    HexaGanConfig step14 = step15.withRefinement(step15.refinement().withComponentPredictors(false));
    assertEquals(step14, ConfigJson.read(dir.resolve("step14-forests.json"), d));
    assertTrue(step14.refinement().forests());
    assertEquals(step14, ConfigJson.read(dir.resolve("tried-forests-100.json"), d), "step 14 is the measured configuration");
    // Every configuration measured before step 14 pins the forests off (and leaves the blend's
    // share and the forests' features per split, which nothing reads without forests, at the default).
    HexaGanConfig step13 = step14.withRefinement(step14.refinement().withForestTrees(0)
        .withBlendShare(d.refinement().blendShare()).withForestFeatures(d.refinement().forestFeatures()));
    assertEquals(step13, ConfigJson.read(dir.resolve("step13-refinement.json"), d));
    assertTrue(step13.refinement().on());
    assertEquals(step13, ConfigJson.read(dir.resolve("tried-refinement-5-t2.json"), d), "step 13 is the measured configuration");
    assertEquals(d.withRefinement(new RefinementSettings(5, 3e-4, 1, 0, 5, false, 0, d.refinement().blendShare(),
        d.refinement().fittedPooledShare(), d.refinement().forestFeatures())),
        ConfigJson.read(dir.resolve("tried-refinement-5.json"), d));
    // Every configuration measured before step 13 pins the refinement off.
    HexaGanConfig step12 = d.withRefinement(d.refinement().withPasses(0));
    assertEquals(step12, ConfigJson.read(dir.resolve("step12-conditional-overlap.json"), d));
    assertTrue(d.optimizer().conditionalOverlap());
    assertEquals(step12, ConfigJson.read(dir.resolve("tried-conditional-overlap.json"), d), "step 12 is the measured configuration");
    // Every configuration measured before step 12 pins the authors' update order.
    HexaGanConfig step11 = step12.withOptimizer(d.optimizer().withConditionalOverlap(false));
    assertEquals(step11, ConfigJson.read(dir.resolve("step11-quantile-inputs.json"), d));
    assertEquals(step11, ConfigJson.read(dir.resolve("tried-quantile-inputs-16.json"), d), "step 11 is the measured configuration");
    assertEquals(HexaGanConfig.DEFAULT_QUANTILE_SEGMENTS, d.architecture().quantileInputs());
    assertEquals(0, d.architecture().levelIndicators());
    assertEquals(0, d.losses().varianceWeighting());
    // Every configuration measured before step 11 pins E to (x̃, m) alone.
    HexaGanConfig step10 = step11.withArchitecture(d.architecture().withQuantileInputs(0));
    assertEquals(step10, ConfigJson.read(dir.resolve("step10-draws-10.json"), d));
    assertEquals(step10, ConfigJson.read(dir.resolve("tried-draws-10-step9.json"), d), "step 10 is the measured configuration");
    // Every configuration measured before step 10 pins one draw.
    HexaGanConfig step9 = step10.withImputationDraws(1);
    assertEquals(step9, ConfigJson.read(dir.resolve("step9-screened-chained-skip.json"), d));
    assertEquals(step9, ConfigJson.read(dir.resolve("tried-skip-screening-0.01-0-chained.json"), d),
        "step 9 is the measured configuration");
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
}
