# Rewrites a SQuAD-format file character by character between simplified and traditional Chinese, with OpenCC's
# single-character table as the opencc4j jar on Maven Central ships it (first choice where there are several).
# One character for one, so every answer_start stays valid.
#   python3 convert_script.py ~/.m2/repository/com/github/houbb/opencc4j/1.8.1/opencc4j-1.8.1.jar \
#       STCharacters IN.json OUT.json        (STCharacters: simplified → traditional; TSCharacters: back)
import json, sys, zipfile
jar, table, source, target = sys.argv[1:5]
mapping = {}
for line in zipfile.ZipFile(jar).read(f'data/dictionary/{table}.txt').decode('utf-8').splitlines():
    parts = line.split('\t')
    if len(parts) == 2 and len(parts[0]) == 1 and len(parts[1].split(' ')[0]) == 1:
        mapping[parts[0]] = parts[1].split(' ')[0]
convert = lambda text: ''.join(mapping.get(c, c) for c in text)
data = json.load(open(source, encoding='utf-8'))
for article in data['data']:
    for p in article['paragraphs']:
        p['context'] = convert(p['context'])
        for qa in p['qas']:
            qa['question'] = convert(qa['question'])
            for a in qa.get('answers', []):
                a['text'] = convert(a['text'])
json.dump(data, open(target, 'w', encoding='utf-8'), ensure_ascii=False)
print(f'{len(mapping)} single-character mappings; wrote {target}')
