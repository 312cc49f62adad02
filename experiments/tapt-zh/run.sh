#!/usr/bin/env bash
# The survey's stages 2 and 3 at small scale on bge-small-zh-v1.5 (an embedding model: it ships without an MLM
# head, so bert4j adds a fresh one): first continue MLM on general Chinese text (FewCLUE's unlabelled corpora),
# which also trains the new head, then on the text of one task (ChnSentiCorp's training reviews, labels cut off).
# Each stage evaluates held-out MLM loss and accuracy on its own corpus before its first step and at the end, so
# stage 2's first evaluation is the task-text loss before task-adaptive pre-training and its last one the loss after.
# Usage: experiments/tapt-zh/run.sh OUT_ROOT [MINUTES_PER_STAGE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?output root}
minutes=${2:-8}
shared=${BERT4J_SHARED:-$root/../shared}
mkdir -p "$out"
cut -f1 "$shared/data/zh/classification/chnsenticorp/train.tsv" > "$out/chnsenticorp-train.txt"
common=(--set inputs.packing=full_sentences --set inputs.max_length=128 --set masking.strategy=whole_word
  --set optimizer.name=adamw --set optimizer.lr=2e-4 --set optimizer.weight_decay=0.01 --set schedule.kind=constant
  --set schedule.warmup_steps=20 --set train.steps=100000 --set train.batch_size=16 --set "train.max_minutes=$minutes"
  --set train.seed=42 --set train.log_every=10 --set eval.fraction=0.05 --set eval.every=50 --set eval.max_batches=20
  --set checkpoint.every=100000 --set checkpoint.keep=1 --set "corpus.cache_dir=$out/cache")
run() { # NAME ARGS...
  local name=$1; shift
  java -Xmx6g -jar "$root/bert4j-cli/target/bert4j.jar" pretrain "${common[@]}" "$@" --out "$out/$name" > "$out/$name.log" 2>&1
}
run general --model bge-small-zh --corpus "$shared/data/zh/corpus/fewclue_unlabeled" \
  --set corpus.field=sentence,content,sentence1
general=$(ls -d "$out"/general/checkpoints/step-* | tail -1)
run task --model "$general" --corpus "$out/chnsenticorp-train.txt"
for stage in general task; do
  echo "$stage: held-out MLM (step, loss, accuracy)"
  grep '"kind":"eval"' "$out/$stage/metrics.jsonl" | sed -E 's/.*"step":([0-9]+).*"mlm_loss":([0-9.]+).*"mlm_accuracy":([0-9.]+).*/  \1 \2 \3/'
done
