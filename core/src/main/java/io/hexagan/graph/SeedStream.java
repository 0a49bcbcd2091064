package io.hexagan.graph;

import java.util.SplittableRandom;
import org.tensorflow.op.random.RandomShuffle;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.op.random.RandomUniformInt;

/**
 * Hands out the (seed, seed2) pairs of the graph's random ops from one user seed, in the order in
 * which the graph asks for them. The same seed and the same graph give the same random streams;
 * every op gets its own stream, so adding an op never shifts another op's numbers.
 */
public final class SeedStream {
  private final long seed;
  private final SplittableRandom random;

  /** A stream derived from {@code seed}. */
  public SeedStream(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /**
   * A stream from this one's seed and {@code salt} that takes nothing from this one: a part of the
   * graph created with it leaves every other op's numbers as they were without it.
   */
  public SeedStream aside(long salt) {
    return new SeedStream(new SplittableRandom(seed ^ salt).nextLong());
  }

  /** An independent child stream, for a part of the graph that must not disturb the others. */
  public SeedStream split() {
    return new SeedStream(random.nextLong());
  }

  /** A positive seed (TensorFlow treats a zero pair as "nondeterministic"). */
  public long next() {
    return 1 + (random.nextLong() >>> 2);
  }

  /** Seeds for a {@code RandomUniform} op. */
  public RandomUniform.Options[] uniform() {
    return new RandomUniform.Options[] {RandomUniform.seed(next()), RandomUniform.seed2(next())};
  }

  /** Seeds for a {@code RandomShuffle} op. */
  public RandomShuffle.Options[] shuffle() {
    return new RandomShuffle.Options[] {RandomShuffle.seed(next()), RandomShuffle.seed2(next())};
  }

  /** Seeds for a {@code RandomUniformInt} op. */
  public RandomUniformInt.Options[] uniformInt() {
    return new RandomUniformInt.Options[] {
      RandomUniformInt.seed(next()), RandomUniformInt.seed2(next())
    };
  }
}
