#!/usr/bin/env python3
"""Import benchmark: one synthetic WXR file through `xmllint --stream --noout` (the parse floor)
and through `trackway import`, measured in the same run, printed as a table with ratios.

Usage: Benchmarks/import-bench.py [SIZE_MB ...]     (default: 100)
       run from the repository root; builds the release binary first.

Targets (issue 2): import wall time within 2x of xmllint; peak RSS at most 64 MB, and the same
at 100 MB and 1 GB. Export (issue 3) is measured on the imported database: at most 1.5x import.
"""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench-data")


def run(argv, stdout=subprocess.DEVNULL):
    """Runs argv; returns (wall seconds, peak RSS in MB) of that one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(argv)} failed ({code}): {stderr.strip()}")
    return wall, usage.ru_maxrss / 1024.0


def main() -> None:
    sizes = [float(a) for a in sys.argv[1:]] or [100.0]
    os.makedirs(DATA, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "trackway"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip() + "/trackway"
    rows = []
    for size in sizes:
        wxr = os.path.join(DATA, f"synthetic-{size:g}MB.xml")
        if not os.path.exists(wxr):
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "make-wxr.py"), str(size), wxr],
                           check=True)
        items = sum(1 for line in open(wxr, "rb") if line.startswith(b"\t<item>"))
        megabytes = os.path.getsize(wxr) / 1e6
        db = os.path.join(DATA, f"synthetic-{size:g}MB.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        floor_wall, floor_rss = run(["xmllint", "--stream", "--noout", wxr])
        import_wall, import_rss = run([binary, "import", "--db", db, wxr])
        export_path = os.path.join(DATA, f"synthetic-{size:g}MB.export.xml")
        export_wall, export_rss = run([binary, "export", "--db", db, "--output", export_path])
        rows.append((size, megabytes, items, floor_wall, floor_rss, import_wall, import_rss, export_wall, export_rss))

    print(f"{'file':>9} {'items':>8} | {'xmllint s':>9} {'RSS MB':>7} | {'import s':>8} {'MB/s':>7} "
          f"{'items/s':>9} {'RSS MB':>7} {'x xmllint':>9} | {'export s':>8} {'RSS MB':>7} {'x import':>8}")
    for size, mb, items, fw, frss, iw, irss, ew, erss in rows:
        print(f"{mb:8.1f}M {items:8d} | {fw:9.2f} {frss:7.1f} | {iw:8.2f} {mb / iw:7.1f} {items / iw:9.0f} "
              f"{irss:7.1f} {iw / fw:9.2f} | {ew:8.2f} {erss:7.1f} {ew / iw:8.2f}")


if __name__ == "__main__":
    main()
