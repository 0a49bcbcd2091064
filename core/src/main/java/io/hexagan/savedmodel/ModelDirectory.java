package io.hexagan.savedmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.commons.io.file.PathUtils;

/**
 * The layout of a model directory and its atomic replacement.
 *
 * <pre>
 * DIR/saved_model.pb            the serving graph and its signatures (SavedModel, tag "serve")
 * DIR/variables/                the served weights
 * DIR/assets/hexagan.json       features, scaler, classes, config, training summary, provenance
 * DIR/assets/schema.json        the CSV schema (columns, kinds, categories, label), when trained from a CSV
 * DIR/training_state/           the training graph's checkpoint (weights, optimizer slots, step) for --resume
 * </pre>
 */
public final class ModelDirectory {
  public static final String SAVED_MODEL = "saved_model.pb";
  public static final String VARIABLES = "variables";
  public static final String ASSETS = "assets";
  public static final String METADATA = "hexagan.json";
  public static final String SCHEMA = "schema.json";
  public static final String TRAINING_STATE = "training_state";
  /** Checkpoint prefix inside {@link #TRAINING_STATE} and {@link #VARIABLES}. */
  public static final String CHECKPOINT_PREFIX = "variables";

  private ModelDirectory() {}

  /** Something that fills a fresh directory. */
  @FunctionalInterface
  public interface Writer {
    void write(Path dir) throws IOException;
  }

  /**
   * Writes a directory at {@code target} atomically: {@code writer} fills a temporary sibling,
   * which then replaces {@code target} by renames. An interrupted or failed write leaves the old
   * directory (or none) and no partial one.
   */
  public static void replace(Path target, Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    String name = absolute.getFileName().toString();
    recover(absolute);
    try (var leftovers = Files.newDirectoryStream(parent, "." + name + ".{tmp,old}-*")) {
      for (Path p : leftovers) {
        PathUtils.deleteDirectory(p);
      }
    }
    Path temp = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
    Files.createDirectory(temp);
    try {
      writer.write(temp);
      Path old = null;
      if (Files.exists(absolute)) {
        old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
        move(absolute, old);
      }
      move(temp, absolute);
      if (old != null) {
        PathUtils.deleteDirectory(old);
      }
    } catch (IOException | RuntimeException e) {
      if (Files.exists(temp)) {
        PathUtils.deleteDirectory(temp);
      }
      throw e;
    }
  }

  /**
   * Undoes a replacement interrupted between its two renames: when {@code target} is missing but
   * the previous directory, moved aside, is still there, it moves back.
   */
  public static void recover(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (Files.exists(absolute) || parent == null || !Files.isDirectory(parent)) {
      return;
    }
    try (var olds = Files.newDirectoryStream(parent, "." + absolute.getFileName() + ".old-*")) {
      for (Path old : olds) {
        move(old, absolute);
        return;
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Whether {@code dir} looks like a hexagan model directory. */
  public static boolean isModel(Path dir) {
    return Files.isRegularFile(dir.resolve(SAVED_MODEL)) && Files.isRegularFile(dir.resolve(ASSETS).resolve(METADATA));
  }

  /** Reads an asset file, or throws naming what is missing. */
  public static byte[] asset(Path dir, String name) {
    Path file = dir.resolve(ASSETS).resolve(name);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the model's " + name, e);
    }
  }
}
