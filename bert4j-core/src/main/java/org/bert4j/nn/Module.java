package org.bert4j.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A node of the block tree: named parameters plus named children, like a PyTorch {@code nn.Module}. Paths are
 * dot-joined names ({@code layers.3.attention.query.weight}); families map them to checkpoint names.
 *
 * <p>Each block has its own typed {@code forward}; there is no generic NDList signature, so a block's inputs are
 * visible in its code. A parameter reachable from two places (tying, sharing) is registered once, by its owner.
 */
public abstract class Module {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();

    protected final Parameter addParameter(String name, Parameter parameter) {
        if (parameters.putIfAbsent(name, parameter) != null) throw new IllegalStateException("duplicate " + name);
        return parameter;
    }

    protected final <M extends Module> M addChild(String name, M child) {
        if (children.putIfAbsent(name, child) != null) throw new IllegalStateException("duplicate " + name);
        return child;
    }

    /** Visits every parameter once, depth-first in registration order, with its full path. */
    public final void forEachParameter(String prefix, BiConsumer<String, Parameter> visitor) {
        String p = prefix.isEmpty() ? "" : prefix + ".";
        parameters.forEach((name, param) -> visitor.accept(p + name, param));
        children.forEach((name, child) -> child.forEachParameter(p + name, visitor));
    }

    /** Path → parameter, in a stable order. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        forEachParameter("", out::put);
        return out;
    }

    public final Map<String, Module> children() { return children; }

    /** One line describing this block's algorithm and sizes, e.g. {@code Linear(384 → 1536, bias)}. */
    public abstract String describe();

    /** The indented block tree, the core of {@code bert4j inspect}. */
    public final String tree() {
        StringBuilder sb = new StringBuilder();
        appendTree(sb, "", "");
        return sb.toString();
    }

    private void appendTree(StringBuilder sb, String name, String indent) {
        sb.append(indent).append(name.isEmpty() ? "" : name + ": ").append(describe()).append('\n');
        // Runs of identical siblings (the layers of a stack) print once, as "1–11: same as 0".
        String previousTree = null;
        String previousName = null;
        String runStart = null;
        String runEnd = null;
        for (Map.Entry<String, Module> e : children.entrySet()) {
            StringBuilder child = new StringBuilder();
            e.getValue().appendTree(child, "", indent + "  ");
            String body = child.toString();
            if (body.equals(previousTree)) {
                if (runStart == null) runStart = e.getKey();
                runEnd = e.getKey();
                continue;
            }
            appendRun(sb, indent, runStart, runEnd, previousName);
            runStart = null;
            StringBuilder named = new StringBuilder();
            e.getValue().appendTree(named, e.getKey(), indent + "  ");
            sb.append(named);
            previousTree = body;
            previousName = e.getKey();
        }
        appendRun(sb, indent, runStart, runEnd, previousName);
    }

    private static void appendRun(StringBuilder sb, String indent, String start, String end, String sameAs) {
        if (start == null) return;
        String range = start.equals(end) ? start : start + "–" + end;
        sb.append(indent).append("  ").append(range).append(": same structure as ").append(sameAs).append('\n');
    }
}
