"""Post lists: synthetic layouts for the rules, sample decks and packs for the real thing."""
from __future__ import annotations

import pytest

from extract.structures.postlists import flow_to_post_lists, post_count, total_phrases
from tests.conftest import MINUTE_2017, PACK_2017, PACK_2023, SLIDES_2022
from tests.rowkit import lay_out, row, sample_flow


def counted(post_list) -> int:
    return sum(p.count for p in post_list.posts)


@pytest.mark.parametrize("text, count", [
    ("Head of SSE", 1),
    ("Strategic Manager SSE x 2", 2),
    ("Primary Advisor x 2 (1 x Vacant)", 2),  # the remark counts nothing
    ("Service Manager Education Safeguarding x 2 (1 x Vacant)", 2),
    ("Early Years Senior Officers x3", 3),
    ("Area Inclusion Partnership Manager × 4", 4),
    ("2 x Service Manager", 2),
    ("Education Officer (x 2)", 2),
    ("Officer (1 x Vacant)", 1),
    ("Service Manager 0.5 FTE", 1),
])
def test_post_count(text, count):
    assert post_count(text) == count


@pytest.mark.parametrize("text, number", [
    ("Total: 24 posts", "24"),
    ("Total 30 posts", "30"),
    ("Total posts: 12", "12"),
    ("Total = 5 roles", "5"),
    ("24 posts in total", "24"),
])
def test_stated_totals(text, number):
    ((_, match),) = total_phrases(row(0, [(40, text)]))
    assert match.group("n") == number


@pytest.mark.parametrize("text", ["Total: 24 posts have been deleted", "Total across SEN", "24 posts"])
def test_not_stated_totals(text):
    assert total_phrases(row(0, [(40, text)])) == []


def side_by_side():
    """Two bulleted lists on one slide, the second with grades in a column of their own."""
    return lay_out([
        (50, [(40, "Roles to be deleted:"), (640, "New roles:")]),
        (70, [(40, "•"), (60, "Head of SSE"), (440, "•"), (460, "Head of Service – Education"),
              (790, "Indicative Grade")]),
        (85, [(40, "•"), (60, "Strategic Manager SSE x 2"), (440, "•"), (460, "Area Manager x 4"), (790, "Grade 8")]),
        (100, [(40, "•"), (60, "Primary Advisor x 2 (1 x Vacant)"), (440, "•"), (460, "Senior Officer"),
               (790, "Soulbury B10-13")]),
        (120, [(40, "Total: 5 posts"), (630, "Total: 6 posts")]),
    ], bold=(0, 4))


def test_two_lists_side_by_side_keep_to_their_columns():
    deleted, new = flow_to_post_lists(side_by_side())
    assert (deleted.id, deleted.title) == ("postlist-1-roles-to-be-deleted", "Roles to be deleted")
    assert [p.text for p in deleted.posts] == ["Head of SSE", "Strategic Manager SSE x 2",
                                               "Primary Advisor x 2 (1 x Vacant)"]
    assert [p.count for p in deleted.posts] == [1, 2, 2]
    assert new.title == "New roles"
    assert [p.text for p in new.posts] == ["Head of Service – Education", "Area Manager x 4", "Senior Officer"]
    assert (counted(deleted), counted(new)) == (5, 6)


def test_stated_total_is_the_printed_number_labelled_with_its_phrase():
    deleted, new = flow_to_post_lists(side_by_side())
    total = deleted.stated_total
    assert (total.kind, total.value, total.text, total.precision) == ("count", 5, "5", 1)
    assert (total.label, total.page, total.bbox) == ("Total: 5 posts", 1, (72.5, 120, 77.5, 130))
    assert new.stated_total.text == "6"


def test_a_post_points_at_its_own_words_without_the_bullet():
    deleted, _ = flow_to_post_lists(side_by_side())
    assert deleted.posts[0].bbox == (60, 70, 110, 80)  # "Head of SSE": 50 points wide


def test_a_total_beside_the_list_does_not_end_it():
    flow = lay_out([
        (50, [(40, "Deleted:"), (440, "New:")]),
        (70, [(40, "•"), (60, "Head of SSE"), (440, "•"), (460, "Head of Service")]),
        (85, [(40, "•"), (60, "Early Years Lead"), (440, "•"), (460, "Area Manager x 4")]),
        (100, [(40, "Total: 2 posts"), (440, "•"), (460, "Senior Officer")]),
        (120, [(440, "Total: 6 posts")]),
    ])
    deleted, new = flow_to_post_lists(flow)
    assert (counted(deleted), counted(new)) == (2, 6)
    assert [p.text for p in new.posts] == ["Head of Service", "Area Manager x 4", "Senior Officer"]


def test_a_wrapped_item_is_one_post():
    flow = lay_out([
        (50, [(40, "Posts deleted")]),
        (70, [(40, "•"), (60, "Principal Educational Psychologist and Head of")]),
        (81, [(60, "SEN Advisory Services")]),
        (96, [(40, "•"), (60, "Early Years Lead")]),
        (120, [(40, "Total: 2 posts")]),
    ], bold=(0,))
    (posts,) = flow_to_post_lists(flow)
    assert posts.title == "Posts deleted"
    assert [p.text for p in posts.posts] == [
        "Principal Educational Psychologist and Head of SEN Advisory Services", "Early Years Lead",
    ]


