/**
 * What a pre-training run is told to do: the settings schema ({@link org.bert4j.train.run.RunSchema}, one
 * {@link org.bert4j.train.run.SettingTable}; fine-tuning brings its own table and reuses the rest), run files
 * in JSON or YAML, {@code --set key=value} overrides, built-in presets (a model config plus training defaults) and
 * the typed {@link org.bert4j.train.run.PretrainingConfig} the loop reads. Every value remembers where it came
 * from, so an error names the file and line, the override, or the preset.
 */
package org.bert4j.train.run;
