#!/usr/bin/env python3
"""Import benchmark: one synthetic WXR file through `xmllint --stream --noout` (the parse floor)
and through `trackway import`, measured in the same run, printed as a table with ratios.

Usage: Benchmarks/import-bench.py [--rounds N] [--binary PATH] [SIZE_MB ...]   (default: 3 rounds, 100)
       run from the repository root; builds the release binary first unless --binary names one
       (an older build, to compare against in the same minutes).

This host is noisy (xmllint alone varies by 2x between idle runs), so each size runs N rounds of
xmllint then import, interleaved, each import into a fresh database; the table gives the best and
the median of each, the ratio best/best and the median of the per-round ratios. Export is measured
once, on the database of the last round.

Targets (issue 2): import wall time within 2x of xmllint; peak RSS at most 64 MB, and the same
at 100 MB and 1 GB. Export (issue 3) is measured on the imported database: at most 1.5x import.

A line imports one post with 200,000 comments (--many-comments, 0 skips it): its peak RSS should
stay under the same 64 MB, since a post's comments reach the store in pieces.

A last row imports a file of long posts (--long-post-mb, two posts of 4 MB each by default): its
MB/s should match the regular file's, since the import cuts long CDATA sections, which libxml2's
push parser otherwise reads in quadratic time. xmllint, which has that quadratic cost, runs on it
once.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench-data")


def run_measured(argv, stdout=subprocess.DEVNULL):
    """Runs argv; returns (wall seconds, CPU seconds user + system, peak RSS in MB) of that process.

    CPU time is the figure to compare on a host shared with other work: wall time then depends on
    what else runs (xmllint alone varies 2x), CPU time much less.

    The page cache is written out first (sync), outside the timing: a run that follows an import
    otherwise shares the disk with the kernel writing that import's gigabyte back.
    """
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(argv)} failed ({code}): {stderr.strip()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def run(argv, stdout=subprocess.DEVNULL):
    """Runs argv; returns (wall seconds, peak RSS in MB) of that one process."""
    wall, _, rss = run_measured(argv, stdout)
    return wall, rss


def remove_database(db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)


def release_binary():
    subprocess.run(["swift", "build", "-c", "release", "--product", "trackway"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip() + "/trackway"


def measure(binary, size, rounds):
    """Runs one size: `rounds` of xmllint then import, then one export; returns a table row."""
    wxr = os.path.join(DATA, f"synthetic-{size:g}MB.xml")
    if not os.path.exists(wxr):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "make-wxr.py"), str(size), wxr],
                       check=True)
    items = sum(1 for line in open(wxr, "rb") if line.startswith(b"\t<item>"))
    db = os.path.join(DATA, f"synthetic-{size:g}MB.sqlite")
    floors, imports, floor_rss, import_rss = [], [], 0.0, 0.0
    for _ in range(rounds):
        wall, rss = run(["xmllint", "--stream", "--noout", wxr])
        floors.append(wall)
        floor_rss = max(floor_rss, rss)
        remove_database(db)
        wall, rss = run([binary, "import", "--db", db, wxr])
        imports.append(wall)
        import_rss = max(import_rss, rss)
    export_wall, export_rss = run([binary, "export", "--db", db,
                                   "--output", os.path.join(DATA, f"synthetic-{size:g}MB.export.xml")])
    return {
        "mb": os.path.getsize(wxr) / 1e6, "items": items,
        "floor_best": min(floors), "floor_median": statistics.median(floors), "floor_rss": floor_rss,
        "import_best": min(imports), "import_median": statistics.median(imports), "import_rss": import_rss,
        "ratio_best": min(imports) / min(floors),
        "ratio_median": statistics.median(i / f for i, f in zip(imports, floors)),
        "export": export_wall, "export_rss": export_rss,
    }


def measure_long_posts(binary, size, rounds):
    """Imports a file of 4 MB posts `rounds` times and reads it once with xmllint; returns a row."""
    wxr = os.path.join(DATA, f"synthetic-long-{size:g}MB.xml")
    if not os.path.exists(wxr):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "make-wxr.py"), "--post-kb", "4096",
                        str(size), wxr], check=True)
    db = os.path.join(DATA, f"synthetic-long-{size:g}MB.sqlite")
    imports = []
    for _ in range(rounds):
        remove_database(db)
        imports.append(run([binary, "import", "--db", db, wxr])[0])
    floor, _ = run(["xmllint", "--stream", "--noout", wxr])
    return {"mb": os.path.getsize(wxr) / 1e6, "import_best": min(imports),
            "import_median": statistics.median(imports), "floor": floor}


def measure_many_comments(binary, count, rounds):
    """Imports one post with `count` comments `rounds` times; returns (best s, MB, peak RSS MB)."""
    wxr = os.path.join(DATA, f"one-post-{count}-comments.xml")
    if not os.path.exists(wxr):
        with open(wxr, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                      'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Popular</title>'
                      '<link>http://popular.example</link><wp:wxr_version>1.2</wp:wxr_version>\n'
                      '<item><title>Giveaway</title><wp:post_id>1</wp:post_id>\n')
            for n in range(1, count + 1):
                out.write(f"<wp:comment><wp:comment_id>{n}</wp:comment_id><wp:comment_author><![CDATA[Reader {n}]]>"
                          f"</wp:comment_author><wp:comment_author_email>r{n}@example.org</wp:comment_author_email>"
                          f"<wp:comment_date>2020-01-01 10:00:00</wp:comment_date><wp:comment_content><![CDATA["
                          f"Comment {n}: lorem ipsum dolor sit amet, consectetur adipiscing elit.]]></wp:comment_content>"
                          f"<wp:comment_approved>1</wp:comment_approved></wp:comment>\n")
            out.write("</item></channel></rss>\n")
    db = os.path.join(DATA, f"one-post-{count}-comments.sqlite")
    walls, peak = [], 0.0
    for _ in range(rounds):
        remove_database(db)
        wall, rss = run([binary, "import", "--db", db, wxr])
        walls.append(wall)
        peak = max(peak, rss)
    return min(walls), os.path.getsize(wxr) / 1e6, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[100.0], metavar="SIZE_MB")
    parser.add_argument("--rounds", type=int, default=3, help="xmllint/import pairs per size (default 3)")
    parser.add_argument("--binary", help="the trackway binary to measure (default: build the release one)")
    parser.add_argument("--many-comments", type=int, default=200_000,
                        help="comments of the one-post file (default 200000; 0 skips it)")
    parser.add_argument("--long-post-mb", type=float, default=8,
                        help="size of the file of 4 MB posts (default 8; 0 skips it)")
    arguments = parser.parse_args()
    if arguments.rounds < 1:
        parser.error("--rounds must be at least 1")
    os.makedirs(DATA, exist_ok=True)
    binary = arguments.binary or release_binary()
    rows = [measure(binary, size, arguments.rounds) for size in arguments.sizes]

    print(f"{arguments.rounds} rounds of {binary}; times in s as best/median, RSS in MB as the peak of all rounds")
    print(f"{'file':>9} {'items':>8} | {'xmllint s':>11} {'RSS':>5} | {'import s':>11} {'MB/s':>6} "
          f"{'items/s':>8} {'RSS':>5} | {'x xmllint':>11} | {'export s':>8} {'RSS':>5} {'x import':>8}")
    for r in rows:
        # MB/s and items/s from the best import; the export ratio against the best import too.
        print(f"{r['mb']:8.1f}M {r['items']:8d} | {r['floor_best']:5.2f}/{r['floor_median']:<5.2f} "
              f"{r['floor_rss']:5.1f} | {r['import_best']:5.2f}/{r['import_median']:<5.2f} "
              f"{r['mb'] / r['import_best']:6.1f} {r['items'] / r['import_best']:8.0f} {r['import_rss']:5.1f} | "
              f"{r['ratio_best']:5.2f}/{r['ratio_median']:<5.2f} | {r['export']:8.2f} {r['export_rss']:5.1f} "
              f"{r['export'] / r['import_best']:8.2f}")
    if arguments.many_comments > 0:
        wall, mb, rss = measure_many_comments(binary, arguments.many_comments, arguments.rounds)
        print(f"one post with {arguments.many_comments} comments, {mb:.1f} MB: import {wall:.2f} s, peak RSS {rss:.1f} MB")
    if arguments.long_post_mb > 0:
        long = measure_long_posts(binary, arguments.long_post_mb, arguments.rounds)
        regular = rows[-1]["mb"] / rows[-1]["import_best"]
        speed = long["mb"] / long["import_best"]
        print(f"long posts, 4 MB each, {long['mb']:.1f} MB: import {long['import_best']:.2f}/{long['import_median']:.2f} s, "
              f"{speed:.1f} MB/s ({speed / regular:.2f}x the regular file's); xmllint --stream {long['floor']:.2f} s "
              f"({long['floor'] / long['import_best']:.0f}x the import)")


if __name__ == "__main__":
    main()
