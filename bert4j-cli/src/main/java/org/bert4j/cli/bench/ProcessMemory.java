package org.bert4j.cli.bench;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Process memory from Linux's {@code /proc/self/status} (tensors live in native memory, which the JVM heap
 * figures do not see) and the JVM heap pools' peaks. Where /proc is missing the figures are -1.
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {}

    /** Resident set size now, bytes. */
    public static long rss() { return statusKb("VmRSS:") * 1024; }

    /**
     * RSS after glibc's {@code malloc_trim(0)} has handed free heap pages back: closer to what is live. Plain RSS
     * wanders by up to ±150 MB between passes of bge-small at 32 × 128 (freed tensor buffers stay in the heap or
     * not, as glibc decides), which hides a leak; trimmed, by ±10-40 MB. Plain RSS where there is no glibc.
     */
    public static long trimmedRss() {
        try {
            NativeLibrary.getInstance("c").getFunction("malloc_trim").invokeInt(new Object[] {0L});
        } catch (RuntimeException | LinkageError e) {
            // musl, macOS: no malloc_trim; the figure is then plain RSS.
        }
        return rss();
    }

    /** Peak resident set size (high-water mark) since start or the last {@link #resetPeaks}, bytes. */
    public static long peakRss() { return statusKb("VmHWM:") * 1024; }

    /**
     * Starts a new measuring phase: writing 5 to clear_refs resets VmHWM (Linux ≥ 4.0), so each engine's peak is
     * its own and not the larger of the two; heap pool peaks restart at their current use.
     */
    public static void resetPeaks() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | RuntimeException e) {
            // Not Linux or not allowed: the peak then covers the whole process so far, which the table says.
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak use since the last reset, bytes (an upper bound: pools peak at different times). */
    public static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
