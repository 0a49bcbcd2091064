/**
 * Trains HexaGAN: the configuration record, the session that runs the graph, the epoch schedule
 * with validation-based stopping, the divergence guard, and the trained {@link
 * io.hexagan.training.HexaGanModel}.
 *
 * <p>This package runs sessions; it builds graphs only through {@code graph}, and reads no files.
 */
package io.hexagan.training;
