package io.hexagan.spark;

import io.hexagan.io.TableSchema;
import io.hexagan.training.HexaGanModel;

/**
 * A model loaded in this JVM with the CSV schema it was trained with.
 *
 * @param model the trained model (thread-safe)
 * @param schema the schema in its {@code assets/schema.json}, whose features are the model's
 */
public record LoadedModel(HexaGanModel model, TableSchema schema) {

  public LoadedModel {
    if (model == null || schema == null) {
      throw new IllegalArgumentException("model, schema: expected both, found " + model + ", " + schema);
    }
    if (!schema.featureNames().equals(model.columns())) {
      throw new IllegalArgumentException("the model's schema.json and its SavedModel disagree on the features: "
          + schema.featureNames().size() + " and " + model.columns().size());
    }
  }
}
