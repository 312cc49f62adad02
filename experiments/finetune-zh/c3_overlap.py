# Reference for C3 dev: pick the option sharing the most character bigrams (then characters) with the passage and
# question; ties go to the first option. No training. Prints accuracy and chance (mean 1/k).
import json, sys
def grams(s): return set(s) | {s[i:i+2] for i in range(len(s) - 1)}
for path in sys.argv[1:]:
    data = json.load(open(path, encoding='utf-8'))
    right = n = 0; chance = 0.0
    for paragraphs, questions, _ in data:
        text = grams(''.join(paragraphs))
        for q in questions:
            choices = q['choice']; qg = grams(q['question'])
            score = [len(grams(c) & text) + 0.5 * len(grams(c) & qg) for c in choices]
            pick = max(range(len(choices)), key=lambda i: score[i])
            right += choices[pick] == q['answer']; n += 1; chance += 1 / len(choices)
    print(f"{path}: overlap accuracy {right / n:.4f}, chance {chance / n:.4f}, {n} questions")
