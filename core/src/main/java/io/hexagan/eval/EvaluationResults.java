package io.hexagan.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hexagan.io.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON file {@code hexagan evaluate} writes ({@link EvaluationReport#writeJson}), read back:
 * its table, its settings and every method's per-fold values of every figure.
 *
 * @param source the file, for messages
 * @param dataset the table's name
 * @param rows the rows evaluated, or null in a file written before hexagan recorded them
 * @param settings the evaluation's settings as written (missing rates, folds, repetitions, seed, …)
 * @param perFold method → figure → its value per fold, in the evaluation loop's order
 */
public record EvaluationResults(String source, String dataset, Integer rows, JsonNode settings,
    Map<String, Map<String, List<Double>>> perFold) {

  /**
   * Reads an evaluation's JSON file.
   *
   * @throws DataException naming the file if it cannot be read, is not such a file or an entry
   *     lacks its per-fold values (files written before hexagan recorded them)
   */
  public static EvaluationResults read(Path file) {
    String source = file.toString();
    JsonNode doc;
    try {
      doc = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw DataException.inFile(source, "no such file");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw DataException.inFile(source, "not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DataException.inFile(source, "cannot read: " + e.getMessage(), e);
    }
    if (doc == null || !doc.isObject() || !doc.path("dataset").isTextual() || !doc.path("settings").isObject()
        || !doc.path("results").isArray()) {
      throw DataException.inFile(source, "not the JSON of hexagan evaluate (expected \"dataset\", \"settings\" and "
          + "\"results\")");
    }
    Map<String, Map<String, List<Double>>> perFold = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode entry : doc.get("results")) {
      String where = "results[" + index++ + "]";
      String method = entry.path("method").asText(null);
      String metric = entry.path("metric").asText(null);
      if (method == null || metric == null) {
        throw DataException.inFile(source, where + ": expected \"method\" and \"metric\"");
      }
      JsonNode values = entry.path("perFold");
      if (!values.isArray() || values.isEmpty()) {
        throw DataException.inFile(source, where + " (" + method + ", " + metric + "): no per-fold values; the file was"
            + " written before hexagan evaluate recorded them: run the evaluation again");
      }
      List<Double> list = new ArrayList<>();
      for (JsonNode v : values) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
          throw DataException.inFile(source, where + " (" + method + ", " + metric + "): perFold holds " + v
              + ", expected finite numbers");
        }
        list.add(v.asDouble());
      }
      perFold.computeIfAbsent(method, m -> new LinkedHashMap<>()).put(metric, List.copyOf(list));
    }
    perFold.replaceAll((method, figures) -> Collections.unmodifiableMap(figures));
    Integer rows = doc.path("rows").isInt() ? doc.get("rows").asInt() : null;
    return new EvaluationResults(source, doc.get("dataset").asText(), rows, doc.get("settings"),
        Collections.unmodifiableMap(perFold));
  }

  /** The methods of the file, in its order. */
  public Set<String> methods() {
    return new LinkedHashSet<>(perFold.keySet());
  }

  /** The figures of {@code method}, or a {@link DataException} naming the file and the methods it has. */
  public Map<String, List<Double>> figures(String method) {
    Map<String, List<Double>> figures = perFold.get(method);
    if (figures == null) {
      throw DataException.inFile(source, "no method " + method + "; the file has " + String.join(", ", methods()));
    }
    return figures;
  }
}
