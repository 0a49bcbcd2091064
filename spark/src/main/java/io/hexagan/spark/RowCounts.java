package io.hexagan.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;

/** The counting pass of {@link Seeding#SINGLE_MACHINE}: how many rows each partition holds. */
final class RowCounts {

  private RowCounts() {
  }

  /** One Spark job over {@code rows}; the result's element {@code p} is partition {@code p}'s count. */
  static long[] of(JavaRDD<Row> rows) {
    List<long[]> counted = rows.mapPartitionsWithIndex(RowCounts::count, true).collect();
    long[] counts = new long[rows.getNumPartitions()];
    for (long[] c : counted) {
      counts[(int) c[0]] = c[1];
    }
    return counts;
  }

  private static Iterator<long[]> count(Integer partition, Iterator<Row> rows) {
    long n = 0;
    while (rows.hasNext()) {
      rows.next();
      n++;
    }
    return List.of(new long[] {partition, n}).iterator();
  }
}
