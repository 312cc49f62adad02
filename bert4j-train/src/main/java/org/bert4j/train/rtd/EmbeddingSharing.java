package org.bert4j.train.rtd;

import java.util.Locale;

/** How the generator and the discriminator of replaced-token detection share their input embeddings. */
public enum EmbeddingSharing {
    /** Two independent sets of tables. */
    NONE,
    /**
     * One set (ELECTRA): the discriminator's tables are the generator's, and both losses train them. The
     * generator's MLM gradient and the discriminator's RTD gradient then pull the same vectors different ways.
     */
    SHARED,
    /**
     * Gradient-disentangled (DeBERTaV3): E_D = stopgrad(E_G) + E_Δ with E_Δ starting at zero; the MLM loss alone
     * trains E_G, the RTD loss alone E_Δ, and E_G + E_Δ is what a saved discriminator holds.
     */
    GDES;

    /** The run-file spelling. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static EmbeddingSharing of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
