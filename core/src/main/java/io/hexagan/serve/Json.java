package io.hexagan.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The server's JSON settings (Jackson). Reading: duplicate keys are errors, nesting deeper than
 * {@value #MAX_NESTING_DEPTH} is an error, and {@code NaN}, {@code Infinity} and {@code
 * -Infinity} are read as numbers, as TF Serving reads them (Python's {@code json.dumps} writes
 * them). Writing: non-finite floats are written as those bare words, as TF Serving writes them.
 */
final class Json {
  /** Deepest nesting of arrays and objects read; a valid request nests 4 deep. */
  static final int MAX_NESTING_DEPTH = 32;

  static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
      .build();

  static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private static final int SHOWN_CHARS = 40;

  private Json() {}

  /** The 400 of a document that does not parse. */
  static ApiException parseError(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return ApiException.badRequest("JSON Parse error: nesting deeper than " + MAX_NESTING_DEPTH + " levels");
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return ApiException.badRequest("JSON Parse error: " + e.getOriginalMessage() + where);
  }

  /** The current token, for a message: {@code a string "abc"}, {@code an object}, {@code 1.5}. */
  static String describe(JsonParser p) throws IOException {
    if (p.currentToken() == null) {
      return "the end of the document";
    }
    return switch (p.currentToken()) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string \"" + shorten(p.getText()) + "\"";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> shorten(p.getText());
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> p.currentToken().asString() == null ? p.currentToken().name() : p.currentToken().asString();
    };
  }

  private static String shorten(String s) {
    return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "…";
  }
}
