#!/usr/bin/env bash
# The 20-minute Chinese pre-training comparison of issue 3: RoFormerV2 with and without the residual warm-up,
# BERT and GAU-α (8 GAU layers ≈ 4 attention+FFN layers in parameters), all at d 256, on FewCLUE's unlabelled
# text, with the same data, masking (whole-word, jieba), optimiser (LAMB) and wall-clock budget. Only the
# architecture (and α) differs. Runs two at a time, one engine thread each, so each gets one core.
# Usage: experiments/pretrain-zh/run.sh OUT_ROOT [MINUTES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?output root}
minutes=${2:-20}
shared=${BERT4J_SHARED:-$root/../shared}
tokenizer=${TOKENIZER:-$HOME/.cache/bert4j/models/bge-small-zh/tokenizer.json}
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
common=(--tokenizer "$tokenizer" --corpus "$shared/data/zh/corpus/fewclue_unlabeled"
  --set inputs.packing=full_sentences --set inputs.max_length=128 --set masking.strategy=whole_word
  --set optimizer.name=lamb --set optimizer.lr=5e-3 --set optimizer.weight_decay=0.01
  --set optimizer.bias_correction=false --set schedule.kind=constant --set schedule.warmup_steps=50
  --set train.steps=100000 --set train.batch_size=16 --set train.threads=1 --set "train.max_minutes=$minutes"
  --set train.seed=42 --set corpus.field=sentence,content,sentence1 --set train.log_every=10 --set eval.fraction=0.02 --set eval.every=50
  --set eval.max_batches=20 --set checkpoint.every=200 --set checkpoint.keep=2
  --set "corpus.cache_dir=$out/cache")
run() { # NAME MODEL-ARGS...
  local name=$1; shift
  java -Xmx6g -jar "$root/bert4j-cli/target/bert4j.jar" pretrain "${common[@]}" "$@" --out "$out/$name" \
    > "$out/$name.log" 2>&1
}
mkdir -p "$out"
# (Settings after the common ones win.) Tokenise once so the parallel runs share the cache instead of racing to build it.
run cache-warmup --preset roformer_v2-tiny --set train.max_minutes=0 --set train.steps=1
run roformer_v2-alpha --preset roformer_v2-tiny --set train.residual_warmup_steps=100 &
run roformer_v2-no-alpha --preset roformer_v2-tiny --set train.residual_warmup_steps=0 &
wait
run bert --preset bert-tiny &
run gau_alpha --model "$here/gau_alpha-tiny-8layers.json" --set train.residual_warmup_steps=100 &
wait
