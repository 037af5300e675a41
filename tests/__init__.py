"""nhth's tests. They mirror the package: `nhth_cli/<package>/<module>.py` is tested in
`tests/<package>/test_<module>.py` (`nhth_cli/write.py` in `tests/test_write.py`); a package's
`__init__` in `test_<package>.py`; a stage of one module in `test_<module>_<stage>.py`
(`tests/parse/test_hotline_report_rows.py`). Tests that take the whole program through one
promise stay at this level: `test_golden.py` (every input beside its golden rows),
`test_bad_input.py` and `test_faults.py` (issues 5 and 15), `test_merged.py`, `test_imports.py`
and `test_readme.py`.

Shared helpers live here too, imported as `tests.<name>`: `conftest.py` (where the samples,
seeds, goldens and fixtures are), `helpers_checks.py`, `renditions.py`, `pdf_fixtures.py`,
`web_forms.py` and `bombs.py`. Tests assert behaviour through public names only.
"""
