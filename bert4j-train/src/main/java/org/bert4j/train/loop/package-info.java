/**
 * The pre-training loop: optimiser steps over accumulated micro-batches with clipping, the learning-rate
 * schedule and RoFormerV2's residual warm-up; the data position and every random draw derived from the run
 * seed so a run repeats exactly; held-out evaluation; checkpoints written atomically and resumed from.
 */
package org.bert4j.train.loop;
