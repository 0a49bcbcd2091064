package io.hexagan.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Reads the body of a {@code :predict} request, TF Serving's JSON: an object with either {@code
 * "instances"} (a list, one entry per row: with several inputs each entry an object naming them
 * all, with one input a bare value or such an object) or {@code "inputs"} (an object of whole
 * tensors by input name, or with one input the bare tensor), never both, and an optional string
 * {@code "signature_name"} ({@value #DEFAULT_SIGNATURE} by default). Other keys are ignored, as
 * TF Serving ignores them.
 *
 * <p>Two passes over the bytes with Jackson's streaming parser: the first checks the document and
 * finds the signature (its key may follow the tensors), the second reads the tensors straight
 * into arrays of the signature's dtypes.
 */
final class PredictRequestReader {
  static final String DEFAULT_SIGNATURE = "serving_default";

  private final Map<String, SignatureDef> signatures;

  PredictRequestReader(Map<String, SignatureDef> signatures) {
    this.signatures = Map.copyOf(signatures);
  }

  /** Reads {@code body}; every client mistake is an {@link ApiException} 400. */
  PredictRequest read(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("JSON Parse error: the document is empty");
    }
    try {
      Envelope envelope = scan(body);
      SignatureDef signature = signatures.get(envelope.signature());
      if (signature == null) {
        throw ApiException.badRequest("Serving signature name: \"" + envelope.signature()
            + "\" not found in signature def; this model has " + new TreeSet<>(signatures.keySet()));
      }
      return new PredictRequest(envelope.signature(), envelope.format(), readTensors(body, envelope, signature));
    } catch (JsonProcessingException e) {
      throw Json.parseError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the first pass finds. */
  private record Envelope(String signature, PredictRequest.Format format) {}

  private static Envelope scan(byte[] body) throws IOException {
    String signature = DEFAULT_SIGNATURE;
    boolean instances = false;
    boolean inputs = false;
    try (JsonParser p = Json.FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw ApiException.badRequest("expected a JSON object with \"instances\" or \"inputs\", found " + Json.describe(p));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "signature_name" -> {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
              throw ApiException.badRequest("'signature_name' must be a string, found " + Json.describe(p));
            }
            signature = p.getText();
          }
          case "instances" -> instances = true;
          case "inputs" -> inputs = true;
          default -> { }
        }
        p.skipChildren();
      }
      if (p.nextToken() != null) {
        throw ApiException.badRequest("JSON Parse error: content after the request object at line "
            + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr());
      }
    }
    if (instances && inputs) {
      throw ApiException.badRequest("expected only one of 'inputs' or 'instances', found both");
    }
    if (!instances && !inputs) {
      throw ApiException.badRequest("Missing 'inputs' or 'instances' key");
    }
    return new Envelope(signature, instances ? PredictRequest.Format.ROW : PredictRequest.Format.COLUMNAR);
  }

  private static Map<String, HostTensor> readTensors(byte[] body, Envelope envelope, SignatureDef signature)
      throws IOException {
    String key = envelope.format() == PredictRequest.Format.ROW ? "instances" : "inputs";
    try (JsonParser p = Json.FACTORY.createParser(body)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals(key)) {
          return envelope.format() == PredictRequest.Format.ROW
              ? readInstances(p, envelope.signature(), signature)
              : readInputs(p, envelope.signature(), signature);
        }
        p.skipChildren();
      }
    }
    throw new IllegalStateException("'" + key + "' vanished between the two passes");
  }

  private static Map<String, HostTensor> readInstances(JsonParser p, String name, SignatureDef signature)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw ApiException.badRequest("'instances' must be a list, found " + Json.describe(p));
    }
    Map<String, TensorInfo> infos = new TreeMap<>(signature.getInputsMap());
    Map<String, TensorReader> readers = new LinkedHashMap<>();
    infos.forEach((input, info) -> readers.put(input, TensorReader.rows(input, info)));
    int row = 0;
    Boolean objects = null;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      boolean object = p.currentToken() == JsonToken.START_OBJECT;
      if (objects == null) {
        objects = object;
        if (!object && infos.size() > 1) {
          throw ApiException.badRequest("'instances' is a plain list, but signature \"" + name + "\" has several inputs "
              + infos.keySet() + ": send a list of objects, one per row, such as " + example(infos.keySet()));
        }
      } else if (object != objects) {
        throw ApiException.badRequest("instances[" + row + "]: expected " + (objects ? "an object" : "a value or list")
            + " like instances[0], found " + Json.describe(p));
      }
      if (object) {
        readInstanceObject(p, row, name, readers);
      } else {
        readers.values().iterator().next().read(p, "instances[" + row + "]");
      }
      row++;
    }
    if (row == 0) {
      throw ApiException.badRequest("'instances' is empty: send at least one row");
    }
    Map<String, HostTensor> out = new LinkedHashMap<>();
    readers.forEach((input, reader) -> out.put(input, reader.tensor()));
    return out;
  }

  private static void readInstanceObject(JsonParser p, int row, String name, Map<String, TensorReader> readers)
      throws IOException {
    Set<String> seen = new TreeSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String input = p.currentName();
      TensorReader reader = readers.get(input);
      if (reader == null) {
        throw ApiException.badRequest("instances[" + row + "]: signature \"" + name + "\" has no input \"" + input
            + "\"; its inputs are " + readers.keySet());
      }
      p.nextToken();
      reader.read(p, "instances[" + row + "]." + input);
      seen.add(input);
    }
    if (seen.size() != readers.size()) {
      Set<String> missing = new TreeSet<>(readers.keySet());
      missing.removeAll(seen);
      throw ApiException.badRequest("instances[" + row + "]: missing input " + String.join(", ", missing)
          + " (signature \"" + name + "\" takes " + readers.keySet() + ")");
    }
  }

  private static Map<String, HostTensor> readInputs(JsonParser p, String name, SignatureDef signature)
      throws IOException {
    Map<String, TensorInfo> infos = new TreeMap<>(signature.getInputsMap());
    Map<String, HostTensor> out = new LinkedHashMap<>();
    if (p.currentToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String input = p.currentName();
        TensorInfo info = infos.get(input);
        if (info == null) {
          throw ApiException.badRequest("inputs: signature \"" + name + "\" has no input \"" + input + "\"; its inputs are "
              + infos.keySet());
        }
        p.nextToken();
        TensorReader reader = TensorReader.columns(input, info);
        reader.read(p, "inputs." + input);
        out.put(input, reader.tensor());
      }
      for (String input : infos.keySet()) {
        if (!out.containsKey(input)) {
          throw ApiException.badRequest("Missing named input: " + input + " in 'inputs' object (signature \"" + name
              + "\" takes " + infos.keySet() + ")");
        }
      }
    } else {
      if (infos.size() > 1) {
        throw ApiException.badRequest("'inputs' is a plain value or list, but signature \"" + name + "\" has several inputs "
            + infos.keySet() + ": send an object such as " + example(infos.keySet()));
      }
      Map.Entry<String, TensorInfo> only = infos.entrySet().iterator().next();
      TensorReader reader = TensorReader.columns(only.getKey(), only.getValue());
      reader.read(p, "inputs");
      out.put(only.getKey(), reader.tensor());
    }
    checkBatch(out);
    return new TreeMap<>(out);
  }

  /** Columnar inputs must agree on their row count, and hold rows. */
  private static void checkBatch(Map<String, HostTensor> inputs) {
    String first = null;
    long rows = -1;
    for (Map.Entry<String, HostTensor> e : inputs.entrySet()) {
      long[] shape = e.getValue().shape();
      if (shape.length == 0) {
        continue;
      }
      if (shape[0] == 0) {
        throw ApiException.badRequest("inputs." + e.getKey() + " has no rows: send at least one");
      }
      if (first == null) {
        first = e.getKey();
        rows = shape[0];
      } else if (shape[0] != rows) {
        throw ApiException.badRequest("inputs: " + first + " has " + rows + " rows but " + e.getKey() + " has " + shape[0]);
      }
    }
  }

  private static String example(Set<String> inputs) {
    StringBuilder s = new StringBuilder("{");
    for (String input : inputs) {
      s.append(s.length() == 1 ? "" : ", ").append('"').append(input).append("\": [...]");
    }
    return s.append('}').toString();
  }
}
