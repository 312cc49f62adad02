#!/usr/bin/env bash
# Issue 5's equal-compute comparison: the same 4-layer, d 256 encoder size pre-trained for the same wall-clock
# budget on FewCLUE's unlabelled text by MLM alone (BERT), by ELECTRA's replaced-token detection (shared
# embeddings, a generator a quarter as wide) and by DeBERTaV3's (its attention, a same-width generator of half the
# depth, gradient-disentangled embedding sharing); then each fine-tuned on ChnSentiCorp with the same recipe.
# Same data, token masking, optimiser and schedule (LAMB 5e-3 as experiments/pretrain-zh, where BERT learns in
# this budget; with AdamW 1e-3 neither BERT encoder left the unigram plateau in 13 minutes); the objectives keep
# their papers' settings (mask / keep / random 80/10/10 for MLM and DeBERTaV3, 85/15/0 for ELECTRA; RTD weight 50
# for ELECTRA, 10 for DeBERTaV3).
# Pre-training runs two at a time with one engine thread each, so each gets one core.
# Usage: [LR=5e-3] [WARMUP=50] experiments/rtd-zh/run.sh OUT_ROOT [MINUTES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?output root}
minutes=${2:-15}
lr=${LR:-5e-3}
warmup=${WARMUP:-50}
shared=${BERT4J_SHARED:-$root/../shared}
tokenizer=${TOKENIZER:-$HOME/.cache/bert4j/models/bge-small-zh/tokenizer.json}
jar=${JAR:-$root/bert4j-cli/target/bert4j.jar}
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
common=(--tokenizer "$tokenizer" --corpus "$shared/data/zh/corpus/fewclue_unlabeled"
  --set inputs.packing=full_sentences --set inputs.max_length=128 --set masking.strategy=token
  --set optimizer.name=lamb --set "optimizer.lr=$lr" --set optimizer.weight_decay=0.01
  --set optimizer.bias_correction=false --set schedule.kind=constant --set "schedule.warmup_steps=$warmup"
  --set train.steps=100000 --set train.batch_size=16 --set train.threads=1 --set "train.max_minutes=$minutes"
  --set train.seed=42 --set corpus.field=sentence,content,sentence1 --set train.log_every=10 --set eval.fraction=0.02
  --set eval.every=100 --set eval.max_batches=20 --set checkpoint.every=500 --set checkpoint.keep=1
  --set "corpus.cache_dir=$out/cache")
pretrain() { # NAME MODEL-ARGS...
  local name=$1; shift
  java -Xmx6g -jar "$jar" pretrain "${common[@]}" "$@" --out "$out/$name" > "$out/$name.log" 2>&1
}
senti=$shared/data/zh/classification/chnsenticorp
finetune() { # NAME
  local name=$1
  local ckpt
  ckpt=$(ls -d "$out/$name/checkpoints/step-"* | tail -1)
  java -Xmx6g -jar "$jar" finetune --task classification --model "$ckpt" --train "$senti/train.tsv" \
    --dev "$senti/dev.tsv" --output "$out/ft-$name" --set optimizer.lr=1e-4 --set train.epochs=2 \
    --set train.threads=1 --set train.seed=42 > "$out/ft-$name.log" 2>&1
}
mlm=(--model "$here/mlm.json" --set masking.mask_fraction=0.8 --set masking.random_fraction=0.1)
electra=(--model "$here/electra.json" --set objective.kind=rtd --set objective.rtd_weight=50
  --set generator.width_fraction=0.25 --set generator.depth_fraction=1.0 --set generator.embedding_sharing=shared
  --set masking.mask_fraction=0.85 --set masking.random_fraction=0)
deberta=(--model "$here/deberta_v3.json" --set objective.kind=rtd --set objective.rtd_weight=10
  --set generator.width_fraction=1.0 --set generator.depth_fraction=0.5 --set generator.embedding_sharing=gdes
  --set masking.mask_fraction=0.8 --set masking.random_fraction=0.1)
mkdir -p "$out"
# Tokenise once so the parallel runs share the cache instead of racing to build it.
pretrain cache-warmup "${mlm[@]}" --set train.max_minutes=0 --set train.steps=1
pretrain mlm "${mlm[@]}" &
pretrain electra "${electra[@]}" &
wait
pretrain deberta_v3 "${deberta[@]}" &
finetune mlm
finetune electra
wait
finetune deberta_v3
