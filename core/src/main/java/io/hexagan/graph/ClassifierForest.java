package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A random forest classifier over the served imputation, standing in for C's probabilities: for
 * each class k a forest of regression trees predicts the indicator "the label is k" from the
 * (scaled, refined) imputed row; its mean, floored at 0, is class k's score, and the scores
 * divided by their sum are the probabilities (uniform where every score is 0). Fitted after
 * training on the labelled training rows and served only where it beat C on the validation labels.
 *
 * <p>The trees of every class are stored together as flat node arrays, as in {@link
 * ForestRefinement}: node i splits on column {@code feature[i]} at {@code threshold[i]}, going to
 * {@code left[i]} or {@code right[i]}; a leaf's children are itself and {@code value[i]} its
 * prediction. Tree t starts at {@code roots[t]} and votes for class {@code treeClass[t]}.
 *
 * @param features d, the columns the trees read
 * @param classes n_c
 * @param feature per node, the column it splits on
 * @param threshold per node, the split threshold
 * @param left per node, where a value ≤ the threshold goes
 * @param right per node, where a greater value goes
 * @param value per node, a leaf's prediction
 * @param roots per tree, its first node
 * @param treeClass per tree, the class whose indicator it predicts
 * @param depth the most steps from any root to a leaf
 */
public record ClassifierForest(int features, int classes, int[] feature, float[] threshold, int[] left,
    int[] right, float[] value, int[] roots, int[] treeClass, int depth) {

  public ClassifierForest {
    int nodes = feature.length;
    if (features < 1 || classes < 2 || nodes == 0 || threshold.length != nodes || left.length != nodes
        || right.length != nodes || value.length != nodes || roots.length == 0 || treeClass.length != roots.length
        || depth < 0) {
      throw new IllegalArgumentException("classifier forest: expected equal node arrays, at least one tree, a class per tree");
    }
    for (int i = 0; i < nodes; i++) {
      if (feature[i] < 0 || feature[i] >= features || left[i] < 0 || left[i] >= nodes || right[i] < 0
          || right[i] >= nodes) {
        throw new IllegalArgumentException("classifier forest: node " + i + " names a column or child out of range");
      }
    }
    for (int t = 0; t < roots.length; t++) {
      if (roots[t] < 0 || roots[t] >= nodes || treeClass[t] < 0 || treeClass[t] >= classes) {
        throw new IllegalArgumentException("classifier forest: tree " + t + " has a root or class out of range");
      }
    }
    feature = feature.clone();
    threshold = threshold.clone();
    left = left.clone();
    right = right.clone();
    value = value.clone();
    roots = roots.clone();
    treeClass = treeClass.clone();
  }

  @Override
  public int[] feature() {
    return feature.clone();
  }

  @Override
  public float[] threshold() {
    return threshold.clone();
  }

  @Override
  public int[] left() {
    return left.clone();
  }

  @Override
  public int[] right() {
    return right.clone();
  }

  @Override
  public float[] value() {
    return value.clone();
  }

  @Override
  public int[] roots() {
    return roots.clone();
  }

  @Override
  public int[] treeClass() {
    return treeClass.clone();
  }

  /** trees × n_c, row-major: 1 / (trees of class k) where tree t votes for class k. */
  private float[] meanWeights() {
    int[] perClass = new int[classes];
    for (int k : treeClass) {
      perClass[k]++;
    }
    float[] w = new float[roots.length * classes];
    for (int t = 0; t < roots.length; t++) {
      w[t * classes + treeClass[t]] = 1f / perClass[treeClass[t]];
    }
    return w;
  }

  /** The class probabilities [rows, n_c] of the rows of {@code x} [rows, d] (scaled) as graph ops. */
  public Operand<TFloat32> build(Ops tf, Operand<TFloat32> x) {
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> rowsByTrees = tf.concat(java.util.List.of(tf.shape.size(tf.shape(x), zero),
        tf.constant(new int[] {roots.length})), zero);
    Operand<TInt32> node = TreeWalk.walk(tf, x, tf.broadcastTo(tf.constant(roots), rowsByTrees), depth, feature,
        threshold, left, right);
    Operand<TFloat32> scores = tf.math.maximum(tf.linalg.matMul(tf.gather(tf.constant(value), node, zero),
        tf.constant(Shape.of(roots.length, classes), DataBuffers.of(meanWeights(), true, false))), tf.constant(0f));
    Operand<TFloat32> total = tf.reduceSum(scores, tf.constant(1), ReduceSum.keepDims(true));
    Operand<TFloat32> uniform = tf.math.add(tf.math.mul(scores, tf.constant(0f)), tf.constant(1f / classes));
    return tf.select(tf.math.greater(total, tf.constant(0f)),
        tf.math.div(scores, tf.math.maximum(total, tf.constant(Float.MIN_NORMAL))), uniform);
  }

  /** The class probabilities (n × n_c, row-major) of the rows of {@code x} (n × d, scaled), in plain Java. */
  public float[] apply(float[] x) {
    int d = features;
    int n = x.length / d;
    float[] weights = meanWeights();
    float[] out = new float[n * classes];
    double[] scores = new double[classes];
    for (int r = 0; r < n; r++) {
      java.util.Arrays.fill(scores, 0);
      for (int t = 0; t < roots.length; t++) {
        int leaf = TreeWalk.walk(x, r * d, roots[t], depth, feature, threshold, left, right);
        scores[treeClass[t]] += value[leaf] * weights[t * classes + treeClass[t]];
      }
      double total = 0;
      for (int k = 0; k < classes; k++) {
        scores[k] = Math.max(0, (float) scores[k]);
        total += scores[k];
      }
      for (int k = 0; k < classes; k++) {
        out[r * classes + k] = total > 0 ? (float) (scores[k] / total) : 1f / classes;
      }
    }
    return out;
  }
}
