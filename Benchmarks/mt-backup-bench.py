#!/usr/bin/env python3
"""Movable Type backup import benchmark: a synthetic backup (make-mt-backup.py) through
`xmllint --stream --noout` (the parse floor) and through `trackway import`, in the same run.

Usage: Benchmarks/mt-backup-bench.py [--rounds N] [--binary PATH ...] [SIZE_MB ...]   (default: 3 rounds, 1000)
       run from the repository root; builds the release binary first unless --binary names one.
       Repeat --binary to measure several builds in the same run (a baseline and a change).

Target (issue 21): a 1 GB backup imported within 2x of xmllint --stream on the same file, peak RSS
at most 64 MB. Rounds interleave xmllint and a fresh import by each binary, as import-bench.py does,
and the table gives best/median of each and the ratio best/best and the median of the per-round
ratios (each import against the xmllint run of its round).

A second table is SQLite's own floor: the `sqlite3` program copying the imported rows into an empty
database of the same schema (`INSERT INTO ... SELECT ... WHERE 1`, which SQLite cannot turn into a
page copy), parents before children, in one transaction, with the import connection's settings
(WAL, synchronous NORMAL, 8 MB cache), once with foreign keys enforced and once without. No XML is
parsed and no Swift runs, and the rows go in their tables' order, kinder to the caches than a
backup's: an import cannot be faster than this.

A third table is the disk's floor: the database's bytes written twice (WAL mode writes each page
into the log, then from the log into the database file, and syncs both before reusing the log)
into one file synced once. An import that keeps its checkpoints durable cannot be faster either.
"""
import argparse
import importlib.util
import os
import sqlite3
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("import_bench", os.path.join(ROOT, "Benchmarks", "import-bench.py"))
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def measure(binaries, size, rounds):
    """Runs one size: `rounds` of xmllint then an import by each binary; returns a row per binary."""
    backup = os.path.join(bench.DATA, f"mt-backup-{size:g}MB.xml")
    if not os.path.exists(backup):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "make-mt-backup.py"), str(size), backup], check=True)
    objects = sum(1 for line in open(backup, "rb") if line.startswith(b"<"))
    db = os.path.join(bench.DATA, f"mt-backup-{size:g}MB.sqlite")
    floors, floor_cpus, floor_rss = [], [], 0.0
    imports, import_cpus = {b: [] for b in binaries}, {b: [] for b in binaries}
    import_rss = {b: 0.0 for b in binaries}
    for _ in range(rounds):
        wall, cpu, rss = bench.run_measured(["xmllint", "--stream", "--noout", backup])
        floors.append(wall)
        floor_cpus.append(cpu)
        floor_rss = max(floor_rss, rss)
        for binary in binaries:
            bench.remove_database(db)
            wall, cpu, rss = bench.run_measured([binary, "import", "--db", db, backup])
            imports[binary].append(wall)
            import_cpus[binary].append(cpu)
            import_rss[binary] = max(import_rss[binary], rss)
    alone = sqlite_alone(db, rounds, min(floors))
    disk = disk_floor(db, rounds, min(floors))
    bench.remove_database(db)
    return (alone, disk), [{"binary": binary, "mb": os.path.getsize(backup) / 1e6, "objects": objects,
             "floor_best": min(floors), "floor_median": statistics.median(floors), "floor_rss": floor_rss,
             "floor_cpu": min(floor_cpus),
             "import_best": min(imports[binary]), "import_median": statistics.median(imports[binary]),
             "import_rss": import_rss[binary], "import_cpu": min(import_cpus[binary]),
             "ratio_best": min(imports[binary]) / min(floors),
             "ratio_median": statistics.median(i / f for i, f in zip(imports[binary], floors)),
             "cpu_ratio": min(import_cpus[binary]) / min(floor_cpus)}
            for binary in binaries]


