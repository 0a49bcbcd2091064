package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.family.TType;

/**
 * A TensorFlow resource variable: a {@code VarHandleOp} and its initial value, both created in
 * the graph's init scope so that {@code Session.initialize()} sets them.
 *
 * <p>Resource variables give the ordering the unrolled schedule needs: a {@code ReadVariableOp}
 * placed under a control dependency on an update op sees the updated value.
 *
 * @param handle the variable's resource handle
 * @param name the variable's name, unique in its graph (also its shared name)
 * @param type the element type
 * @param shape the static shape
 */
public record ResourceVariable<T extends TType>(
    Operand<? extends TType> handle, String name, Class<T> type, Shape shape) {

  /**
   * Creates a variable named {@code name} holding {@code initialValue} after initialisation.
   *
   * @param tf ops whose scope names the variable
   * @param name a name unique within the graph, such as {@code encoder/w0}
   * @param initialValue a tensor of the variable's shape, built with {@code tf.withInitScope()}
   */
  public static <T extends TType> ResourceVariable<T> create(
      Ops tf, String name, Class<T> type, Shape shape, Operand<T> initialValue) {
    Ops init = tf.withInitScope();
    VarHandleOp handle =
        init.withName(name.replace('/', '_'))
            .varHandleOp(type, shape, VarHandleOp.sharedName(name));
    init.assignVariableOp(handle, initialValue);
    return new ResourceVariable<>(handle, name, type, shape);
  }

  /**
   * Creates a variable with no initial value; it must be assigned (for example from a fed tensor)
   * before it is read.
   */
  public static <T extends TType> ResourceVariable<T> uninitialized(
      Ops tf, String name, Class<T> type, Shape shape) {
    VarHandleOp handle =
        tf.withInitScope()
            .withName(name.replace('/', '_'))
            .varHandleOp(type, shape, VarHandleOp.sharedName(name));
    return new ResourceVariable<>(handle, name, type, shape);
  }

  /** Reads the current value; the read honours the control dependencies of {@code tf}. */
  public Operand<T> read(Ops tf) {
    return tf.readVariableOp(handle, type);
  }
}
