package io.hexagan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.SignatureDef;

/**
 * The answers of the model status and metadata endpoints, as TF Serving writes them. A served
 * model has one version, {@value #VERSION}, and is {@code AVAILABLE} while the server runs.
 *
 * <p>The metadata prints each SignatureDef with protobuf's {@link JsonFormat}, proto field names
 * and default values included, as TF Serving prints them: {@code
 * {"model_spec": {"name": ..., "signature_name": "", "version": "1"}, "metadata": {"signature_def":
 * {"signature_def": {KEY: {"inputs": {...}, "outputs": {...}, "method_name": ...}}}}}}, shapes as
 * {@code {"dim": [{"size": "-1", "name": ""}, ...], "unknown_rank": false}} and dtypes as {@code
 * DT_FLOAT} and {@code DT_INT64}.
 */
final class ModelInfoJson {
  /** The one version a served model directory has. */
  static final String VERSION = "1";

  private ModelInfoJson() {}

  static byte[] status() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode versions = root.putArray("model_version_status");
    ObjectNode version = versions.addObject();
    version.put("version", VERSION);
    version.put("state", "AVAILABLE");
    ObjectNode status = version.putObject("status");
    status.put("error_code", "OK");
    status.put("error_message", "");
    return bytes(root);
  }

  static byte[] metadata(String modelName, Map<String, SignatureDef> signatures) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode spec = root.putObject("model_spec");
    spec.put("name", modelName);
    spec.put("signature_name", "");
    spec.put("version", VERSION);
    ObjectNode defs = root.putObject("metadata").putObject("signature_def").putObject("signature_def");
    JsonFormat.Printer printer = JsonFormat.printer().preservingProtoFieldNames().includingDefaultValueFields();
    try {
      for (Map.Entry<String, SignatureDef> e : new TreeMap<>(signatures).entrySet()) {
        defs.set(e.getKey(), Json.MAPPER.readTree(printer.print(e.getValue())));
      }
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      throw new IllegalStateException("cannot print the SignatureDefs as JSON", e);
    }
    return bytes(root);
  }

  private static byte[] bytes(ObjectNode root) {
    try {
      return Json.MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
