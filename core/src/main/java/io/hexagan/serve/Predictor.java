package io.hexagan.serve;

import io.hexagan.savedmodel.ServingModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Runs a signature on {@link HostTensor}s: into TensorFlow tensors, the session call, and back. */
final class Predictor {
  private final ServingModel model;

  Predictor(ServingModel model) {
    this.model = model;
  }

  /**
   * The outputs of signature {@code signature} on {@code inputs}, by output name in name order.
   *
   * @param seed null for fresh noise, or two non-negative numbers (see {@link ServingModel#run})
   * @throws ApiException 400 when TensorFlow rejects the inputs as invalid arguments
   */
  Map<String, HostTensor> predict(String signature, Map<String, HostTensor> inputs, long[] seed) {
    Map<String, Tensor> fed = new LinkedHashMap<>();
    try {
      inputs.forEach((name, t) -> fed.put(name, toTensor(t)));
      try (ServingModel.Outputs outputs = model.run(signature, fed, seed)) {
        Map<String, HostTensor> out = new TreeMap<>();
        outputs.tensors().forEach((name, t) -> out.put(name, fromTensor(name, t)));
        return out;
      }
    } catch (TFInvalidArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    } finally {
      fed.values().forEach(Tensor::close);
    }
  }

  private static Tensor toTensor(HostTensor t) {
    Shape shape = Shape.of(t.shape());
    if (t instanceof HostTensor.Floats f) {
      return TFloat32.tensorOf(shape, DataBuffers.of(f.values(), true, false));
    }
    return TInt64.tensorOf(shape, DataBuffers.of(((HostTensor.Longs) t).values(), true, false));
  }

  private static HostTensor fromTensor(String name, Tensor t) {
    long[] shape = t.shape().asArray();
    int size = Math.toIntExact(t.shape().size());
    if (t instanceof TFloat32 f) {
      float[] values = new float[size];
      f.copyTo(DataBuffers.of(values, false, false));
      return new HostTensor.Floats(shape, values);
    }
    if (t instanceof TInt64 l) {
      long[] values = new long[size];
      l.copyTo(DataBuffers.of(values, false, false));
      return new HostTensor.Longs(shape, values);
    }
    throw new IllegalStateException("output " + name + ": the server writes float32 and int64 outputs, not "
        + t.dataType());
  }
}
