package io.hexagan.training;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import io.hexagan.graph.LevelIndicators;

/** Finds the few-valued columns of the training table and their levels ({@link LevelIndicators}). */
final class ColumnLevels {
  private ColumnLevels() {}

  /**
   * The indicators of every column whose observed cells take between 3 and {@code maxLevels}
   * distinct values (a two-valued column is its own indicator already).
   *
   * @param values scaled cells, row-major rows × features
   * @param mask 1 where a cell is observed
   * @param maxLevels most distinct values a column may take to get indicators; 0 = none
   */
  static LevelIndicators find(float[] values, float[] mask, int features, int maxLevels) {
    if (maxLevels < 3) {
      return LevelIndicators.NONE;
    }
    List<Integer> columns = new ArrayList<>();
    List<Float> levels = new ArrayList<>();
    List<Float> widths = new ArrayList<>();
    for (int j = 0; j < features; j++) {
      TreeSet<Float> seen = new TreeSet<>();
      for (int i = j; i < values.length && seen.size() <= maxLevels; i += features) {
        if (mask[i] > 0) {
          seen.add(values[i]);
        }
      }
      if (seen.size() < 3 || seen.size() > maxLevels) {
        continue;
      }
      Float[] sorted = seen.toArray(new Float[0]);
      for (int k = 0; k < sorted.length; k++) {
        float left = k > 0 ? sorted[k] - sorted[k - 1] : Float.POSITIVE_INFINITY;
        float right = k + 1 < sorted.length ? sorted[k + 1] - sorted[k] : Float.POSITIVE_INFINITY;
        columns.add(j);
        levels.add(sorted[k]);
        widths.add(Math.min(left, right));
      }
    }
    int[] c = new int[columns.size()];
    float[] l = new float[c.length];
    float[] w = new float[c.length];
    for (int k = 0; k < c.length; k++) {
      c[k] = columns.get(k);
      l[k] = levels.get(k);
      w[k] = widths.get(k);
    }
    return new LevelIndicators(c, l, w);
  }
}
