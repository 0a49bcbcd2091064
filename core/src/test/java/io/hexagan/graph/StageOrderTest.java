package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;

/**
 * The stages of an iteration read and update the same variables with only as much ordering as
 * their data and the reads' control dependencies give. Whatever order TensorFlow picks, every
 * update of a variable must be ordered against every other access to it in the iteration (a read
 * that could run on either side of an update would see the old or the new weights by chance).
 */
class StageOrderTest {

  private static final Set<String> WRITES = Set.of("ResourceApplyRMSProp", "AssignVariableOp",
      "AssignAddVariableOp", "AssignSubVariableOp");
  private static final Set<String> READS = Set.of("ReadVariableOp", "ResourceGather");

  private static GraphSpec spec(int members) {
    return new GraphSpec(4, 2, 12, 6,
        Architecture.defaults().withHiddenUnits(6).withMembers(members),
        LossWeights.paper(), OptimizerSettings.paper().withAveragingEpochs(1),
        Ablation.full(), 1, 5L);
  }

  @Test
  void everyUpdateIsOrderedAgainstEveryOtherAccessToItsVariable() {
    for (int members : new int[] {1, 2}) {
      try (Graph g = new Graph()) {
        HexaGanGraph.build(g, spec(members));
        // Ten (G_CG, D_CG) rounds, E, G_MI, D_MI, C and the weight averages; the warm-up's two critics.
        for (Map.Entry<String, Integer> scope : Map.of("iteration/", 100, "warmup/", 8).entrySet()) {
          int checked = checkScope(g, scope.getKey());
          assertTrue(checked >= scope.getValue() * members, scope.getKey() + ": updates checked " + checked);
        }
      }
    }
  }

  /**
   * One run of the iteration op runs every update of the iteration, and a stage reads a network
   * anew only after an update of it: each weight is read once before its first update, once after
   * each update, and once by the weight average, so at most twice more often than it is updated.
   * Without the reuse G_MI's weights, which only the imputer's stage updates, would be read in every
   * stage that uses G_MI (14 of them).
   */
  @Test
  void oneRunUpdatesEverythingAndEachWeightIsReadOnlyAfterItsUpdates() {
    for (int members : new int[] {1, 2}) {
      try (Graph g = new Graph()) {
        HexaGanGraph graph = HexaGanGraph.build(g, spec(members));
        Set<String> run = ancestors((GraphOperation) graph.trainIteration().op(), new HashMap<>());
        Map<String, Integer> reads = new HashMap<>();
        Map<String, Integer> updates = new HashMap<>();
        Iterator<GraphOperation> it = g.operations();
        while (it.hasNext()) {
          GraphOperation op = it.next();
          if (!op.name().startsWith("iteration/")) {
            continue;
          }
          if (op.type().equals("ResourceApplyRMSProp")) {
            assertTrue(run.contains(op.name()), op.name() + " does not run with the iteration");
            updates.merge(variable(op), 1, Integer::sum);
          } else if (op.type().equals("ReadVariableOp")) {
            reads.merge(variable(op), 1, Integer::sum);
          }
        }
        assertTrue(updates.size() >= 16 * members, "updated variables: " + updates.size());
        for (Map.Entry<String, Integer> u : updates.entrySet()) {
          int r = reads.getOrDefault(u.getKey(), 0);
          assertTrue(r <= u.getValue() + 2, u.getKey() + ": read " + r + " times, updated " + u.getValue());
        }
      }
    }
  }

  /** Asserts the property for the ops under {@code scope}; returns how many updates it checked. */
  private static int checkScope(Graph g, String scope) {
    Map<String, List<GraphOperation>> accesses = new HashMap<>();
    List<GraphOperation> writes = new ArrayList<>();
    Iterator<GraphOperation> it = g.operations();
    while (it.hasNext()) {
      GraphOperation op = it.next();
      if (!op.name().startsWith(scope)) {
        continue;
      }
      boolean write = WRITES.contains(op.type());
      if (write || READS.contains(op.type())) {
        accesses.computeIfAbsent(variable(op), k -> new ArrayList<>()).add(op);
      }
      if (write) {
        writes.add(op);
      }
    }
    Map<String, Set<String>> ancestors = new HashMap<>();
    for (GraphOperation w : writes) {
      for (GraphOperation other : accesses.get(variable(w))) {
        if (other == w || other.name().equals(w.name())) {
          continue;
        }
        boolean ordered = ancestors(other, ancestors).contains(w.name()) || ancestors(w, ancestors).contains(other.name());
        assertTrue(ordered, w.type() + " " + w.name() + " and " + other.type() + " " + other.name()
            + " access " + variable(w) + " in no fixed order");
      }
    }
    return writes.size();
  }

  /** The variable handle op an access reads or writes through (its first input). */
  private static String variable(GraphOperation op) {
    return op.input(0).op().name();
  }

  /** Every op {@code op} depends on, through data or control edges (memoised by name). */
  private static Set<String> ancestors(GraphOperation op, Map<String, Set<String>> memo) {
    Set<String> known = memo.get(op.name());
    if (known != null) {
      return known;
    }
    Set<String> seen = new HashSet<>();
    Deque<GraphOperation> todo = new ArrayDeque<>(List.of(op));
    while (!todo.isEmpty()) {
      GraphOperation o = todo.pop();
      List<GraphOperation> parents = new ArrayList<>(o.controlInputs());
      for (Operand<?> in : o.inputs()) {
        parents.add((GraphOperation) in.op());
      }
      for (GraphOperation p : parents) {
        if (seen.add(p.name())) {
          todo.push(p);
        }
      }
    }
    memo.put(op.name(), seen);
    return seen;
  }
}
