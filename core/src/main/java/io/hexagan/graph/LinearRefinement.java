package io.hexagan.graph;

import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Chained linear regressions run over G_MI's imputation, as a chained-equation imputer (MICE) runs
 * them over its own: each column j that the screening pairs with others ({@link
 * io.hexagan.training.PairScreening}) gets a ridge regression on those columns, fitted after
 * training on the training rows where j is observed, every predictor read from the model's
 * imputed table; then, {@code passes} times, every such column's missing cells take the
 * regression's value (clipped to [0, 1]) computed from the table as the previous pass left it. A
 * column's refined cells replace G_MI's only where that did better on the validation cells, which
 * neither G_MI nor the regressions trained on; observed cells never change. C reads G_MI's own
 * imputation, as it was trained to.
 *
 * <p>All values are min–max scaled. {@code weights} is d × d row-major, entry {@code k * d + j}
 * the weight of column k in column j's regression (0 off the screened pairs, so a column never
 * predicts itself); {@code intercepts[j]} its constant; {@code regressed[j]} whether column j has a
 * regression (it then takes part in every pass); {@code replaced[j]} whether its refined cells are
 * the output.
 *
 * @param features d
 * @param passes how many times the regressions run, each from the previous pass's table
 * @param weights d × d, row-major
 * @param intercepts per column
 * @param regressed per column
 * @param replaced per column; a subset of {@code regressed}
 */
public record LinearRefinement(int features, int passes, float[] weights, float[] intercepts, boolean[] regressed,
    boolean[] replaced) {

  public LinearRefinement {
    int d = features;
    if (d < 1 || passes < 1 || weights.length != d * d || intercepts.length != d || regressed.length != d
        || replaced.length != d) {
      throw new IllegalArgumentException("refinement: expected " + d + " columns and at least one pass");
    }
    for (int j = 0; j < d; j++) {
      if (replaced[j] && !regressed[j]) {
        throw new IllegalArgumentException("refinement: column " + j + " replaced without a regression");
      }
    }
    weights = weights.clone();
    intercepts = intercepts.clone();
    regressed = regressed.clone();
    replaced = replaced.clone();
  }

  @Override
  public float[] weights() {
    return weights.clone();
  }

  @Override
  public float[] intercepts() {
    return intercepts.clone();
  }

  @Override
  public boolean[] regressed() {
    return regressed.clone();
  }

  @Override
  public boolean[] replaced() {
    return replaced.clone();
  }

  /**
   * The refinement as graph ops: {@code imputed} [rows, d] (scaled), {@code missing} true on the
   * cells to refine. Each pass is one product with the d × d weights; the weights, intercepts and
   * column choices are constants of the graph, so the SavedModel carries them.
   */
  public Operand<TFloat32> build(Ops tf, Operand<TFloat32> imputed, Operand<TBool> missing) {
    int d = features;
    Operand<TFloat32> w = tf.constant(Shape.of(d, d), DataBuffers.of(weights, true, false));
    Operand<TFloat32> b = tf.constant(intercepts);
    Operand<TFloat32> zero = tf.constant(0f);
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TBool> update = tf.math.logicalAnd(missing, tf.constant(regressed));
    Operand<TFloat32> current = imputed;
    for (int pass = 0; pass < passes; pass++) {
      Operand<TFloat32> predicted = tf.clipByValue(tf.math.add(tf.linalg.matMul(current, w), b), zero, one);
      current = tf.select(update, predicted, current);
    }
    return tf.select(tf.math.logicalAnd(missing, tf.constant(replaced)), current, imputed);
  }

  /**
   * The refinement of {@code imputed} (n × d, row-major, scaled) whose missing cells are 1 in
   * {@code missing}: what the serving graph computes, in plain Java.
   */
  public float[] apply(float[] imputed, float[] missing) {
    int d = features;
    int n = imputed.length / d;
    int[][] predictors = new int[d][];
    for (int j = 0; j < d; j++) {
      int m = j;
      predictors[j] = IntStream.range(0, d).filter(k -> weights[k * d + m] != 0).toArray();
    }
    float[] current = imputed.clone();
    float[] next = new float[current.length];
    for (int pass = 0; pass < passes; pass++) {
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < d; j++) {
          int i = r * d + j;
          if (missing[i] == 0 || !regressed[j]) {
            next[i] = current[i];
            continue;
          }
          double v = intercepts[j];
          for (int k : predictors[j]) {
            v += (double) current[r * d + k] * weights[k * d + j];
          }
          next[i] = (float) Math.min(1, Math.max(0, v));
        }
      }
      float[] t = current;
      current = next;
      next = t;
    }
    float[] out = imputed.clone();
    for (int i = 0; i < out.length; i++) {
      if (missing[i] > 0 && replaced[i % d]) {
        out[i] = current[i];
      }
    }
    return out;
  }

}
