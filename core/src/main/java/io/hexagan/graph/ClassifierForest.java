package io.hexagan.graph;

import java.util.Arrays;
import java.util.List;
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
 * @param trees every class's trees, reading the d columns of the imputation
 * @param classes n_c
 * @param treeClass per tree, the class whose indicator it predicts
 */
public record ClassifierForest(TreeNodes trees, int classes, int[] treeClass) {

  public ClassifierForest {
    if (classes < 2 || treeClass.length != trees.trees()) {
      throw new IllegalArgumentException("classifier forest: expected at least 2 classes and a class per tree");
    }
    for (int t = 0; t < treeClass.length; t++) {
      if (treeClass[t] < 0 || treeClass[t] >= classes) {
        throw new IllegalArgumentException("classifier forest: tree " + t + " has a class out of range");
      }
    }
    treeClass = treeClass.clone();
  }

  @Override
  public int[] treeClass() {
    return treeClass.clone();
  }

  /** d. */
  public int features() {
    return trees.features();
  }

  /** trees × n_c, row-major: 1 / (trees of class k) where tree t votes for class k. */
  private float[] meanWeights() {
    int[] perClass = new int[classes];
    for (int k : treeClass) {
      perClass[k]++;
    }
    float[] w = new float[treeClass.length * classes];
    for (int t = 0; t < treeClass.length; t++) {
      w[t * classes + treeClass[t]] = 1f / perClass[treeClass[t]];
    }
    return w;
  }

  /** The class probabilities [rows, n_c] of the rows of {@code x} [rows, d] (scaled) as graph ops. */
  public Operand<TFloat32> build(Ops tf, Operand<TFloat32> x) {
    return build(tf, GraphArrays.CONSTANTS, x);
  }

  /** {@link #build(Ops, Operand)} with the trees' nodes held in {@code arrays} (under classifier_forest/). */
  public Operand<TFloat32> build(Ops tf, GraphArrays arrays, Operand<TFloat32> x) {
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> rows = tf.shape.size(tf.shape(x), zero);
    Operand<TInt32> rowsByTrees = tf.concat(List.of(rows, tf.constant(new int[] {treeClass.length})), zero);
    Operand<TInt32> everyTree = tf.range(zero, tf.constant(treeClass.length), tf.constant(1));
    Operand<TInt32> everyRow = tf.range(zero, tf.reshape(rows, tf.constant(new int[0])), tf.constant(1));
    Operand<TFloat32> leaves = trees.leafValues(tf, arrays, "classifier_forest", x, everyRow,
        tf.broadcastTo(everyTree, rowsByTrees));
    Operand<TFloat32> scores = tf.math.maximum(tf.linalg.matMul(leaves,
        tf.constant(Shape.of(treeClass.length, classes), DataBuffers.of(meanWeights(), true, false))), tf.constant(0f));
    Operand<TFloat32> total = tf.reduceSum(scores, tf.constant(1), ReduceSum.keepDims(true));
    Operand<TFloat32> uniform = tf.math.add(tf.math.mul(scores, tf.constant(0f)), tf.constant(1f / classes));
    return tf.select(tf.math.greater(total, tf.constant(0f)),
        tf.math.div(scores, tf.math.maximum(total, tf.constant(Float.MIN_NORMAL))), uniform);
  }

  /** The class probabilities (n × n_c, row-major) of the rows of {@code x} (n × d, scaled), in plain Java. */
  public float[] apply(float[] x) {
    int d = features();
    int n = x.length / d;
    float[] weights = meanWeights();
    float[] out = new float[n * classes];
    double[] scores = new double[classes];
    for (int r = 0; r < n; r++) {
      Arrays.fill(scores, 0);
      for (int t = 0; t < treeClass.length; t++) {
        scores[treeClass[t]] += trees.leafValue(x, r * d, t) * weights[t * classes + treeClass[t]];
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
