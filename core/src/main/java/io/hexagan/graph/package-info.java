/**
 * Builds the TensorFlow graphs: HexaGAN's (the six networks, their losses, the element-wise
 * gradient penalty, the RMSprop update ops and the custom second-order gradients) and those of the
 * network baselines it is compared with (GAIN, a denoising autoencoder and Triple-GAN, with Adam
 * updates), each training iteration one op over data held in variables.
 *
 * <p>This package only adds operations to a {@link org.tensorflow.Graph}. It never opens a
 * {@link org.tensorflow.Session}, never reads or writes a file, and imports nothing from {@code
 * training}, {@code io}, {@code savedmodel}, {@code cli} or {@code eval}.
 */
package io.hexagan.graph;
