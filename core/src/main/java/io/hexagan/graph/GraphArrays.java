package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * Where a graph's large fixed arrays (the forests' nodes) live: as constants in the graph, or as
 * variables that the checkpoint carries.
 *
 * <p>Constants are the plain choice for small graphs. A forest's nodes run to tens of megabytes,
 * and as constants they make every load of the SavedModel slow and hungry: TensorFlow's graph
 * optimiser copies the graph definition pass after pass on the first call (a model of the whole
 * credit table: 11.5 s and 6 GB at its peak on the first call). {@link #stored()} keeps them out of
 * the graph definition: each is a variable, set once from a fed tensor ({@link Stored#assign}) and
 * then saved and restored with the networks' weights.
 */
public interface GraphArrays {

  /**
   * {@code values} as a 1-D graph operand named after {@code name} (unique per graph); the array
   * must not change afterwards.
   */
  Operand<TInt64> longs(Ops tf, String name, long[] values);

  /** {@link #longs} for floats. */
  Operand<TFloat32> floats(Ops tf, String name, float[] values);

  /** Constants in the graph. */
  GraphArrays CONSTANTS = new GraphArrays() {
    @Override
    public Operand<TInt64> longs(Ops tf, String name, long[] values) {
      return tf.constant(values);
    }

    @Override
    public Operand<TFloat32> floats(Ops tf, String name, float[] values) {
      return tf.constant(values);
    }
  };

  /** Variables under {@code arrays/}, to be assigned once the session is initialised. */
  static Stored stored() {
    return new Stored();
  }

  /** Arrays held in variables: each read from its variable, set by {@link #assign}. */
  final class Stored implements GraphArrays {
    /** A variable, the placeholder its assign reads, the tensor to feed it and the assign op's name. */
    private record Entry(ResourceVariable<?> variable, Placeholder<?> value, Supplier<TType> tensor, String assign) {}

    private final List<Entry> entries = new ArrayList<>();

    private Stored() {}

    @Override
    public Operand<TInt64> longs(Ops tf, String name, long[] values) {
      return add(tf, name, TInt64.class, values.length, () -> TInt64.vectorOf(values));
    }

    @Override
    public Operand<TFloat32> floats(Ops tf, String name, float[] values) {
      return add(tf, name, TFloat32.class, values.length, () -> TFloat32.vectorOf(values));
    }

    private <T extends TType> Operand<T> add(Ops tf, String name, Class<T> type, int length,
        Supplier<TType> tensor) {
      String full = "arrays/" + name;
      ResourceVariable<T> variable = ResourceVariable.uninitialized(tf, full, type, Shape.of(length));
      Ops scope = tf.withSubScope("arrays_assign");
      Placeholder<T> value = scope.withName(name.replace('/', '_') + "_value").placeholder(type,
          Placeholder.shape(Shape.of(length)));
      String assign = scope.withName(name.replace('/', '_') + "_assign").assignVariableOp(variable.handle(), value)
          .op().name();
      entries.add(new Entry(variable, value, tensor, assign));
      return variable.read(tf);
    }

    /** The variables, for the saver. */
    public List<ResourceVariable<?>> variables() {
      return entries.stream().<ResourceVariable<?>>map(Entry::variable).toList();
    }

    /** Sets every variable to its array (after the session's initialisation, before a save). */
    public void assign(Session session) {
      for (Entry e : entries) {
        try (TType tensor = e.tensor().get()) {
          session.runner().feed(e.value(), tensor).addTarget(e.assign()).run().close();
        }
      }
    }
  }
}
