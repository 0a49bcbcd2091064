package io.hexagan.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A part of a generate job: {@code rows} rows of class {@code classId}, the {@code index}-th slice
 * of that class, its noise seeded by a mix of the base seed, the class and the index.
 *
 * @param classId the class
 * @param index the slice's number within its class
 * @param rows rows to generate, 1 to {@link #MAX_ROWS}
 */
record GenerateSlice(int classId, long index, int rows) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per slice: one call into the model. */
  static final int MAX_ROWS = 16_384;

  GenerateSlice {
    if (classId < 0 || index < 0 || rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("expected classId ≥ 0, index ≥ 0 and 1 to " + MAX_ROWS + " rows; found "
          + classId + ", " + index + ", " + rows);
    }
  }

  /** The slices of {@code counts[c]} rows of each class {@code c}. */
  static List<GenerateSlice> plan(long[] counts) {
    List<GenerateSlice> slices = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] < 0) {
        throw new IllegalArgumentException("count of class " + c + ": expected ≥ 0, found " + counts[c]);
      }
      for (long start = 0, index = 0; start < counts[c]; start += MAX_ROWS, index++) {
        slices.add(new GenerateSlice(c, index, (int) Math.min(MAX_ROWS, counts[c] - start)));
      }
    }
    return slices;
  }

  long seed(long baseSeed) {
    return Seeds.mix(baseSeed, classId, index);
  }
}
