package io.hexagan.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A {@link TableSchema} as JSON. Reading checks {@code formatVersion} first: a schema written by a
 * newer hexagan is refused with a message saying so, rather than misread. Unknown fields in a
 * schema of a known version are an error.
 */
public final class SchemaJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private SchemaJson() {
  }

  /** The JSON text of {@code schema}. */
  public static String toJson(TableSchema schema) {
    try {
      return MAPPER.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the schema as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The schema in {@code json}.
   *
   * @param source the name of the text's origin, for messages
   * @throws DataException when the text is not a schema or is of a newer format version
   */
  public static TableSchema fromJson(String json, String source) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw DataException.inFile(source, "expected a JSON schema, found invalid JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw DataException.inFile(source, "expected a JSON object, found " + (tree == null ? "nothing" : tree.getNodeType()));
    }
    JsonNode version = tree.get("formatVersion");
    if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt()) {
      throw DataException.inFile(source, "expected an integer formatVersion, found " + (version == null ? "none" : version));
    }
    if (version.intValue() > TableSchema.FORMAT_VERSION) {
      throw DataException.inFile(source, "schema formatVersion " + version.intValue()
          + " is newer than this hexagan reads (" + TableSchema.FORMAT_VERSION + "); use a newer hexagan");
    }
    try {
      return MAPPER.treeToValue(tree, TableSchema.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw DataException.inFile(source, "invalid schema: " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw DataException.inFile(source, "invalid schema: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads the schema in {@code file}. */
  public static TableSchema read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw DataException.inFile(file.toString(), "file not found", e);
    } catch (IOException e) {
      throw DataException.inFile(file.toString(), "cannot read the file: " + e.getMessage(), e);
    }
    return fromJson(json, file.toString());
  }

  /** Writes {@code schema} to {@code file}, atomically: on failure {@code file} is left as it was. */
  public static void write(TableSchema schema, Path file) throws IOException {
    String json = toJson(schema) + "\n";
    AtomicFiles.write(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
  }
}
