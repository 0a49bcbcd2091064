package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HexaGAN with GAIN's hint for D_MI ({@code losses.hintRate}): it trains to finite losses, plays a
 * different game from the one without the hint, and keeps the observed cells.
 */
class HintTrainingTest {

  @Test
  void trainsWithAHintedCriticAndKeepsObservedCells() {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(160, 6, 0.1, 0.3, 0.2, 0.8, 3);
    HexaGanConfig plain = SyntheticTables.quick(3);
    HexaGanConfig hinted = plain.withLosses(plain.losses().withHintRate(0.9));
    double[][] values = data.table().values();
    List<EpochReport> with;
    List<EpochReport> without;
    try (HexaGanModel m = HexaGan.train(data.table(), hinted)) {
      with = m.summary().history();
      double[][] imputed = m.impute(values);
      for (int i = 0; i < values.length; i++) {
        for (int c = 0; c < values[i].length; c++) {
          if (Double.isNaN(values[i][c])) {
            assertTrue(imputed[i][c] >= 0 && imputed[i][c] <= 1, "imputed " + imputed[i][c]);
          } else {
            assertEquals(Double.doubleToRawLongBits(values[i][c]), Double.doubleToRawLongBits(imputed[i][c]));
          }
        }
      }
    }
    try (HexaGanModel m = HexaGan.train(data.table(), plain)) {
      without = m.summary().history();
    }
    for (EpochReport r : with) {
      for (Map.Entry<String, Double> e : r.meanLosses().entrySet()) {
        assertTrue(Double.isFinite(e.getValue()), "epoch " + r.epoch() + " " + e.getKey());
      }
    }
    Map<String, Double> last = with.get(with.size() - 1).meanLosses();
    assertNotEquals(without.get(without.size() - 1).meanLosses(), last);
  }
}
