package io.hexagan.serve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code :predict} request, read: the signature to run, the form it came in (which decides the
 * form of the answer) and its inputs by name.
 */
record PredictRequest(String signature, Format format, Map<String, HostTensor> inputs) {

  /** The two request forms of TF Serving's predict API. */
  enum Format {
    /** {@code "instances"}: a list with one entry per row; answered with {@code "predictions"}. */
    ROW,
    /** {@code "inputs"}: whole tensors; answered with {@code "outputs"}. */
    COLUMNAR
  }

  PredictRequest {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }
}
