package org.bert4j.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The dropout masks of one forward pass, drawn in Java straight into the memory of a fresh engine tensor.
 *
 * <p>Why not the engine's dropout: PyTorch's CPU {@code bernoulli_} draws one element at a time on one thread
 * unless MKL runs on an Intel CPU, about 12 ns an element on this project's 2-core AMD machine, and then divides
 * the mask by the keep rate in a second pass. That was 0.4-0.5 s of a 10 s BERT-base training step (B 8, T 128,
 * one thread). Here each element takes 16 bits of a {@link SplittableRandom} long (four elements per draw), chunks
 * are filled in parallel, and the mask holds 0 or the scale already, so applying it is the one multiply that
 * backward repeats.
 *
 * <p>Reproducibility: a pass's seed is drawn from the engine's generator ({@link #fromEngine}), so
 * {@code Engine.setRandomSeed} still decides every mask, as the training loops rely on for resume. Each chunk's
 * generator is seeded from (pass seed, call number, chunk number), so a mask never depends on the thread schedule.
 *
 * <p>Rate: an element is dropped when its 16 bits are below round(rate·2¹⁶), so the realised rate is within 2⁻¹⁷
 * of the setting (0.1 → 0.100006); kept elements are scaled by 1/(realised keep rate), so E[mask] = 1 exactly, as
 * inverted dropout requires.
 */
public final class DropoutMasks {

    private static final int RESOLUTION = 1 << 16;
    /** Elements per parallel chunk: 256 KiB of mask, large enough that scheduling costs nothing. */
    private static final int CHUNK = 1 << 16;

    private final long seed;
    private int calls;

    public DropoutMasks(long seed) {
        this.seed = seed;
    }

    /** A pass's masks seeded by one draw from the engine's generator (a one-element tensor, freed at once). */
    public static DropoutMasks fromEngine(NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            return new DropoutMasks(scratch.randomInteger(0, Long.MAX_VALUE, new Shape(1), DataType.INT64).toLongArray()[0]);
        }
    }

    /** Whether {@link #mask} can serve x: a float32 or float64 tensor on the CPU. */
    public static boolean supports(NDArray x) {
        DataType t = x.getDataType();
        return (t == DataType.FLOAT32 || t == DataType.FLOAT64) && Device.cpu().equals(x.getDevice());
    }

    /** The next mask for x at this rate: x's shape and type, each element 0 or 1/(realised keep rate). */
    public NDArray mask(NDArray x, double rate) {
        if (!(rate > 0 && rate < 1)) throw new IllegalArgumentException("dropout rate must be in (0, 1), got " + rate);
        int drop = (int) Math.round(rate * RESOLUTION);
        float scale = (float) ((double) RESOLUTION / (RESOLUTION - drop));
        NDArray mask = x.getManager().create(x.getShape(), DataType.FLOAT32); // uninitialised: every element is written
        FloatBuffer out = HostStorage.floats(mask);
        if (out == null) throw new IllegalStateException("a fresh CPU float32 tensor did not expose its memory");
        long callSeed = mix(seed + mix(++calls));
        int size = Math.toIntExact(mask.size());
        int chunks = (size + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> fill(out, c * CHUNK, Math.min(size, c * CHUNK + CHUNK),
                new SplittableRandom(mix(callSeed + c)), drop, scale));
        return x.getDataType() == DataType.FLOAT32 ? mask : mask.toType(x.getDataType(), false);
    }

    private static void fill(FloatBuffer out, int from, int to, SplittableRandom random, int drop, float scale) {
        for (int i = from; i < to; i += 4) {
            long bits = random.nextLong();
            for (int k = 0; k < 4 && i + k < to; k++, bits >>>= 16) {
                out.put(i + k, (bits & 0xFFFF) < drop ? 0f : scale);
            }
        }
    }

    /** Stafford's mix13 (the finaliser SplittableRandom itself uses): nearby inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
