package org.bert4j.checkpoint.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.proto.ProtoException;

/**
 * The weights of a self-contained ONNX model (its initializers) as a {@link TensorSource}.
 *
 * <p>PyTorch's exporter keeps the HF names of embeddings, biases and LayerNorm parameters, but renames every
 * {@code nn.Linear} weight to {@code onnx::MatMul_NNN} and stores it transposed, {@code [in, out]}, because it
 * feeds a MatMul. The HF name is recovered from the consuming node
 * ({@code /encoder/layer.0/attention/self/query/MatMul} → {@code encoder.layer.0.attention.self.query.weight}), and
 * under that name the tensor is returned in HF layout, {@code [out, in]} (a transposed copy). In short:
 * <b>HF-named tensors follow HF layout</b>; the original name still works with {@link #get} and returns the bytes
 * as stored. {@link #names()} lists HF-style names only.
 *
 * <p>Tensors PyTorch folded into Constant nodes with an {@code onnx::...} output are exposed the same way
 * (bge-small-zh and bge-small-en keep the position_ids buffer as {@code onnx::Slice_86} /
 * {@code onnx::Slice_214}). Models with external data are refused with a clear message.
 */
public final class OnnxInitializers implements TensorSource {
    /** Buffers whose HF name no graph naming rule yields; keyed by the node that reads them. */
    private static final Map<String, String> KNOWN_BUFFERS = Map.of("/embeddings/Slice", "embeddings.position_ids");

    private final Path origin;
    private final OnnxGraph graph;
    private final Map<String, StoredTensor> stored = new LinkedHashMap<>();   // by the file's own name
    private final Map<String, String> renamed = new HashMap<>();              // HF name → file name
    private final Set<String> transposed = new LinkedHashSet<>();             // HF names returned transposed
    private final Set<String> names = new LinkedHashSet<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private volatile boolean closed;

    private OnnxInitializers(Path origin, ByteBuffer model) {
        this.origin = origin;
        try {
            graph = OnnxGraph.parse(model);
            graph.initializers().forEach((name, proto) -> add(OnnxTensors.decode(proto, name), name));
            for (OnnxGraph.Node n : graph.nodes()) {
                if (n.constant() != null && n.outputs().size() == 1 && n.outputs().get(0).startsWith("onnx::")) {
                    add(OnnxTensors.decode(n.constant(), n.outputs().get(0)), n.outputs().get(0));
                }
            }
        } catch (ProtoException e) {
            throw new CheckpointException(origin + ": malformed ONNX model: " + e.getMessage(), e);
        }
        for (String name : stored.keySet()) names.add(name.startsWith("onnx::") ? hfName(name) : name);
    }

    /** Memory-maps the file; the tensors' buffers are slices of the mapping (weights other than renamed ones). */
    public static OnnxInitializers open(Path file) {
        try (FileChannel ch = FileChannel.open(file)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new CheckpointException(file + ": " + ch.size()
                        + " bytes; a self-contained ONNX model is under 2 GiB");
            }
            return new OnnxInitializers(file, ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read ONNX model: " + e.getMessage(), e);
        }
    }

    /** From model bytes already in memory (e.g. a classpath resource); {@code origin} only labels errors. */
    public static OnnxInitializers fromBytes(byte[] model, Path origin) {
        return new OnnxInitializers(origin, ByteBuffer.wrap(model));
    }

    private void add(OnnxTensors.Decoded d, String name) {
        if (d.tensor() != null) stored.put(name, d.tensor());
        else if (d.fatal()) {
            throw new CheckpointException(origin + ": initializer '" + name + "': " + d.unsupported());
        } else skipped.put(name, d.unsupported());
    }

    /** HF name for a renamed tensor, registering it (and whether it is transposed); the file name if none fits. */
    private String hfName(String fileName) {
        for (OnnxGraph.Node n : graph.nodes()) {
            String hf = null;
            boolean transpose = false;
            int weightInput = n.inputs().indexOf(fileName);
            if (weightInput == 1 && (n.opType().equals("MatMul") || n.opType().equals("Gemm"))) {
                String suffix = "/" + n.opType();
                if (n.name().startsWith("/") && n.name().endsWith(suffix) && stored.get(fileName).shape().length == 2) {
                    hf = n.name().substring(1, n.name().length() - suffix.length()).replace('/', '.') + ".weight";
                    transpose = n.opType().equals("MatMul") || n.intAttributes().getOrDefault("transB", 0L) == 0;
                }
            } else if (weightInput >= 0) {
                hf = KNOWN_BUFFERS.get(n.name());
            }
            if (hf != null && !stored.containsKey(hf) && !renamed.containsKey(hf)) {
                renamed.put(hf, fileName);
                if (transpose) transposed.add(hf);
                return hf;
            }
        }
        return fileName;
    }

    @Override public Path origin() { return origin; }

    /** HF-style names (renamed matrices under their HF name, the rest under the file's name), file order. */
    @Override public Set<String> names() { return Collections.unmodifiableSet(names); }

    /** The name this tensor has in the file ({@code onnx::MatMul_541}); the name itself when not renamed. */
    public String originalName(String name) {
        if (renamed.containsKey(name)) return renamed.get(name);
        if (stored.containsKey(name)) return name;
        throw new CheckpointException(origin + ": no tensor '" + name + "'");
    }

    /** True when {@link #get} returns this HF-named tensor transposed from its stored {@code [in, out]}. */
    public boolean isTransposed(String name) { return transposed.contains(name); }

    /** Initializers that are not usable tensors (strings, complex, ...), with the reason. */
    public Map<String, String> skipped() { return Collections.unmodifiableMap(skipped); }

    public OnnxGraph graph() { return graph; }

    @Override
    public StoredTensor get(String name) {
        if (closed) throw new CheckpointException(origin + ": closed; cannot read '" + name + "'");
        String fileName = renamed.getOrDefault(name, name);
        StoredTensor t = stored.get(fileName);
        if (t == null) {
            String why = skipped.containsKey(name) ? " (skipped: " + skipped.get(name) + ")" : "";
            throw new CheckpointException(origin + ": no tensor '" + name + "'" + why);
        }
        if (!transposed.contains(name)) {
            return fileName.equals(name) ? t : new StoredTensor(name, t.dtype(), t.shape(), t.data());
        }
        int rows = Math.toIntExact(t.shape()[0]), cols = Math.toIntExact(t.shape()[1]);
        ByteBuffer hfLayout = transpose(t.data(), rows, cols, t.dtype().bytes());
        return new StoredTensor(name, t.dtype(), new long[] {cols, rows}, hfLayout);
    }

    /** Row-major {@code [rows, cols]} → {@code [cols, rows]}, any element width. */
    static ByteBuffer transpose(ByteBuffer src, int rows, int cols, int width) {
        ByteBuffer in = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(in.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        if (width == 4) {   // the common case (float32), element-wise rather than byte-wise
            IntBuffer s = in.asIntBuffer(), d = out.asIntBuffer();
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) d.put(j * rows + i, s.get(i * cols + j));
        } else {
            int base = in.position();
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) for (int b = 0; b < width; b++)
                out.put((j * rows + i) * width + b, in.get(base + (i * cols + j) * width + b));
        }
        return out;
    }

    /** Drops the references; the JDK unmaps the file when the buffers are collected (no explicit unmap in 17). */
    @Override
    public void close() {
        closed = true;
        stored.clear();
    }
}
