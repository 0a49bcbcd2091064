/**
 * The model directory: a TensorFlow SavedModel (tag {@code serve}) with the {@code impute},
 * {@code classify}, {@code generate} and {@code serving_default} signatures, its assets, and the
 * training state that a resumed run restores. Writes directories atomically and loads them with
 * {@link org.tensorflow.SavedModelBundle}.
 *
 * <p>Builds graphs only through {@code graph}; imports nothing from {@code training}, {@code
 * cli} or {@code eval}.
 */
package io.hexagan.savedmodel;
