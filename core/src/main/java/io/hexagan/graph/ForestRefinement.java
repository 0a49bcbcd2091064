package io.hexagan.graph;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Random forests run over G_MI's imputation, as missForest runs them over its own: each chosen
 * column j has a forest of regression trees, grown after training on the training rows where j is
 * observed with every other column read from the model's imputed table; its missing cells take
 * the mean of its trees' predictions, computed from G_MI's imputation. Observed cells never change.
 *
 * <p>All values are min–max scaled. The trees of every forest are stored together as flat node
 * arrays: node i splits on column {@code feature[i]}, sending a row left (to node {@code left[i]})
 * when that column's value is ≤ {@code threshold[i]} and right otherwise; a leaf's two children
 * are itself and {@code value[i]} is its prediction. Tree t starts at node {@code roots[t]} and
 * predicts column {@code treeColumn[t]}; every tree reaches a leaf within {@code depth} steps.
 *
 * @param features d
 * @param feature per node, the column it splits on (any valid column for a leaf)
 * @param threshold per node, the split threshold
 * @param left per node, the node a row goes to when its value is ≤ the threshold
 * @param right per node, the node a row goes to otherwise
 * @param value per node, a leaf's prediction (0 elsewhere)
 * @param roots per tree, its first node
 * @param treeColumn per tree, the column it predicts
 * @param depth the most steps from any root to a leaf
 */
public record ForestRefinement(int features, int[] feature, float[] threshold, int[] left, int[] right,
    float[] value, int[] roots, int[] treeColumn, int depth) {

  public ForestRefinement {
    int nodes = feature.length;
    if (features < 1 || nodes == 0 || threshold.length != nodes || left.length != nodes || right.length != nodes
        || value.length != nodes || roots.length == 0 || treeColumn.length != roots.length || depth < 0) {
      throw new IllegalArgumentException("forest refinement: expected equal node arrays, at least one tree, a column per tree");
    }
    for (int i = 0; i < nodes; i++) {
      if (feature[i] < 0 || feature[i] >= features || left[i] < 0 || left[i] >= nodes || right[i] < 0
          || right[i] >= nodes) {
        throw new IllegalArgumentException("forest refinement: node " + i + " names a column or child out of range");
      }
    }
    for (int t = 0; t < roots.length; t++) {
      if (roots[t] < 0 || roots[t] >= nodes || treeColumn[t] < 0 || treeColumn[t] >= features) {
        throw new IllegalArgumentException("forest refinement: tree " + t + " has a root or column out of range");
      }
    }
    feature = feature.clone();
    threshold = threshold.clone();
    left = left.clone();
    right = right.clone();
    value = value.clone();
    roots = roots.clone();
    treeColumn = treeColumn.clone();
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
  public int[] treeColumn() {
    return treeColumn.clone();
  }

  /** Per column, whether a forest imputes it. */
  public boolean[] replaced() {
    boolean[] replaced = new boolean[features];
    for (int c : treeColumn) {
      replaced[c] = true;
    }
    return replaced;
  }

  /**
   * The forests as graph ops. The cells to impute (missing, in a column with a forest) are
   * gathered as k (row, column) pairs; each pair walks every tree of its column's forest from its
   * root at once, [k, trees] nodes moved down one level per gather, as many levels as the deepest
   * tree has; the trees' mean is scattered into {@code writeInto} [rows, d]. The work follows the
   * number of missing cells, not the table's size. The trees are constants of the graph, so the
   * SavedModel carries them.
   */
  public Operand<TFloat32> build(Ops tf, Operand<TFloat32> readFrom, Operand<TFloat32> writeInto,
      Operand<TBool> missing) {
    // Per column, its trees' roots and weights (1 / trees), padded to the largest forest with
    // weight-0 walks from the first root.
    int[] perColumn = treesPerColumn();
    int width = Arrays.stream(perColumn).max().orElse(0);
    int[] rootTable = new int[features * width];
    float[] weightTable = new float[features * width];
    Arrays.fill(rootTable, roots[0]);
    int[] filled = new int[features];
    for (int t = 0; t < roots.length; t++) {
      int c = treeColumn[t];
      rootTable[c * width + filled[c]] = roots[t];
      weightTable[c * width + filled[c]++] = 1f / perColumn[c];
    }
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> one = tf.constant(1);
    // [k, 2]: (row, column) of every cell to impute.
    Operand<TInt64> cells = tf.where(tf.math.logicalAnd(missing, tf.constant(replaced())));
    Operand<TInt64> rows = tf.gather(cells, tf.constant(0), one);
    Operand<TInt64> columns = tf.gather(cells, tf.constant(1), one);
    Operand<TFloat32> x = tf.gather(readFrom, rows, zero);
    Operand<TInt32> node = tf.gather(tf.constant(Shape.of(features, width), DataBuffers.of(rootTable, true, false)),
        columns, zero);
    node = TreeWalk.walk(tf, x, node, depth, feature, threshold, left, right);
    Operand<TFloat32> weights = tf.gather(
        tf.constant(Shape.of(features, width), DataBuffers.of(weightTable, true, false)), columns, zero);
    Operand<TFloat32> means = tf.sum(tf.math.mul(tf.gather(tf.constant(value), node, zero), weights), one);
    return tf.tensorScatterNdUpdate(writeInto, cells, means);
  }

  /** Per column, how many trees its forest has. */
  private int[] treesPerColumn() {
    int[] perColumn = new int[features];
    for (int c : treeColumn) {
      perColumn[c]++;
    }
    return perColumn;
  }

  /**
   * The forests' imputation in plain Java, as the serving graph computes it: {@code readFrom} and
   * {@code writeInto} n × d row-major (scaled), {@code missing} 1 on the cells to impute. Only the
   * trees of a cell to impute are walked, each until its leaf (where the graph's further steps
   * stay).
   */
  public float[] apply(float[] readFrom, float[] writeInto, float[] missing) {
    int d = features;
    int n = readFrom.length / d;
    int[] perColumn = treesPerColumn();
    int[][] treesOf = new int[d][];
    for (int c = 0; c < d; c++) {
      treesOf[c] = new int[perColumn[c]];
    }
    int[] filled = new int[d];
    for (int t = 0; t < roots.length; t++) {
      treesOf[treeColumn[t]][filled[treeColumn[t]]++] = t;
    }
    float[] out = writeInto.clone();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        if (treesOf[c].length == 0 || missing[r * d + c] == 0) {
          continue;
        }
        float weight = 1f / perColumn[c];
        double sum = 0;
        for (int t : treesOf[c]) {
          sum += value[TreeWalk.walk(readFrom, r * d, roots[t], depth, feature, threshold, left, right)] * weight;
        }
        out[r * d + c] = (float) sum;
      }
    }
    return out;
  }
}
