package io.hexagan.graph;

/** How C's softmax output p(y | x̂_u) becomes the pseudo-label y_u that D_MI judges (eq. 13–14). */
public enum PseudoLabels {
  /** One-hot argmax with no gradient: the authors' code ({@code tf.round}); L_C cannot move C. */
  HARD,
  /** One-hot argmax forward, softmax gradient backward: the paper's intent with hard labels. */
  STRAIGHT_THROUGH,
  /** The softmax vector itself, gradient included. */
  SOFT
}
