"""Runs every test_*.py here and writes one JSON object per test to the file named by argv[1]:
{"id": ..., "outcome": "passed"|"failed"|"error"|"skipped", "detail": ...}. Exit code 0 when the
suite ran (whatever its outcomes), so the JUnit side reports each test by name."""
import json
import os
import sys
import traceback
import unittest


class _Recorder(unittest.TestResult):
    def __init__(self, out):
        super().__init__()
        self.out = out

    def _write(self, test, outcome, detail=""):
        self.out.write(json.dumps({"id": test.id(), "outcome": outcome, "detail": detail}) + "\n")
        self.out.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        self._write(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._write(test, "failed", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        # setUpClass failures arrive here with a non-test object
        self._write(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._write(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._write(test, "passed")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._write(test, "failed", "unexpected success")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    suite = unittest.defaultTestLoader.discover(here, pattern="test_*.py", top_level_dir=here)
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        try:
            suite.run(_Recorder(out))
        except Exception:  # the runner itself broke: report it as one failed test
            out.write(json.dumps({"id": "run_conformance", "outcome": "error",
                                  "detail": traceback.format_exc()}) + "\n")


if __name__ == "__main__":
    main()
