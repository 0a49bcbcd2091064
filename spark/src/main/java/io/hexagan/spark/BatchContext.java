package io.hexagan.spark;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.TableEncoder;
import org.apache.spark.sql.types.StructType;

/**
 * What a task needs to turn a batch into output rows.
 *
 * @param model the loaded model
 * @param encoder the core's encoder for the model's schema
 * @param binding where the model's columns are in the input
 */
record BatchContext(LoadedModel model, TableEncoder encoder, ColumnBinding binding) {

  BatchContext {
    if (model == null || encoder == null || binding == null) {
      throw new IllegalArgumentException("model, encoder, binding: expected all three");
    }
  }

  CsvOptions options() {
    return encoder.options();
  }

  StructType input() {
    return binding.input();
  }
}
