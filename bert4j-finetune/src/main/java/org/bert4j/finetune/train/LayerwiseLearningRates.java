package org.bert4j.finetune.train;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.Sharing;
import org.bert4j.train.optim.TrainableParameter;

/**
 * Layer-wise learning-rate decay (Clark et al. 2020, ELECTRA; Sun et al. 2019, "How to Fine-Tune BERT"): lower
 * layers hold general features that fine-tuning should disturb less, so each depth below the top learns at a
 * further factor {@code decay} of the rate.
 *
 * <p>The rule, with L encoder layers, depth 0 for the embeddings, 1…L for the layers and L+1 above them:
 * <pre>
 *   scale(depth) = decay^(L + 1 − depth)
 *   encoder.embeddings.*      depth 0      → decay^(L+1)
 *   encoder.layers.i.*        depth i + 1  → decay^(L−i)      (i from 0: the top layer L−1 gets decay¹)
 *   pooler, task head, final norm         → 1
 * </pre>
 * ALBERT's shared layers ({@code encoder.groups.g.*}) serve several depths; a group gets the rate of the highest
 * layer that uses it, (g + 1)·L/G, so sharing never slows the top. decay = 1 turns the rule off.
 */
public final class LayerwiseLearningRates {

    private static final Pattern LAYER = Pattern.compile("encoder\\.layers\\.(\\d+)\\..*");
    private static final Pattern GROUP = Pattern.compile("encoder\\.groups\\.(\\d+)\\..*");

    private LayerwiseLearningRates() {}

    /** The depth of a parameter path as the rule above counts it. */
    public static int depth(String path, EncoderSpec spec) {
        int layers = spec.numLayers();
        if (path.startsWith("encoder.embeddings.")) return 0;
        Matcher m = LAYER.matcher(path);
        if (m.matches()) return Integer.parseInt(m.group(1)) + 1;
        m = GROUP.matcher(path);
        if (m.matches()) {
            int groups = spec.sharing() instanceof Sharing.Grouped g ? g.groups() : layers;
            return (Integer.parseInt(m.group(1)) + 1) * (layers / groups);
        }
        return layers + 1;
    }

    public static double scale(String path, EncoderSpec spec, double decay) {
        return Math.pow(decay, spec.numLayers() + 1 - depth(path, spec));
    }

    /** The parameters with their scales set by the rule (decay in (0, 1]). */
    public static List<TrainableParameter> apply(List<TrainableParameter> parameters, EncoderSpec spec, double decay) {
        if (!(decay > 0 && decay <= 1)) throw new IllegalArgumentException("layer-wise decay must be in (0, 1], got " + decay);
        List<TrainableParameter> out = new ArrayList<>(parameters.size());
        for (TrainableParameter p : parameters) out.add(p.withLearningRateScale(scale(p.path(), spec, decay)));
        return out;
    }
}
