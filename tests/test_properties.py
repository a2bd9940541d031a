"""Property tests (hypothesis) for the calendar engine and the number templates."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from ppid_manual.workflow.calendar import add_working_days, working_days_between
from ppid_manual.workflow.numbering import format_number, validate_pattern

dates = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2030, 12, 31))
days_off_sets = st.frozensets(dates, max_size=60).map(lambda s: {d: "libur" for d in s})
counts = st.integers(min_value=0, max_value=60)


@given(dates, counts, days_off_sets)
def test_a_deadline_is_never_a_day_off(start, n, days_off):
    result = add_working_days(start, n, days_off)
    if n > 0:
        assert result.weekday() < 5
        assert result not in days_off
        assert result > start
    else:
        assert result == start


@given(dates, counts, counts, days_off_sets)
def test_deadlines_are_monotonic_in_n(start, n, m, days_off):
    low, high = sorted((n, m))
    assert add_working_days(start, low, days_off) <= add_working_days(start, high, days_off)


@given(dates, counts, days_off_sets, dates)
def test_adding_a_day_off_never_makes_a_deadline_earlier(start, n, days_off, extra):
    before = add_working_days(start, n, days_off)
    after = add_working_days(start, n, {**days_off, extra: "tambahan"})
    assert after >= before


@given(dates, counts, days_off_sets)
def test_counting_back_gives_n(start, n, days_off):
    assert working_days_between(start, add_working_days(start, n, days_off), days_off) == n


token_text = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-", min_size=0, max_size=8)
separators = st.sampled_from(["/", "-", "."])


@st.composite
def patterns(draw):
    parts = draw(st.lists(st.sampled_from(["{unit}", "{kode}", "{bulan}", "{tahun}"]), max_size=4))
    width = draw(st.integers(min_value=0, max_value=6))
    urut = f"{{urut:{width}}}" if width else "{urut}"
    parts.insert(draw(st.integers(min_value=0, max_value=len(parts))), urut)
    return draw(separators).join(parts), width


@settings(max_examples=200)
@given(
    patterns(),
    st.integers(min_value=1, max_value=99999),
    st.integers(1, 99999),
    token_text,
    token_text,
    dates,
)
def test_number_templates_are_injective_in_the_sequence(pattern, a, b, unit, kode, day):
    pola, width = pattern
    validate_pattern(pola)
    first = format_number(pola, urut=a, unit=unit, kode=kode, day=day)
    second = format_number(pola, urut=b, unit=unit, kode=kode, day=day)
    assert (first == second) == (a == b)
    assert str(a).zfill(width) in first
    assert "{" not in first and "}" not in first
