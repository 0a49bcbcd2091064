package io.hexagan.spark;

import io.hexagan.io.SchemaJson;
import io.hexagan.io.TableSchema;
import io.hexagan.savedmodel.ModelDirectory;
import io.hexagan.training.HexaGanModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The models of this JVM, each loaded the first time a task asks for it and kept until the JVM
 * exits: an executor loads a model once, however many tasks, stages and jobs use it. Keyed by the
 * model directory's absolute path and the session's threads. The models are thread-safe, so
 * concurrent tasks share one.
 */
public final class ModelCache {

  private static final Map<Key, LoadedModel> MODELS = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private ModelCache() {
  }

  /** The model in {@code dir} with its own session threads, loaded now if this JVM has not loaded it yet. */
  public static LoadedModel get(Path dir) {
    return get(dir, 0);
  }

  /**
   * The model in {@code dir}, its session on {@code threads} threads inside an op and as many ops
   * at once (0: the model's own), loaded now if this JVM has not loaded it so yet.
   */
  public static LoadedModel get(Path dir, int threads) {
    return MODELS.computeIfAbsent(new Key(dir.toAbsolutePath().normalize(), threads), ModelCache::load);
  }

  /** How many models this JVM has loaded so far. */
  public static int loads() {
    return LOADS.get();
  }

  /** Reads the CSV schema in {@code dir}'s assets without loading the model (for the driver). */
  public static TableSchema schema(Path dir) {
    Path file = dir.resolve(ModelDirectory.ASSETS).resolve(ModelDirectory.SCHEMA);
    if (!file.toFile().isFile()) {
      throw new IllegalArgumentException(dir + ": no " + ModelDirectory.ASSETS + "/" + ModelDirectory.SCHEMA
          + "; Spark needs a model trained from a CSV file (hexagan train), which records the table's schema");
    }
    return SchemaJson.fromJson(new String(ModelDirectory.asset(dir, ModelDirectory.SCHEMA), StandardCharsets.UTF_8),
        file.toString());
  }

  private static LoadedModel load(Key key) {
    TableSchema schema = schema(key.dir());
    HexaGanModel model = HexaGanModel.load(key.dir(), key.threads());
    try {
      LoadedModel loaded = new LoadedModel(model, schema);
      LOADS.incrementAndGet();
      return loaded;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** A cached model: its directory and its session's threads. */
  private record Key(Path dir, int threads) {
  }
}
