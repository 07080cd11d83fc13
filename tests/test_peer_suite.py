"""The Recognizers-Text Chinese spec cases (tests/peer/recognizers_text, MIT) run against zhfacts.

One test per in-scope case; the cases ruled out of scope are listed with their reasons in
tests/peer/scope.toml and not run; in-scope misses are strict xfails. `python tests/peer/suite.py`
prints the pass rate of each model (`-v` lists what fails).
"""

from __future__ import annotations

import pytest

from peer import suite


def _params():
    scope = suite.scope()
    for case in suite.all_cases():
        if scope.reason_out(case):
            continue
        miss = scope.reason_miss(case)
        marks = [pytest.mark.xfail(reason=miss, strict=True)] if miss else []
        yield pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_spec_case(case):
    ok, detail = suite.check(case)
    assert ok, detail


def test_scope_file_names_only_real_cases():
    scope = suite.scope()
    inputs = {(case.model, case.input) for case in suite.all_cases()}
    listed = set(scope.out_of_scope) | set(scope.known_miss)
    assert listed <= inputs, f"not in the specs: {sorted(listed - inputs)}"
    assert not set(scope.out_of_scope) & set(scope.known_miss), "a case is both out of scope and a known miss"


@pytest.mark.parametrize("model", list(suite.MODEL_FILES))
def test_pass_rate_meets_the_issue_target(model):
    rates = suite.rates(model)
    print(suite.report())
    assert rates.rate >= suite.TARGETS[model], suite.report()


def test_mapping_compares_values_not_just_texts():
    # The checker itself must fail on a wrong value: a spec case with its value altered.
    case = suite.cases("CurrencyModel")[0]
    altered = suite.Case(case.model, case.index, {**case.spec, "Results": [{**case.spec["Results"][0], "Resolution": {"isoCurrency": "CNY", "value": "16"}}]})
    assert suite.check(altered)[0] is False
