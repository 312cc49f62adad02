package org.bert4j.train.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Module;
import org.bert4j.nn.Parameter;

/**
 * The parameters of a model (or any block tree, such as a task head) an optimiser updates, each once:
 * {@link EncoderModel#namedParameters()} registers a
 * shared (ALBERT) or tied (MLM decoder = token table) tensor only under its owner, so it gets one set of moments
 * and one update per step.
 *
 * <p>Weight decay goes to weight matrices and embedding tables (rank ≥ 2) and never to vectors: biases, norm gains
 * and offsets, GAU's per-dimension query/key scale and offset. That is BERT's rule (no decay on "LayerNorm" and
 * "bias", Devlin et al. 2019; MODELS.md section 3) stated by what a tensor is rather than by its name, so a new
 * block's gain cannot be decayed by a naming slip; decaying a gain would pull it toward 0 instead of its
 * neutral value 1.
 */
public final class TrainableParameters {

    private TrainableParameters() {}

    /** Every parameter of the model. */
    public static List<TrainableParameter> of(EncoderModel model) {
        return of(model, path -> true);
    }

    /**
     * The parameters whose path passes {@code include}: leave out heads the objective does not train (e.g.
     * {@code path -> !path.startsWith("sentence_pair.") && !path.startsWith("pooler.")} for MLM alone), since an
     * untouched parameter would still be decayed.
     */
    public static List<TrainableParameter> of(Module model, Predicate<String> include) {
        List<TrainableParameter> out = new ArrayList<>();
        model.namedParameters().forEach((path, p) -> {
            if (include.test(path)) out.add(new TrainableParameter(path, p, decays(p)));
        });
        if (out.isEmpty()) throw new IllegalArgumentException("no parameter of the model passes the filter");
        return out;
    }

    /** Whether weight decay applies: matrices and tables (rank ≥ 2) yes, vectors (biases, gains, offsets) no. */
    public static boolean decays(Parameter parameter) {
        return parameter.shape().dimension() >= 2;
    }
}
