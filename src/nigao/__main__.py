"""The `nigao` command (`python -m nigao` and the installed script).

The stored compiled patterns (rxcache) are put in place before anything compiles one, Click
included; then the Click command line runs. Importing `nigao.cli` alone changes nothing.
"""


def main() -> None:
    from nigao import rxcache

    rxcache.install()
    from nigao.cli import main as run

    run()


if __name__ == "__main__":
    main()
