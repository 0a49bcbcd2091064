/**
 * {@code hexagan serve}: an HTTP server that answers TensorFlow Serving's REST API for one model
 * directory, so that a client written for TF Serving calls a hexagan model unchanged.
 *
 * <ul>
 *   <li>{@code POST /v1/models/NAME[/versions/1]:predict}: the row ({@code "instances"}) and
 *       columnar ({@code "inputs"}) request forms, answered with {@code "predictions"} and {@code
 *       "outputs"}, for every signature of the SavedModel ({@code impute}, {@code classify},
 *       {@code generate}, {@code serving_default});
 *   <li>{@code GET /v1/models/NAME[/versions/1]}: the model's status;
 *   <li>{@code GET /v1/models/NAME[/versions/1]/metadata}: its SignatureDefs.
 * </ul>
 *
 * <p>Owns the HTTP side (routing, bounded body reading, a deadline on each body, the JDK server's
 * limits, the JSON request and response forms, error answers, draining on shutdown) and the load
 * benchmark of a running server. Runs the
 * signatures through {@link io.hexagan.savedmodel.ServingModel} by their tensor names; uses
 * {@code savedmodel} and nothing of {@code training}, {@code cli} or {@code eval}. Prints
 * nothing: the server logs through SLF4J and the benchmark returns its numbers.
 */
package io.hexagan.serve;
