package io.hexagan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The spark-submit entry point, run in this JVM's local[2] session. */
class HexaganSparkTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return HexaganSpark.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void imputeReadsCsvAndWritesParquet() {
    SparkFixture.spark();
    Path output = SparkFixture.scratch().resolve("cli-imputed");
    int code = run("--master", "local[2]", "impute", "--model", SparkFixture.model().toString(),
        "--input", SparkFixture.CREDIT.toString(), "--input-format", "csv", "--output", output.toString(),
        "--format", "parquet", "--match-single-machine");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().startsWith("imputed " + SparkFixture.CREDIT + " in "), out.toString());
    Dataset<Row> back = SparkFixture.spark().read().parquet(output.toString());
    assertEquals(2000, back.count());
    assertEquals(0, back.filter("LIMIT_BAL IS NULL OR AGE IS NULL OR PAY_AMT6 IS NULL").count());
  }

  @Test
  void generateWritesCsvPerClass() {
    SparkFixture.spark();
    Path output = SparkFixture.scratch().resolve("cli-generated");
    int code = run("generate", "--model", SparkFixture.model().toString(), "--count", "30", "--class", "1",
        "--output", output.toString(), "--partitions", "2");
    assertEquals(0, code, err.toString());
    Dataset<Row> back = SparkFixture.spark().read().option("header", true).csv(output.toString());
    assertEquals(30, back.count());
    assertEquals(30, back.filter("label = '1'").count());
  }

  @Test
  void aTableThatDoesNotFitFailsWithOneLineNamingTheColumns() {
    SparkFixture.spark();
    int code = run("classify", "--model", SparkFixture.model().toString(), "--input", SparkFixture.model()
        .resolve("assets").resolve("schema.json").toString(), "--output", SparkFixture.scratch().resolve("never").toString());
    assertEquals(1, code);
    assertTrue(err.toString().startsWith("hexagan-spark: the DataFrame does not fit the schema of model credit-model: missing columns"),
        err.toString());
    assertEquals(1, err.toString().strip().lines().count());
  }

  @Test
  void badUsageExitsWithTwo() {
    assertEquals(2, run("impute", "--model", "m"));
    assertTrue(err.toString().contains("Missing required options"), err.toString());
    assertEquals(2, run("impute", "--model", "m", "--input", "i", "--output", "o", "--model-delivery", "mail"));
    assertTrue(err.toString().contains("expected ship, spark-files or shared-path, found mail"), err.toString());
    assertEquals(2, run("impute", "--model", "m", "--input", "i", "--output", "o", "--format", "xlsx"));
  }
}
