package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderedWorkersTest {

  @Test
  void resultsComeBackInSubmissionOrderWithBoundedTasksInFlight() throws IOException {
    List<Integer> seen = new ArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    SplittableRandom r = new SplittableRandom(1);
    try (OrderedWorkers<Integer> workers = new OrderedWorkers<>("test", 3, 4)) {
      for (int i = 0; i < 60; i++) {
        int task = i;
        long sleep = r.nextInt(4); // later tasks often finish first
        workers.submit(() -> {
          peak.accumulateAndGet(running.incrementAndGet(), Math::max);
          Thread.sleep(sleep);
          running.decrementAndGet();
          return task;
        }, seen::add);
        assertTrue(i + 1 - seen.size() <= 4, "at most 4 tasks submitted and not handed back");
      }
      workers.drain(seen::add);
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      expected.add(i);
    }
    assertEquals(expected, seen);
    assertTrue(peak.get() <= 3, "at most 3 tasks run at once, found " + peak.get());
  }

  @Test
  void theFirstFailureInSubmissionOrderIsRethrownUnwrapped() {
    List<Integer> seen = new ArrayList<>();
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
      try (OrderedWorkers<Integer> workers = new OrderedWorkers<>("test", 2, 8)) {
        workers.submit(() -> 0, seen::add);
        workers.submit(() -> {
          Thread.sleep(50); // fails after the next one has failed
          throw new IllegalStateException("task 1");
        }, seen::add);
        workers.submit(() -> {
          throw new IllegalArgumentException("task 2");
        }, seen::add);
        workers.drain(seen::add);
      }
    });
    assertEquals("task 1", thrown.getMessage());
    assertEquals(List.of(0), seen);
  }

  @Test
  void closeWaitsForARunningTaskAndCancelsWaitingOnes() throws Exception {
    AtomicInteger finished = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    try (OrderedWorkers<Integer> workers = new OrderedWorkers<>("test", 1, 2)) {
      workers.submit(() -> {
        started.countDown();
        Thread.sleep(200);
        finished.incrementAndGet();
        return 1;
      }, x -> { });
      workers.submit(() -> finished.addAndGet(10), x -> { }); // waits behind the first: cancelled
      started.await();
    }
    assertEquals(1, finished.get(), "close returned before the running task ended, or ran a waiting one");
  }

  @Test
  void rejectsACapacityBelowTheThreads() {
    assertThrows(IllegalArgumentException.class, () -> new OrderedWorkers<Integer>("test", 2, 1));
  }
}
