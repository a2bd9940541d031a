"""counted_page: a search's page and its number of matches in one query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ppid_manual.models import HariLibur
from ppid_manual.paging import counted_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def days():
    first = datetime.date(2031, 1, 1)
    made = HariLibur.objects.bulk_create(
        HariLibur(tanggal=first + datetime.timedelta(days=i), nama=f"Hari {i}", jenis="lainnya")
        for i in range(7)
    )
    return HariLibur.objects.filter(tanggal__year=2031).order_by("tanggal"), [d.pk for d in made]


def test_a_page_holds_its_keys_in_order_and_the_count_of_all(days):
    qs, keys = days
    with CaptureQueriesContext(connection) as ctx:
        page = counted_page(qs, "2", 3)
    assert len(ctx.captured_queries) == 1
    assert list(page.object_list) == keys[3:6]
    assert (page.number, page.paginator.count, page.paginator.num_pages) == (2, 7, 3)
    assert (page.start_index(), page.end_index()) == (4, 6)
    assert page.has_previous() and page.has_next()


@pytest.mark.parametrize("typed, number", [(None, 1), ("", 1), ("x", 1), ("0", 1), ("-2", 1)])
def test_a_bad_page_number_is_the_first_page(days, typed, number):
    qs, keys = days
    page = counted_page(qs, typed, 3)
    assert page.number == number
    assert list(page.object_list) == keys[:3]


def test_past_the_end_is_the_last_page(days):
    qs, keys = days
    page = counted_page(qs, "9", 3)
    assert (page.number, list(page.object_list), page.paginator.count) == (3, keys[6:], 7)


def test_no_match_is_one_empty_page():
    page = counted_page(HariLibur.objects.filter(nama="tidak ada").order_by("pk"), "3", 3)
    assert (page.number, list(page.object_list), page.paginator.count) == (1, [], 0)
