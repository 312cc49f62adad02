package org.bert4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.HeadSpec;
import org.bert4j.head.MlmHead;
import org.bert4j.head.Pooler;
import org.bert4j.head.ReplacedTokenDetectionHead;
import org.bert4j.head.SentencePairHead;
import org.bert4j.nn.DropoutMasks;
import org.bert4j.nn.ForwardContext;
import org.bert4j.nn.Module;
import org.bert4j.nn.SparseTableGradients;

/**
 * An encoder with its pre-training heads and the manager that owns their parameters. Parameter paths start with
 * {@code encoder.}, {@code mlm.}, {@code pooler.}, {@code sentence_pair.}, {@code rtd.}. Close it to free the weights.
 */
public final class EncoderModel extends Module implements AutoCloseable {

    private final EncoderSpec spec;
    private final HeadSpec heads;
    private final NDManager manager;
    private final DataType dataType;
    private final Encoder encoder;
    private final MlmHead mlm;
    private final Pooler pooler;
    private final SentencePairHead sentencePair;
    private final ReplacedTokenDetectionHead replacedTokenDetection;
    private float residualScale = 1f;
    private SparseTableGradients sparseTokenGradients;

    private EncoderModel(EncoderSpec spec, HeadSpec heads, NDManager manager, DataType dataType) {
        this.spec = spec;
        this.heads = heads;
        this.manager = manager;
        this.dataType = dataType;
        this.encoder = addChild("encoder", EncoderFactory.build(spec));
        MlmHead m = MlmHead.of(heads.mlm(), spec.hiddenSize(), encoder.embeddings().tokens().weight());
        this.mlm = m == null ? null : addChild("mlm", m);
        this.pooler = heads.pooler() ? addChild("pooler", new Pooler(spec.hiddenSize())) : null;
        this.sentencePair = heads.sentencePair() ? addChild("sentence_pair", new SentencePairHead(spec.hiddenSize())) : null;
        this.replacedTokenDetection = heads.hasReplacedTokenDetection()
                ? addChild("rtd", new ReplacedTokenDetectionHead(spec.hiddenSize(), heads.replacedTokenDetection())) : null;
    }

    /** The block tree with parameters not yet set: fill them from a checkpoint or {@link #initialize}. */
    public static EncoderModel create(EncoderSpec spec, HeadSpec heads, DataType dataType) {
        return new EncoderModel(spec, heads, NDManager.newBaseManager(), dataType);
    }

    /** Draws every unset parameter with the spec's initialisation scheme. */
    public EncoderModel initialize(long seed) {
        ParameterInitializer.initialize(this, manager, dataType, spec.initialization(), spec.numLayers(), seed);
        return this;
    }

    /** Backbone forward pass with the model's residual scale; see {@link Encoder#forward}. */
    public Encoder.Output encode(NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask, boolean training) {
        ForwardContext ctx = training
                ? new ForwardContext(true, residualScale, DropoutMasks.fromEngine(inputIds.getManager()), sparseTokenGradients)
                : new ForwardContext(false, residualScale, null, null);
        return encoder.forward(inputIds, tokenTypeIds, attentionMask, ctx);
    }

    /**
     * From now on training passes leave the token table's gradient to the returned recorder, which adds it row by
     * row ({@link SparseTableGradients}: saves two table-sized arrays a step). Call it after
     * {@link #requireGradients} and outside any gradient collector; the caller must then call
     * {@link SparseTableGradients#addToTables} after every backward, before the gradients are read.
     */
    public SparseTableGradients useSparseTokenGradients() {
        if (sparseTokenGradients == null) sparseTokenGradients = new SparseTableGradients();
        sparseTokenGradients.prepare(encoder.embeddings().tokens().weight());
        return sparseTokenGradients;
    }

    /** Marks every parameter as needing a gradient (before a forward pass inside a GradientCollector). */
    public void requireGradients() {
        forEachParameter("", (path, p) -> p.value().setRequiresGradient(true));
    }

    public EncoderSpec spec() { return spec; }

    public HeadSpec heads() { return heads; }

    public NDManager manager() { return manager; }

    public DataType dataType() { return dataType; }

    public Encoder encoder() { return encoder; }

    /** The MLM head, or null when the model has none (e.g. an embedding model). */
    public MlmHead mlm() { return mlm; }

    public Pooler pooler() { return pooler; }

    public SentencePairHead sentencePair() { return sentencePair; }

    /** ELECTRA's discriminator head, or null. */
    public ReplacedTokenDetectionHead replacedTokenDetection() { return replacedTokenDetection; }

    /** α of the residual warm-up (RoFormerV2 from scratch); 1 for inference and fine-tuning. */
    public float residualScale() { return residualScale; }

    public void setResidualScale(float alpha) {
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("residual scale must be in [0, 1], got " + alpha);
        this.residualScale = alpha;
    }

    /** Number of parameters, counting shared and tied ones once. */
    public long parameterCount() {
        long[] n = {0};
        forEachParameter("", (path, p) -> n[0] += p.shape().size());
        return n[0];
    }

    @Override
    public String describe() {
        return "EncoderModel(" + dataType + ")";
    }

    @Override
    public void close() {
        manager.close();
    }
}
