package io.hexagan.graph;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TType;

/**
 * Training data held in the graph: a variable of a fixed shape, set once by running {@link #load()}
 * with {@link #placeholder()} fed. Batches are then gathered from it inside the graph, so that a
 * training iteration feeds nothing.
 *
 * @param variable the variable holding the data
 * @param placeholder the tensor to feed when loading
 * @param load the op that copies the fed tensor into the variable
 */
public record DataVariable<T extends TType>(ResourceVariable<T> variable, Placeholder<T> placeholder, Op load) {

  /** Creates the variable {@code name}, its placeholder and its load op. */
  public static <T extends TType> DataVariable<T> create(Ops tf, String name, Class<T> type, Shape shape) {
    ResourceVariable<T> variable = ResourceVariable.uninitialized(tf, name, type, shape);
    Placeholder<T> placeholder =
        tf.withName(name.replace('/', '_') + "_feed").placeholder(type, Placeholder.shape(shape));
    Op load = tf.withName(name.replace('/', '_') + "_load").assignVariableOp(variable.handle(), placeholder);
    return new DataVariable<>(variable, placeholder, load);
  }
}
