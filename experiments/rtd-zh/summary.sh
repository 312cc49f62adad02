#!/usr/bin/env bash
# Prints the comparison table of a run.sh output root: per pre-training run, the steps and tokens it trained in
# its budget, tokens/s, its last held-out MLM loss / accuracy (the generator's under RTD) and RTD loss / accuracy,
# then the ChnSentiCorp dev accuracy of its fine-tuned model (best epoch).
# Usage: experiments/rtd-zh/summary.sh OUT_ROOT
set -euo pipefail
out=${1:?output root}
field() { sed -E "s/.*\"$1\":([-0-9.eE]+).*/\1/"; }
has() { grep -q "\"$1\"" <<< "$2"; }
printf '%-12s %6s %9s %6s %9s %8s %9s %8s %10s\n' run steps tokens tok/s mlm_loss mlm_acc rtd_loss rtd_acc senti_acc
for name in mlm electra deberta_v3; do
  metrics=$out/$name/metrics.jsonl
  [ -f "$metrics" ] || continue
  train=$(grep '"kind":"train"' "$metrics" | tail -1 || true)
  eval=$(grep '"kind":"eval"' "$metrics" | tail -1 || true)
  [ -n "$train" ] && [ -n "$eval" ] || continue
  tokens=$(echo "$train" | field tokens)
  elapsed=$(echo "$train" | field elapsed_s)
  rtd_loss=-; rtd_acc=-
  if has rtd_loss "$eval"; then
    rtd_loss=$(printf '%.4f' "$(echo "$eval" | field rtd_loss)"); rtd_acc=$(printf '%.4f' "$(echo "$eval" | field rtd_accuracy)")
  fi
  senti=-
  if [ -f "$out/ft-$name/metrics.jsonl" ] && grep -q '"kind":"eval"' "$out/ft-$name/metrics.jsonl"; then
    senti=$(printf '%.4f' "$(grep '"kind":"eval"' "$out/ft-$name/metrics.jsonl" | field accuracy | sort -g | tail -1)")
  fi
  printf '%-12s %6s %9s %6.0f %9.4f %8.4f %9s %8s %10s\n' "$name" "$(echo "$eval" | field step)" "$tokens" \
    "$(echo "$tokens / $elapsed" | bc -l)" "$(echo "$eval" | field mlm_loss)" "$(echo "$eval" | field mlm_accuracy)" \
    "$rtd_loss" "$rtd_acc" "$senti"
done
baseline=$(grep -h '"kind":"baseline"' "$out"/*/metrics.jsonl | head -1)
printf '%-12s %6s %9s %6s %9.4f %8.4f\n' unigram - - - "$(echo "$baseline" | field unigram_loss)" \
  "$(echo "$baseline" | field unigram_accuracy)"
