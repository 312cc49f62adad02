/**
 * Heads on top of the encoder: MLM (BERT transform + tied decoder, or RoFormerV2's bare tied decoder), pooler,
 * NSP/SOP, ELECTRA's replaced-token detection. Heads return logits and never compute losses; objectives own losses.
 */
package org.bert4j.head;
