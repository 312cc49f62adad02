# References for CMRC 2018 without training, scored as the official CMRC script scores (punctuation and spaces
# removed; F1 from the longest common substring of characters, the best over the gold answers; EM on the same
# normalised text): (a) the first 20 characters of the context; (b) the clause (cut at Chinese punctuation) that
# shares the most character uni- and bigrams with the question.
import json, re, sys
PUNCT = set('，。！？；：、“”‘’（）《》〈〉【】—…·,.!?;:\'"()[]<> \t\n')
def norm(s): return ''.join(c for c in s if c not in PUNCT)
def lcs(a, b):
    best, row = 0, [0] * (len(b) + 1)
    for ca in a:
        prev = 0
        for j, cb in enumerate(b, 1):
            cur = row[j]
            row[j] = prev + 1 if ca == cb else 0
            best = max(best, row[j]); prev = cur
    return best
def f1(pred, gold):
    p, g = norm(pred), norm(gold); m = lcs(p, g)
    return 0.0 if m == 0 else 2 * m / (len(p) + len(g))
def grams(s): return set(s) | {s[i:i + 2] for i in range(len(s) - 1)}
def clause(question, context):
    q = grams(question)
    parts = [c for c in re.split('[，。！？；：、,.!?;:]', context) if c.strip()]
    return max(parts, key=lambda c: len(grams(c) & q)) if parts else context[:20]
data = json.load(open(sys.argv[1], encoding='utf-8'))['data']
for name, answer in (('first 20 characters', lambda q, c: c[:20]), ('best-overlap clause', clause)):
    n = f = em = 0
    for article in data:
        for p in article['paragraphs']:
            for qa in p['qas']:
                golds = [a['text'] for a in qa['answers']]
                pred = answer(qa['question'], p['context'])
                f += max(f1(pred, g) for g in golds); em += max(norm(pred) == norm(g) for g in golds); n += 1
    print(f'{name}: F1 {f / n:.4f}, EM {em / n:.4f}, {n} questions')
