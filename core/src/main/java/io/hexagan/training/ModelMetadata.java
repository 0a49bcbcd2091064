package io.hexagan.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * What a model directory records beside its weights ({@code assets/hexagan.json}): the encoded
 * features, the scaler, the classes, the configuration, the training summary and the provenance.
 *
 * @param formatVersion the layout version of this file; a newer one than {@link #FORMAT_VERSION}
 *     is refused
 * @param features encoded feature names, in column order of the signatures' {@code x}
 * @param classes class names by class id (empty without a label)
 * @param scalerMin per feature, the minimum the scaler maps to 0
 * @param scalerSpan per feature, max − min (1 for a constant feature)
 * @param config every hyperparameter of the run
 * @param summary how training went, epoch by epoch
 * @param provenance versions, seed and data fingerprint
 */
public record ModelMetadata(
    int formatVersion,
    List<String> features,
    List<String> classes,
    double[] scalerMin,
    double[] scalerSpan,
    HexaGanConfig config,
    TrainingSummary summary,
    Provenance provenance) {

  /** The version this build writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Where a model comes from.
   *
   * @param hexaganVersion the hexagan build that trained it
   * @param tensorflowVersion the TensorFlow runtime that trained it
   * @param dataSha256 SHA-256 of the training table's values, labels and names
   * @param rows training rows
   * @param createdAt ISO-8601 instant training finished
   * @param validationSha256 SHA-256 of the validation split training drew (the cells and labels it
   *     hid); null in models written before it was recorded
   */
  public record Provenance(String hexaganVersion, String tensorflowVersion, String dataSha256, int rows,
      String createdAt, String validationSha256) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** This metadata as UTF-8 JSON. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write model metadata", e);
    }
  }

  /** Reads metadata written by {@link #toJson()}, refusing a newer format. */
  public static ModelMetadata fromJson(byte[] json, String source) {
    try {
      JsonNode tree = JSON.readTree(json);
      int version = tree.path("formatVersion").asInt(-1);
      if (version > FORMAT_VERSION) {
        throw new IllegalArgumentException(source + ": model format version " + version
            + " is newer than this hexagan reads (" + FORMAT_VERSION + "); upgrade hexagan");
      }
      if (version < 1) {
        throw new IllegalArgumentException(source + ": expected a model format version, found none");
      }
      if (tree.path("config").path("refinement") instanceof ObjectNode refinement && !refinement.has("forestTrees")) {
        // A model written before the forests had none (nor component predictors: absent reads false).
        refinement.put("forestTrees", 0).put("forestMinLeaf", RefinementSettings.OFF.forestMinLeaf());
      }
      return JSON.treeToValue(tree, ModelMetadata.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": corrupt model metadata: " + e.getMessage(), e);
    }
  }
}
