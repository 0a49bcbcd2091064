package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * Save and restore ops for resource variables, under the names TensorFlow Java's {@code
 * Session.save}/{@code Session.restore} and the SavedModel format look for ({@code
 * save/filename}, {@code save/control_dependency}, {@code save/restore_all}); TensorFlow Java's own
 * saver handles only reference variables.
 *
 * <p>Each variable is stored under its {@link ResourceVariable#name()}. Restoring reads only the
 * names this graph holds, so a graph restores the subset of a larger checkpoint it shares names
 * with (the serving graph restores the networks from a training checkpoint that also holds
 * optimizer state).
 */
public final class VariableSaver {
  /** Name scope of the saver's ops. */
  public static final String SCOPE = "save";
  /** Name of the filename placeholder's op within {@link #SCOPE}. */
  public static final String FILENAME = "filename";
  /** Name of the op that saves, within {@link #SCOPE}. */
  public static final String SAVE = "control_dependency";
  /** Name of the op that restores, within {@link #SCOPE}. */
  public static final String RESTORE = "restore_all";

  private VariableSaver() {}

  /** Adds the save and restore ops for {@code variables} to the graph of {@code root}. */
  public static void build(Ops root, List<? extends ResourceVariable<?>> variables) {
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("variables: expected at least one, found none");
    }
    Ops tf = root.withSubScope(SCOPE);
    Placeholder<TString> filename = tf.withName(FILENAME).placeholder(TString.class);
    String[] names = new String[variables.size()];
    String[] slices = new String[variables.size()];
    List<Operand<?>> values = new ArrayList<>();
    List<Class<? extends TType>> types = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      ResourceVariable<?> v = variables.get(i);
      names[i] = v.name();
      slices[i] = "";
      values.add(v.read(tf));
      types.add(v.type());
    }
    Operand<TString> nameTensor = tf.constant(org.tensorflow.ndarray.StdArrays.ndCopyOf(names));
    Operand<TString> sliceTensor = tf.constant(org.tensorflow.ndarray.StdArrays.ndCopyOf(slices));
    Op save = tf.train.save(filename, nameTensor, sliceTensor, values);
    tf.withControlDependencies(List.of(save)).withName(SAVE).identity(filename);
    Restore restored = tf.train.restore(filename, nameTensor, sliceTensor, types);
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      assigns.add(tf.assignVariableOp(variables.get(i).handle(), restored.tensors().get(i)));
    }
    tf.withControlDependencies(assigns).withName(RESTORE).noOp();
  }
}
