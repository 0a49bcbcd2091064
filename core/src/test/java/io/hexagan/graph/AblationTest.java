package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/** Each ablation switch of the paper's Table 2 removes exactly its networks and losses. */
class AblationTest {
  private static final int D = 5;
  private static final List<String> ALL_NETWORKS = List.of(Encoder.NAME, ImputationGenerator.NAME,
      ImputationCritic.NAME, ConditionalGenerator.NAME, ConditionalCritic.NAME, Classifier.NAME);

  private record Built(Set<String> networks, Set<String> losses, int criticOutputs, Set<String> variableScopes) {}

  private static Built build(Ablation ablation) {
    GraphSpec spec = new GraphSpec(D, 2, 40, 10, Architecture.defaults(), LossWeights.paper(),
        OptimizerSettings.paper(), ablation, 1, 1L);
    try (Graph g = new Graph()) {
      HexaGanGraph h = HexaGanGraph.build(g, spec);
      Set<String> nets = new TreeSet<>();
      for (Network<?> n : h.networks()) {
        nets.add(n.name());
      }
      Set<String> scopes = new TreeSet<>();
      for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("VarHandleOp")) {
          String shared = op.attributes().getAttrString("shared_name");
          String first = shared.split("/")[0];
          if (ALL_NETWORKS.contains(first)) {
            scopes.add(first);
          }
        }
      }
      ImputationCritic<?> critic = h.imputationCritic();
      int outputs = critic == null ? 0 : critic.elementOutputs() + (critic.hasLabelOutput() ? 1 : 0);
      return new Built(nets, new TreeSet<>(h.lossNames()), outputs, scopes);
    }
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }

  @Test
  void fullModelHasAllSixNetworksAndEveryLoss() {
    Built full = build(Ablation.full());
    assertEquals(new TreeSet<>(ALL_NETWORKS), full.networks());
    assertEquals(full.networks(), full.variableScopes(), "every network's variables are in the graph");
    assertEquals(10, full.losses().size());
    assertEquals(D + 1, full.criticOutputs());
  }

  @Test
  void withoutConditionalGeneratorRemovesGcgAndDcg() {
    Built full = build(Ablation.full());
    Built ablated = build(Ablation.full().without("G_CG"));
    assertEquals(Set.of(ConditionalGenerator.NAME, ConditionalCritic.NAME), minus(full.networks(), ablated.networks()));
    assertEquals(Set.of(ConditionalGenerator.NAME, ConditionalCritic.NAME), minus(full.variableScopes(), ablated.variableScopes()));
    assertEquals(Set.of(HexaGanGraph.GENERATOR_CONDITIONAL, HexaGanGraph.CRITIC_CONDITIONAL,
        HexaGanGraph.PENALTY_CONDITIONAL, HexaGanGraph.CROSS_ENTROPY_GENERATED), minus(full.losses(), ablated.losses()));
    assertEquals(D + 1, ablated.criticOutputs());
  }

  @Test
  void withoutLabelCriticRemovesOutputDPlusOneAndClassifierAdversarialLoss() {
    Built full = build(Ablation.full());
    Built ablated = build(Ablation.full().without("D_MI_label"));
    assertEquals(full.networks(), ablated.networks());
    assertEquals(Set.of(HexaGanGraph.CLASSIFIER_ADVERSARIAL), minus(full.losses(), ablated.losses()));
    assertEquals(D, ablated.criticOutputs());
  }

  @Test
  void withoutImputationGeneratorRemovesEncoderGeneratorsAndTheirLosses() {
    Built full = build(Ablation.full());
    Built ablated = build(Ablation.full().without("G_MI"));
    assertEquals(Set.of(Encoder.NAME, ImputationGenerator.NAME, ConditionalGenerator.NAME, ConditionalCritic.NAME),
        minus(full.networks(), ablated.networks()));
    assertTrue(minus(full.losses(), ablated.losses()).containsAll(
        Set.of(HexaGanGraph.GENERATOR_IMPUTATION, HexaGanGraph.RECONSTRUCTION)));
    assertEquals(1, ablated.criticOutputs(), "D_MI keeps only its label output");
  }

  @Test
  void mlpRowOfTableTwoIsTheClassifierAlone() {
    Built mlp = build(Ablation.full().without("G_MI").without("D_MI_label"));
    assertEquals(Set.of(Classifier.NAME), mlp.networks());
    assertEquals(Set.of(HexaGanGraph.CLASSIFIER_CROSS_ENTROPY), mlp.losses());
  }

  @Test
  void conditionalGeneratorNeedsTheImputationGenerator() {
    assertThrows(IllegalArgumentException.class, () -> new Ablation(false, true, true));
  }
}
