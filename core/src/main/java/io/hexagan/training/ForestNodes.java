package io.hexagan.training;

import io.hexagan.graph.ClassifierForest;
import io.hexagan.graph.ForestRefinement;
import io.hexagan.graph.TreeNodes;
import java.util.Arrays;

/**
 * Lays the trees of several {@link RegressionForest}s out as the flat node arrays of a {@link
 * ForestRefinement} (each forest imputing a column) or a {@link ClassifierForest} (each voting for a
 * class).
 */
final class ForestNodes {
  private final int features;
  private final int inputs;
  private int[] feature = new int[1024];
  private float[] threshold = new float[1024];
  private int[] left = new int[1024];
  private int[] right = new int[1024];
  private float[] value = new float[1024];
  private int nodes;
  private int[] roots = new int[16];
  private int[] treeColumn = new int[16];
  private int trees;
  private int depth;

  /** Trees over {@code features} columns. */
  ForestNodes(int features) {
    this(features, 0);
  }

  /**
   * Refinement trees that impute {@code features} columns and read the row's class as {@code
   * inputs} one-hot columns after them ({@link ForestRefinement#inputs()}).
   */
  ForestNodes(int features, int inputs) {
    this.features = features;
    this.inputs = inputs;
  }

  /** Adds every tree of {@code forest}, which predicts column {@code column}. */
  void add(RegressionForest forest, int column) {
    for (RegressionTree tree : forest.trees()) {
      add(tree, column);
    }
  }

  private void add(RegressionTree tree, int column) {
    int base = nodes;
    grow(nodes + tree.nodes());
    if (trees == roots.length) {
      roots = Arrays.copyOf(roots, 2 * trees);
      treeColumn = Arrays.copyOf(treeColumn, 2 * trees);
    }
    roots[trees] = base;
    treeColumn[trees++] = column;
    int[] nodeDepth = new int[tree.nodes()];
    for (int i = 0; i < tree.nodes(); i++) {
      int g = base + i;
      int f = tree.feature(i);
      if (f < 0) {
        feature[g] = 0;
        threshold[g] = 0;
        left[g] = g;
        right[g] = g;
        value[g] = (float) tree.thresholdOrValue(i);
        depth = Math.max(depth, nodeDepth[i]);
      } else {
        feature[g] = f;
        threshold[g] = floatAtMost(tree.thresholdOrValue(i));
        left[g] = g + 1;
        right[g] = base + tree.right(i);
        value[g] = 0;
        nodeDepth[i + 1] = nodeDepth[i] + 1;
        nodeDepth[tree.right(i)] = nodeDepth[i] + 1;
      }
    }
    nodes += tree.nodes();
  }

  /**
   * The largest float ≤ {@code t}: the trees are grown on float values, between which every
   * threshold lies, so comparing a float with it splits them as the double threshold did.
   */
  static float floatAtMost(double t) {
    float f = (float) t;
    return f > t ? Math.nextDown(f) : f;
  }

  private void grow(int size) {
    if (size > feature.length) {
      int n = Math.max(size, 2 * feature.length);
      feature = Arrays.copyOf(feature, n);
      threshold = Arrays.copyOf(threshold, n);
      left = Arrays.copyOf(left, n);
      right = Arrays.copyOf(right, n);
      value = Arrays.copyOf(value, n);
    }
  }

  /** The trees as a classifier of {@code classes} classes (each tree's "column" its class), or null without a tree. */
  ClassifierForest buildClassifier(int classes) {
    return trees == 0 ? null : new ClassifierForest(nodes(), classes, Arrays.copyOf(treeColumn, trees));
  }

  /** The refinement, each column's cells its forest's mean, or null without a tree. */
  ForestRefinement build() {
    float[] share = new float[features];
    Arrays.fill(share, 1f);
    return build(share);
  }

  /** The refinement, column c's forest weighted by {@code share[c]} against G_MI, or null without a tree. */
  ForestRefinement build(float[] share) {
    return trees == 0 ? null : new ForestRefinement(nodes(), Arrays.copyOf(treeColumn, trees), share, null, inputs);
  }

  private TreeNodes nodes() {
    return new TreeNodes(features + inputs, Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes),
        Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), Arrays.copyOf(value, nodes),
        Arrays.copyOf(roots, trees), depth);
  }
}
