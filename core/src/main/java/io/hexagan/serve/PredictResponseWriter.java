package io.hexagan.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a {@code :predict} answer as TF Serving writes it. Row requests get {@code
 * {"predictions": [...]}}, one entry per row: the row's value of the one output, or with several
 * outputs an object of them by name. Columnar requests get {@code {"outputs": ...}}: the one
 * output's tensor, or an object of tensors by name. float32 values are written with the fewest
 * digits that read back as the same float.
 */
final class PredictResponseWriter {
  private PredictResponseWriter() {}

  static byte[] write(Map<String, HostTensor> outputs, PredictRequest.Format format) {
    if (outputs.isEmpty()) {
      throw new IllegalStateException("a signature without outputs");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      if (format == PredictRequest.Format.ROW) {
        writeRows(g, outputs);
      } else {
        writeColumns(g, outputs);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeRows(JsonGenerator g, Map<String, HostTensor> outputs) throws IOException {
    long rows = -1;
    for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
      long[] shape = e.getValue().shape();
      if (shape.length == 0 || (rows >= 0 && shape[0] != rows)) {
        throw new IllegalStateException("output " + e.getKey() + " of shape " + java.util.Arrays.toString(shape)
            + " does not have the batch's " + rows + " rows");
      }
      rows = shape[0];
    }
    g.writeFieldName("predictions");
    g.writeStartArray();
    boolean objects = outputs.size() > 1;
    for (long row = 0; row < rows; row++) {
      if (objects) {
        g.writeStartObject();
      }
      for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
        if (objects) {
          g.writeFieldName(e.getKey());
        }
        HostTensor t = e.getValue();
        long perRow = t.size() / rows;
        write(g, t, 1, row * perRow);
      }
      if (objects) {
        g.writeEndObject();
      }
    }
    g.writeEndArray();
  }

  private static void writeColumns(JsonGenerator g, Map<String, HostTensor> outputs) throws IOException {
    g.writeFieldName("outputs");
    boolean objects = outputs.size() > 1;
    if (objects) {
      g.writeStartObject();
    }
    for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
      if (objects) {
        g.writeFieldName(e.getKey());
      }
      write(g, e.getValue(), 0, 0);
    }
    if (objects) {
      g.writeEndObject();
    }
  }

  /**
   * Writes the sub-tensor of {@code t} that starts at flat position {@code offset} and spans the
   * dimensions from {@code dim} on; returns the position after it.
   */
  private static long write(JsonGenerator g, HostTensor t, int dim, long offset) throws IOException {
    long[] shape = t.shape();
    if (dim == shape.length) {
      if (t instanceof HostTensor.Floats f) {
        g.writeNumber(f.values()[(int) offset]);
      } else {
        g.writeNumber(((HostTensor.Longs) t).values()[(int) offset]);
      }
      return offset + 1;
    }
    g.writeStartArray();
    long at = offset;
    for (long i = 0; i < shape[dim]; i++) {
      at = write(g, t, dim + 1, at);
    }
    g.writeEndArray();
    return at;
  }
}
