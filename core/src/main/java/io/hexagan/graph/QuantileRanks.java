package io.hexagan.graph;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * Every column's value mapped to its rank among the training table's observed cells, fed to E
 * beside {@code (x̃, m)}: the piecewise-linear map through the column's quantiles at 0, 1/K, …, 1,
 * {@code r_j(x) = (1/K) Σ_k clip((x − t_jk) / w_jk, 0, 1)} with {@code t_jk} the k-th quantile and
 * {@code w_jk} the gap to the next one (at least {@link #MIN_WIDTH}, so that a value shared by many
 * cells, such as a payment of 0, becomes a step of the rank). Min–max scaling squeezes a
 * heavy-tailed column into a corner of [0, 1] where E's first layer can hardly tell its values
 * apart; their ranks spread them out. A missing cell gives 0.
 *
 * @param features d
 * @param segments K, quantile segments per column
 * @param lows per column then segment, t_jk, [d × K] row-major
 * @param widths per column then segment, w_jk, [d × K] row-major
 */
public record QuantileRanks(int features, int segments, float[] lows, float[] widths) {

  /**
   * The narrowest segment, in scaled units: cells that differ by more than this are told apart by
   * a full step. Wide enough that the last-bit difference between a cell scaled in Java (training)
   * and in the serving graph (float32) moves a rank by less than 10⁻⁶.
   */
  public static final float MIN_WIDTH = 1e-4f;

  /** No ranks. */
  public static final QuantileRanks NONE = new QuantileRanks(0, 0, new float[0], new float[0]);

  public QuantileRanks {
    if (features < 0 || segments < 0 || lows.length != features * segments || widths.length != lows.length) {
      throw new IllegalArgumentException("quantiles: expected " + features + " × " + segments
          + " lows and widths, found " + lows.length + " and " + widths.length);
    }
    for (float w : widths) {
      if (!(w >= MIN_WIDTH)) {
        throw new IllegalArgumentException("widths: expected at least " + MIN_WIDTH + ", found " + w);
      }
    }
    lows = lows.clone();
    widths = widths.clone();
  }

  /** Per column then segment, the segment's low knot (a copy). */
  @Override
  public float[] lows() {
    return lows.clone();
  }

  /** Per column then segment, the segment's width (a copy). */
  @Override
  public float[] widths() {
    return widths.clone();
  }

  /** How many rank inputs E gets: d, or 0 for none. */
  public int count() {
    return segments == 0 ? 0 : features;
  }

  /**
   * The ranks of a batch's observed cells, 0 for missing ones: [rows, d]. Computed by a search
   * over each column's segment ends (memory [rows, d], not [rows, d, K]): the segments that end at
   * or below x count 1 each, the next one its share {@code clip((x − t_jk) / w_jk, 0, 1)}. This is
   * the sum in the class comment except within {@link #MIN_WIDTH} above a value shared by several
   * knots, where the sum lets several narrow segments fill at once.
   */
  public <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> values, Operand<T> mask, Class<T> type) {
    float[][] ends = new float[features][segments];
    int[][] offsets = new int[features][1];
    for (int j = 0; j < features; j++) {
      for (int k = 0; k < segments; k++) {
        ends[j][k] = lows[j * segments + k] + widths[j * segments + k];
      }
      offsets[j][0] = j * segments;
    }
    // Columns as rows: UpperBound searches each row of its first input separately.
    Operand<T> x = tf.linalg.transpose(tf.stopGradient(values), tf.constant(new int[] {1, 0}));
    Operand<TInt32> full = tf.upperBound(tf.dtypes.cast(tf.constant(ends), type), x, TInt32.class);
    Operand<TInt32> next = tf.math.add(tf.math.minimum(full, tf.constant(segments - 1)), tf.constant(offsets));
    // One gather of (low, 1 / width) pairs: a gather's cost is per index, hardly per slice.
    List<Output<T>> segment = tf.unstack(tf.gather(tf.dtypes.cast(tf.constant(pairs()), type), next, tf.constant(0)),
        2L, Unstack.axis(2L)).output();
    Operand<T> low = segment.get(0);
    Operand<T> inverseWidth = segment.get(1);
    Operand<T> share = tf.clipByValue(tf.math.mul(tf.math.sub(x, low), inverseWidth),
        tf.dtypes.cast(tf.constant(0f), type), tf.dtypes.cast(tf.constant(1f), type));
    Operand<T> count = tf.math.minimum(tf.math.add(tf.dtypes.cast(full, type), share),
        tf.dtypes.cast(tf.constant((float) segments), type));
    Operand<T> rank = tf.math.div(count, tf.dtypes.cast(tf.constant((float) segments), type));
    return tf.math.mul(tf.linalg.transpose(rank, tf.constant(new int[] {1, 0})), mask);
  }

  /** Per column then segment, the segment's low knot and the inverse of its width: [d × K, 2]. */
  private float[][] pairs() {
    float[][] out = new float[lows.length][];
    for (int i = 0; i < lows.length; i++) {
      out[i] = new float[] {lows[i], 1f / widths[i]};
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantileRanks other && features == other.features && segments == other.segments
        && Arrays.equals(lows, other.lows) && Arrays.equals(widths, other.widths);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * features + segments) + Arrays.hashCode(lows)) + Arrays.hashCode(widths);
  }

  @Override
  public String toString() {
    return "QuantileRanks[" + features + " columns, " + segments + " segments]";
  }
}
