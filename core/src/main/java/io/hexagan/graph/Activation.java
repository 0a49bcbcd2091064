package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.family.TFloating;

/** Element-wise activation functions of the dense layers. */
public enum Activation {
  /** max(0, x). Its second derivative needs the {@code ReluGrad} gradient registered here. */
  RELU,
  /** max(0.2 x, x). */
  LEAKY_RELU,
  /** tanh(x). */
  TANH,
  /** 1 / (1 + exp(-x)). */
  SIGMOID,
  /** The identity: raw scores of critics and logits of the classifier. */
  LINEAR;

  /** Slope of {@link #LEAKY_RELU} for negative inputs. */
  public static final float LEAKY_SLOPE = 0.2f;

  /** Applies this activation to {@code x}. */
  public <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> x) {
    return switch (this) {
      case RELU -> tf.nn.relu(x);
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha(LEAKY_SLOPE));
      case TANH -> tf.math.tanh(x);
      case SIGMOID -> tf.math.sigmoid(x);
      case LINEAR -> x;
    };
  }
}
