package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --tune}: the candidates it tries, and that it keeps the one that validated best. */
class TuningTest {

  @Test
  void candidatesVaryTheSkipPathsScreeningAndNothingElse() {
    HexaGanConfig base = HexaGanConfig.defaults().withArchitecture(HexaGanConfig.defaults().architecture()
        .withLinearSkip(false));
    List<Tuning.Candidate> candidates = Tuning.candidates(base);
    assertEquals(Tuning.SKIP_SCREENINGS.length, candidates.size());
    for (int k = 0; k < candidates.size(); k++) {
      HexaGanConfig c = candidates.get(k).config();
      assertTrue(c.architecture().linearSkip());
      assertEquals(Tuning.SKIP_SCREENINGS[k], c.losses().skipScreening());
      assertEquals(base.withArchitecture(c.architecture()).withLosses(c.losses()), c);
      assertEquals(base.losses().withSkipScreening(Tuning.SKIP_SCREENINGS[k]), c.losses());
    }
    // With the defaults, the first candidate is the defaults themselves.
    assertEquals(HexaGanConfig.defaults(), Tuning.candidates(HexaGanConfig.defaults()).get(0).config());
    HexaGanConfig noValidation = base.withSchedule(new Schedule(1, 5, 0, 0, 0, StoppingCriterion.IMPUTATION));
    assertThrows(IllegalArgumentException.class, () -> Tuning.candidates(noValidation));
  }

  @Test
  void keepsTheCandidateThatValidatedBest() {
    SyntheticTables.Masked data = SyntheticTables.correlated(200, 0.2, 6);
    HexaGanConfig quick = SyntheticTables.quick(3);
    // Two candidates that differ in their epoch budget, so that their validation differs.
    List<Tuning.Candidate> candidates = List.of(
        new Tuning.Candidate("one epoch", quick.withSchedule(quick.schedule().withMaxEpochs(1))),
        new Tuning.Candidate("three epochs", quick));
    Tuning.Result result = Tuning.tune(data.table(), candidates, TrainingListener.NONE);
    try (HexaGanModel model = result.model()) {
      assertEquals(2, result.trials().size());
      Tuning.Trial best = result.trials().stream().min(Comparator.comparingDouble(Tuning.Trial::validationScore))
          .orElseThrow();
      assertTrue(result.trials().get(0).validationScore() != result.trials().get(1).validationScore());
      assertEquals(best.name(), result.chosen());
      assertEquals(best.epochs(), model.summary().epochs());
      assertEquals(best.validationScore(), Tuning.keptScore(model.summary()));
    }
  }
}
