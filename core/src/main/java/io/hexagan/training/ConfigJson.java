package io.hexagan.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * {@link HexaGanConfig} as JSON. A config file names only what it changes: its fields are laid
 * over a base config (the defaults, or a preset), nested objects field by field. An unknown field
 * or a value out of range is an error naming the file.
 *
 * <pre>{"seed": 7, "optimizer": {"batchSize": 128}, "schedule": {"maxEpochs": 500}}</pre>
 */
public final class ConfigJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ConfigJson() {}

  /** The whole config as indented JSON. */
  public static String toJson(HexaGanConfig config) {
    try {
      return JSON.writeValueAsString(config);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the config as JSON", e);
    }
  }

  /** {@code base} with the fields of the JSON file {@code file} laid over it. */
  public static HexaGanConfig read(Path file, HexaGanConfig base) {
    try {
      return overlay(base, Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such config file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read the config file: " + e.getMessage(), e);
    }
  }

  /** {@code base} with the fields of {@code json} laid over it; {@code source} names it in errors. */
  public static HexaGanConfig overlay(HexaGanConfig base, String json, String source) {
    try {
      JsonNode patch = JSON.readTree(json);
      if (patch == null || !patch.isObject()) {
        throw new IllegalArgumentException(source + ": expected a JSON object, found " + (patch == null ? "nothing" : patch.getNodeType()));
      }
      ObjectNode merged = JSON.valueToTree(base);
      merge(merged, (ObjectNode) patch, "");
      return JSON.treeToValue(merged, HexaGanConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": invalid config: " + firstLine(e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(source)) {
        throw e;
      }
      throw new IllegalArgumentException(source + ": invalid config: " + firstLine(e.getMessage()), e);
    }
  }

  private static void merge(ObjectNode target, ObjectNode patch, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode current = target.get(e.getKey());
      if (current == null) {
        throw new IllegalArgumentException("unknown field " + path + e.getKey());
      }
      if (current.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) current, (ObjectNode) e.getValue(), path + e.getKey() + ".");
      } else {
        target.set(e.getKey(), e.getValue());
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
