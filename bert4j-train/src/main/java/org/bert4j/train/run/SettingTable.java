package org.bert4j.train.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys one kind of run accepts ({@link RunSchema} for pre-training, the fine-tuning schema in
 * {@code bert4j-finetune}), each with its default and meaning. Run files, {@code --set} overrides and
 * {@link RunValues} check every key against a table, so each kind of run gets the same file:line errors and
 * typo suggestions without sharing one global list of keys.
 */
public final class SettingTable {

    private final Map<String, Setting> byKey;

    public SettingTable(List<Setting> settings) {
        Map<String, Setting> m = new LinkedHashMap<>();
        for (Setting s : settings) {
            if (m.putIfAbsent(s.key(), s) != null) throw new IllegalArgumentException("setting " + s.key() + " listed twice");
        }
        this.byKey = Collections.unmodifiableMap(m);
    }

    /** Every setting, in the order given (the order {@code --list-settings} prints). */
    public Map<String, Setting> settings() { return byKey; }

    /** The setting, or an error naming the key, where it came from and the closest known key. */
    public Setting require(String key, String origin) {
        Setting s = byKey.get(key);
        if (s == null) {
            String near = closest(key);
            throw new RunConfigException(origin + ": unknown key '" + key + "'" + (near == null ? "" : " (did you mean " + near + "?)"));
        }
        return s;
    }

    /** The known key nearest by edit distance, when it is near enough to be a typo. */
    String closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : byKey.keySet()) {
            int d = editDistance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
