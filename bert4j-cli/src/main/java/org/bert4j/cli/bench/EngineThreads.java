package org.bert4j.cli.bench;

import ai.djl.engine.Engine;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PyTorch's thread pools as DJL sets them. DJL reads {@code ai.djl.pytorch.num_threads} (intra-op, the OpenMP and
 * MKL pool every kernel splits across) and {@code ai.djl.pytorch.num_interop_threads} once, when the engine
 * starts ({@code PtEngine.newInstance}), so they must be set before anything touches an NDArray. When the engine
 * is already running (a test JVM, say), the intra-op count is changed in place through DJL's own JniUtils
 * ({@code at::set_num_threads} may be called at any time); the inter-op count cannot change after start, and does
 * not matter here: eager ops issued from one Java thread never use that pool.
 *
 * <p>{@code OMP_WAIT_POLICY=PASSIVE}: libtorch's OpenMP pool (GNU libgomp, which MKL's GEMM shares) otherwise
 * spins between kernels. On a shared machine a spinning thread burns the timeslice its partner needs, and a forward
 * pass of ≈ 150 kernels pays for it at every barrier. Measured on 2 shared cores with two CPU-bound neighbours:
 * bge-small 2 × 16 went from 204 to 67 ms per pass, and at 32 × 128 the ratio to ONNX Runtime (whose own pool is
 * unaffected) from 0.77-0.79× to 0.96-1.12×; on a quiet machine the two policies were equal within noise.
 * libgomp reads the variable once, when it is loaded, so it is set in the C environment before the engine loads,
 * unless the user chose a policy; when the engine is already loaded it is left alone and the header says so.
 */
public final class EngineThreads {

    static final String INTRA = "ai.djl.pytorch.num_threads";
    static final String INTER = "ai.djl.pytorch.num_interop_threads";
    private static final String JNI = "ai.djl.pytorch.jni.JniUtils";
    private static final String PASSIVE_SET = "OMP_WAIT_POLICY=PASSIVE (set by bench)";
    private static boolean passiveSet;

    /** What the engine runs with after {@link #apply}; {@code waitPolicy} says where OMP_WAIT_POLICY came from. */
    public record Actual(String engine, int intraOp, int interOp, String waitPolicy) {}

    private EngineThreads() {}

    /** Asks for {@code threads} intra-op threads and one inter-op thread, starts the engine, reports what it has. */
    public static Actual apply(int threads) {
        if (threads <= 0) throw new IllegalArgumentException("--threads must be > 0, got " + threads);
        System.setProperty(INTRA, Integer.toString(threads));
        if (System.getProperty(INTER) == null) System.setProperty(INTER, "1");
        // Nothing may be downloaded at run time; the native library comes from the Maven artifact.
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        String waitPolicy = passiveWaitingUnlessChosen();
        Engine engine = Engine.getInstance();
        int intra = call("getNumThreads");
        if (intra != threads && intra >= 0) {
            callSet(threads);
            intra = call("getNumThreads");
        }
        String name = engine.getEngineName() + " " + engine.getVersion();
        return new Actual(name, intra, call("getNumInteropThreads"), waitPolicy);
    }

    private static synchronized String passiveWaitingUnlessChosen() {
        String chosen = System.getenv("OMP_WAIT_POLICY");
        if (chosen != null) return "OMP_WAIT_POLICY=" + chosen + " (from the environment)";
        if (passiveSet) return PASSIVE_SET;
        if (openMpLoaded()) return "OMP_WAIT_POLICY unset (engine already loaded; export OMP_WAIT_POLICY=PASSIVE)";
        try {
            // System.getenv is a copy taken at JVM start; libgomp reads the C environment, so set it there.
            int rc = NativeLibrary.getInstance("c").getFunction("setenv")
                    .invokeInt(new Object[] {"OMP_WAIT_POLICY", "PASSIVE", 0});
            passiveSet = rc == 0;
            return passiveSet ? PASSIVE_SET : "OMP_WAIT_POLICY unset (setenv failed)";
        } catch (RuntimeException | LinkageError e) {
            return "OMP_WAIT_POLICY unset (" + e.getMessage() + ")";
        }
    }

    private static boolean openMpLoaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains("libgomp");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int call(String method) {
        try {
            Method m = Class.forName(JNI).getMethod(method);
            return (Integer) m.invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return -1; // another engine: its own defaults apply, and the header shows -1
        }
    }

    private static void callSet(int threads) {
        try {
            Class.forName(JNI).getMethod("setNumThreads", int.class).invoke(null, threads);
        } catch (ReflectiveOperationException | LinkageError e) {
            // Reported as the engine's actual count; nothing else to do.
        }
    }
}
