package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;

/**
 * Sets a network's variables to values trained elsewhere: one placeholder per variable, in the
 * order of {@link DenseNetwork#variables()}, and one op that assigns them all. An inference graph
 * built with the training graph's network factory and loaded this way computes what the trained
 * network computes.
 *
 * @param placeholders the tensors to feed, one per variable
 * @param load the op that assigns every fed tensor to its variable
 */
public record WeightLoader<T extends TFloating>(List<Placeholder<T>> placeholders, Op load) {

  public WeightLoader {
    placeholders = List.copyOf(placeholders);
  }

  /** Creates the placeholders and the assignment of {@code network}'s variables. */
  public static <T extends TFloating> WeightLoader<T> create(Ops tf, DenseNetwork<T> network) {
    List<Placeholder<T>> feeds = new ArrayList<>();
    List<Op> assigns = new ArrayList<>();
    for (ResourceVariable<T> v : network.variables()) {
      Placeholder<T> p = tf.withName(v.name().replace('/', '_') + "_value")
          .placeholder(v.type(), Placeholder.shape(v.shape()));
      feeds.add(p);
      assigns.add(tf.assignVariableOp(v.handle(), p));
    }
    Op load = tf.withControlDependencies(assigns).withName(network.name() + "_load").noOp();
    return new WeightLoader<>(feeds, load);
  }
}
