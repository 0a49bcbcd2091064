package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Adam for one network, as TensorFlow 1's {@code AdamOptimizer}: a first- and a second-moment slot
 * per variable (starting at 0), the powers β1^t and β2^t held in two variables that start at β1
 * and β2 and are multiplied by β1 and β2 after each update, and one {@code ResourceApplyAdam} per
 * variable. As with {@link RmsProp}, only this network's variables move: the gradients come from
 * the loss differentiated with respect to this network's reads alone.
 */
public final class Adam<T extends TFloating> {
  private final DenseNetwork<T> network;
  private final AdamSettings settings;
  private final List<ResourceVariable<T>> firstMoments;
  private final List<ResourceVariable<T>> secondMoments;
  private final ResourceVariable<T> beta1Power;
  private final ResourceVariable<T> beta2Power;

  private Adam(DenseNetwork<T> network, AdamSettings settings, List<ResourceVariable<T>> firstMoments,
      List<ResourceVariable<T>> secondMoments, ResourceVariable<T> beta1Power, ResourceVariable<T> beta2Power) {
    this.network = network;
    this.settings = settings;
    this.firstMoments = firstMoments;
    this.secondMoments = secondMoments;
    this.beta1Power = beta1Power;
    this.beta2Power = beta2Power;
  }

  /** Creates the slots of {@code network}'s optimizer. */
  public static <T extends TFloating> Adam<T> create(Ops tf, DenseNetwork<T> network, AdamSettings settings) {
    Ops init = tf.withInitScope();
    Class<T> type = network.type();
    List<ResourceVariable<T>> m = new ArrayList<>();
    List<ResourceVariable<T>> v = new ArrayList<>();
    for (ResourceVariable<T> w : network.variables()) {
      m.add(ResourceVariable.create(tf, w.name() + "/adam_m", type, w.shape(),
          init.zeros(init.constant(w.shape()), type)));
      v.add(ResourceVariable.create(tf, w.name() + "/adam_v", type, w.shape(),
          init.zeros(init.constant(w.shape()), type)));
    }
    ResourceVariable<T> b1 = ResourceVariable.create(tf, network.name() + "/adam_beta1_power", type, Shape.scalar(),
        init.dtypes.cast(init.constant((float) settings.beta1()), type));
    ResourceVariable<T> b2 = ResourceVariable.create(tf, network.name() + "/adam_beta2_power", type, Shape.scalar(),
        init.dtypes.cast(init.constant((float) settings.beta2()), type));
    return new Adam<>(network, settings, m, v, b1, b2);
  }

  /** The optimizer's state: the moment slots, then β1^t and β2^t. */
  public List<ResourceVariable<T>> slots() {
    List<ResourceVariable<T>> all = new ArrayList<>(firstMoments);
    all.addAll(secondMoments);
    all.add(beta1Power);
    all.add(beta2Power);
    return all;
  }

  /**
   * Adds the update ops that minimise {@code loss}, differentiated with respect to {@code weights}
   * (this network's reads in the current stage). The updates run after {@code loss} is computed.
   *
   * @return one op that completes when every variable and both powers are updated
   */
  public Op minimize(Ops tf, Operand<T> loss, DenseNetwork.Weights<T> weights) {
    List<Operand<T>> xs = weights.tensors();
    List<Operand<?>> grads = tf.gradients(loss, xs).dy().stream().<Operand<?>>map(o -> o).toList();
    Ops after = tf.withControlDependencies(List.of(loss));
    Class<T> type = network.type();
    Operand<T> b1Power = beta1Power.read(after);
    Operand<T> b2Power = beta2Power.read(after);
    Operand<T> rate = scalar(after, settings.learningRate(), type);
    Operand<T> b1 = scalar(after, settings.beta1(), type);
    Operand<T> b2 = scalar(after, settings.beta2(), type);
    Operand<T> eps = scalar(after, settings.epsilon(), type);
    List<Op> updates = new ArrayList<>();
    List<ResourceVariable<T>> vars = network.variables();
    for (int i = 0; i < vars.size(); i++) {
      @SuppressWarnings("unchecked")
      Operand<T> g = (Operand<T>) grads.get(i);
      updates.add(after.train.resourceApplyAdam(vars.get(i).handle(), firstMoments.get(i).handle(),
          secondMoments.get(i).handle(), b1Power, b2Power, rate, b1, b2, eps, g));
    }
    Ops updated = tf.withControlDependencies(updates);
    Op nextB1 = updated.assignVariableOp(beta1Power.handle(), updated.math.mul(b1Power, b1));
    Op nextB2 = updated.assignVariableOp(beta2Power.handle(), updated.math.mul(b2Power, b2));
    return tf.withControlDependencies(List.of(nextB1, nextB2)).noOp();
  }

  private static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
    return tf.dtypes.cast(tf.constant((float) value), type);
  }
}
