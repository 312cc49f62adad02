package org.bert4j.train.loop;

import java.util.List;
import org.bert4j.model.EncoderModel;
import org.bert4j.train.objective.Objective;
import org.bert4j.train.optim.LearningRateSchedule;
import org.bert4j.train.optim.Optimizer;
import org.bert4j.train.optim.TrainableParameter;

/**
 * What the loop drives, already built: the model, the training and held-out batches, the objective, and the
 * optimiser over {@code parameters} with its schedule.
 *
 * @param heldOut null when nothing is held out
 */
public record TrainingComponents(EncoderModel model, BatchAssembler train, BatchPlans plans, BatchAssembler heldOut,
                                 Objective objective, Optimizer optimizer, List<TrainableParameter> parameters,
                                 LearningRateSchedule schedule) {}
