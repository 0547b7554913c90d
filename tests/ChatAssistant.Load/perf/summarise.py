"""Summarises `perf script -F ip,sym,dso` output of the bot: where the CPU samples sit (managed code by
assembly, kernel by system call, the runtime), and which of our methods lead to them."""
import collections
import re
import sys

OURS = re.compile(r'\[(ChatAssistant\.\w+)\] ([\w.`+<>]+::[\w<>]+)')
MANAGED = re.compile(r'\[([\w.]+)\] ([\w.`]+)')
SYSCALL = re.compile(r'(__x64_sys_\w+)')

stacks = [[l.strip() for l in block.strip().split('\n') if l.strip()] for block in open(sys.argv[1]).read().split('\n\n')]
stacks = [s for s in stacks if s]
total = len(stacks)
where, managed, kernel, ours = (collections.Counter() for _ in range(4))
for lines in stacks:
    leaf = lines[0]
    if 'perf-' in leaf:
        where['managed (JIT code)'] += 1
        m = MANAGED.search(leaf)
        managed[(m.group(1) + (' ' + '.'.join(m.group(2).split('.')[:2]) if m.group(1).startswith('System') else '')) if m else 'stubs'] += 1
    elif 'kernel' in leaf:
        where['kernel'] += 1
        call = next((SYSCALL.search(l).group(1) for l in lines if SYSCALL.search(l)), 'interrupts, scheduling')
        kernel[call] += 1
    else:
        lib = re.search(r'\(([^)]*)\)\s*$', leaf)
        where[(lib.group(1).rsplit('/', 1)[-1] if lib else '?')] += 1
    chain = [m.group(2).replace('ChatAssistant.', '') for m in (OURS.search(l) for l in lines) if m and 'MoveNext' not in m.group(2)][:2]
    ours[' <- '.join(chain) if chain else '(no ChatAssistant frame: hosting, sockets, runtime)'] += 1


def show(title, counter, n):
    print(f'--- {title}')
    for key, count in counter.most_common(n):
        print(f'{100 * count / total:5.1f}% {key}')


print(f'{total} samples')
show('leaf frame in', where, 8)
show('managed leaf by assembly', managed, 15)
show('kernel leaf by system call', kernel, 6)
show('first two of our methods on the stack', ours, 20)
