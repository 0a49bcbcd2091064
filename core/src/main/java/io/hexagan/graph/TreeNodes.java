package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Regression trees stored together as flat node arrays, walked in the graph and in plain Java
 * alike: node i splits on column {@code feature[i]}, sending a row whose value is ≤ {@code
 * threshold[i]} to {@code left[i]} and any other to {@code right[i]}; a leaf's two children are
 * itself and {@code value[i]} is its prediction. Tree t starts at {@code roots[t]}; every tree
 * reaches a leaf within {@code depth} steps (a walk stops there regardless). The nodes form trees:
 * an inner node's two children differ from each other and from itself, no node is the child of
 * two inner nodes and no root is anyone's child.
 *
 * @param features d, the columns the trees read
 * @param feature per node, the column it splits on (any valid column for a leaf)
 * @param threshold per node, the split threshold
 * @param left per node, where a value ≤ the threshold goes
 * @param right per node, where a greater value goes
 * @param value per node, a leaf's prediction (0 elsewhere)
 * @param roots per tree, its first node
 * @param depth the most steps from any root to a leaf
 */
public record TreeNodes(int features, int[] feature, float[] threshold, int[] left, int[] right, float[] value,
    int[] roots, int depth) {

  public TreeNodes {
    int nodes = feature.length;
    if (features < 1 || nodes == 0 || threshold.length != nodes || left.length != nodes || right.length != nodes
        || value.length != nodes || roots.length == 0 || depth < 0) {
      throw new IllegalArgumentException("trees: expected equal non-empty node arrays and at least one tree");
    }
    for (int i = 0; i < nodes; i++) {
      if (feature[i] < 0 || feature[i] >= features || left[i] < 0 || left[i] >= nodes || right[i] < 0
          || right[i] >= nodes) {
        throw new IllegalArgumentException("trees: node " + i + " names a column or child out of range");
      }
    }
    boolean[] reached = new boolean[nodes];
    for (int t = 0; t < roots.length; t++) {
      if (roots[t] < 0 || roots[t] >= nodes || reached[roots[t]]) {
        throw new IllegalArgumentException("trees: tree " + t + " has a root out of range or shared");
      }
      reached[roots[t]] = true;
    }
    for (int i = 0; i < nodes; i++) {
      if (left[i] != i) {
        if (right[i] == i || right[i] == left[i] || reached[left[i]] || reached[right[i]]) {
          throw new IllegalArgumentException("trees: node " + i + "'s children are itself, alike, a root or"
              + " another node's child");
        }
        reached[left[i]] = true;
        reached[right[i]] = true;
      }
    }
    feature = feature.clone();
    threshold = threshold.clone();
    left = left.clone();
    right = right.clone();
    value = value.clone();
    roots = roots.clone();
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

  /** How many trees. */
  public int trees() {
    return roots.length;
  }

  /**
   * The leaf values [k, trees] the trees {@code tree} [k, trees] (indices into the trees) reach, row
   * i's walkers reading row {@code rowOf[i]} of {@code x} [n, d], as graph ops ({@link TreeWalk}),
   * the nodes held in {@code arrays} under {@code name}.
   */
  Operand<TFloat32> leafValues(Ops tf, GraphArrays arrays, String name, Operand<TFloat32> x, Operand<TInt32> rowOf,
      Operand<TInt32> tree) {
    return TreeWalk.of(this).leafValues(tf, arrays, name, x, rowOf, tree);
  }

  /** The value of the leaf tree {@code t} reaches for the row of {@code x} at {@code offset} (d values). */
  float leafValue(float[] x, int offset, int t) {
    int node = roots[t];
    for (int step = 0; step < depth && left[node] != node; step++) {
      node = x[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
    }
    return value[node];
  }
}