def test_a_line_with_sub_items_stands_for_them():
    flow = lay_out([
        (50, [(40, "Posts deleted:")]),
        (65, [(40, "•"), (60, "Head of Service")]),
        (80, [(40, "•"), (60, "Early Years roles x 5")]),
        (95, [(60, "o"), (80, "Early Years Senior Officers x3")]),
        (110, [(60, "o"), (80, "Early Years Locality Officers x2")]),
        (130, [(40, "Total: 6 posts")]),
    ])
    (posts,) = flow_to_post_lists(flow)
    assert [(p.text, p.count) for p in posts.posts] == [
        ("Head of Service", 1), ("Early Years roles x 5", 0),
        ("Early Years Senior Officers x3", 3), ("Early Years Locality Officers x2", 2),
    ]
    assert counted(posts) == 6


def test_a_list_without_bullets_runs_up_to_its_heading():
    flow = lay_out([
        (35, [(40, "The restructure is summarised below.")]),
        (50, [(40, "Posts deleted:")]),
        (65, [(40, "Head of Service")]),
        (80, [(40, "Service Manager x 2")]),
        (95, [(40, "Team Leader")]),
        (115, [(40, "4 posts in total")]),
    ])
    (posts,) = flow_to_post_lists(flow)
    assert posts.title == "Posts deleted"
    assert [p.count for p in posts.posts] == [1, 2, 1]


def test_a_sentence_is_not_a_post():
    flow = lay_out([
        (50, [(40, "The restructure deletes a number of posts across the service, as set out below.")]),
        (65, [(40, "Head of Service")]),
        (80, [(40, "Service Manager x 2")]),
        (100, [(40, "Total 3 posts")]),
    ])
    (posts,) = flow_to_post_lists(flow)
    assert posts.title == "Untitled post list"
    assert [p.text for p in posts.posts] == ["Head of Service", "Service Manager x 2"]


def test_no_total_no_list_and_one_line_is_not_a_list():
    no_total = lay_out([(50, [(40, "New roles:")]), (70, [(40, "•"), (60, "Head of SSE")]),
                        (85, [(40, "•"), (60, "Lead")])])
    one_line = lay_out([(50, [(40, "New roles:")]), (70, [(40, "•"), (60, "Head of SSE")]),
                        (90, [(40, "Total: 1 post")])])
    assert flow_to_post_lists(no_total) == []
    assert flow_to_post_lists(one_line) == []


def test_a_list_far_above_its_total_is_not_read():
    flow = lay_out([
        (50, [(40, "•"), (60, "Head of SSE")]),
        (65, [(40, "•"), (60, "Early Years Lead")]),
        (200, [(40, "Total: 2 posts")]),
    ])
    assert flow_to_post_lists(flow) == []


# --- the samples ----------------------------------------------------------------------

def test_the_somerset_deck_counts_its_stated_totals():
    deleted, new = flow_to_post_lists(sample_flow(SLIDES_2022, tuple(range(14, 18))))
    assert (deleted.title, new.title) == ("Roles to be deleted", "New roles")
    assert (deleted.stated_total.text, new.stated_total.text) == ("24", "30")
    assert (deleted.stated_total.label, deleted.stated_total.page) == ("Total: 24 posts", 15)
    assert (counted(deleted), counted(new)) == (24, 30)
    assert (len(deleted.posts), len(new.posts)) == (18, 20)
    advisor = next(p for p in deleted.posts if p.text.startswith("Primary Advisor"))
    assert (advisor.text, advisor.count) == ("Primary Advisor x 2 (1 x Vacant)", 2)
    assert not any("Grade" in p.text or "Soulbury" in p.text for p in new.posts)
    assert new.posts[0].text == "Head of Service – Education Leadership"


@pytest.mark.parametrize("path, pages", [
    (PACK_2023, tuple(range(1, 53))),  # every page: the pack prints no total at all
    (MINUTE_2017, (1, 2)),
    (PACK_2017, (9, 29, 40, 41)),  # the pages that print 'total'
])
def test_packs_without_post_lists(path, pages):
    assert flow_to_post_lists(sample_flow(path, pages)) == []


# --- the check over them -----------------------------------------------------------------

def test_a_list_that_does_not_make_its_stated_total_is_a_finding_naming_the_list():
    from extract.checks.tables import post_list_total

    flow = lay_out([
        (50, [(40, "Posts deleted:")]),
        (65, [(40, "Head of Service")]),
        (80, [(40, "Service Manager x 2")]),
        (95, [(40, "Team Leader")]),
        (115, [(40, "5 posts in total")]),
    ])
    (posts,) = flow_to_post_lists(flow)
    (relation,) = list(post_list_total(posts))
    finding = relation.raised
    assert finding is not None and relation.outcome == "disagrees"
    assert (finding.check, finding.subject, finding.expected, finding.found) == ("posts.total", "Posts deleted", 4, 5)
    assert finding.tolerance == 0  # posts are counted, not rounded
    assert finding.severity == "error" and finding.evidence[-1].text == "5"  # one in four: material


def test_the_somerset_lists_add_up_so_the_deck_has_no_findings():
    from tests.conftest import extraction_of

    extraction = extraction_of(SLIDES_2022)
    assert len(extraction.post_lists) == 2 and extraction.findings == []
