package io.hexagan.savedmodel;

import io.hexagan.graph.ServingGraph;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The SignatureDefs of a hexagan SavedModel: keys, input and output names, dtypes and shapes, all
 * with method name {@value #METHOD}, as TF Serving's Predict API and Python's loaders expect.
 *
 * <ul>
 *   <li>{@code impute}: {@code x} float32 [-1, d], {@code mask} float32 [-1, d] → {@code
 *       x_imputed} float32 [-1, d]
 *   <li>{@code classify}: {@code x}, {@code mask} → {@code probabilities} float32 [-1, n_c],
 *       {@code class_ids} int64 [-1]
 *   <li>{@code generate}: {@code class_ids} int64 [-1] → {@code x} float32 [-1, d]
 *   <li>{@code serving_default}: the same as {@code classify} (as {@code impute} for a model
 *       without a label)
 * </ul>
 */
public final class ServingSignatures {
  public static final String IMPUTE = "impute";
  public static final String CLASSIFY = "classify";
  public static final String GENERATE = "generate";
  public static final String DEFAULT = "serving_default";
  public static final String METHOD = "tensorflow/serving/predict";

  private ServingSignatures() {}

  /** The signatures the graph supports, by key. */
  public static Map<String, SignatureDef> of(ServingGraph g) {
    int d = g.spec().features();
    int nc = g.spec().classes();
    Map<String, SignatureDef> out = new LinkedHashMap<>();
    SignatureDef impute = SignatureDef.newBuilder()
        .putInputs(ServingGraph.INPUT_X, info(g.x(), DataType.DT_FLOAT, -1, d))
        .putInputs(ServingGraph.INPUT_MASK, info(g.mask(), DataType.DT_FLOAT, -1, d))
        .putOutputs(ServingGraph.OUTPUT_IMPUTED, info(g.imputed(), DataType.DT_FLOAT, -1, d))
        .setMethodName(METHOD).build();
    out.put(IMPUTE, impute);
    if (g.probabilities() != null) {
      SignatureDef classify = SignatureDef.newBuilder()
          .putInputs(ServingGraph.INPUT_X, info(g.x(), DataType.DT_FLOAT, -1, d))
          .putInputs(ServingGraph.INPUT_MASK, info(g.mask(), DataType.DT_FLOAT, -1, d))
          .putOutputs(ServingGraph.OUTPUT_PROBABILITIES, info(g.probabilities(), DataType.DT_FLOAT, -1, nc))
          .putOutputs(ServingGraph.OUTPUT_CLASS_IDS, info(g.predictedClassIds(), DataType.DT_INT64, -1))
          .setMethodName(METHOD).build();
      out.put(CLASSIFY, classify);
      out.put(DEFAULT, classify);
    } else {
      out.put(DEFAULT, impute);
    }
    if (g.generated() != null) {
      out.put(GENERATE, SignatureDef.newBuilder()
          .putInputs(ServingGraph.INPUT_CLASS_IDS, info(g.classIds(), DataType.DT_INT64, -1))
          .putOutputs(ServingGraph.OUTPUT_GENERATED, info(g.generated(), DataType.DT_FLOAT, -1, d))
          .setMethodName(METHOD).build());
    }
    return out;
  }

  private static TensorInfo info(Operand<?> operand, DataType type, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long dim : dims) {
      shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
    }
    return TensorInfo.newBuilder()
        .setName(operand.asOutput().op().name() + ":" + operand.asOutput().index())
        .setDtype(type)
        .setTensorShape(shape)
        .build();
  }
}
