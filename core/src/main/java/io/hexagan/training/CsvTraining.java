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

/** Trains a model from a CSV file and writes the model directory, schema included, with checkpoints. */
public final class CsvTraining {
  private CsvTraining() {}

  /**
   * Reads {@code input} (label column {@code label}, or none), trains with {@code config} writing
   * a checkpoint every {@code checkpointEvery} epochs, and writes the model to {@code modelDir}
   * atomically.
   *
   * @return the trained model, open; the caller closes it
   */
  public static HexaGanModel train(Path input, String label, CsvOptions options, HexaGanConfig config,
      Path modelDir, TrainingListener listener, int checkpointEvery) throws IOException {
    TrainingTable data = new CsvTableReader(options).readTraining(input, label);
    Map<String, byte[]> assets = schemaAsset(data);
    HexaGanModel model = HexaGan.train(data.table(), config, listener,
        new Checkpointing(modelDir, assets, checkpointEvery));
    return saved(model, modelDir, assets);
  }

  /**
   * Reads {@code input}, trains one model per candidate of {@link Tuning#candidates} laid over
   * {@code base}, and writes the one validation chose to {@code modelDir} atomically (no
   * checkpoints: a candidate's run is not resumable).
   *
   * @return the chosen model (open: the caller closes it) and every candidate's trial
   */
  public static Tuning.Result tune(Path input, String label, CsvOptions options, HexaGanConfig base, Path modelDir,
      TrainingListener listener) throws IOException {
    TrainingTable data = new CsvTableReader(options).readTraining(input, label);
    Map<String, byte[]> assets = schemaAsset(data);
    Tuning.Result result = Tuning.tune(data.table(), Tuning.candidates(base), listener);
    saved(result.model(), modelDir, assets);
    return result;
  }

  /** As {@link #train} with checkpoints every {@link Checkpointing#DEFAULT_EVERY_EPOCHS} epochs. */
  public static HexaGanModel train(Path input, String label, CsvOptions options, HexaGanConfig config,
      Path modelDir, TrainingListener listener) throws IOException {
    return train(input, label, options, config, modelDir, listener, Checkpointing.DEFAULT_EVERY_EPOCHS);
  }

  /**
   * Continues training the model (or crash checkpoint) in {@code from} on {@code input}, the file
   * it was trained on, to {@code maxEpochs} (null: its own budget), writing checkpoints and the
   * result to {@code to} (which may be {@code from}).
   */
  public static HexaGanModel resume(Path input, CsvOptions options, Path from, Path to, Integer maxEpochs,
      TrainingListener listener, int checkpointEvery) throws IOException {
    String schemaSource = from.resolve(ModelDirectory.ASSETS).resolve(ModelDirectory.SCHEMA).toString();
    String label = SchemaJson.fromJson(new String(ModelDirectory.asset(from, ModelDirectory.SCHEMA),
        StandardCharsets.UTF_8), schemaSource).label();
    TrainingTable data = new CsvTableReader(options).readTraining(input, label);
    Map<String, byte[]> assets = schemaAsset(data);
    HexaGanModel model = HexaGan.resume(data.table(), from, maxEpochs, listener,
        new Checkpointing(to, assets, checkpointEvery));
    return saved(model, to, assets);
  }

  private static Map<String, byte[]> schemaAsset(TrainingTable data) {
    return Map.of(ModelDirectory.SCHEMA, SchemaJson.toJson(data.schema()).getBytes(StandardCharsets.UTF_8));
  }

  private static HexaGanModel saved(HexaGanModel model, Path modelDir, Map<String, byte[]> assets) throws IOException {
    try {
      model.save(modelDir, assets);
      return model;
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }
}
