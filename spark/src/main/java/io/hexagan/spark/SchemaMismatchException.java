package io.hexagan.spark;

/** A DataFrame whose columns do not fit the model's schema; the message names the columns. */
public final class SchemaMismatchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public SchemaMismatchException(String message) {
    super(message);
  }
}
