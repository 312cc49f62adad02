package org.bert4j.family;

import org.bert4j.checkpoint.WeightMap;

/**
 * How a checkpoint format spells a block's parameters, so one layout table serves both formats.
 * HF: dot paths, {@code .weight}/{@code .bias} on linears and norms, {@code .weight} on tables, layers
 * {@code layer.3}. TF (Google BERT, bert4keras): slash paths, {@code /kernel} stored [in, out] (so transposed),
 * {@code /bias}, norms {@code /gamma}/{@code /beta}, tables bare, layers {@code layer_3}.
 */
enum NameStyle {
    HF(".", "layer.") {
        @Override
        void linear(WeightMap m, String internal, String external) {
            m.map(internal + ".weight", external + ".weight");
            m.map(internal + ".bias", external + ".bias");
        }

        @Override
        void scaleOffset(WeightMap m, String scale, String offset, String external) {
            m.map(scale, external + ".weight");
            m.map(offset, external + ".bias");
        }

        @Override
        void table(WeightMap m, String internal, String external) { m.map(internal + ".weight", external + ".weight"); }
    },
    TF("/", "layer_") {
        @Override
        void linear(WeightMap m, String internal, String external) {
            m.mapTransposed(internal + ".weight", external + "/kernel");
            m.map(internal + ".bias", external + "/bias");
        }

        @Override
        void scaleOffset(WeightMap m, String scale, String offset, String external) {
            m.map(scale, external + "/gamma");
            m.map(offset, external + "/beta");
        }

        @Override
        void table(WeightMap m, String internal, String external) { m.map(internal + ".weight", external); }
    };

    private final String separator;
    private final String layerPrefix;

    NameStyle(String separator, String layerPrefix) {
        this.separator = separator;
        this.layerPrefix = layerPrefix;
    }

    abstract void linear(WeightMap m, String internal, String external);

    /** A gain/offset pair (LayerNorm, GAU's ScaleOffset): HF weight/bias, TF gamma/beta. */
    abstract void scaleOffset(WeightMap m, String scale, String offset, String external);

    void norm(WeightMap m, String internal, String external) {
        scaleOffset(m, internal + ".weight", internal + ".bias", external);
    }

    abstract void table(WeightMap m, String internal, String external);

    /** Joins non-empty path parts with the format's separator. */
    String path(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) continue;
            if (sb.length() > 0) sb.append(separator);
            sb.append(p);
        }
        return sb.toString();
    }

    /** The layer segment with the {@code {i}} placeholder: {@code layer.{i}} or {@code layer_{i}}. */
    String layer() { return layerPrefix + "{i}"; }
}
