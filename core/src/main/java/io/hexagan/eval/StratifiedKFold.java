package io.hexagan.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Stratified k-fold cross-validation (the paper's 5-fold protocol, section 4): the rows of each
 * label are shuffled with the seed and dealt to the folds in turn, the dealing continuing from
 * class to class. Every fold then holds each label's rows to within one, and the fold sizes differ
 * by at most one. The same labels and seed always give the same folds; repetitions of the
 * cross-validation use different seeds.
 *
 * <p>Labels are any ints; pass the true labels (before label masking), so that the masked labels
 * spread over the folds at random.
 *
 * @param folds number of folds, ≥ 2
 * @param seed seed of the shuffle
 */
public record StratifiedKFold(int folds, long seed) {

  public StratifiedKFold {
    if (folds < 2) {
      throw new IllegalArgumentException("folds: expected ≥ 2, found " + folds);
    }
  }

  /** The folds of rows labelled {@code labels}, in fold order. */
  public List<Fold> split(int[] labels) {
    if (labels.length < folds) {
      throw new IllegalArgumentException("labels: expected at least " + folds + " rows, found " + labels.length);
    }
    TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
    for (int r = 0; r < labels.length; r++) {
      byLabel.computeIfAbsent(labels[r], l -> new ArrayList<>()).add(r);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] foldOf = new int[labels.length];
    int next = 0;
    for (List<Integer> rows : byLabel.values()) {
      int[] shuffled = rows.stream().mapToInt(Integer::intValue).toArray();
      for (int i = shuffled.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
      for (int r : shuffled) {
        foldOf[r] = next;
        next = (next + 1) % folds;
      }
    }
    List<Fold> out = new ArrayList<>(folds);
    for (int f = 0; f < folds; f++) {
      int fold = f;
      int[] test = IntStream.range(0, labels.length).filter(r -> foldOf[r] == fold).toArray();
      int[] train = IntStream.range(0, labels.length).filter(r -> foldOf[r] != fold).toArray();
      out.add(new Fold(f, train, test));
    }
    return List.copyOf(out);
  }
}
