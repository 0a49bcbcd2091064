package io.hexagan.serve;

import io.hexagan.savedmodel.ModelDirectory;
import io.hexagan.savedmodel.ServingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.proto.ConfigProto;

/** Loads a model directory for serving. */
public final class SavedModelLoader {
  private SavedModelLoader() {}

  /**
   * Loads the SavedModel of {@code dir} with TensorFlow's default thread pools (every core).
   *
   * @throws IllegalArgumentException when {@code dir} is not a hexagan model directory or does not
   *     load
   */
  public static ServingModel load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such model directory");
    }
    if (!ModelDirectory.isModel(dir)) {
      throw new IllegalArgumentException(dir + ": not a hexagan model directory (expected " + ModelDirectory.SAVED_MODEL
          + " and " + ModelDirectory.ASSETS + "/" + ModelDirectory.METADATA + ")");
    }
    try {
      return ServingModel.load(dir, ConfigProto.newBuilder().setAllowSoftPlacement(true).build());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(dir + ": cannot load the SavedModel: " + e.getMessage(), e);
    }
  }
}
