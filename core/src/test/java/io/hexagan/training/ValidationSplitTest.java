package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.MaskedTable;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The validation cells: scored each epoch in at most {@link Schedule#MAX_VALIDATION_ROWS} rows,
 * drawn from every row when a refinement will choose on them, never a column's last two observed
 * cells.
 */
class ValidationSplitTest {
  private static final Schedule SCHEDULE = HexaGanConfig.defaults().schedule();

  /** n rows of three columns, 20% missing at random; column 2 observed in only three rows. */
  private static MaskedTable table(int n) {
    SplittableRandom random = new SplittableRandom(11);
    double[][] values = new double[n][3];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < 2; c++) {
        values[r][c] = random.nextDouble() < 0.2 ? Double.NaN : random.nextDouble();
      }
      values[r][2] = r < 3 ? 1.0 : Double.NaN;
    }
    return MaskedTable.unlabeled(values, List.of("a", "b", "rare"));
  }

  @Test
  void aLargeTableHidesCellsInEveryRowAndScoresAtMostTheCap() {
    int n = 3 * Schedule.MAX_VALIDATION_ROWS;
    MaskedTable table = table(n);
    ValidationSplit split = ValidationSplit.choose(table, SCHEDULE, 7, true);
    int scoredRows = 0;
    int hidden = 0;
    int hiddenOutsideScored = 0;
    int observed = 0;
    for (int r = 0; r < n; r++) {
      scoredRows += split.scoredRows()[r] ? 1 : 0;
      for (int c = 0; c < 3; c++) {
        observed += table.observed(r, c) ? 1 : 0;
        if (split.hiddenCells()[r][c]) {
          assertTrue(table.observed(r, c), "a hidden cell must be observed: row " + r);
          hidden++;
          hiddenOutsideScored += split.scoredRows()[r] ? 0 : 1;
          assertEquals(split.scoredRows()[r], split.scored(r, c));
        } else {
          assertFalse(split.scored(r, c));
        }
      }
    }
    assertEquals(Schedule.MAX_VALIDATION_ROWS, scoredRows);
    assertEquals(hidden, split.hiddenCellCount());
    // 5% of 2·0.8·3·5,000 = 24,000 observed cells: 1,200 expected, ± 5 standard deviations (~34 each).
    assertEquals(0.05 * observed, hidden, 5 * Math.sqrt(0.05 * 0.95 * observed));
    // Two thirds of the rows lie outside the scored ones, and so do about two thirds of the cells.
    assertEquals(2.0 / 3 * hidden, hiddenOutsideScored, 5 * Math.sqrt(hidden * 2.0 / 9));
    int rareHidden = 0;
    for (int r = 0; r < 3; r++) {
      rareHidden += split.hiddenCells()[r][2] ? 1 : 0;
    }
    assertTrue(rareHidden <= 1, "column 2 keeps its last two observed cells");
  }

  /** Without a refinement to choose, cells come from the scored rows alone, the same cells there. */
  @Test
  void withoutARefinementOnlyTheScoredRowsHideCells() {
    int n = 3 * Schedule.MAX_VALIDATION_ROWS;
    MaskedTable table = table(n);
    ValidationSplit every = ValidationSplit.choose(table, SCHEDULE, 7, true);
    ValidationSplit scoredOnly = ValidationSplit.choose(table, SCHEDULE, 7, false);
    int hidden = 0;
    for (int r = 0; r < n; r++) {
      assertEquals(every.scoredRows()[r], scoredOnly.scoredRows()[r]);
      for (int c = 0; c < 3; c++) {
        if (scoredOnly.hiddenCells()[r][c]) {
          assertTrue(scoredOnly.scoredRows()[r], "row " + r + " is not scored");
          hidden++;
        }
        assertEquals(every.scored(r, c), scoredOnly.scored(r, c), "row " + r + ", column " + c);
      }
    }
    assertEquals(hidden, scoredOnly.hiddenCellCount());
    assertTrue(every.hiddenCellCount() > 2 * hidden, every.hiddenCellCount() + " against " + hidden);
  }

  /** Whether a configuration refines decides where cells come from: the defaults do, the paper's recipe and images do not. */
  @Test
  void theDefaultsRefineThePaperAndImagesDoNot() {
    assertTrue(Trainer.refines(HexaGanConfig.defaults()));
    assertFalse(Trainer.refines(HexaGanConfig.paper()));
    assertFalse(Trainer.refines(HexaGanConfig.mnist()));
  }

  @Test
  void aSmallTableScoresEveryRowAndTheSameSeedGivesTheSameSplit() {
    MaskedTable table = table(400);
    ValidationSplit split = ValidationSplit.choose(table, SCHEDULE, 3, true);
    for (int r = 0; r < 400; r++) {
      assertTrue(split.scoredRows()[r]);
    }
    ValidationSplit again = ValidationSplit.choose(table, SCHEDULE, 3, true);
    ValidationSplit scoredOnly = ValidationSplit.choose(table, SCHEDULE, 3, false);
    for (int r = 0; r < 400; r++) {
      assertArrayEquals(split.hiddenCells()[r], again.hiddenCells()[r]);
      assertArrayEquals(split.hiddenCells()[r], scoredOnly.hiddenCells()[r]);
    }
    assertArrayEquals(split.hiddenLabelRows(), again.hiddenLabelRows());
    assertArrayEquals(split.hiddenLabelRows(), scoredOnly.hiddenLabelRows());
  }
}
