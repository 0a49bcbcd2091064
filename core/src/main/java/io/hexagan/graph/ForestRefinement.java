package io.hexagan.graph;

import java.util.Arrays;
import java.util.List;
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
 * the mean of its trees' predictions, computed from G_MI's imputation, or a blend of that mean and
 * G_MI's own cell. Observed cells never change. All values are min–max scaled; tree t of {@code
 * trees} predicts column {@code treeColumn[t]}.
 *
 * <p>As missForest iterates, the same columns' forests may be grown again ({@code regrown}) on the
 * table this round imputed: the next round reads this round's imputation instead of G_MI's and
 * writes the same cells, blending (where a column blends) with G_MI's cell again, not with this
 * round's.
 *
 * <p>The trees may also read the row's class, as {@code inputs} one-hot columns after the d
 * imputed ones (tree columns d, …, d + inputs − 1), grown on the labels where training knew them.
 * A row to impute has no known class: each of its cells is then every class's forest mean, weighted
 * by the class's probability given beside the table (C's, in the trained model).
 *
 * @param trees every forest's trees, reading the d columns of the imputation and then the inputs
 * @param treeColumn per tree, the column it predicts
 * @param share per column, the forest's weight in a missing cell's value, G_MI's cell taking the
 *     rest (1: the forest's mean alone); in (0, 1]
 * @param regrown the next round, over the same columns with the same shares and inputs, or null:
 *     none
 * @param inputs how many classes the trees read as one-hot columns beyond the d imputed ones (0:
 *     none)
 */
public record ForestRefinement(TreeNodes trees, int[] treeColumn, float[] share, ForestRefinement regrown,
    int inputs) {

  /** The forests, each column's missing cells taking its forest's mean alone. */
  public ForestRefinement(TreeNodes trees, int[] treeColumn) {
    this(trees, treeColumn, ones(trees.features()));
  }

  /** One round of forests reading the imputation alone. */
  public ForestRefinement(TreeNodes trees, int[] treeColumn, float[] share) {
    this(trees, treeColumn, share, null, 0);
  }

  /** Forests reading the imputation alone, then {@code regrown}. */
  public ForestRefinement(TreeNodes trees, int[] treeColumn, float[] share, ForestRefinement regrown) {
    this(trees, treeColumn, share, regrown, 0);
  }

  public ForestRefinement {
    if (inputs < 0 || inputs >= trees.features()) {
      throw new IllegalArgumentException("forest refinement: expected 0 to " + (trees.features() - 1)
          + " inputs beyond the imputed columns, found " + inputs);
    }
    int d = trees.features() - inputs;
    if (share.length != d) {
      throw new IllegalArgumentException("forest refinement: expected a share per column, found " + share.length
          + " for " + d + " columns");
    }
    for (int c = 0; c < share.length; c++) {
      if (!(share[c] > 0 && share[c] <= 1)) {
        throw new IllegalArgumentException("forest refinement: column " + c + "'s share " + share[c]
            + " is not in (0, 1]");
      }
    }
    share = share.clone();
    if (treeColumn.length != trees.trees()) {
      throw new IllegalArgumentException("forest refinement: expected a column per tree, found " + treeColumn.length
          + " for " + trees.trees() + " trees");
    }
    for (int t = 0; t < treeColumn.length; t++) {
      if (treeColumn[t] < 0 || treeColumn[t] >= d) {
        throw new IllegalArgumentException("forest refinement: tree " + t + " predicts column " + treeColumn[t]
            + ", out of range");
      }
    }
    treeColumn = treeColumn.clone();
    if (regrown != null && (!Arrays.equals(regrown.replaced(), replaced(d, treeColumn))
        || !Arrays.equals(regrown.share, share) || regrown.inputs != inputs)) {
      throw new IllegalArgumentException("forest refinement: a regrown round must impute the same columns with the"
          + " same shares and inputs");
    }
  }

  /** These forests followed by {@code next} (and its own later rounds). */
  public ForestRefinement withRegrown(ForestRefinement next) {
    return new ForestRefinement(trees, treeColumn, share, next, inputs);
  }

  /** How many rounds of forests run: 1 and those regrown after it. */
  public int rounds() {
    return regrown == null ? 1 : 1 + regrown.rounds();
  }

  @Override
  public int[] treeColumn() {
    return treeColumn.clone();
  }

  @Override
  public float[] share() {
    return share.clone();
  }

  private static float[] ones(int d) {
    float[] ones = new float[d];
    Arrays.fill(ones, 1f);
    return ones;
  }

  /**
   * G_MI's cell {@code base} moved {@code share} of the way to the forest's {@code mean}, in float
   * arithmetic as the graph computes it.
   */
  public static float blend(float base, float mean, float share) {
    return base + share * (mean - base);
  }

  /** Per column, whether its forest's mean is blended with G_MI's cell (a share below 1). */
  public boolean[] blended() {
    boolean[] blended = replaced();
    for (int c = 0; c < share.length; c++) {
      blended[c] &= share[c] < 1;
    }
    return blended;
  }

  private boolean blends() {
    for (boolean b : blended()) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  /** Class probabilities are given exactly when the trees read the class. */
  private void requireClassWeights(boolean given) {
    if (given != (inputs > 0)) {
      throw new IllegalArgumentException("forest refinement: trees reading " + inputs + " classes, class probabilities "
          + (given ? "" : "not ") + "given");
    }
  }

  /** d, the imputed columns (the trees read {@link #inputs()} more). */
  public int features() {
    return trees.features() - inputs;
  }

  /** Per column, whether a forest imputes it. */
  public boolean[] replaced() {
    return replaced(features(), treeColumn);
  }

  private static boolean[] replaced(int d, int[] treeColumn) {
    boolean[] replaced = new boolean[d];
    for (int c : treeColumn) {
      replaced[c] = true;
    }
    return replaced;
  }

  /** Per column, how many trees its forest has. */
  private int[] treesPerColumn() {
    int[] perColumn = new int[features()];
    for (int c : treeColumn) {
      perColumn[c]++;
    }
    return perColumn;
  }

  /**
   * The forests as graph ops. The cells to impute (missing, in a column with a forest) are
   * gathered as k (row, column) pairs; each pair walks every tree of its column's forest from its
   * root at once, [k, trees] nodes moved down one level per gather, as many levels as the deepest
   * tree has; the trees' mean (blended with the cell of {@code readFrom} where a column's share is
   * below 1) is scattered into {@code writeInto} [rows, d]. The work follows the
   * number of missing cells, not the table's size ({@link TreeWalk}). The trees are constants of
   * the graph here; the serving graph keeps them in variables ({@link GraphArrays}), which the
   * SavedModel's checkpoint carries. A regrown round then reads this round's output. Trees that
   * read the class walk once per class, {@code extra} holding each row's class probabilities
   * ({@link #build(Ops, GraphArrays, Operand, Operand, Operand, Operand)}).
   */
  public Operand<TFloat32> build(Ops tf, Operand<TFloat32> readFrom, Operand<TFloat32> writeInto,
      Operand<TBool> missing, Operand<TFloat32> extra) {
    return build(tf, GraphArrays.CONSTANTS, readFrom, writeInto, missing, extra);
  }

  /**
   * {@link #build(Ops, Operand, Operand, Operand, Operand)} with the trees' nodes held in {@code arrays}
   * (round r's under forest_r/). The cells to impute, and the blends' side (G_MI's cells), are
   * found once for every round: a regrown round covers the same columns at the same shares.
   *
   * @param extra [rows, {@link #inputs()}], each row's class probabilities, which weigh the forests'
   *     means over its classes (null when the trees read no class)
   */
  public Operand<TFloat32> build(Ops tf, GraphArrays arrays, Operand<TFloat32> readFrom, Operand<TFloat32> writeInto,
      Operand<TBool> missing, Operand<TFloat32> extra) {
    requireClassWeights(extra != null);
    Cells cells = Cells.of(tf, missing, replaced(), blends() ? readFrom : null, share);
    Classes classes = extra == null ? null : Classes.of(tf, readFrom, cells, extra, inputs);
    Operand<TFloat32> from = readFrom;
    Operand<TFloat32> into = writeInto;
    int round = 0;
    for (ForestRefinement r = this; r != null; r = r.regrown, round++) {
      into = r.round(tf, arrays, "forest_" + round, classes == null ? from : classes.table(tf, from), into, cells,
          classes);
      from = into;
    }
    return into;
  }

  /**
   * The cells to impute as graph ops: {@code cells} [k, 2] (row, column) pairs, their rows (int32)
   * and columns, and where columns blend, G_MI's cells and each cell's column share (else null).
   */
  private record Cells(Operand<TInt64> cells, Operand<TInt32> rows, Operand<TInt64> columns,
      Operand<TFloat32> base, Operand<TFloat32> columnShare) {
    static Cells of(Ops tf, Operand<TBool> missing, boolean[] replaced, Operand<TFloat32> blendFrom, float[] share) {
      Operand<TInt32> one = tf.constant(1);
      Operand<TInt64> cells = tf.where(tf.math.logicalAnd(missing, tf.constant(replaced)));
      Operand<TInt64> columns = tf.gather(cells, tf.constant(1), one);
      Operand<TInt32> rows = tf.dtypes.cast(tf.gather(cells, tf.constant(0), one), TInt32.class);
      if (blendFrom == null) {
        return new Cells(cells, rows, columns, null, null);
      }
      return new Cells(cells, rows, columns, tf.gatherNd(blendFrom, cells),
          tf.gather(tf.constant(share), columns, tf.constant(0)));
    }
  }

  /**
   * The classes the trees read as graph ops, for every round: the table is stacked once per class
   * (block k of {@code classes · rows} rows carries class k's one-hot columns), each cell walks every
   * block, and its class probabilities weigh the blocks' means.
   *
   * @param oneHot [classes · rows, classes]
   * @param rows [classes · k], each cell's row in every block
   * @param weights [classes, k], each cell's class probabilities
   */
  private record Classes(int count, Operand<TFloat32> oneHot, Operand<TInt32> rows, Operand<TFloat32> weights) {
    static Classes of(Ops tf, Operand<TFloat32> table, Cells cells, Operand<TFloat32> probabilities, int count) {
      Operand<TInt32> n = tf.reshape(tf.shape.size(table, tf.constant(0), TInt32.class), tf.constant(new int[0]));
      Operand<TInt32> block = tf.math.floorDiv(tf.range(tf.constant(0), tf.math.mul(n, tf.constant(count)),
          tf.constant(1)), n);
      Operand<TFloat32> oneHot = tf.oneHot(block, tf.constant(count), tf.constant(1f), tf.constant(0f));
      Operand<TInt32> offsets = tf.expandDims(tf.math.mul(tf.range(tf.constant(0), tf.constant(count), tf.constant(1)),
          n), tf.constant(1));
      Operand<TInt32> rows = tf.reshape(tf.math.add(offsets, tf.expandDims(cells.rows(), tf.constant(0))),
          tf.constant(new int[] {-1}));
      Operand<TFloat32> weights = tf.linalg.transpose(tf.gather(probabilities, cells.rows(), tf.constant(0)),
          tf.constant(new int[] {1, 0}));
      return new Classes(count, oneHot, rows, weights);
    }

    /** {@code from} stacked once per class, each block with its class's one-hot columns. */
    Operand<TFloat32> table(Ops tf, Operand<TFloat32> from) {
      return tf.concat(List.of(tf.tile(from, tf.constant(new int[] {count, 1})), oneHot), tf.constant(1));
    }
  }

  /** This round alone: the forests read from {@code readFrom}, their means written into {@code writeInto}. */
  private Operand<TFloat32> round(Ops tf, GraphArrays arrays, String name, Operand<TFloat32> readFrom,
      Operand<TFloat32> writeInto, Cells cells, Classes classes) {
    int d = features();
    // Per column, its trees and their weights (1 / trees), padded to the largest forest with
    // weight-0 walks of the first tree.
    int[] perColumn = treesPerColumn();
    int width = Arrays.stream(perColumn).max().orElse(0);
    int[] treeTable = new int[d * width];
    float[] weightTable = new float[d * width];
    int[] filled = new int[d];
    for (int t = 0; t < treeColumn.length; t++) {
      int c = treeColumn[t];
      treeTable[c * width + filled[c]] = t;
      weightTable[c * width + filled[c]++] = 1f / perColumn[c];
    }
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> walks = tf.gather(tf.constant(Shape.of(d, width), DataBuffers.of(treeTable, true, false)),
        cells.columns(), zero);
    Operand<TFloat32> weights = tf.gather(
        tf.constant(Shape.of(d, width), DataBuffers.of(weightTable, true, false)), cells.columns(), zero);
    Operand<TFloat32> forest;
    if (classes == null) {
      Operand<TFloat32> leaves = trees.leafValues(tf, arrays, name, readFrom, cells.rows(), walks);
      forest = tf.sum(tf.math.mul(leaves, weights), tf.constant(1));
    } else {
      Operand<TInt32> perClass = tf.constant(new int[] {classes.count(), 1});
      Operand<TFloat32> leaves = trees.leafValues(tf, arrays, name, readFrom, classes.rows(), tf.tile(walks, perClass));
      Operand<TFloat32> means = tf.reshape(tf.sum(tf.math.mul(leaves, tf.tile(weights, perClass)), tf.constant(1)),
          tf.constant(new int[] {classes.count(), -1}));
      forest = tf.sum(tf.math.mul(classes.weights(), means), tf.constant(0));
    }
    if (cells.base() != null) {
      Operand<TFloat32> base = cells.base();
      forest = tf.math.add(base, tf.math.mul(cells.columnShare(), tf.math.sub(forest, base)));
    }
    return tf.tensorScatterNdUpdate(writeInto, cells.cells(), forest);
  }

  /**
   * The forests' imputation in plain Java, as the serving graph computes it: {@code readFrom} and
   * {@code writeInto} n × d row-major (scaled), {@code missing} 1 on the cells to impute. Only the
   * trees of a cell to impute are walked, each until its leaf (where the graph's further steps
   * stay).
   */
  public float[] apply(float[] readFrom, float[] writeInto, float[] missing) {
    return apply(readFrom, writeInto, missing, readFrom);
  }

  /**
   * {@link #apply(float[], float[], float[])} with the blends' other side (G_MI's cells) read from
   * {@code blendFrom}: what a regrown round computes from the previous round's output.
   */
  public float[] apply(float[] readFrom, float[] writeInto, float[] missing, float[] blendFrom) {
    return apply(readFrom, writeInto, missing, blendFrom, null);
  }

  /**
   * {@link #apply(float[], float[], float[], float[])} for trees that read the row's class: {@code
   * extra} n × {@link #inputs()}, row-major, each row's class probabilities, which weigh its classes'
   * forest means (null when the trees read no class).
   */
  public float[] apply(float[] readFrom, float[] writeInto, float[] missing, float[] blendFrom, float[] extra) {
    requireClassWeights(extra != null);
    int d = features();
    int n = readFrom.length / d;
    int width = d + inputs;
    int blocks = Math.max(1, inputs);
    // Row r of class block k: the row's cells, then class k's one-hot columns.
    float[] table = extra == null ? readFrom : new float[blocks * n * width];
    for (int k = 0; extra != null && k < blocks; k++) {
      for (int r = 0; r < n; r++) {
        System.arraycopy(readFrom, r * d, table, (k * n + r) * width, d);
        table[(k * n + r) * width + d + k] = 1;
      }
    }
    int[] perColumn = treesPerColumn();
    int[][] treesOf = new int[d][];
    for (int c = 0; c < d; c++) {
      treesOf[c] = new int[perColumn[c]];
    }
    int[] filled = new int[d];
    for (int t = 0; t < treeColumn.length; t++) {
      treesOf[treeColumn[t]][filled[treeColumn[t]]++] = t;
    }
    float[] out = writeInto.clone();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        if (treesOf[c].length == 0 || missing[r * d + c] == 0) {
          continue;
        }
        float weight = 1f / perColumn[c];
        double mixed = 0;
        for (int k = 0; k < blocks; k++) {
          double sum = 0;
          for (int t : treesOf[c]) {
            sum += trees.leafValue(table, (k * n + r) * width, t) * weight;
          }
          mixed += extra == null ? sum : extra[r * inputs + k] * (double) (float) sum;
        }
        out[r * d + c] = share[c] == 1 ? (float) mixed : blend(blendFrom[r * d + c], (float) mixed, share[c]);
      }
    }
    return regrown == null ? out : regrown.apply(out, out, missing, blendFrom, extra);
  }
}
