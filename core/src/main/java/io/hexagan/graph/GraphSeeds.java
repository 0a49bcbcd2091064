package io.hexagan.graph;

/**
 * The seed streams of a baseline's graphs, split from one seed in a fixed order, so that a
 * training graph and the inference graph built from the same seed draw their own streams
 * independently.
 *
 * @param initialWeights the initial weights of every network
 * @param training the random ops of a training iteration
 * @param inference the random ops of inference (noise in missing cells)
 */
record GraphSeeds(SeedStream initialWeights, SeedStream training, SeedStream inference) {

  static GraphSeeds of(long seed) {
    SeedStream master = new SeedStream(seed);
    return new GraphSeeds(master.split(), master.split(), master.split());
  }
}
