package io.hexagan.training;

import io.hexagan.io.MaskedTable;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks settings by validation on the user's own table ({@code hexagan train --tune}): trains one
 * model per candidate, all on the same validation split (the split depends on the seed and the
 * table only), and keeps the one whose kept epoch scored best on the configured criterion.
 *
 * <p>The candidates vary which column pairs G_MI's linear skip path may use ({@link #candidates}):
 * the pairs the screening passes at s = {@value HexaGanConfig#DEFAULT_SKIP_SCREENING}, the default,
 * and every pair (s = 0). With the defaults' two passes and no L1, every pair imputed breast better
 * (0.0520 against 0.0533) and wine worse (0.1532 against 0.1486 over five seeds): the tables
 * disagree, so the user's own validation split chooses (docs/RESULTS.md, "Settings chosen on the
 * user's table").
 */
public final class Tuning {
  private static final Logger LOG = LoggerFactory.getLogger(Tuning.class);

  private Tuning() {}

  /** Screening levels of the skip path's column pairs that {@link #candidates} tries (0 = every pair). */
  public static final double[] SKIP_SCREENINGS = {HexaGanConfig.DEFAULT_SKIP_SCREENING, 0};

  /** A named configuration to try. */
  public record Candidate(String name, HexaGanConfig config) {}

  /** One candidate's outcome: the validation score of its kept epoch (lower is better). */
  public record Trial(String name, double validationScore, int keptEpoch, int epochs, long millis) {}

  /** The chosen candidate's model (open: the caller closes it) and every trial, in order. */
  public record Result(HexaGanModel model, String chosen, List<Trial> trials) {}

  /**
   * {@code base} with G_MI's linear skip path and each screening level of {@link #SKIP_SCREENINGS};
   * everything else as in {@code base}.
   */
  public static List<Candidate> candidates(HexaGanConfig base) {
    if (base.schedule().validationCells() <= 0 && base.schedule().validationLabels() <= 0) {
      throw new IllegalArgumentException("--tune: choosing needs a validation split, but the settings have none");
    }
    List<Candidate> out = new ArrayList<>();
    for (double level : SKIP_SCREENINGS) {
      out.add(new Candidate("skipScreening=" + level, base
          .withArchitecture(base.architecture().withLinearSkip(true))
          .withLosses(base.losses().withSkipScreening(level))));
    }
    return out;
  }

  /** Trains every candidate on {@code table} and keeps the best by validation. */
  public static Result tune(MaskedTable table, List<Candidate> candidates, TrainingListener listener) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("--tune: no candidate settings");
    }
    List<Trial> trials = new ArrayList<>();
    HexaGanModel best = null;
    String chosen = null;
    double bestScore = Double.POSITIVE_INFINITY;
    try {
      for (Candidate c : candidates) {
        HexaGanModel m = HexaGan.train(table, c.config(), listener);
        TrainingSummary s = m.summary();
        double score = keptScore(s);
        trials.add(new Trial(c.name(), score, s.keptEpoch(), s.epochs(), s.millis()));
        LOG.info("tune: {} validated {} (kept epoch {} of {})", c.name(), score, s.keptEpoch(), s.epochs());
        if (best == null || score < bestScore) {
          if (best != null) {
            best.close();
          }
          best = m;
          chosen = c.name();
          bestScore = score;
        } else {
          m.close();
        }
      }
    } catch (RuntimeException e) {
      if (best != null) {
        best.close();
      }
      throw e;
    }
    LOG.info("tune: chose {}", chosen);
    return new Result(best, chosen, trials);
  }

  /** The validation score of the kept epoch, or +∞ when no epoch was validated. */
  static double keptScore(TrainingSummary s) {
    for (EpochReport r : s.history()) {
      if (!r.warmup() && r.epoch() == s.keptEpoch() && r.validation() != null) {
        return r.validation().score();
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
