"""`python -m nhth_cli`: the same as the `nhth` command."""

from .cli import main

if __name__ == "__main__":
    main()
