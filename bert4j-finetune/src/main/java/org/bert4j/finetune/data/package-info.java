/**
 * Reading task data for fine-tuning and evaluation. Examples are records, one per task shape:
 * {@link org.bert4j.finetune.data.TextExample}, {@link org.bert4j.finetune.data.TextPairExample},
 * {@link org.bert4j.finetune.data.ScoredTextPair}, {@link org.bert4j.finetune.data.ScoredText}, {@link org.bert4j.finetune.data.MultiLabelExample},
 * {@link org.bert4j.finetune.data.TaggedSequence}, {@link org.bert4j.finetune.data.SpanAnnotatedText},
 * {@link org.bert4j.finetune.data.QaExample} and {@link org.bert4j.finetune.data.MultipleChoiceExample}.
 * Each file format has its own {@link org.bert4j.finetune.data.ExampleReader}: delimited text (CSV/TSV), JSON
 * lines, CoNLL columns, one-sentence-a-line tagging, CLUENER spans, SQuAD and C3 JSON.
 *
 * <p>All readers share one error policy, because a silently shortened data set gives results nobody can
 * compare: the first malformed record stops the read with a {@link org.bert4j.finetune.data.MalformedDataException}
 * naming file, line and fault, unless {@link org.bert4j.finetune.data.OnBadRecord#SKIP} is chosen, in which case
 * it is left out and listed in the {@link org.bert4j.finetune.data.ReadReport}. Records left out on purpose (an
 * OCNLI "-" label, a blank line) are counted there too, so every line is accounted for. Offsets of spans and
 * answers are Java {@code String} (UTF-16) indices whatever the file counted in.
 *
 * <p>{@link org.bert4j.finetune.data.LabelSet} and {@link org.bert4j.finetune.data.TagSet} map labels and tags
 * to ids in a documented, data-order-independent way and save them in the Hugging Face config form.
 */
package org.bert4j.finetune.data;
