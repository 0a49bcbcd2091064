/**
 * Builds the HexaGAN TensorFlow graph: the six networks, their losses, the element-wise gradient
 * penalty, the RMSprop update ops and the custom second-order gradients.
 *
 * <p>This package only adds operations to a {@link org.tensorflow.Graph}. It never opens a
 * {@link org.tensorflow.Session}, never reads or writes a file, and imports nothing from {@code
 * training}, {@code io}, {@code savedmodel}, {@code cli} or {@code eval}.
 */
package io.hexagan.graph;
