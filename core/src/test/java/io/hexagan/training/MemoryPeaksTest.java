package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The benchmark's memory peaks see what was in use since the reset. */
class MemoryPeaksTest {

  @Test
  void aLargeArrayAllocatedAfterTheResetShowsInBothPeaks() {
    boolean residentReset = MemoryPeaks.reset();
    byte[] big = new byte[64 << 20];
    Arrays.fill(big, (byte) 1); // touched, so resident
    assertTrue(MemoryPeaks.heapBytes() >= big.length, "heap peak " + MemoryPeaks.heapBytes());
    if (residentReset) {
      assertTrue(MemoryPeaks.residentBytes() >= big.length, "resident peak " + MemoryPeaks.residentBytes());
    }
    assertTrue(big[big.length - 1] == 1);
  }
}