def sqlite_alone(db, rounds, xmllint_best):
    """Times SQLite alone inserting the rows of the imported `db` into an empty copy of its schema;
    returns {foreign keys on: (best wall s, best CPU s, x xmllint)} for on and off."""
    source = sqlite3.connect(db)
    schema = [sql for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY type = 'table' DESC, rowid")]
    filled = [name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                    "AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
              if source.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone()]
    parents = {name: {row[2] for row in source.execute(f"PRAGMA foreign_key_list('{name}')")} - {name}
               for name in filled}
    source.close()
    ordered = []
    while len(ordered) < len(filled):
        ordered += [name for name in filled if name not in ordered and parents[name] <= set(ordered)]
    copy = db + ".sqlite-alone"
    results = {}
    for foreign_keys in (True, False):
        script = (f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}; PRAGMA synchronous = NORMAL; "
                  "PRAGMA cache_size = -8192; PRAGMA wal_autocheckpoint = 4096;\n"
                  f"ATTACH '{db}' AS imported;\nBEGIN;\n"
                  + "".join(f'INSERT INTO main."{name}" SELECT * FROM imported."{name}" WHERE 1;\n' for name in ordered)
                  + "COMMIT;\n")
        walls, cpus = [], []
        for _ in range(rounds):
            bench.remove_database(copy)
            empty = sqlite3.connect(copy)
            empty.execute("PRAGMA journal_mode = WAL")
            for sql in schema:
                empty.execute(sql)
            empty.commit()
            empty.close()
            wall, cpu, _ = bench.run_measured(["sqlite3", copy, script])
            walls.append(wall)
            cpus.append(cpu)
        copied = sqlite3.connect(copy)
        copied.execute(f"ATTACH '{db}' AS imported")
        for name in ordered:
            counts = copied.execute(f'SELECT (SELECT count(*) FROM main."{name}"), (SELECT count(*) FROM imported."{name}")').fetchone()
            if counts[0] != counts[1]:
                sys.exit(f"SQLite alone copied {counts[0]} rows of {name}, not {counts[1]}")
        copied.close()
        results[foreign_keys] = (min(walls), min(cpus), min(walls) / xmllint_best)
    bench.remove_database(copy)
    return results


def disk_floor(db, rounds, xmllint_best):
    """Times the disk alone taking the imported database's bytes twice, as WAL mode writes them
    (into the log, then from it into the database file, each synced before it is reused), in one
    file synced once at the end, which is kinder than the import's checkpoints; returns
    (database MB, best wall s, x xmllint)."""
    size = os.path.getsize(db)
    chunk = bytes(1 << 20)
    scratch = db + ".disk-floor"
    walls = []
    for _ in range(rounds):
        os.sync()
        start = time.perf_counter()
        descriptor = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            for _ in range(2 * size // len(chunk)):
                os.write(descriptor, chunk)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        walls.append(time.perf_counter() - start)
        os.remove(scratch)
    return size / 1e6, min(walls), min(walls) / xmllint_best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[1000.0], metavar="SIZE_MB")
    parser.add_argument("--rounds", type=int, default=3, help="xmllint/import pairs per size (default 3)")
    parser.add_argument("--binary", action="append",
                        help="a trackway binary to measure; repeat to compare builds in one run (default: build the release one)")
    arguments = parser.parse_args()
    if arguments.rounds < 1:
        parser.error("--rounds must be at least 1")
    os.makedirs(bench.DATA, exist_ok=True)
    binaries = arguments.binary or [bench.release_binary()]
    measured = [measure(binaries, size, arguments.rounds) for size in arguments.sizes]
    rows = [row for _, size_rows in measured for row in size_rows]
    print(f"{arguments.rounds} rounds; wall times in s as best/median, CPU (user + system) in s as the best,"
          " RSS in MB as the peak of all rounds")
    for index, binary in enumerate(binaries):
        print(f"  [{index}] {binary}")
    print(f"{'backup':>9} {'objects':>9} | {'xmllint s':>11} {'CPU':>6} {'RSS':>5} | {'bin':>3} {'import s':>11} {'CPU':>6} "
          f"{'MB/s':>6} {'RSS':>5} | {'x xmllint':>11} {'CPU x':>6}")
    for r in rows:
        print(f"{r['mb']:8.1f}M {r['objects']:9d} | {r['floor_best']:5.2f}/{r['floor_median']:<5.2f} {r['floor_cpu']:6.2f} "
              f"{r['floor_rss']:5.1f} | {binaries.index(r['binary']):>3} {r['import_best']:5.2f}/{r['import_median']:<5.2f} "
              f"{r['import_cpu']:6.2f} {r['mb'] / r['import_best']:6.1f} {r['import_rss']:5.1f} | "
              f"{r['ratio_best']:5.2f}/{r['ratio_median']:<5.2f} {r['cpu_ratio']:6.2f}")
    print("\nSQLite alone: the imported rows copied into an empty database of the same schema by sqlite3"
          " (best of the rounds)")
    print(f"{'backup':>9} | {'foreign keys':>12} {'wall s':>7} {'CPU':>6} {'x xmllint':>9}")
    for size, ((alone, _), size_rows) in zip(arguments.sizes, measured):
        for foreign_keys, (wall, cpu, ratio) in alone.items():
            print(f"{size_rows[0]['mb']:8.1f}M | {'on' if foreign_keys else 'off':>12} {wall:7.2f} {cpu:6.2f} {ratio:9.2f}")
    print("\nThe disk alone: the database's bytes written twice, as WAL mode writes them, and synced (best of the rounds)")
    print(f"{'backup':>9} | {'database MB':>11} {'wall s':>7} {'x xmllint':>9}")
    for size, ((_, (database_mb, wall, ratio)), size_rows) in zip(arguments.sizes, measured):
        print(f"{size_rows[0]['mb']:8.1f}M | {database_mb:11.1f} {wall:7.2f} {ratio:9.2f}")


if __name__ == "__main__":
    main()
