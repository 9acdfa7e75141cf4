#!/usr/bin/python3
"""Hand-edit mutations of the shipped inputs, as a planner's slips would make
them (a line lost, doubled or swapped, a character dropped or added, a
number made huge, negative or not a number, a file cut short). Every mutated
file must end in exit 0 or in exit 2 with every error located
(file:line:column: … [E-XXX-NNN]) — never a crash, a hang or an unlocated
message.

  check_mutations.py KPSIM_BINARY SOURCE_DIR [MUTATIONS_PER_FILE]
"""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

LOCATED = re.compile(r"^.+:\d+:\d+: .* \[E-[A-Z]+-\d{3}\]$")
SUMMARY = re.compile(r"^\d+ errors?$|^warning: |^… |^reporting stopped")
INSERTS = ["-", ":", "[", "]", "{", "}", ",", "0", "9", " ", "\t", "\"", "'", "#", "&a ", "*a", "é", "\u3000", "~", "!!"]
NUMBERS = ["1e308", "-1", "0", ".nan", "99999999999999999999", "1.5", "-0.0", "2026-02-30", "abc"]


def mutate(text, rng):
    lines = text.split("\n")
    kind = rng.randrange(8)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[i])
    elif kind == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 3 and lines[i]:
        k = rng.randrange(len(lines[i]))
        lines[i] = lines[i][:k] + lines[i][k + 1:]
    elif kind == 4:
        k = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:k] + rng.choice(INSERTS) + lines[i][k:]
    elif kind == 5:
        numbers = [m for m in re.finditer(r"(?<![\w.])\d+(\.\d+)?(?![\w.])", lines[i])]
        if numbers:
            m = rng.choice(numbers)
            lines[i] = lines[i][:m.start()] + rng.choice(NUMBERS) + lines[i][m.end():]
    elif kind == 6:
        return text[:rng.randrange(len(text))]
    else:
        lines[i] = (" " * rng.randrange(1, 4)) + lines[i]  # indentation off
    return "\n".join(lines)


def keep(folder, name):
    """With KPSIM_KEEP_MUTATIONS=DIR, a failing file is kept there to look at."""
    keep_dir = os.environ.get("KPSIM_KEEP_MUTATIONS")
    if keep_dir:
        os.makedirs(keep_dir, exist_ok=True)
        shutil.copy(os.path.join(folder, name), keep_dir)


def check(kpsim, command, folder, name, text, failures):
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    try:
        done = subprocess.run([kpsim] + command + [name], cwd=folder, capture_output=True, text=True,
                              errors="replace", timeout=60)
    except subprocess.TimeoutExpired:
        failures.append(f"{name}: no answer within 60 s")
        keep(folder, name)
        return
    if done.returncode not in (0, 2):
        failures.append(f"{name}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
        keep(folder, name)
    elif done.returncode == 2:
        lines = [l for l in done.stderr.split("\n") if l and not SUMMARY.match(l)]
        unlocated = [l for l in lines if not LOCATED.match(l)]
        if not lines or unlocated:
            failures.append(f"{name}: unlocated: {(unlocated or ['(no message)'])[0][:300]}")
            keep(folder, name)


def main(kpsim, source, per_file):
    work = tempfile.mkdtemp(prefix="kpsim-mutations-")
    scenarios = os.path.join(work, "scenarios")
    shutil.copytree(os.path.join(source, "scenarios"), scenarios)
    cases = [("scenarios", ["validate"], "quickstart.yaml"),
             ("scenarios/city", ["validate"], "scenario.yaml"),
             ("scenarios/city", ["calibrate", "--dry-run"], "calibration.yaml"),
             ("scenarios/sweeps", ["sweep", "--dry-run"], "approval-compression.yaml"),
             ("scenarios/policies", ["validate", "../quickstart.yaml", "--policy"], "compress-120.yaml")]
    rng = random.Random(20261202)
    failures, tried = [], 0
    for folder, command, name in cases:
        where = os.path.join(work, folder)
        with open(os.path.join(where, name), encoding="utf-8") as f:
            original = f.read()
        for k in range(per_file):
            mutated = mutate(original, rng)
            tried += 1
            check(kpsim, command, where, f"mutated-{k}-{name}", mutated, failures)
            os.remove(os.path.join(where, f"mutated-{k}-{name}"))
    shutil.rmtree(work)
    for f in failures:
        print("FAIL:", f)
    print(f"mutation checks: {tried} mutated files, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 60))
