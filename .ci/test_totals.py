"""Print the totals of pytest's JUnit XML reports as one closing line for CI.

Usage: python .ci/test_totals.py REPORT.xml [REPORT.xml ...]
Exits non-zero when a report is missing, holds a failure or error, or ran no test at all.
"""

import sys
import xml.etree.ElementTree as ElementTree


def totals(paths):
    passed = failed = skipped = 0
    for path in paths:
        root = ElementTree.parse(path).getroot()
        suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
        for suite in suites:
            tests = int(suite.get("tests", 0))
            bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skip = int(suite.get("skipped", 0))
            failed += bad
            skipped += skip
            passed += tests - bad - skip
    return passed, failed, skipped


def main(paths):
    if not paths:
        print("no pytest report to count", file=sys.stderr)
        return 1
    passed, failed, skipped = totals(paths)
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
