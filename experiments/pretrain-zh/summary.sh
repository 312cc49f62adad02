#!/usr/bin/env bash
# Prints the comparison table of a run.sh output root: per run, the steps and tokens it trained in its budget, its
# average tokens/s, and its last held-out MLM loss and accuracy, against the unigram baseline on the same held-out set.
# Usage: experiments/pretrain-zh/summary.sh OUT_ROOT
set -euo pipefail
out=${1:?output root}
field() { sed -E "s/.*\"$1\":([-0-9.eE]+).*/\1/"; }
printf '%-22s %7s %10s %8s %10s %10s\n' run steps tokens tok/s eval_loss eval_acc
for metrics in "$out"/*/metrics.jsonl; do
  name=$(basename "$(dirname "$metrics")")
  [ "$name" = cache-warmup ] && continue
  train=$(grep '"kind":"train"' "$metrics" | tail -1)
  eval=$(grep '"kind":"eval"' "$metrics" | tail -1)
  tokens=$(echo "$train" | field tokens)
  elapsed=$(echo "$train" | field elapsed_s)
  printf '%-22s %7s %10s %8.0f %10.4f %10.4f\n' "$name" "$(echo "$eval" | field step)" "$tokens" \
    "$(echo "$tokens / $elapsed" | bc -l)" "$(echo "$eval" | field mlm_loss)" "$(echo "$eval" | field mlm_accuracy)"
done
baseline=$(grep -h '"kind":"baseline"' "$out"/*/metrics.jsonl | head -1)
printf '%-22s %7s %10s %8s %10.4f %10.4f\n' "unigram baseline" - - - "$(echo "$baseline" | field unigram_loss)" \
  "$(echo "$baseline" | field unigram_accuracy)"
