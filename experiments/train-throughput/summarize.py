"""Self time per PyTorch op (and per op and input shapes) in Chrome traces written by Profile.java.

usage: summarize.py STEPS TRACE [TRACE ...]   (times are per step: the trace's total divided by STEPS)
"""
import collections
import json
import sys


def self_times(path):
    """op name -> (self µs, calls), and (op, shapes) -> self µs; nested events subtract from their parent."""
    doc = json.load(open(path))
    events = [e for e in (doc['traceEvents'] if isinstance(doc, dict) else doc) if e.get('ph') == 'X' and 'dur' in e]
    by_thread = collections.defaultdict(list)
    for e in events:
        by_thread[e['tid']].append(e)
    per_op, calls, per_shape = collections.Counter(), collections.Counter(), collections.Counter()
    for thread in by_thread.values():
        thread.sort(key=lambda e: (e['ts'], -e['dur']))
        stack = []
        for e in thread:
            while stack and stack[-1]['ts'] + stack[-1]['dur'] <= e['ts']:
                stack.pop()
            if stack:
                parent = stack[-1]
                per_op[parent['name']] -= e['dur']
                per_shape[(parent['name'], str(parent.get('shape')))] -= e['dur']
            per_op[e['name']] += e['dur']
            per_shape[(e['name'], str(e.get('shape')))] += e['dur']
            calls[e['name']] += 1
            stack.append(e)
    return per_op, calls, per_shape


def main():
    steps = int(sys.argv[1])
    for path in sys.argv[2:]:
        per_op, calls, per_shape = self_times(path)
        total = sum(per_op.values())
        print(f'{path}: {total / 1e3 / steps:.0f} ms of op self time per step')
        for name, us in per_op.most_common(25):
            print(f'  {us / 1e3 / steps:8.1f} ms {calls[name] // steps:5d} calls  {name}')
        print('  largest op × shape:')
        for (name, shape), us in per_shape.most_common(15):
            print(f'  {us / 1e3 / steps:8.1f} ms  {name} {shape[:80]}')


if __name__ == '__main__':
    main()
