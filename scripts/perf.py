#!/usr/bin/env python3
"""Measure peacecmp's start-up and key-press latency against a minimal
Bubble Tea v2 program, in a pseudo-terminal, alternating the two programs
in one run so that machine noise hits both alike.

    python3 scripts/perf.py [--rounds 9] [--big]

Start-up: time from exec to the marker of a full first frame on screen.
Key press: after the screen has settled and a random pause, time from
writing "j" to the last byte of the redraw it causes (the output then stays
quiet for QUIET s); the median of KEYS presses per start.
--big also runs peacecmp on two synthetic plans of 10,000 points each and
10,000 links (written with internal/synth), and times `export` and `check`
of that library with their peak memory.
"""
import argparse
import fcntl
import os
import pty
import random
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
KEYS = 5  # key presses measured per start
TIMEOUT = 20.0


HOME = tempfile.gettempdir()  # set to a fresh folder in main()


def spawn(argv):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", NO_COLOR="", HOME=HOME)
        env.pop("XDG_CACHE_HOME", None)
        env.pop("XDG_DATA_HOME", None)
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


def settle(fd, stats=None):
    """Read until the output stays quiet; return the time of the last byte.
    When stats is a dict, record the first byte's time and the byte count."""
    last = time.perf_counter()
    while True:
        r, _, _ = select.select([fd], [], [], QUIET)
        if not r:
            return last
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return last
        if not chunk:
            return last
        last = time.perf_counter()
        if stats is not None:
            stats.setdefault("first", last)
            stats["bytes"] = stats.get("bytes", 0) + len(chunk)


def measure(argv, marker):
    start = time.perf_counter()
    pid, fd = spawn(argv)
    buf = bytearray()
    first = read_until(fd, marker, start, buf) - start
    settle(fd)
    keys = []
    for _ in range(KEYS):
        # Bubble Tea draws on a 60 Hz ticker; a random pause puts the key
        # press at a random point of the frame, so that no program gains
        # from being in phase with the quiet period.
        time.sleep(random.uniform(0, 0.05))
        sent = time.perf_counter()
        os.write(fd, b"j")
        stats = {}
        keys.append(settle(fd, stats) - sent)
        if os.environ.get("PERF_DEBUG"):
            print("  %s: first byte %.1f ms, last byte %.1f ms, %d bytes" % (os.path.basename(argv[0]), (stats.get("first", sent) - sent) * 1000, keys[-1] * 1000, stats.get("bytes", 0)))
    key = statistics.median(keys)
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
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ, HOME=HOME))
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
    global HOME
    work = tempfile.mkdtemp(prefix="peacecmp-perf-")
    HOME = os.path.join(work, "home")
    os.mkdir(HOME)
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
        # One start of each program before measuring: the first start of
        # peacecmp on a new library parses it and fills the parse cache
        # (~/.cache/peacecmp); its time is reported on its own.
        cold = {name: measure(argv, marker)[0] for name, argv, marker in programs}
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
            print("  %-13s first frame %7.1f ms (%.2fx)   key j redrawn %6.1f ms (%.2fx)   first start ever %7.1f ms" % (name, f * 1000, f / base_first, k * 1000, k / base_key, cold[name] * 1000))
        if args.big:
            # export uses the parse cache (filled above); check never does.
            for label, argv in [("export 10k", [peacecmp, "--data", big, "export", "--left", "synth-left", "--right", "synth-right"]),
                                ("check 10k", [peacecmp, "--data", big, "check"])]:
                runs = [timed(argv) for _ in range(min(args.rounds, 5))]
                print("  %-13s %7.0f ms   peak %.0f MB" % (label, statistics.median(r[0] for r in runs) * 1000, max(r[1] for r in runs)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
