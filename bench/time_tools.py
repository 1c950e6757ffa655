#!/usr/bin/env python3
"""Times each command several rounds in the same run and prints min/median seconds and the ratio to `ss -tanp`.

Usage: time_tools.py ROUNDS LABEL=COMMAND ...   (commands run through /bin/sh, output discarded)
"""
import statistics
import subprocess
import sys
import time


def main():
    rounds = int(sys.argv[1])
    tools = [arg.split("=", 1) for arg in sys.argv[2:]]
    times = {label: [] for label, _ in tools}
    for _ in range(rounds):
        for label, command in tools:  # interleaved, so that machine noise hits every tool alike
            start = time.perf_counter()
            result = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    timeout=300)
            times[label].append(time.perf_counter() - start)
            if result.returncode != 0:
                print(f"{label} failed ({result.returncode}): {result.stderr.decode()[:200]}", file=sys.stderr)
    reference = statistics.median(times["ss -tanp"]) if "ss -tanp" in times else None
    print(f"{'tool':<40} {'min s':>8} {'median s':>9} {'x ss':>6}")
    for label, values in times.items():
        median = statistics.median(values)
        ratio = f"{median / reference:6.2f}" if reference else "     -"
        print(f"{label:<40} {min(values):8.3f} {median:9.3f} {ratio}")


if __name__ == "__main__":
    main()
