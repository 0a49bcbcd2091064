package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.StdArrays;
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
  /**
   * Name of the op, within {@link #SCOPE}, that restores every variable but the optional ones
   * ({@link #build(Ops, List, List)}): for a checkpoint written before they existed.
   */
  public static final String RESTORE_REQUIRED = "restore_required";
  /** Name of the op, within {@link #SCOPE}, that restores from names prefixed {@link #BEST_PREFIX}. */
  public static final String RESTORE_BEST = "restore_best";
  /** Prefix of the training graph's best-epoch snapshot variables. */
  public static final String BEST_PREFIX = "best/";

  /** Prefix of the moving averages of the networks' weights ({@link OptimizerSettings#averagingEpochs()}). */
  public static final String AVERAGE_PREFIX = "average/";

  private VariableSaver() {}

  /** Adds the save and restore ops for {@code variables} to the graph of {@code root}. */
  public static void build(Ops root, List<? extends ResourceVariable<?>> variables) {
    build(root, variables, false);
  }

  /**
   * {@link #build(Ops, List)}, and {@code save/restore_required}, which restores {@code variables}
   * except {@code optional} (a subset: variables that checkpoints of earlier builds lack, and
   * which keep their initial values when restored from one).
   */
  public static void build(Ops root, List<? extends ResourceVariable<?>> variables,
      List<? extends ResourceVariable<?>> optional) {
    List<ResourceVariable<?>> required = new ArrayList<>(variables);
    if (!required.removeAll(optional) || required.isEmpty()) {
      throw new IllegalArgumentException("optional: expected a proper subset of the variables");
    }
    build(root, variables, null, required);
  }

  /**
   * Adds the save and restore ops and, if {@code bestRestore}, {@code save/restore_best}, which
   * restores each variable from the checkpoint entry named {@code best/<name>} (the training
   * graph's snapshot of its best validation epoch).
   */
  public static void build(Ops root, List<? extends ResourceVariable<?>> variables, boolean bestRestore) {
    build(root, variables, bestRestore ? variables : null, null);
  }

  /**
   * {@link #build(Ops, List, boolean)} with {@code save/restore_best} restoring {@code best} alone:
   * the variables the training checkpoint's snapshot holds, where the graph has others besides.
   */
  public static void buildWithBest(Ops root, List<? extends ResourceVariable<?>> variables,
      List<? extends ResourceVariable<?>> best) {
    build(root, variables, best, null);
  }

  private static void build(Ops root, List<? extends ResourceVariable<?>> variables,
      List<? extends ResourceVariable<?>> best, List<? extends ResourceVariable<?>> required) {
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("variables: expected at least one, found none");
    }
    Ops tf = root.withSubScope(SCOPE);
    Placeholder<TString> filename = tf.withName(FILENAME).placeholder(TString.class);
    List<Operand<?>> values = new ArrayList<>();
    for (ResourceVariable<?> v : variables) {
      values.add(v.read(tf));
    }
    Operand<TString> slices = strings(tf, variables, null);
    Op save = tf.train.save(filename, strings(tf, variables, ""), slices, values);
    tf.withControlDependencies(List.of(save)).withName(SAVE).identity(filename);
    restore(tf, filename, variables, "", RESTORE);
    if (best != null) {
      restore(tf, filename, best, BEST_PREFIX, RESTORE_BEST);
    }
    if (required != null) {
      restore(tf, filename, required, "", RESTORE_REQUIRED);
    }
  }

  private static void restore(Ops tf, Operand<TString> filename, List<? extends ResourceVariable<?>> variables,
      String prefix, String opName) {
    List<Class<? extends TType>> types = new ArrayList<>();
    for (ResourceVariable<?> v : variables) {
      types.add(v.type());
    }
    Restore restored = tf.train.restore(filename, strings(tf, variables, prefix), strings(tf, variables, null), types);
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      assigns.add(tf.assignVariableOp(variables.get(i).handle(), restored.tensors().get(i)));
    }
    tf.withControlDependencies(assigns).withName(opName).noOp();
  }

  /** The variables' names with {@code prefix}, or empty strings (whole-tensor slices) when null. */
  private static Operand<TString> strings(Ops tf, List<? extends ResourceVariable<?>> variables, String prefix) {
    String[] s = new String[variables.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = prefix == null ? "" : prefix + variables.get(i).name();
    }
    return tf.constant(StdArrays.ndCopyOf(s));
  }
}
