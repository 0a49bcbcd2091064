package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How many rows validation's inference feeds per {@code Session.run}. */
class InferenceBlocksTest {

  @Test
  void tablesRunInOneBlock() {
    // credit's 30,000 rows of 23 columns, madelon's 2,600 of 500, one draw each
    assertEquals(30_000, GraphSession.blockRows(30_000, 23, 1));
    assertEquals(2_600, GraphSession.blockRows(2_600, 500, 1));
  }

  @Test
  void imagesWithManyDrawsRunInBlocksUnderTheBudget() {
    int block = GraphSession.blockRows(9_000, 784, 30);
    assertEquals(GraphSession.VALUES_PER_RUN / (784 * 30), block);
    assertTrue((long) block * 784 * 30 <= GraphSession.VALUES_PER_RUN);
    assertTrue((long) (block + 1) * 784 * 30 > GraphSession.VALUES_PER_RUN);
    assertEquals(1, GraphSession.blockRows(10, 1 << 20, 1000), "at least one row");
  }
}
