#!/usr/bin/python3
"""Runs gctrace-pipe under a real pseudo-terminal with the live status line on, feeds it a log slowly through a pipe,
renders everything the terminal received with pyte (a VT100 emulator), and checks what a person would see:

- every application line of the input appears whole, alone on its screen row, starting in column 0, in input order;
- the status line was really drawn while the input streamed (else the check above proves nothing);
- the status was never redrawn with the same text while nothing else was written (redraws only when changed).

Usage: status_pty.py --log LOG DELAY_S -- COMMAND...   feeds LOG one line per DELAY_S seconds
       status_pty.py --program SHELL_COMMAND -- COMMAND...   feeds what a real program writes (stdout and stderr), as
                                                           it writes it; its output is recorded to know the app lines
Exit 0 when every check holds; otherwise one line per failure.
"""
import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import threading
import time

import pyte

COLS, ROWS = 200, 600
TRACE = re.compile(rb"^(gc \d+ @|GC forced|scav |scvg|SCHED |pacer: )")
STATUS = b"gctrace-pipe: "


def main():
    command = sys.argv[sys.argv.index("--") + 1:]
    recorded = bytearray()
    if sys.argv[1] == "--log":
        with open(sys.argv[2], "rb") as f:
            recorded += f.read()
        delay = float(sys.argv[3])
        producer = None
    else:
        producer = subprocess.Popen(["bash", "-c", sys.argv[2]], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    env = dict(os.environ, TERM="xterm", COLUMNS=str(COLS))
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)

    def feed():
        try:
            if producer is None:
                for line in bytes(recorded).split(b"\n")[:-1]:
                    child.stdin.write(line + b"\n")
                    child.stdin.flush()
                    time.sleep(delay)
            else:
                while True:
                    chunk = producer.stdout.read1(65536)
                    if not chunk:
                        break
                    recorded.extend(chunk)
                    child.stdin.write(chunk)
                    child.stdin.flush()
                producer.wait()
        finally:
            child.stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    raw = bytearray()
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every writer of the pty is gone
            break
        if not chunk:
            break
        raw += chunk
    feeder.join(5)
    code = child.wait(10)
    lines = bytes(recorded).split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    app = [l for l in lines if not TRACE.match(l)]

    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)
    stream.feed(bytes(raw))
    rows = [r.rstrip() for r in screen.display]

    failures = []
    if code != 0:
        failures.append(f"exit code {code}")
    # Application lines: each alone on a row, in order (a status glued before or after it would change the row).
    at = 0
    for line in app:
        text = line.decode("utf-8", "replace")
        while at < len(rows) and rows[at] != text:
            at += 1
        if at == len(rows):
            near = [r for r in rows if text[:40] in r]
            failures.append(f"application line not whole at the start of a row: {text!r}; seen as {near!r}")
            at = 0
        else:
            at += 1
    draws = raw.count(b"\r" + STATUS)
    if draws < 3:
        failures.append(f"the status line was drawn {draws} times while the input streamed; expected several")
    # A redraw is "\r" + status + "\x1b[K"; two identical ones in a row with nothing between are wasted redraws.
    pieces = re.split(rb"(\r" + re.escape(STATUS) + rb"[^\r\n\x1b]*\x1b\[K)", bytes(raw))
    previous = None
    for piece in pieces:
        if piece.startswith(b"\r" + STATUS):
            if piece == previous:
                failures.append(f"status redrawn unchanged: {piece!r}")
                break
            previous = piece
        elif piece:
            previous = None
    report = [r for r in rows if re.match(r"^gctrace-pipe: \d+ GC cycles? over", r)]
    if not report:
        failures.append("no final report on the screen")
    for f in failures:
        print(f)
    print(f"{len(app)} application lines, {draws} status draws, {len(raw)} bytes from the terminal")
    if failures:
        print("--- screen ---")
        print("\n".join(r for r in rows if r))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
