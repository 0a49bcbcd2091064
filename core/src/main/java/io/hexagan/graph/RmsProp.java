package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * RMSprop for one network: a mean-square slot (starting at 1, as TensorFlow 1's {@code
 * RMSPropOptimizer} that the authors used) and a momentum slot per variable, and one {@code
 * ResourceApplyRMSProp} per variable. Only this network's variables are updated: the gradients
 * come from a loss differentiated with respect to this network's reads alone.
 */
public final class RmsProp<T extends TFloating> {
  private final Network<T> network;
  private final List<ResourceVariable<T>> meanSquares;
  private final List<ResourceVariable<T>> momenta;

  private RmsProp(Network<T> network, List<ResourceVariable<T>> meanSquares, List<ResourceVariable<T>> momenta) {
    this.network = network;
    this.meanSquares = meanSquares;
    this.momenta = momenta;
  }

  /** Creates the slots of {@code network}'s optimizer. */
  public static <T extends TFloating> RmsProp<T> create(Ops tf, Network<T> network) {
    Ops init = tf.withInitScope();
    List<ResourceVariable<T>> ms = new ArrayList<>();
    List<ResourceVariable<T>> mom = new ArrayList<>();
    for (ResourceVariable<T> v : network.variables()) {
      Operand<T> zeros = init.zeros(init.constant(v.shape()), v.type());
      ms.add(ResourceVariable.create(tf, v.name() + "/rms", v.type(), v.shape(), init.onesLike(zeros)));
      mom.add(ResourceVariable.create(tf, v.name() + "/momentum", v.type(), v.shape(),
          init.zeros(init.constant(v.shape()), v.type())));
    }
    return new RmsProp<>(network, ms, mom);
  }

  /** The optimizer's slot variables (state that a resumed run must restore). */
  public List<ResourceVariable<T>> slots() {
    List<ResourceVariable<T>> all = new ArrayList<>(meanSquares);
    all.addAll(momenta);
    return all;
  }

  /**
   * Adds the update ops that minimise {@code loss}, differentiated with respect to {@code
   * weights} (this network's reads in the current stage). The updates run after {@code loss} is
   * computed.
   *
   * @return one op that completes when every variable is updated
   */
  public Op minimize(
      Ops tf, Operand<T> loss, DenseNetwork.Weights<T> weights, Operand<T> learningRate,
      double rho, double epsilon) {
    List<Operand<T>> xs = weights.tensors();
    List<Operand<?>> grads = tf.gradients(loss, xs).dy().stream().<Operand<?>>map(o -> o).toList();
    // The hyperparameters carry no control dependency, so TensorFlow folds and shares them; the
    // updates themselves wait for the loss.
    Ops after = tf.withControlDependencies(List.of(loss));
    Class<T> type = network.type();
    Operand<T> rhoT = tf.dtypes.cast(tf.constant((float) rho), type);
    Operand<T> momentum = tf.dtypes.cast(tf.constant(0f), type);
    Operand<T> eps = tf.dtypes.cast(tf.constant((float) epsilon), type);
    List<Op> updates = new ArrayList<>();
    List<ResourceVariable<T>> vars = network.variables();
    for (int i = 0; i < vars.size(); i++) {
      @SuppressWarnings("unchecked")
      Operand<T> g = (Operand<T>) grads.get(i);
      updates.add(after.train.resourceApplyRmsProp(
          vars.get(i).handle(), meanSquares.get(i).handle(), momenta.get(i).handle(),
          learningRate, rhoT, momentum, eps, g));
    }
    return tf.withControlDependencies(updates).noOp();
  }
}
