package org.bert4j.finetune.data;

import java.util.Objects;

/**
 * A column of a delimited file, by its header name or by its 0-based index. Names survive column reordering
 * between releases of a data set; indexes are the only choice for files without a header.
 */
public record Column(String name, int index) {

    public Column {
        if (name == null && index < 0) throw new IllegalArgumentException("column index " + index + " is negative");
        if (name != null && index != -1) throw new IllegalArgumentException("a column has a name or an index, not both");
    }

    public static Column named(String name) { return new Column(Objects.requireNonNull(name, "name"), -1); }

    public static Column at(int index) { return new Column(null, index); }

    public boolean byName() { return name != null; }

    @Override
    public String toString() { return byName() ? "column \"" + name + "\"" : "column " + index; }
}
