package io.hexagan.spark;

/** The file formats read and written through Spark's own readers and writers. */
public enum TableFormat {
  /**
   * CSV with a header row, every column read as a string (no schema inference), so observed
   * cells are copied as their exact text and read as the single-machine command reads them; an
   * empty cell is null. Written with a header; numbers as Spark writes them.
   */
  CSV,
  /** Parquet, typed columns read and written as they are. */
  PARQUET
}
