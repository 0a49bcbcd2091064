package io.hexagan.eval;

/**
 * One fold of a k-fold split: disjoint, ascending row indices.
 *
 * @param index the fold's number, 0 … k − 1
 * @param train rows to learn from
 * @param test rows held out
 */
public record Fold(int index, int[] train, int[] test) {

  public Fold {
    if (index < 0) {
      throw new IllegalArgumentException("index: expected ≥ 0, found " + index);
    }
    train = train.clone();
    test = test.clone();
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] test() {
    return test.clone();
  }
}
