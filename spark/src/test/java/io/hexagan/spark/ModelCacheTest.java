package io.hexagan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** One model load per JVM, however many tasks and jobs use it. */
class ModelCacheTest {

  @Test
  void tasksOfSeveralJobsShareOneLoadedModel() {
    SparkModel model = SparkModel.open(SparkFixture.spark(), ModelSource.sharedPath(SparkFixture.model().toString()));
    Dataset<Row> table = SparkFixture.spark().read().option("header", true).csv(SparkFixture.CREDIT.toString()).repartition(6);
    assertEquals(2000, model.impute(table).count());
    int loads = ModelCache.loads();
    assertEquals(2000, model.impute(table).count());
    assertEquals(2000, model.classify(table).count());
    assertEquals(loads, ModelCache.loads(), "no task of the later jobs loaded the model again");
    assertSame(ModelCache.get(SparkFixture.model()), ModelCache.get(SparkFixture.model().resolve(".")));
  }

  @Test
  void anotherThreadCountIsAnotherSession() {
    LoadedModel own = ModelCache.get(SparkFixture.model());
    int loads = ModelCache.loads();
    LoadedModel one = ModelCache.get(SparkFixture.model(), 1);
    assertEquals(loads + 1, ModelCache.loads());
    assertSame(one, ModelCache.get(SparkFixture.model(), 1));
    double[][] row = {{20000, 2, 2, 1, 24, 2, 2, -1, -1, -2, -2, 3913, 3102, 689, 0, 0, 0, 0, 689, 0, 0, 0, 0}};
    assertEquals(own.model().classify(row, 3)[0][1], one.model().classify(row, 3)[0][1], 1e-6);
  }

  @Test
  void aDirectoryWithoutTheSchemaIsRefusedNamingIt() throws Exception {
    Path empty = Files.createDirectories(SparkFixture.scratch().resolve("not-a-model"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkModel.open(SparkFixture.spark(), ModelSource.sharedPath(empty.toString())));
    assertTrue(e.getMessage().startsWith(empty + ": no assets/schema.json;"), e.getMessage());
  }
}
