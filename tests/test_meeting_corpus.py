"""The meeting of real papers: every Kent agenda front sheet and set of minutes, and the
other councils' papers that print a meeting (expectations as data, read off each
paper's first page by a person). Skipped when ../shared is absent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import shared_dir

pytestmark = pytest.mark.corpus

KENT_FRONT_SHEETS_AND_MINUTES = 13  # 5 agenda front sheets, 8 sets of minutes

# file (under councils/) → (committee, ISO date) as the first page prints them (read off each
# page by a person); None: the paper states no meeting, or it cannot be read from the text:
# Ayton's 2015-12-01 minutes print no year ("Tuesday 1 December"); its 2016-04-05 heading is
# printed twice over itself ("AYTON AYTON COMMUNITY COUNCIL"), a name not read with confidence;
# Horsley's two papers print one, but their fonts have no usable text encoding. Null, not guessed.
COUNCILS: dict[str, tuple[str, str] | None] = {
    "manordeilo-salem-cc/18-12-12.pdf": ("Manordeilo and Salem Community Council", "2018-12-12"),
    "manordeilo-salem-cc/19-01-09.pdf": ("Manordeilo and Salem Community Council", "2019-01-09"),
    "manordeilo-salem-cc/19-02-06.pdf": ("Manordeilo and Salem Community Council", "2019-02-06"),
    "manordeilo-salem-cc/19-03-13.pdf": ("Manordeilo and Salem Community Council", "2019-03-13"),
    "manordeilo-salem-cc/19-04-10.pdf": ("Manordeilo and Salem Community Council", "2019-04-10"),
    "manordeilo-salem-cc/19-06-12.pdf": ("Manordeilo and Salem Community Council", "2019-06-12"),
    "manordeilo-salem-cc/1-19_cy.pdf": ("Cyngor Cymuned Manordeilo a Salem", "2019-01-09"),
    "manordeilo-salem-cc/3-19_cy.pdf": ("Cyngor Cymuned Manordeilo a Salem", "2019-03-13"),
    "manordeilo-salem-cc/po_en.pdf": None,
    "southwark/executive-2008-05-20-item9-corporate-property-management.pdf": ("Executive", "2008-05-20"),
    "southwark/pension-fund-advisory-panel-2015-04-21-notes.pdf": ("Pensions Advisory Panel", "2015-04-21"),
    "southwark/planning-committee-2008-12-02-item6-1-report.pdf": ("Planning Committee", "2008-12-02"),
    "southwark/cabinet-member-decision-2015-02-aylesbury-northchurch.pdf": None,
    "southwark/budget-book-2015-16-capital-programme.pdf": None,
    "sutton-coldfield-tc/CommunityGrant_minutes_2018_March_13.pdf": (
        "Amenities, Leisure and Community Services",
        "2018-03-13",
    ),
    "sutton-coldfield-tc/CommunityGrant_notes_2018_March_13.pdf": (
        "Amenities, Leisure & Community Services Committee",
        "2018-03-13",
    ),
    "sutton-coldfield-tc/Copy-of-Community-Grant-Fund-Amenities-15-November.pdf": ("Amenities Committee", "2016-11-15"),
    "sutton-coldfield-tc/Item_166__CBSO_Concert.pdf": ("Royal Sutton Coldfield Town Council", "2017-02-21"),
    "sutton-coldfield-tc/Payments-over-250-2017-18-Q2.pdf": None,
    "sutton-coldfield-tc/Sutton-Coldfield-2018-Accounts-1.pdf": None,
    "sutton-coldfield-tc/Contracts-2017-8-open.pdf": None,
    "north-hertfordshire/budget-2018-19-appendix-a-general-fund-estimates.pdf": None,
    "horsley-pc/agenda-2014-04-29.pdf": None,
    "horsley-pc/minutes-2014-03-18.pdf": None,
    # Souldern Parish Council: its own council, a planning meeting of it, and the electors' Annual
    # Parish Meeting; as the page prints the date (2014-05-14's minutes say 15th May, 2019-05-23's
    # say 24th May 2018). Null: the papers that state no meeting, and those whose front pages are
    # scans (no text layer: 2018-11-22, 2018-08-23, 2021-01-28) or open with an action table (2022-03-31).
    "souldern-pc/souldern-pc-accounting-statements-2016-17-scan.pdf": None,
    "souldern-pc/souldern-pc-accounts-with-budget-2016-17.pdf": None,
    "souldern-pc/souldern-pc-agar-sections-1-2-2023-24-scan.pdf": None,
    "souldern-pc/souldern-pc-agenda-2015-09-24.pdf": ('Souldern Parish Council', '2015-09-24'),
    "souldern-pc/souldern-pc-agenda-2016-05-19-annual-meeting.pdf": ('Annual Parish Meeting of Souldern', '2016-05-19'),
    "souldern-pc/souldern-pc-agenda-2017-08-15.pdf": ('Souldern Parish Council Planning Meeting', '2017-08-15'),
    "souldern-pc/souldern-pc-agenda-2017-09-14.pdf": ('Souldern Parish Council', '2017-09-14'),
    "souldern-pc/souldern-pc-agenda-2018-05-24-annual-meeting.pdf": ('Annual Parish Meeting of Souldern', '2018-05-24'),
    "souldern-pc/souldern-pc-agenda-2018-11-22.pdf": None,
    "souldern-pc/souldern-pc-agenda-2020-07-30.pdf": ('Souldern Parish Council', '2020-07-30'),
    "souldern-pc/souldern-pc-agenda-2020-10-29.pdf": ('Souldern Parish Council Planning meeting', '2020-10-29'),
    "souldern-pc/souldern-pc-agenda-2022-12-29.pdf": ('Souldern Parish Council Planning Meeting', '2022-12-29'),
    "souldern-pc/souldern-pc-agenda-2023-05-24-annual-meeting.pdf": ('Souldern Parish Council', '2023-05-24'),
    "souldern-pc/souldern-pc-agenda-2024-05-23-annual-parish-meeting.pdf": (
        'Annual Parish Meeting of Souldern', '2024-05-23',
    ),
    "souldern-pc/souldern-pc-agenda-2025-05-20-annual-meeting.pdf": ('Souldern Parish Council', '2025-05-20'),
    "souldern-pc/souldern-pc-agenda-2025-09-25.pdf": ('Souldern Parish Council', '2025-09-25'),
    "souldern-pc/souldern-pc-agenda-2026-06-01-annual-meeting.pdf": ('Souldern Parish Council', '2026-06-01'),
    "souldern-pc/souldern-pc-bank-reconciliation-2017-03-31.pdf": None,
    "souldern-pc/souldern-pc-expenditure-2023-24.pdf": None,
    "souldern-pc/souldern-pc-expenditure-over-100-2014-15.pdf": None,
    "souldern-pc/souldern-pc-expenditure-over-100-2015-16.pdf": None,
    "souldern-pc/souldern-pc-expenditure-over-100-2016-17.pdf": None,
    "souldern-pc/souldern-pc-expenditure-over-100-2017-18.pdf": None,
    "souldern-pc/souldern-pc-minutes-2012-05-09-annual-parish-meeting.pdf": (
        'Annual Parish Meeting of Souldern', '2012-05-09',
    ),
    "souldern-pc/souldern-pc-minutes-2012-06-28.pdf": ('Souldern Parish Council', '2012-06-28'),
    "souldern-pc/souldern-pc-minutes-2013-09-19.pdf": ('Souldern Parish Council', '2013-09-19'),
    "souldern-pc/souldern-pc-minutes-2014-05-14-annual-parish-meeting.pdf": (
        'Annual Parish Meeting of Souldern', '2014-05-15',
    ),
    "souldern-pc/souldern-pc-minutes-2015-01-22.pdf": ('Souldern Parish Council', '2015-01-22'),
    "souldern-pc/souldern-pc-minutes-2016-05-19.pdf": ('Souldern Parish Council', '2016-05-19'),
    "souldern-pc/souldern-pc-minutes-2017-05-18-annual-meeting.pdf": (
        'Annual Parish Meeting of Souldern', '2017-05-18',
    ),
    "souldern-pc/souldern-pc-minutes-2017-11-23.pdf": ('Souldern Parish Council', '2017-11-23'),
    "souldern-pc/souldern-pc-minutes-2018-03-22.pdf": ('Souldern Parish Council Planning Meeting', '2018-03-22'),
    "souldern-pc/souldern-pc-minutes-2018-08-23.pdf": None,
    "souldern-pc/souldern-pc-minutes-2019-05-23.pdf": ('Souldern Parish Council', '2018-05-24'),
    "souldern-pc/souldern-pc-minutes-2019-11-28.pdf": ('Souldern Parish Council', '2019-11-28'),
    "souldern-pc/souldern-pc-minutes-2020-03-26.pdf": ('Souldern Parish Council', '2020-03-26'),
    "souldern-pc/souldern-pc-minutes-2021-01-28.pdf": None,
    "souldern-pc/souldern-pc-minutes-2021-11-25.pdf": ('Souldern Parish Council', '2021-11-25'),
    "souldern-pc/souldern-pc-minutes-2022-03-31.pdf": None,
    "souldern-pc/souldern-pc-minutes-2022-12-29.pdf": ('Souldern Parish Council Planning Meeting', '2022-12-29'),
    "souldern-pc/souldern-pc-minutes-2023-02-23.pdf": ('Souldern Parish Council Planning Meeting', '2023-02-23'),
    "souldern-pc/souldern-pc-minutes-2023-08-31.pdf": ('Souldern Parish Council', '2023-08-31'),
    "souldern-pc/souldern-pc-minutes-2024-01-25.pdf": ('Souldern Parish Council', '2024-01-25'),
    "souldern-pc/souldern-pc-minutes-2024-05-23-annual-parish-meeting.pdf": (
        'Annual Parish Meeting of Souldern', '2024-05-23',
    ),
    "souldern-pc/souldern-pc-minutes-2025-05-20-annual-meeting.pdf": ('Souldern Parish Council', '2025-05-20'),
    "souldern-pc/souldern-pc-minutes-2025-11-27.pdf": ('Souldern Parish Council', '2025-11-27'),
    "souldern-pc/souldern-pc-notice-of-public-rights-2023-24.pdf": None,
    "souldern-pc/souldern-pc-notice-of-public-rights-2025-26.pdf": None,
    "souldern-pc/souldern-pc-risk-assessment-2023.pdf": None,
    "souldern-pc/souldern-pc-spending-v-budget-2018-19.pdf": None,
    "souldern-pc/souldern-pc-spending-v-budget-2021-22.pdf": None,
    "ayton-cc/ayton-cc-minutes-2008-07-08.pdf": ('Ayton Community Council', '2008-07-08'),
    "ayton-cc/ayton-cc-minutes-2009-11-03.pdf": ('Ayton Community Council', '2009-11-03'),
    "ayton-cc/ayton-cc-minutes-2010-02-02.pdf": ('Ayton Community Council', '2010-02-02'),
    "ayton-cc/ayton-cc-minutes-2011-02-01.pdf": ('Ayton Community Council', '2011-02-01'),
    "ayton-cc/ayton-cc-minutes-2011-10-04.pdf": ('Ayton Community Council', '2011-10-04'),
    "ayton-cc/ayton-cc-minutes-2012-06-05.pdf": ('Ayton Community Council', '2012-06-05'),
    "ayton-cc/ayton-cc-minutes-2013-10-01.pdf": ('Ayton Community Council', '2013-10-01'),
    "ayton-cc/ayton-cc-minutes-2014-05-06.pdf": ('Ayton Community Council', '2014-05-06'),
    "ayton-cc/ayton-cc-minutes-2015-09-01.pdf": ('Ayton Community Council', '2015-09-01'),
    "ayton-cc/ayton-cc-minutes-2015-12-01.pdf": None,
    "ayton-cc/ayton-cc-minutes-2016-04-05.pdf": None,
    "ayton-cc/ayton-cc-minutes-2016-09-06.pdf": ('Ayton Community Council', '2016-09-06'),
    "ayton-cc/ayton-cc-minutes-2017-10-03.pdf": ('Ayton Community Council', '2017-10-03'),
    "ayton-cc/ayton-cc-minutes-2017-11-11.pdf": ('Ayton Community Council', '2017-11-11'),
    "ayton-cc/ayton-cc-minutes-2018-09-04.pdf": ('Ayton Community Council', '2018-09-04'),
    "ayton-cc/ayton-cc-minutes-2019-05-07.pdf": ('Ayton Community Council', '2019-05-07'),
    "ayton-cc/ayton-cc-minutes-2020-11-03.pdf": ('Ayton Community Council', '2020-11-03'),
    "ayton-cc/ayton-cc-minutes-2021-06-03.pdf": ('Ayton Community Council', '2021-06-03'),
    "ayton-cc/ayton-cc-minutes-2021-07-06.pdf": ('Ayton Community Council', '2021-07-06'),
}


# Every Kent paper (under real/kent/) → the meeting it prints (read off each page by a person):
# front sheets and minutes; reports ("To: County Council – 13 March 2025"); the letters sent
# with supplements ("CABINET - THURSDAY, 30 JANUARY 2025", not the letter's "Date:"); the
# minutes of a previous meeting give that meeting. None: the paper prints no meeting.
KENT: dict[str, tuple[str, str] | None] = {
    'cabinet-2025-01-30-packs/24-00096 - PROD 30th-Jan-2025 10.00 Cabinet.pdf': ('Cabinet', '2025-01-30'),
    'cabinet-2025-01-30-packs/Item 7 - Supplementary - 2400109 - Transfer the 18-25 section of the Strengthening Independence Ser.pdf': (  # noqa: E501
        'Cabinet', '2025-01-30',
    ),
    'cabinet-2025-01-30/24-00096 - Commissioning Plan for Education Provision in Kent 2025-29 - Report.pdf': (
        'Cabinet', '2025-01-30',
    ),
    'cabinet-2025-01-30/24-00096 - EQIA.pdf': None,
    'cabinet-2025-01-30/24-00096 - PRoD.pdf': None,
    'cabinet-2025-01-30/24-00108 - Appendix - NOV 2024-25.pdf': None,
    'cabinet-2025-01-30/24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf': ('Cabinet', '2025-01-30'),
    'cabinet-2025-01-30/24-00108 - PROD.pdf': None,
    'cabinet-2025-01-30/24-00108 - Revenue and Capital Budget Monitoring Report November 2024-25.pdf': (
        'Cabinet', '2025-01-30',
    ),
    'cabinet-2025-01-30/24-00109 - Appendix A - PROD.pdf': None,
    'cabinet-2025-01-30/24-00109 - Appendix C - DPIA Screening Tool outcome - Transitions.pdf': None,
    'cabinet-2025-01-30/24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf': (
        'Cabinet', '2025-01-30',
    ),
    'cabinet-2025-01-30/24-00115 - Adoption of Integrated Care Strategy delivery plan - Report.pdf': (
        'Cabinet', '2025-01-30',
    ),
    'cabinet-2025-01-30/24-00115 - Appendix A - Current Health wellbeing activity within KCC.pdf': None,
    'cabinet-2025-01-30/24-00115 - Appendix B - KCC ICS priorities measures.pdf': None,
    'cabinet-2025-01-30/24-00115 - EqIA.pdf': None,
    'cabinet-2025-01-30/24-00115 - PROD.pdf': None,
    'cabinet-2025-01-30/Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf': ('Cabinet', '2025-01-30'),
    'cabinet-2025-01-30/Appendix A Capital Investment Summary.pdf': None,
    'cabinet-2025-01-30/Appendix B Capital Investment by Directorate.pdf': None,
    'cabinet-2025-01-30/Appendix C - Potential Capital Projects.pdf': None,
    'cabinet-2025-01-30/Appendix D 21.01.25.pdf': None,
    'cabinet-2025-01-30/Appendix E 21.01.25 incl base adj update.pdf': None,
    'cabinet-2025-01-30/Appendix F List of Budget Templates.pdf': None,
    'cabinet-2025-01-30/Appendix G - Reserves Policy.pdf': None,
    'cabinet-2025-01-30/Appendix H - Assessment of FInancial Resilience.pdf': None,
    'cabinet-2025-01-30/Appendix I Budget Risk Register 22.01.25.pdf': None,
    'cabinet-2025-01-30/Appendix J - Government Grants in LGFS.pdf': None,
    'cabinet-2025-01-30/Appendix K - Economic and Fiscal Context.pdf': None,
    'cabinet-2025-01-30/Appendix L - Treasury Management Strategy 2025-26.pdf': None,
    'cabinet-2025-01-30/Appendix M - Investment Strategy.pdf': None,
    'cabinet-2025-01-30/Appendix N - Capital Strategy.pdf': None,
    'cabinet-2025-01-30/Appendix O - MRP.pdf': None,
    'cabinet-2025-01-30/Appendix P - Flexible Use of Capital Receipts Strategy.pdf': None,
    'cabinet-2025-01-30/Draft Revenue Budget 2025-26 MTFP 2025-28 Draft Capital Programme 2025-35 and Treasury Management .pdf': (  # noqa: E501
        'Cabinet', '2025-01-30',
    ),
    'cabinet-2025-01-30/Draft Revenue Budget 2025-26 and 2025-28 MTFP and Draft Capital Programme 2025-35.pdf': None,
    'cabinet-2025-01-30/Item 7 - Supplementary - 24-00109 - Appendix B - EqIA Updated Jan 2025.pdf': None,
    'cabinet-2025-01-30/Item 7 - Supplementary - 24-00109 - Transfer the 18-25 section of the Strengthening Independence Ser.pdf': (  # noqa: E501
        'Cabinet', '2025-01-30',
    ),
    'cabinet-2025-01-30/Minutes of the meeting held on 9th January 2025.pdf': ('Cabinet', '2025-01-09'),
    'cabinet-2025-01-30/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf': ('Cabinet', '2025-01-30'),
    'cabinet-2025-03-04/Adoption of the Kent Minerals and Waste Local Plan 2024-2039.pdf': ('Cabinet', '2025-03-04'),
    'cabinet-2025-03-04/Agenda frontsheet 04th-Mar-2025 10.00 Cabinet.pdf': ('Cabinet', '2025-03-04'),
    'cabinet-2025-03-04/Appendix 1 Cabinet - Budget Update.pdf': None,
    'cabinet-2025-03-04/Cabinet QPR Q3 Cover.pdf': ('Cabinet', '2025-03-04'),
    'cabinet-2025-03-04/Cabinet Report 4 March 2025.pdf': ('Cabinet', '2025-03-04'),
    'cabinet-2025-03-04/Minutes of Previous Meeting.pdf': ('Cabinet', '2025-01-30'),
    'cabinet-2025-03-04/QPR Q3 Cabinet appendix 1.pdf': None,
    'cabinet-2025-03-04/Scrutiny Committee - call-in Family Hubs Report to Cabinet - FINAL.pdf': (
        'Cabinet', '2025-03-04',
    ),
    'cabinet-2025-03-13-packs/Public reports pack 13th-Mar-2025 15.00 Cabinet.pdf': ('Cabinet', '2025-03-13'),
    'cabinet-2025-03-13/Agenda frontsheet 13th-Mar-2025 15.00 Cabinet.pdf': ('Cabinet', '2025-03-13'),
    'full_council-2025-01-09-packs/Item 3 Supplement - English Devolution White Paper report 09th-Jan-2025 10.00 County Council.pdf': (  # noqa: E501
        'County Council', '2025-01-09',
    ),
    'full_council-2025-01-09/Agenda frontsheet 09th-Jan-2025 10.00 County Council.pdf': (
        'County Council', '2025-01-09',
    ),
    'full_council-2025-01-09/Appendix A - 16.12.24 Ministerial Letter.pdf': None,
    'full_council-2025-01-09/Appendix B - Devolution Framework 2024.pdf': None,
    'full_council-2025-01-09/Devolution White Paper - County Council Report - FINAL.pdf': (
        'County Council', '2025-01-09',
    ),
    'full_council-2025-01-09/Printed minutes 09th-Jan-2025 10.00 County Council.pdf': ('County Council', '2025-01-09'),
    'full_council-2025-02-13/Appendix M - Treasury Management Strategy 2025-26.pdf': None,
    'full_council-2025-02-13/Appendix O - Capital Strategy.pdf': None,
    'full_council-2025-03-13-packs/Questions put and answers given 13th-Mar-2025 10.00 County Council.pdf': (
        'County Council', '2025-03-13',
    ),
    'full_council-2025-03-13/APPENDIX A - Planning Inspectors Report on the Examination of the KMWLP 2024-39.pdf': None,
    'full_council-2025-03-13/Agenda frontsheet 13th-Mar-2025 10.00 County Council.pdf': (
        'County Council', '2025-03-13',
    ),
    'full_council-2025-03-13/Appendix 1 - Executive Response.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/Appendix 1 - Half-year Report 2024-25.pdf': None,
    'full_council-2025-03-13/Appendix 1 - Kent CMPB 2024 Annual Report.pdf': None,
    'full_council-2025-03-13/Appendix 1 - Selection and Member Services recommendations.pdf': (
        'County Council', '2025-03-13',
    ),
    'full_council-2025-03-13/Appendix 1.pdf': None,
    'full_council-2025-03-13/Appendix 2 - Call-in submission 24-00093 Seashells and Millmead.pdf': None,
    'full_council-2025-03-13/Appendix 2 - Constitution changes.pdf': None,
    'full_council-2025-03-13/Appendix 2 - Glossary of Terms 2024-25.pdf': None,
    'full_council-2025-03-13/Appendix 2.pdf': None,
    'full_council-2025-03-13/Appendix 3 - 24-00093 Decision Report.pdf': None,
    'full_council-2025-03-13/Appendix 3 - TMG meeting note 14 November 2024.pdf': None,
    'full_council-2025-03-13/Appendix 3.pdf': None,
    'full_council-2025-03-13/Appendix 4 - 24-00093 Record of Decision.pdf': None,
    'full_council-2025-03-13/Appendix 5 - Service Offer Comparison.pdf': None,
    'full_council-2025-03-13/Appendix 6 - Commissioned Family Hub Contracts Consultation Report.pdf': None,
    'full_council-2025-03-13/Appendix 7 - Draft Responses to Consultation Feedback.pdf': None,
    'full_council-2025-03-13/Appendix 8 - Commissioned Family Hub Contracts Decision EqIA.pdf': None,
    'full_council-2025-03-13/Appendix A - Proposed Updated Terms of Reference.pdf': None,
    'full_council-2025-03-13/Appendix B - Proposed Updated Terms of Reference with Tracked Changes.pdf': None,
    'full_council-2025-03-13/Appendix D - Kent Minerals and Waste Local Plan - Non-Technical summary.pdf': None,
    'full_council-2025-03-13/CPP Minutes 10.12.24.pdf': ('Corporate Parenting Panel', '2024-12-10'),
    'full_council-2025-03-13/CPP Minutes 29.10.24.pdf': ('Corporate Parenting Panel', '2024-10-29'),
    'full_council-2025-03-13/Council Report Mid Year 24-25.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/County Council - Pay Policy Statement 2025-2026.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/Devo and LGR - CC Report March 2025.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/Final Kent CC Armed Forces Covenant - Annual Report 2024.pdf': (
        'Full Council', '2025-03-13',
    ),
    'full_council-2025-03-13/GAC TOR Update CC March 2025 Final.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/Governance Update Report.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/Green Independents Group - MTLD - 13 March.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/JHOSC ToR - Appendix 1 and 2.pdf': None,
    'full_council-2025-03-13/JHOSC ToR - report to full Council.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/KMWLP - County Council Report.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/Minutes of Previous Meeting.pdf': ('County Council', '2025-02-13'),
    'full_council-2025-03-13/Printed minutes 13th-Mar-2025 10.00 County Council.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/Questions put and answers given - March 2025.pdf': ('County Council', '2025-03-13'),
    'full_council-2025-03-13/Scrutiny Committee - call-in Family Hubs Report to County Council - Final.pdf': (
        'County Council', '2025-03-13',
    ),
}


# Papers that print a meeting the text layer does not give, and why (they must come out null:
# a reading in doubt is none). A measurement lists them (bench/meetings_corpus.py).
PRINTED_BUT_NOT_READ: dict[str, str] = {
    "real/kent/full_council-2025-03-13/Appendix 3 - TMG meeting note 14 November 2024.pdf":
        "'TMG 14 November 2024': an initialism with no body word is not taken for a body",
    "councils/ayton-cc/ayton-cc-minutes-2015-12-01.pdf": "'Tuesday 1 December at 7.00pm': no year printed",
    "councils/ayton-cc/ayton-cc-minutes-2016-04-05.pdf": "the heading is printed twice over itself",
    "councils/horsley-pc/agenda-2014-04-29.pdf": "fonts without a usable text encoding",
    "councils/horsley-pc/minutes-2014-03-18.pdf": "fonts without a usable text encoding",
    "councils/souldern-pc/souldern-pc-agenda-2018-11-22.pdf": "scanned: no text layer (OCR reads it)",
    "councils/souldern-pc/souldern-pc-minutes-2018-08-23.pdf": "scanned front pages: no text layer (OCR reads it)",
    "councils/souldern-pc/souldern-pc-minutes-2021-01-28.pdf": "scanned: no text layer (OCR reads it)",
}

def _meeting_and_documents(path: Path):
    from extract.pack.segment import pages_to_documents, pages_to_meeting
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(path)
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
    finally:
        document.close()
    meeting = pages_to_meeting(lines)
    return meeting, pages_to_documents(lines, meeting)


def test_every_kent_front_sheet_and_set_of_minutes_has_its_committee_and_date():
    kent = shared_dir("real/kent")
    papers = sorted(p for p in kent.rglob("*.pdf") if re.search(r"frontsheet|minutes", p.name, re.I))
    assert len(papers) == KENT_FRONT_SHEETS_AND_MINUTES
    read = {}
    for pdf in papers:
        meeting, documents = _meeting_and_documents(pdf)
        read[pdf.name] = (meeting.committee, meeting.date, documents[0].kind)
    missing = {name: got for name, got in read.items() if not (got[0] and got[1])}
    assert not missing
    assert {
        name: got[0]
        for name, got in read.items()
        if got[0] not in {"Cabinet", "County Council", "Corporate Parenting Panel"}
    } == {}
    # the date in the file name is the meeting's (minutes of a previous meeting aside)
    for name, (_, iso, kind) in read.items():
        assert kind == ("agenda" if "frontsheet" in name.lower() else "minutes"), name
        stamp = re.search(r"(\d{2})th-(\w{3})-(\d{4})", name)
        if stamp:
            assert iso.startswith(stamp.group(3)) and iso.endswith(stamp.group(1)), (name, iso)


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_other_councils_papers_give_the_meeting_they_print(name):
    path = shared_dir("councils") / name
    meeting, _ = _meeting_and_documents(path)
    expected = COUNCILS[name]
    if expected is None:
        assert (meeting.committee, meeting.date) == (None, None)
    else:
        assert (meeting.committee, meeting.date) == expected


def test_payment_schedules_are_financial_statements_and_minutes_are_minutes():
    folder = shared_dir("councils")
    kinds = {
        name: _meeting_and_documents(folder / name)[1][0].kind
        for name in (
            "sutton-coldfield-tc/Payments-over-250-2017-18-Q2.pdf",
            "sutton-coldfield-tc/Payments-in-excess-of-2016-17.pdf",
            "manordeilo-salem-cc/19-01-09.pdf",
            "manordeilo-salem-cc/1-19_cy.pdf",
            "sutton-coldfield-tc/CommunityGrant_minutes_2018_March_13.pdf",
        )
    }
    assert [kinds[n] for n in sorted(kinds)] == [
        "minutes",
        "minutes",
        "minutes",
        "financial_statement",
        "financial_statement",
    ]


@pytest.mark.parametrize("name", sorted(KENT))
def test_every_kent_paper_gives_the_meeting_it_prints(name):
    meeting, _ = _meeting_and_documents(shared_dir("real/kent") / name)
    assert (meeting.committee, meeting.date) == (KENT[name] or (None, None))


def test_kent_expectations_cover_every_kent_paper():
    kent = shared_dir("real/kent")
    assert sorted(str(p.relative_to(kent)) for p in kent.rglob("*.pdf")) == sorted(KENT)


@pytest.mark.parametrize("name", sorted(PRINTED_BUT_NOT_READ))
def test_a_meeting_the_text_does_not_give_comes_out_null(name):
    meeting, _ = _meeting_and_documents(shared_dir(".") / name)
    assert meeting.model_dump() == {"committee": None, "date": None, "time": None, "place": None}
