package io.hexagan.spark;

import io.hexagan.io.CsvOptions;
import io.hexagan.training.CsvTraining;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.SessionSettings;
import io.hexagan.training.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;
import org.apache.spark.sql.SparkSession;

/**
 * What the Spark tests share in one JVM: a {@code local[2]} session, a scratch directory and a
 * tiny model trained with the core's CSV training on {@code test-data/credit-2000.csv} (the first
 * 2,000 rows of credit.csv, 20% of cells and labels blanked).
 */
final class SparkFixture {

  /** The training table (surefire runs in the module's directory). */
  static final Path CREDIT = Path.of("..", "test-data", "credit-2000.csv").toAbsolutePath().normalize();

  private static SparkSession spark;
  private static Path scratch;
  private static Path model;

  private SparkFixture() {
  }

  static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSession.builder().master("local[2]").appName("hexagan-spark-test")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          // Small splits, so that a test CSV of a few MB is read as several partitions.
          .config("spark.sql.files.maxPartitionBytes", "300000")
          .config("spark.sql.files.openCostInBytes", "0")
          .config("spark.sql.warehouse.dir", scratch().resolve("warehouse").toString())
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }

  static synchronized Path scratch() {
    if (scratch == null) {
      try {
        scratch = Files.createTempDirectory("hexagan-spark-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path dir = scratch;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
          // Left to the OS's temp cleanup.
        }
      }));
    }
    return scratch;
  }

  /** The model directory, trained on first use: 3 epochs, one thread, seed 11. */
  static synchronized Path model() {
    if (model == null) {
      HexaGanConfig config = HexaGanConfig.defaults().withSeed(11);
      config = config.withSchedule(config.schedule().withMaxEpochs(3).withWarmupEpochs(1))
          .withSession(new SessionSettings(1, 1, "", true));
      Path dir = scratch().resolve("credit-model");
      try (HexaGanModel trained = CsvTraining.train(CREDIT, "label", CsvOptions.DEFAULT, config, dir, TrainingListener.NONE)) {
        model = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }

  /** The model, shipped to the executors as a cluster run ships it. */
  static SparkModel sparkModel() {
    return SparkModel.open(spark(), ModelSource.ship(spark(), model().toString()));
  }
}
