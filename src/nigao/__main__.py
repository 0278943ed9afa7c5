"""The `nigao` command (`python -m nigao` and the installed script).

The stored compiled patterns (rxcache) are put in place before anything compiles one, Click
included; then the Click command line runs. Importing `nigao.cli` alone changes nothing.
"""

# Python's cycle collector runs after every 700 new objects by default and rescans what
# survived: a `nigao new` (a few hundred thousand objects: modules, tables, the draft, almost
# none of it garbage) paid ~8 ms for it. Every 100,000 objects still collects a long run's
# cycles (batch, serve, ingest) with memory bounded by a few MB of young objects.
GC_THRESHOLD = (100_000, 20, 10)


def main() -> None:
    import gc

    gc.set_threshold(*GC_THRESHOLD)
    from nigao import rxcache

    rxcache.install()
    from nigao.cli import main as run

    try:
        run()
    finally:
        # Everything still alive lives until the process ends: without this, Python's exit
        # walks every object of the run looking for cycles (15–20 ms of a 100 ms `nigao new`).
        # Frozen objects are still freed and flushed as usual; only that search is skipped.
        gc.freeze()


if __name__ == "__main__":
    main()
