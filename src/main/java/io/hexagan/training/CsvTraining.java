package io.hexagan.training;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.SchemaJson;
import io.hexagan.io.TrainingTable;
import io.hexagan.savedmodel.ModelDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Trains a model from a CSV file and writes the model directory, schema included. */
public final class CsvTraining {
  private CsvTraining() {}

  /**
   * Reads {@code input} (label column {@code label}, or none), trains with {@code config}, and
   * writes the model to {@code modelDir} atomically.
   *
   * @return the trained model, open; the caller closes it
   */
  public static HexaGanModel train(Path input, String label, CsvOptions options, HexaGanConfig config,
      Path modelDir, TrainingListener listener) throws IOException {
    TrainingTable data = new CsvTableReader(options).readTraining(input, label);
    HexaGanModel model = HexaGan.train(data.table(), config, listener);
    try {
      model.save(modelDir, Map.of(ModelDirectory.SCHEMA,
          SchemaJson.toJson(data.schema()).getBytes(StandardCharsets.UTF_8)));
      return model;
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }
}
