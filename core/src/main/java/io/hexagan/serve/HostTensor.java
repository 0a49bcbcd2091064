package io.hexagan.serve;

import java.util.Arrays;
import org.tensorflow.proto.DataType;

/**
 * A dense tensor in Java memory, values row-major: an input read from a request or an output
 * about to be written. The arrays are shared, not copied (this package's own values).
 */
sealed interface HostTensor permits HostTensor.Floats, HostTensor.Longs {

  long[] shape();

  DataType dtype();

  /** The number of values (the product of the shape). */
  default long size() {
    return Arrays.stream(shape()).reduce(1, Math::multiplyExact);
  }

  /** float32 values. */
  record Floats(long[] shape, float[] values) implements HostTensor {
    @Override
    public DataType dtype() {
      return DataType.DT_FLOAT;
    }
  }

  /** int64 values. */
  record Longs(long[] shape, long[] values) implements HostTensor {
    @Override
    public DataType dtype() {
      return DataType.DT_INT64;
    }
  }

  /** {@code float32 [-1, 4]}-style text of a dtype and shape. */
  static String describe(DataType dtype, long[] shape) {
    StringBuilder s = new StringBuilder(dtypeName(dtype)).append(" [");
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return s.append(']').toString();
  }

  /** {@code float32}, {@code int64}, or the proto's name of another type. */
  static String dtypeName(DataType dtype) {
    return switch (dtype) {
      case DT_FLOAT -> "float32";
      case DT_INT64 -> "int64";
      default -> dtype.name();
    };
  }
}
