#!/usr/bin/env python3
"""Times each command several rounds in the same run and prints min/median wall seconds, the ratio of the medians
to `ss -tanp`, and the median CPU seconds (user + system of the command and its children, which a busy shared
machine distorts far less than wall time).

Usage: time_tools.py ROUNDS LABEL=COMMAND ...   (commands run through /bin/sh, output discarded)
"""
import resource
import statistics
import subprocess
import sys
import time


def main():
    rounds = int(sys.argv[1])
    tools = [arg.split("=", 1) for arg in sys.argv[2:]]
    times = {label: [] for label, _ in tools}
    cpu = {label: [] for label, _ in tools}
    for _ in range(rounds):
        for label, command in tools:  # interleaved, so that machine noise hits every tool alike
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            result = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    timeout=300)
            times[label].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[label].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if result.returncode != 0:
                print(f"{label} failed ({result.returncode}): {result.stderr.decode()[:200]}", file=sys.stderr)
    reference = statistics.median(times["ss -tanp"]) if "ss -tanp" in times else None
    print(f"{'tool':<40} {'min s':>8} {'median s':>9} {'x ss':>6} {'cpu s':>7}")
    for label, values in times.items():
        median = statistics.median(values)
        ratio = f"{median / reference:6.2f}" if reference else "     -"
        print(f"{label:<40} {min(values):8.3f} {median:9.3f} {ratio} {statistics.median(cpu[label]):7.3f}")


if __name__ == "__main__":
    main()
