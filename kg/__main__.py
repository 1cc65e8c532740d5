"""``python -m kg``: the same command as ``kg``."""

from .cli import main

__all__: list[str] = []

if __name__ == "__main__":
    main(prog_name="kg")
