package io.hexagan.eval;

import java.util.List;

/**
 * The trained values of a network's variables, in the order of {@code DenseNetwork.variables()}
 * (weights then bias, layer by layer), each row-major. A fitted baseline keeps these rather than
 * a TensorFlow session, so it holds no native resources.
 *
 * @param values one array per variable
 */
record NetworkValues(List<float[]> values) {

  NetworkValues {
    values = values.stream().map(float[]::clone).toList();
  }

  @Override
  public List<float[]> values() {
    return values.stream().map(float[]::clone).toList();
  }
}
