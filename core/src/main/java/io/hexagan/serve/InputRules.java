package io.hexagan.serve;

import java.util.Map;

/**
 * What a hexagan model's inputs must hold beyond their dtype and shape, checked before the
 * session runs so that a client mistake is a 400 naming the cell, not a wrong answer:
 *
 * <ul>
 *   <li>{@code x} with {@code mask}: a cell with mask &gt; 0 is observed and must be a finite
 *       number; a cell with mask ≤ 0 is missing and may hold anything, NaN included (the graph
 *       selects it away);
 *   <li>every other float input (the mask itself) is finite;
 *   <li>{@code class_ids}: each a class of the model, 0 to n_c − 1.
 * </ul>
 */
final class InputRules {
  static final String X = "x";
  static final String MASK = "mask";
  static final String CLASS_IDS = "class_ids";

  private final int classes;

  /** @param classes n_c, the number of classes of the model (0 without a label) */
  InputRules(int classes) {
    this.classes = classes;
  }

  /** @throws ApiException 400 at the first cell that breaks a rule */
  void check(Map<String, HostTensor> inputs) {
    HostTensor mask = inputs.get(MASK);
    for (Map.Entry<String, HostTensor> e : inputs.entrySet()) {
      String name = e.getKey();
      if (e.getValue() instanceof HostTensor.Floats f) {
        if (name.equals(X) && mask instanceof HostTensor.Floats m && m.values().length == f.values().length) {
          checkObservedFinite(f, m);
        } else {
          checkFinite(name, f);
        }
      } else if (e.getValue() instanceof HostTensor.Longs l && name.equals(CLASS_IDS)) {
        checkClassIds(l);
      }
    }
  }

  private static void checkObservedFinite(HostTensor.Floats x, HostTensor.Floats mask) {
    float[] xs = x.values();
    float[] ms = mask.values();
    for (int i = 0; i < xs.length; i++) {
      if (ms[i] > 0 && !Float.isFinite(xs[i])) {
        throw ApiException.badRequest(X + cell(x.shape(), i) + " is " + xs[i] + " but " + MASK + cell(x.shape(), i)
            + " = " + ms[i] + " marks it observed; a missing cell has mask 0 (and any number in x)");
      }
    }
  }

  private static void checkFinite(String name, HostTensor.Floats f) {
    float[] v = f.values();
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw ApiException.badRequest(name + cell(f.shape(), i) + " is " + v[i] + ": expected a finite number");
      }
    }
  }

  private void checkClassIds(HostTensor.Longs ids) {
    long[] v = ids.values();
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0 || v[i] >= classes) {
        throw ApiException.badRequest(CLASS_IDS + cell(ids.shape(), i) + " = " + v[i] + " is not a class of this model "
            + (classes == 0 ? "(it has none)" : "(0 to " + (classes - 1) + ")"));
      }
    }
  }

  /** {@code [2][3]}: the indices of flat position {@code flat} in a row-major {@code shape}. */
  static String cell(long[] shape, long flat) {
    StringBuilder s = new StringBuilder();
    long[] index = new long[shape.length];
    long rest = flat;
    for (int d = shape.length - 1; d >= 0; d--) {
      index[d] = rest % shape[d];
      rest /= shape[d];
    }
    for (long i : index) {
      s.append('[').append(i).append(']');
    }
    return s.toString();
  }
}
