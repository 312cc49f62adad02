package org.bert4j.config;

/** Where the norm sits relative to the residual sum. The residual scale α is a run-time setting, not config. */
public enum Residual {
    /** x = Norm(x + α·Dropout(F(x))): BERT and every seed model. */
    POST_NORM,
    /** x = x + α·Dropout(F(Norm(x))), with a final norm after the last layer. */
    PRE_NORM
}
