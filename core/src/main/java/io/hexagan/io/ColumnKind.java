package io.hexagan.io;

/** How a feature column is encoded: one numeric feature, or one one-hot feature per category. */
public enum ColumnKind {
  NUMERIC, CATEGORICAL
}
