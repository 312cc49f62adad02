package org.bert4j.family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of recipes by {@code model_type}. */
public final class Families {

    private static final Map<String, Family> BY_TYPE = new LinkedHashMap<>();

    static {
        for (Family f : List.of(new Bert(), new Roberta(), new Albert(), new RoFormer(), new RoFormerV2(), new GauAlpha(),
                new Electra(), new DebertaV2())) {
            BY_TYPE.put(f.modelType(), f);
        }
    }

    private Families() {}

    public static List<Family> all() { return List.copyOf(BY_TYPE.values()); }

    /** The recipe for a {@code model_type}; the error lists the known ones. */
    public static Family forModelType(String modelType) {
        Family f = BY_TYPE.get(modelType);
        if (f == null) {
            throw new IllegalArgumentException("unknown model_type '" + modelType + "' (known: "
                    + String.join(", ", BY_TYPE.keySet()) + ")");
        }
        return f;
    }
}
