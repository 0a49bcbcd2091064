package io.hexagan.eval;

/**
 * A labelled training set after oversampling: the original rows first, in their order, then the
 * synthetic rows.
 *
 * @param rows feature rows
 * @param labels class id of each row
 * @param originals how many leading rows are the originals
 */
public record Oversampled(double[][] rows, int[] labels, int originals) {

  public Oversampled {
    if (rows.length != labels.length) {
      throw new IllegalArgumentException("labels: expected " + rows.length + ", found " + labels.length);
    }
    if (originals < 0 || originals > rows.length) {
      throw new IllegalArgumentException("originals: expected 0 to " + rows.length + ", found " + originals);
    }
  }

  /** Number of synthetic rows. */
  public int synthetic() {
    return rows.length - originals;
  }
}
