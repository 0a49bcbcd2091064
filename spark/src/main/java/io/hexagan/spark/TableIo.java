package io.hexagan.spark;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Reads and writes tables with Spark's CSV and Parquet sources. */
public final class TableIo {

  private TableIo() {
  }

  /** Reads {@code path} (a file, a directory of part files or a glob) as {@code format}. */
  public static Dataset<Row> read(SparkSession spark, String path, TableFormat format, char delimiter) {
    DataFrameReader reader = spark.read();
    return switch (format) {
      case CSV -> reader.option("header", true).option("inferSchema", false)
          .option("delimiter", String.valueOf(delimiter)).option("mode", "FAILFAST").csv(path);
      case PARQUET -> reader.parquet(path);
    };
  }

  /** Writes {@code table} to the directory {@code path} as {@code format}. */
  public static void write(Dataset<Row> table, String path, TableFormat format, SaveMode mode, char delimiter) {
    var writer = table.write().mode(mode);
    switch (format) {
      case CSV -> writer.option("header", true).option("delimiter", String.valueOf(delimiter)).csv(path);
      case PARQUET -> writer.parquet(path);
      default -> throw new IllegalArgumentException("format: expected CSV or PARQUET, found " + format);
    }
  }
}
