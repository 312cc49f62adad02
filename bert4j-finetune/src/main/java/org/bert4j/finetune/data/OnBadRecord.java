package org.bert4j.finetune.data;

/**
 * What a reader does with a record it cannot read. {@link #FAIL} is the default because a silently shortened
 * training or evaluation set gives numbers nobody can compare; {@link #SKIP} is the "skip bad lines" option for
 * data known to be dirty: the record is left out and listed in the {@link ReadReport}, never dropped silently.
 */
public enum OnBadRecord {
    /** Stop at the first malformed record with a {@link MalformedDataException} naming file and line. */
    FAIL,
    /** Leave the malformed record out, note it (file, line, what was wrong) in the report, read on. */
    SKIP
}
