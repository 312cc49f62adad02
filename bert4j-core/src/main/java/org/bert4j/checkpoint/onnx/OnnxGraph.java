package org.bert4j.checkpoint.onnx;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.proto.ProtoException;
import org.bert4j.checkpoint.proto.ProtoReader;

/**
 * The graph of an ONNX model, as far as bert4j needs it: nodes (name, op, inputs, outputs, integer attributes and
 * a Constant node's tensor), initializers (undecoded TensorProto slices), and graph inputs and outputs. Also finds
 * the per-layer outputs of a BERT export, which parity tests add as extra graph outputs with
 * {@link OnnxGraphEditor} to compare layer by layer with ONNX Runtime.
 */
public final class OnnxGraph {

    /** One NodeProto. {@code constant} is the {@code value} tensor of a Constant node, else null. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs,
                       Map<String, Long> intAttributes, ByteBuffer constant) {}

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, ByteBuffer> initializers = new LinkedHashMap<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    private OnnxGraph() {}

    /**
     * The graph of these model bytes, without decoding any tensor (e.g. to pick names for
     * {@link OnnxGraphEditor#withExtraOutputs}); {@code origin} only labels errors.
     */
    public static OnnxGraph of(byte[] model, String origin) {
        try {
            return parse(ByteBuffer.wrap(model));
        } catch (ProtoException e) {
            throw new CheckpointException(origin + ": malformed ONNX model: " + e.getMessage(), e);
        }
    }

    /** Parses a ModelProto; throws {@link ProtoException} when malformed. */
    static OnnxGraph parse(ByteBuffer model) {
        OnnxGraph g = new OnnxGraph();
        ProtoReader m = new ProtoReader(model);
        boolean sawGraph = false;
        while (m.next()) {
            if (m.field() == 7) { g.readGraph(m.message()); sawGraph = true; } else m.skip();
        }
        if (!sawGraph) throw new ProtoException("no graph (ModelProto field 7)");
        return g;
    }

    private void readGraph(ProtoReader r) {
        while (r.next()) {
            switch (r.field()) {
                case 1 -> nodes.add(readNode(r.message()));
                case 5 -> {
                    ByteBuffer t = r.bytes();
                    initializers.put(tensorName(t), t);
                }
                case 11 -> inputs.add(valueInfoName(r.message()));
                case 12 -> outputs.add(valueInfoName(r.message()));
                default -> r.skip();
            }
        }
        // Since IR version 4 an initializer need not be a graph input; older exports list weights among the
        // inputs too. Those are not inputs a caller feeds.
        inputs.removeIf(initializers::containsKey);
    }

    private static Node readNode(ProtoReader r) {
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        Map<String, Long> ints = new HashMap<>();
        String name = "", op = "";
        ByteBuffer constant = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> in.add(r.string());
                case 2 -> out.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                case 5 -> {   // AttributeProto: name = 1, i = 3, t = 5
                    ProtoReader a = r.message();
                    String attr = null;
                    Long i = null;
                    ByteBuffer t = null;
                    while (a.next()) {
                        switch (a.field()) {
                            case 1 -> attr = a.string();
                            case 3 -> i = a.varint();
                            case 5 -> t = a.bytes();
                            default -> a.skip();
                        }
                    }
                    if (i != null && attr != null) ints.put(attr, i);
                    if (t != null && "value".equals(attr)) constant = t;
                }
                default -> r.skip();
            }
        }
        return new Node(name, op, List.copyOf(in), List.copyOf(out), Map.copyOf(ints),
                "Constant".equals(op) ? constant : null);
    }

    private static String tensorName(ByteBuffer tensorProto) {
        ProtoReader t = new ProtoReader(tensorProto);
        while (t.next()) {
            if (t.field() == 8) return t.string();
            t.skip();
        }
        return "";
    }

    private static String valueInfoName(ProtoReader v) {
        while (v.next()) {
            if (v.field() == 1) return v.string();
            v.skip();
        }
        return "";
    }

    public List<Node> nodes() { return List.copyOf(nodes); }

    /** Initializer name → its encoded TensorProto, in file order. */
    Map<String, ByteBuffer> initializers() { return initializers; }

    /** Inputs a caller feeds (e.g. input_ids, attention_mask, token_type_ids); initializers excluded. */
    public List<String> inputs() { return List.copyOf(inputs); }

    /** Declared outputs (e.g. last_hidden_state). */
    public List<String> outputs() { return List.copyOf(outputs); }

    /** True when some node produces a value with this name (so it can be made a graph output). */
    public boolean producesValue(String name) {
        for (Node n : nodes) if (n.outputs().contains(name)) return true;
        return false;
    }

    private static final Pattern LAYER_OUTPUT_LN = Pattern.compile("^/encoder/layer\\.(\\d+)/output/LayerNorm/");

    /**
     * The output of each encoder layer, index = layer: the value produced by the last node in the layer's
     * {@code output/LayerNorm} scope. With opset < 17 LayerNorm is decomposed and that node is {@code Add_1}
     * ({@code /encoder/layer.0/output/LayerNorm/Add_1_output_0}); with opset 17 it is a LayerNormalization node.
     * The last layer's value is usually renamed to the graph output ({@code last_hidden_state}). Empty when the
     * graph does not follow the HF BERT export naming.
     */
    public List<String> layerOutputs() {
        TreeMap<Integer, String> last = new TreeMap<>();
        for (Node n : nodes) {
            Matcher m = LAYER_OUTPUT_LN.matcher(n.name());
            if (m.find() && !n.outputs().isEmpty()) last.put(Integer.parseInt(m.group(1)), n.outputs().get(0));
        }
        List<String> out = new ArrayList<>(last.values());
        return last.isEmpty() || last.lastKey() != out.size() - 1 ? List.of() : out;
    }

    /** The embeddings block's output (after its LayerNorm), e.g. {@code /embeddings/LayerNorm/Add_1_output_0}. */
    public Optional<String> embeddingsOutput() {
        String found = null;
        for (Node n : nodes) {
            if (n.name().startsWith("/embeddings/LayerNorm/") && !n.outputs().isEmpty()) found = n.outputs().get(0);
        }
        return Optional.ofNullable(found);
    }
}
