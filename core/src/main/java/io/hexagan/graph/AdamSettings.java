package io.hexagan.graph;

/**
 * The constants of an Adam update (Kingma and Ba, 2015).
 *
 * @param learningRate the step size α
 * @param beta1 decay of the first-moment estimate, in [0, 1)
 * @param beta2 decay of the second-moment estimate, in [0, 1)
 * @param epsilon ε added to the root of the second moment, &gt; 0
 */
public record AdamSettings(double learningRate, double beta1, double beta2, double epsilon) {

  public AdamSettings {
    if (!(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException("learningRate: expected a positive number, found " + learningRate);
    }
    if (!(beta1 >= 0 && beta1 < 1)) {
      throw new IllegalArgumentException("beta1: expected a number in [0, 1), found " + beta1);
    }
    if (!(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("beta2: expected a number in [0, 1), found " + beta2);
    }
    if (!(epsilon > 0 && Double.isFinite(epsilon))) {
      throw new IllegalArgumentException("epsilon: expected a positive number, found " + epsilon);
    }
  }

  /** TensorFlow 1's {@code tf.train.AdamOptimizer()} defaults: α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8. */
  public static AdamSettings tensorFlowDefaults() {
    return new AdamSettings(1e-3, 0.9, 0.999, 1e-8);
  }

  /** These settings with the learning rate replaced. */
  public AdamSettings withLearningRate(double rate) {
    return new AdamSettings(rate, beta1, beta2, epsilon);
  }

  /** These settings with β1 replaced. */
  public AdamSettings withBeta1(double b1) {
    return new AdamSettings(learningRate, b1, beta2, epsilon);
  }
}
