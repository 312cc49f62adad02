package org.bert4j.nn;

import java.util.ArrayList;
import java.util.List;

/** An indexed list of blocks whose parameters are named {@code 0.…}, {@code 1.…}. */
public final class ModuleList<M extends Module> extends Module {

    private final List<M> items = new ArrayList<>();

    public M add(M module) {
        addChild(Integer.toString(items.size()), module);
        items.add(module);
        return module;
    }

    public M get(int i) { return items.get(i); }

    public int size() { return items.size(); }

    @Override
    public String describe() {
        return "ModuleList(" + items.size() + ")";
    }
}
