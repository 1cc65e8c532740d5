"""``python -m kg.cli``: the same command as ``kg``."""

from . import main

__all__: list[str] = []

if __name__ == "__main__":
    main(prog_name="kg")
