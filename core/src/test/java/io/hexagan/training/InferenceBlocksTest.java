package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How many rows an inference endpoint takes per {@code Session.run}. */
class InferenceBlocksTest {

  @Test
  void tablesRunAsManyRowsAsTheCallerAllows() {
    // credit's 30,000 rows of 23 columns (validation: all at once; a model: 16,384 per call),
    // madelon's 2,600 of 500, one draw; three members
    assertEquals(30_000, InferenceBlocks.rows(30_000, 23, 1, 1));
    assertEquals(HexaGanModel.CHUNK_ROWS, InferenceBlocks.rows(HexaGanModel.CHUNK_ROWS, 23, 1, 3));
    assertEquals(2_600, InferenceBlocks.rows(2_600, 500, 1, 3));
  }

  @Test
  void imagesWithManyDrawsRunInBlocksUnderTheBudget() {
    int block = InferenceBlocks.rows(9_000, 784, 30, 1);
    assertTrue((long) block * 784 * 30 <= InferenceBlocks.VALUES_PER_RUN);
    assertTrue((long) (block + 1) * 784 * 30 > InferenceBlocks.VALUES_PER_RUN);
    assertEquals(178, block);
    assertEquals(block / 2, InferenceBlocks.rows(9_000, 784, 30, 2), "two members hold twice the values");
    assertEquals(1, InferenceBlocks.rows(10, 1 << 20, 1000, 1), "at least one row");
  }
}
