package org.bert4j.finetune.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bert4j.finetune.task.Feature;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.Task;

/**
 * A data set turned into features once (tokenising is the slow part, so it is not repeated per epoch): the
 * examples, their features in example order, and each example's features, so that predictions made per feature
 * (QA windows) can be gathered back per example.
 */
public final class FeatureSet<E, T> {

    private final List<E> examples;
    private final List<Feature<T>> features;
    private final List<List<Integer>> byExample;

    private FeatureSet(List<E> examples, List<Feature<T>> features, List<List<Integer>> byExample) {
        this.examples = Collections.unmodifiableList(examples);
        this.features = Collections.unmodifiableList(features);
        this.byExample = byExample;
    }

    public static <E, T> FeatureSet<E, T> of(Task<E, T, ?> task, List<E> examples, InputEncoder encoder) {
        List<Feature<T>> features = new ArrayList<>();
        List<List<Integer>> byExample = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            List<Integer> mine = new ArrayList<>();
            for (Feature<T> f : task.features(examples.get(i), i, encoder)) {
                mine.add(features.size());
                features.add(f);
            }
            byExample.add(List.copyOf(mine));
        }
        return new FeatureSet<>(new ArrayList<>(examples), features, byExample);
    }

    public List<E> examples() { return examples; }

    public List<Feature<T>> features() { return features; }

    /** Indices into {@link #features()} of example {@code example}'s features. */
    public List<Integer> featuresOf(int example) { return byExample.get(example); }

    /** Each feature's padded cost (its longest row), what batches are bucketed by. */
    public int[] lengths() {
        return features.stream().mapToInt(Feature::length).toArray();
    }

    /** Encoder rows in all, and their tokens, for the examples/s and real-token figures. */
    public long tokens() {
        return features.stream().mapToLong(Feature::tokens).sum();
    }
}
