package io.hexagan.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The peaks of memory in use since the last {@link #reset}: the Java heap (the sum of the heap
 * pools' peaks) and, on Linux, the process's resident set (the kernel's {@code VmHWM}), which also
 * counts TensorFlow's native buffers that the heap does not.
 */
final class MemoryPeaks {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private MemoryPeaks() {}

  /**
   * Starts a new measurement from a collected heap, so that the last one's garbage does not count.
   * Returns whether the resident-set peak could be reset too (Linux lets a process reset its own by
   * writing 5 to {@code /proc/self/clear_refs}).
   */
  static boolean reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** The largest Java heap in use since {@link #reset}, in bytes. */
  static long heapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The process's peak resident set in bytes ({@code VmHWM}); −1 where the system does not say. */
  static long residentBytes() {
    try (Stream<String> lines = Files.lines(STATUS)) {
      return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      return -1;
    }
  }
}
