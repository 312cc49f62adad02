package org.bert4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Parameter;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rank rule of {@link TrainableParameters} against BERT's name rule, written out on the paths of every family:
 * no decay for biases, norm parameters ({@code norm}, {@code attention_norm}, {@code ffn_norm}, {@code transform_norm},
 * {@code final_norm}) and GAU's scale/offset vectors; decay for everything else. Shared and tied tensors appear once.
 */
class TrainableParametersTest {

    static List<String> variants() {
        return TinyModels.VARIANTS;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void decayFollowsBertsRuleAndEveryTensorAppearsOnce(String variant) {
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT32, 1)) {
            EncoderModel model = loaded.model();
            List<TrainableParameter> parameters = TrainableParameters.of(model);
            Set<Object> tensors = new HashSet<>();
            long count = 0;
            for (TrainableParameter p : parameters) {
                String last = p.path().substring(p.path().lastIndexOf('.') + 1);
                String module = p.path().substring(0, p.path().lastIndexOf('.'));
                boolean exempt = last.equals("bias") || module.endsWith("norm")
                        || last.endsWith("_scale") || last.endsWith("_offset");
                assertEquals(!exempt, p.decay(), p.path());
                assertTrue(tensors.add(p.parameter()), p.path() + " listed twice");
                count += p.parameter().shape().size();
            }
            assertEquals(model.parameterCount(), count);
            // The MLM decoder is the token table: one tensor under the embeddings, none under mlm.
            Parameter table = model.encoder().embeddings().tokens().weight();
            assertFalse(parameters.stream().anyMatch(p -> p.path().startsWith("mlm.") && p.parameter() == table));
            assertTrue(parameters.stream().anyMatch(p -> p.path().equals("encoder.embeddings.tokens.weight")));
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void filterLeavesOutUntrainedHeads(String variant) {
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT32, 1)) {
            List<TrainableParameter> mlmOnly = TrainableParameters.of(loaded.model(),
                    path -> !path.startsWith("pooler.") && !path.startsWith("sentence_pair."));
            assertTrue(mlmOnly.stream().noneMatch(p -> p.path().startsWith("pooler.") || p.path().startsWith("sentence_pair.")));
            assertTrue(mlmOnly.stream().anyMatch(p -> p.path().startsWith("encoder.embeddings.tokens.")));
        }
    }
}
