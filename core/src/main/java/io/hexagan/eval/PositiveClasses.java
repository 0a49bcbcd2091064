package io.hexagan.eval;

import io.hexagan.training.Metrics;
import java.util.Arrays;

/**
 * The classes whose F1 is reported (the paper's section 4): the minority class for breast and
 * credit; for wine the classes other than its first (the paper's "label 1 is negative, labels 2
 * and 3 positive"; ids 1 and 2 here). The F1 is that of the binary problem "positive or not",
 * computed by {@link Metrics#f1}.
 *
 * @param ids the positive class ids, ascending, without repeats
 */
public record PositiveClasses(int[] ids) {

  public PositiveClasses {
    if (ids.length == 0) {
      throw new IllegalArgumentException("ids: expected at least one positive class, found none");
    }
    ids = Arrays.stream(ids).sorted().distinct().toArray();
    if (ids[0] < 0) {
      throw new IllegalArgumentException("ids: expected class ids ≥ 0, found " + ids[0]);
    }
  }

  public static PositiveClasses of(int... ids) {
    return new PositiveClasses(ids);
  }

  /** The rarer class of {@code labels} ({@link Metrics#minorityClass}), as for breast and credit. */
  public static PositiveClasses minority(int[] labels, int classes) {
    return of(Metrics.minorityClass(labels, classes));
  }

  @Override
  public int[] ids() {
    return ids.clone();
  }

  public boolean contains(int classId) {
    return Arrays.binarySearch(ids, classId) >= 0;
  }

  /** F1 of "positive" when truth and prediction are mapped to positive (1) or not (0). */
  public double f1(int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("predicted: expected " + truth.length + ", found " + predicted.length);
    }
    int[] t = new int[truth.length];
    int[] p = new int[predicted.length];
    for (int i = 0; i < truth.length; i++) {
      t[i] = contains(truth[i]) ? 1 : 0;
      p[i] = contains(predicted[i]) ? 1 : 0;
    }
    return Metrics.f1(t, p, 1);
  }
}
