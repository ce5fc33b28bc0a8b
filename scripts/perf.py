#!/usr/bin/env python3
"""Measure peacecmp's start-up and key-press latency against a minimal
Bubble Tea v2 program, in a pseudo-terminal, alternating the two programs
in one run so that machine noise hits both alike.

    python3 scripts/perf.py [--rounds 9] [--big]

Start-up: time from exec to the marker of a full first frame on screen.
Key press: after the screen has settled, time from writing "j" to the last
byte of the redraw it causes (the output then stays quiet for QUIET s).
--big also runs peacecmp on two synthetic plans of 10,000 points each and
10,000 links (written with internal/synth), and times `export` and `check`
of that library with their peak memory.
"""
import argparse
import fcntl
import os
import pty
import resource
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

COLS, ROWS = 120, 40
QUIET = 0.15
TIMEOUT = 20.0


def spawn(argv):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", NO_COLOR="", HOME=tempfile.gettempdir())
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def read_until(fd, marker, start, buf):
    """Read until marker is in buf; return the time it arrived."""
    while time.perf_counter() - start < TIMEOUT:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            buf.extend(chunk)
            if marker in buf:
                return time.perf_counter()
    raise RuntimeError("marker %r not seen; last output: %r" % (marker, bytes(buf[-300:])))


def settle(fd):
    """Read until the output stays quiet; return the time of the last byte."""
    last = time.perf_counter()
    while True:
        r, _, _ = select.select([fd], [], [], QUIET)
        if not r:
            return last
        try:
            if not os.read(fd, 65536):
                return last
        except OSError:
            return last
        last = time.perf_counter()


def measure(argv, marker):
    start = time.perf_counter()
    pid, fd = spawn(argv)
    buf = bytearray()
    first = read_until(fd, marker, start, buf) - start
    settle(fd)
    sent = time.perf_counter()
    os.write(fd, b"j")
    key = settle(fd) - sent
    os.write(fd, b"q")
    deadline = time.time() + 5
    while time.time() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        select.select([fd], [], [], 0.05)
        try:
            os.read(fd, 65536)
        except OSError:
            pass
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return first, key


def timed(argv):
    """Run a command to completion; return (seconds, peak RSS in MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ, HOME=tempfile.gettempdir()))
    secs = time.perf_counter() - start
    if p.returncode != 0:
        raise RuntimeError("%s failed: %s" % (argv, p.stderr.decode()))
    # ru_maxrss is the largest child so far; run the big commands after
    # the small ones so the figure is theirs.
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return secs, peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--big", action="store_true")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="peacecmp-perf-")
    try:
        peacecmp = os.path.join(work, "peacecmp")
        minimal = os.path.join(work, "minimal")
        subprocess.run(["go", "build", "-o", peacecmp, "."], cwd=root, check=True)
        subprocess.run(["go", "build", "-o", minimal, "./internal/perf/minimal"], cwd=root, check=True)
        programs = [("minimal", [minimal], b"MINIMAL-READY"),
                    ("peacecmp", [peacecmp], b"Radiation")]
        if args.big:
            big = os.path.join(work, "big")
            subprocess.run(["go", "run", "./internal/synth/cmd/synth", "-points", "10000", "-links", "10000", big], cwd=root, check=True)
            programs.append(("peacecmp 10k", [peacecmp, "--data", big, "--left", "synth-left", "--right", "synth-right"], b"Point 1 of"))
        results = {name: ([], []) for name, _, _ in programs}
        for _ in range(args.rounds):
            for name, argv, marker in programs:
                first, key = measure(argv, marker)
                results[name][0].append(first)
                results[name][1].append(key)
        base_first = statistics.median(results["minimal"][0])
        base_key = statistics.median(results["minimal"][1])
        print("%d rounds at %dx%d, medians (ratio to minimal):" % (args.rounds, COLS, ROWS))
        for name, _, _ in programs:
            f = statistics.median(results[name][0])
            k = statistics.median(results[name][1])
            print("  %-13s first frame %7.1f ms (%.2fx)   key j redrawn %6.1f ms (%.2fx)" % (name, f * 1000, f / base_first, k * 1000, k / base_key))
        if args.big:
            for label, argv in [("export 10k", [peacecmp, "--data", big, "export", "--left", "synth-left", "--right", "synth-right"]),
                                ("check 10k", [peacecmp, "--data", big, "check"])]:
                runs = [timed(argv) for _ in range(min(args.rounds, 5))]
                print("  %-13s %7.0f ms   peak %.0f MB" % (label, statistics.median(r[0] for r in runs) * 1000, max(r[1] for r in runs)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
