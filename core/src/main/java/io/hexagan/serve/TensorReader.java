package io.hexagan.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Reads the JSON of one signature input, nested lists of numbers, into a dense {@link
 * HostTensor} of the input's dtype, straight from the parser (no tree of the document).
 *
 * <p>Either one value holds the whole tensor (the columnar {@code "inputs"} form) or each of
 * several values holds one row (the row {@code "instances"} form), which this reader stacks. A
 * value must nest exactly as deep as its rank, every list at a level must have the same length,
 * and a length the signature fixes (d) must be met; a length the signature leaves open (-1) is
 * set by the first list read at that level. Numbers: float32 from any JSON number within
 * float32's range (NaN and ±Infinity words included); int64 from integers only.
 */
final class TensorReader {
  private final String input;
  private final DataType dtype;
  private final long[] declared;
  private final boolean rows;
  private final long[] dims;
  private float[] floats = new float[0];
  private long[] longs = new long[0];
  private int size;
  private int reads;

  private TensorReader(String input, TensorInfo info, boolean rows) {
    this.input = input;
    this.dtype = info.getDtype();
    if (dtype != DataType.DT_FLOAT && dtype != DataType.DT_INT64) {
      throw new IllegalArgumentException(input + ": the server reads float32 and int64 inputs, not " + dtype);
    }
    TensorShapeProto shape = info.getTensorShape();
    if (shape.getUnknownRank() || (rows && shape.getDimCount() == 0)) {
      throw new IllegalArgumentException(input + ": the server reads inputs of known rank with a batch dimension");
    }
    this.declared = shape.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
    this.rows = rows;
    this.dims = rows ? Arrays.copyOfRange(declared, 1, declared.length) : declared.clone();
  }

  /** A reader of a whole tensor (one {@link #read}). */
  static TensorReader columns(String input, TensorInfo info) {
    return new TensorReader(input, info, false);
  }

  /** A reader that stacks rows, one {@link #read} each. */
  static TensorReader rows(String input, TensorInfo info) {
    return new TensorReader(input, info, true);
  }

  /**
   * Reads the value at the parser's current token (and leaves the parser on its last token).
   *
   * @param where the value's place in the request, for messages ({@code instances[3].x})
   */
  void read(JsonParser p, String where) throws IOException {
    if (reads > 0 && !rows) {
      throw new IllegalStateException(input + ": a columnar input is read once");
    }
    readValue(p, 0, where);
    reads++;
  }

  /** The tensor read: the rows stacked, or the one value. */
  HostTensor tensor() {
    long[] inner = dims.clone();
    for (int i = 0; i < inner.length; i++) {
      // A level below an empty list was never seen: it holds nothing.
      inner[i] = Math.max(inner[i], 0);
    }
    long[] shape = inner;
    if (rows) {
      shape = new long[inner.length + 1];
      shape[0] = reads;
      System.arraycopy(inner, 0, shape, 1, inner.length);
    }
    return dtype == DataType.DT_FLOAT
        ? new HostTensor.Floats(shape, Arrays.copyOf(floats, size))
        : new HostTensor.Longs(shape, Arrays.copyOf(longs, size));
  }

  private void readValue(JsonParser p, int level, String where) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      if (level == dims.length) {
        throw ApiException.badRequest(where + ": expected " + leaf() + ", found a list (" + declaration() + ")");
      }
      long count = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (dims[level] >= 0 && count == dims[level]) {
          throw ApiException.badRequest(where + ": expected a list of " + dims[level] + " values, found more ("
              + declaration() + ")");
        }
        readValue(p, level + 1, where + "[" + count + "]");
        count++;
      }
      if (dims[level] < 0) {
        dims[level] = count;
      } else if (count != dims[level]) {
        throw ApiException.badRequest(where + ": expected a list of " + dims[level] + " values, found " + count + " ("
            + declaration() + ")");
      }
      return;
    }
    if (level < dims.length) {
      throw ApiException.badRequest(where + ": expected a list, found " + Json.describe(p) + " (" + declaration() + ")");
    }
    if (dtype == DataType.DT_FLOAT) {
      appendFloat(p, where);
    } else {
      appendLong(p, where);
    }
  }

  private void appendFloat(JsonParser p, String where) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw ApiException.badRequest(where + ": expected a number (" + input + " is float32), found " + Json.describe(p));
    }
    double v = p.getDoubleValue();
    if (Double.isFinite(v) && Math.abs(v) > Float.MAX_VALUE) {
      throw ApiException.badRequest(where + ": " + p.getText() + " is beyond float32's range");
    }
    if (size == floats.length) {
      floats = Arrays.copyOf(floats, grown(size));
    }
    floats[size++] = (float) v;
  }

  private void appendLong(JsonParser p, String where) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw ApiException.badRequest(where + ": expected an integer (" + input + " is int64), found " + Json.describe(p));
    }
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw ApiException.badRequest(where + ": " + p.getText() + " is beyond int64's range");
    }
    if (size == longs.length) {
      longs = Arrays.copyOf(longs, grown(size));
    }
    longs[size++] = p.getLongValue();
  }

  private static int grown(int n) {
    if (n >= Integer.MAX_VALUE - 8) {
      throw ApiException.badRequest("too many values in one input");
    }
    return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, n * 2L));
  }

  private String leaf() {
    return dtype == DataType.DT_FLOAT ? "a number" : "an integer";
  }

  private String declaration() {
    return input + " is " + HostTensor.describe(dtype, declared) + (rows ? ", one row per instance" : "");
  }
}
