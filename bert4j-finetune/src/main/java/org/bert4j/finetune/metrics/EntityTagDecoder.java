package org.bert4j.finetune.metrics;

import java.util.ArrayList;
import java.util.List;
import org.bert4j.finetune.data.EntitySpan;

/**
 * Turns a tag sequence into entity spans with the rules of seqeval's default mode, which are those of the CoNLL
 * {@code conlleval} script. They are lenient: every tag sequence decodes to something, and no token is dropped
 * for being ill-formed, so a model is scored on what it predicted rather than on whether it obeyed the scheme.
 *
 * <p>Reading tags left to right (letters after the {@link TagScheme} synonyms are mapped, so M=I, L=E, U=S), with
 * {@code prev} the previous tag (O before the first) and an O appended after the last:
 * <ul>
 *   <li>an entity <b>ends</b> before the current tag when prev is E or S; or prev is B or I and the current tag is
 *       B, S or O; or prev is not O and the types differ;</li>
 *   <li>an entity <b>starts</b> at the current tag when it is B or S; or it is I or E and prev is O, E or S; or it
 *       is not O and its type differs from prev's.</li>
 * </ul>
 * Consequences worth knowing: an I-X after O (or after an entity that has ended) starts a new entity, which is what
 * makes IOB1 and IOB2 decode alike; {@code B-PER I-LOC} is two entities, PER and LOC, since a type change ends one and
 * starts the other; an entity still open at the end of the sentence is closed there; {@code B-X} alone and
 * {@code B-X E-X E-X} are accepted (one token; then two entities [0,2) and [2,3)).
 *
 * <p>Tags are {@code O}, a letter alone (typed {@code _}, as seqeval), or letter, {@code -}, type ({@code B-PER};
 * the type is everything after the first hyphen). Anything else, or a letter the scheme does not use, throws with
 * the tag's position.
 */
public final class EntityTagDecoder {

    /** The type seqeval gives tags without one ({@code B}, {@code I}). */
    public static final String UNTYPED = "_";

    private EntityTagDecoder() {}

    /** The entities of one sentence, in reading order, ends exclusive. */
    public static List<EntitySpan> decode(List<String> tags, TagScheme scheme) {
        List<EntitySpan> spans = new ArrayList<>();
        char prevLetter = 'O';
        String prevType = UNTYPED;
        int start = 0;
        for (int i = 0; i <= tags.size(); i++) {
            char letter = 'O';
            String type = UNTYPED;
            if (i < tags.size()) {
                String tag = tags.get(i);
                letter = letterOf(tag, scheme, i);
                type = tag.length() == 1 ? UNTYPED : tag.substring(2);
            }
            if (endsBefore(prevLetter, letter, prevType, type)) spans.add(new EntitySpan(prevType, start, i));
            if (startsAt(prevLetter, letter, prevType, type)) start = i;
            prevLetter = letter;
            prevType = type;
        }
        return spans;
    }

    private static boolean endsBefore(char prev, char current, String prevType, String type) {
        if (prev == 'E' || prev == 'S') return true;
        if ((prev == 'B' || prev == 'I') && (current == 'B' || current == 'S' || current == 'O')) return true;
        return prev != 'O' && !prevType.equals(type);
    }

    private static boolean startsAt(char prev, char current, String prevType, String type) {
        if (current == 'B' || current == 'S') return true;
        if ((current == 'I' || current == 'E') && (prev == 'O' || prev == 'E' || prev == 'S')) return true;
        return current != 'O' && !prevType.equals(type);
    }

    private static char letterOf(String tag, TagScheme scheme, int position) {
        boolean wellFormed = !tag.isEmpty()
                && (tag.length() == 1 || (tag.length() > 2 && tag.charAt(1) == '-' && tag.charAt(0) != 'O'));
        if (!wellFormed || !scheme.allows(tag.charAt(0))) {
            throw new IllegalArgumentException("tag '" + tag + "' at position " + position + " is not a " + scheme
                    + " tag (letters " + scheme.letters() + ", then -TYPE)");
        }
        return scheme.canonical(tag.charAt(0));
    }
}
