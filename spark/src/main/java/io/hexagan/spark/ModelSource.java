package io.hexagan.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;

/**
 * Where the driver and the executors find a model directory. A SavedModel is loaded by
 * TensorFlow from a local directory, so each JVM needs the directory on its own disk:
 *
 * <ul>
 *   <li>{@link #ship}: Spark copies the directory to every node ({@code SparkContext.addFile},
 *       recursive) and each JVM finds it with {@link SparkFiles#get}. The directory may be on any
 *       file system Hadoop reads ({@code hdfs://}, {@code s3a://}, {@code gs://}, ...); a local
 *       directory only in local mode (Spark refuses to ship local directories to a cluster).
 *   <li>{@link #sparkFile}: already distributed by {@code spark-submit --archives model.zip#NAME}
 *       (or {@code --files}): found with {@link SparkFiles#get} under {@code NAME}.
 *   <li>{@link #sharedPath}: the same local path on the driver and every executor (a shared mount,
 *       or the directory baked into the nodes' image).
 * </ul>
 *
 * @param kind how the directory is found
 * @param location the {@link SparkFiles} name, or the path
 */
public record ModelSource(Kind kind, String location) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How a JVM finds the directory. */
  public enum Kind {
    /** Under its name in {@link SparkFiles}. */
    SPARK_FILES,
    /** At the same path on every node. */
    SHARED_PATH
  }

  public ModelSource {
    if (kind == null) {
      throw new IllegalArgumentException("kind: expected SPARK_FILES or SHARED_PATH, found null");
    }
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("location: expected a model directory, found " + (location == null ? "null" : "a blank"));
    }
    if (kind == Kind.SPARK_FILES && (location.contains("/") || location.contains("\\"))) {
      throw new IllegalArgumentException("location: expected a SparkFiles name without a path, found " + location);
    }
  }

  /**
   * Ships the model directory {@code uri} to every node of {@code spark}'s cluster (and to the
   * driver) and returns its source. Shipping the same directory twice is harmless.
   */
  public static ModelSource ship(SparkSession spark, String uri) {
    String trimmed = uri.replaceAll("/+$", "");
    String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.endsWith(":")) {
      throw new IllegalArgumentException("model: expected a directory, found " + uri);
    }
    spark.sparkContext().addFile(trimmed, true);
    return new ModelSource(Kind.SPARK_FILES, name);
  }

  /** A directory distributed by {@code spark-submit --archives model.zip#NAME} (or {@code --files}). */
  public static ModelSource sparkFile(String name) {
    return new ModelSource(Kind.SPARK_FILES, name);
  }

  /** A directory at {@code path} on the driver and on every executor. */
  public static ModelSource sharedPath(String path) {
    return new ModelSource(Kind.SHARED_PATH, path);
  }

  /** The directory in this JVM. */
  public Path resolve() {
    Path dir = kind == Kind.SPARK_FILES ? Path.of(SparkFiles.get(location)) : Path.of(location);
    return dir.toAbsolutePath().normalize();
  }
}
