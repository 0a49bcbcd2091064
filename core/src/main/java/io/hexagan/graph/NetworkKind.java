package io.hexagan.graph;

/** What E, G_MI and D_MI are made of (the other three networks are always dense). */
public enum NetworkKind {
  /** Fully connected layers over the row: any table. */
  DENSE,
  /**
   * Rows are images ({@link ImageLayout}): E and D_MI convolutional, G_MI deconvolutional (the
   * paper's MNIST architecture, section 4.1.2).
   */
  CONVOLUTIONAL
}
