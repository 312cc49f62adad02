package org.bert4j.train.loop;

import java.util.List;

/**
 * The micro-batches of each epoch as lists of sequence indices. A plan must depend only on the epoch (and the
 * run seed it was built with), so the loop can rebuild the plan of any epoch when it resumes.
 */
@FunctionalInterface
public interface BatchPlans {

    List<int[]> plan(int epoch);
}
