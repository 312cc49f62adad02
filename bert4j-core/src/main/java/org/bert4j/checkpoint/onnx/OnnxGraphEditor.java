package org.bert4j.checkpoint.onnx;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.bert4j.checkpoint.proto.ProtoReader;
import org.bert4j.checkpoint.proto.ProtoWriter;

/**
 * Edits ONNX model bytes without an ONNX library. Its one job: expose intermediate values (per-layer hidden
 * states, see {@link OnnxGraph#layerOutputs()}) as extra graph outputs, so a parity test can fetch them from
 * ONNX Runtime and compare bert4j layer by layer instead of only at the last layer.
 *
 * <p>The edit appends {@code GraphProto.output} entries (field 12) to the graph and rewrites the
 * {@code ModelProto.graph} length; every other byte is copied as is. Each new output is a {@code ValueInfoProto}
 * with only a name: ONNX Runtime (checked with 1.20 in OnnxGraphEditorTest) infers its type and shape, so the
 * same edit works for float hidden states and integer values alike.
 */
public final class OnnxGraphEditor {
    private OnnxGraphEditor() {}

    /**
     * A copy of the model with these values added as graph outputs, after the existing ones. Names that are
     * already outputs are left alone; a name no node produces throws {@link IllegalArgumentException}.
     */
    public static byte[] withExtraOutputs(byte[] model, List<String> names) {
        OnnxGraph graph = OnnxGraph.of(model, "model bytes");
        List<String> unknown = new ArrayList<>();
        ProtoWriter added = new ProtoWriter();
        for (String name : new LinkedHashSet<>(names)) {
            if (graph.outputs().contains(name)) continue;
            if (!graph.producesValue(name)) { unknown.add(name); continue; }
            added.message(12, new ProtoWriter().string(1, name));   // GraphProto.output = ValueInfoProto{name}
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no node produces " + unknown + "; e.g. " + graph.layerOutputs());
        }
        byte[] extra = added.toByteArray();
        ProtoWriter out = new ProtoWriter(model.length + extra.length + 16);
        ProtoReader r = new ProtoReader(model);
        while (true) {
            int start = r.position();
            if (!r.next()) break;
            if (r.field() == 7 && r.wireType() == ProtoReader.LEN) {
                ByteBuffer g = r.bytes();
                // Protobuf concatenates repeated fields in order, so appending field 12 entries appends outputs.
                out.lengthHeader(7, g.remaining() + extra.length).raw(g).raw(extra);
            } else {
                r.skip();
                out.raw(Arrays.copyOfRange(model, start, r.position()));
            }
        }
        return out.toByteArray();
    }
}
