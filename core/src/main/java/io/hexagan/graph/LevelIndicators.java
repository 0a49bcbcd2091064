package io.hexagan.graph;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Indicators of the levels of few-valued columns (codes such as a payment status −2 … 8), fed to E
 * beside {@code (x̃, m)}: for level {@code l} of column {@code j}, {@code m_j · max(0, 1 − |x̃_j −
 * l| / w)}, with w the distance from l to its nearest other level. At an observed level it is that
 * level's one-hot code; between two levels the two indicators interpolate linearly; a missing cell
 * gives zeros. A column's scalar value alone asks E's first layer to build each level's step out
 * of several units; the indicators hand it over as an input.
 *
 * @param columns per indicator, the feature column it reads
 * @param levels per indicator, the (scaled) level it marks
 * @param widths per indicator, the half-width w of its hat (positive)
 */
public record LevelIndicators(int[] columns, float[] levels, float[] widths) {

  /** No indicators: E sees {@code (x̃, m)} alone, as in the paper. */
  public static final LevelIndicators NONE = new LevelIndicators(new int[0], new float[0], new float[0]);

  public LevelIndicators {
    if (columns.length != levels.length || columns.length != widths.length) {
      throw new IllegalArgumentException("levels: expected as many columns, levels and widths, found "
          + columns.length + ", " + levels.length + " and " + widths.length);
    }
    for (float w : widths) {
      if (!(w > 0)) {
        throw new IllegalArgumentException("widths: expected positive values, found " + w);
      }
    }
    columns = columns.clone();
    levels = levels.clone();
    widths = widths.clone();
  }

  /** Per indicator, the feature column it reads (a copy). */
  @Override
  public int[] columns() {
    return columns.clone();
  }

  /** Per indicator, the level it marks (a copy). */
  @Override
  public float[] levels() {
    return levels.clone();
  }

  /** Per indicator, its hat's half-width (a copy). */
  @Override
  public float[] widths() {
    return widths.clone();
  }

  /** How many indicator inputs E gets. */
  public int count() {
    return columns.length;
  }

  /** The indicators of a batch: [rows, {@link #count()}]. */
  public <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> values, Operand<T> mask, Class<T> type) {
    Operand<T> x = tf.gather(values, tf.constant(columns), tf.constant(1));
    Operand<T> seen = tf.gather(mask, tf.constant(columns), tf.constant(1));
    Operand<T> distance = tf.math.div(
        tf.math.abs(tf.math.sub(x, tf.dtypes.cast(tf.constant(levels), type))),
        tf.dtypes.cast(tf.constant(widths), type));
    Operand<T> hat = tf.nn.relu(tf.math.sub(tf.dtypes.cast(tf.constant(1f), type), distance));
    return tf.math.mul(hat, seen);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LevelIndicators other && Arrays.equals(columns, other.columns)
        && Arrays.equals(levels, other.levels) && Arrays.equals(widths, other.widths);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(columns) + Arrays.hashCode(levels)) + Arrays.hashCode(widths);
  }

  @Override
  public String toString() {
    return "LevelIndicators[" + columns.length + " indicators]";
  }
}
