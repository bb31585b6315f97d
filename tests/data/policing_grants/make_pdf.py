"""Write policing_grants_release.pdf beside this script: the community policing release (a
fictional announcement written for the tests) as a PDF report with a drawn table (ruled
cells), the third form of the same announcement (see policing_grants_release.txt and .html).
Run with the test extra installed (fpdf2):

    .venv/bin/python tests/data/policing_grants/make_pdf.py
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
TITLE = "Governor Lamont Announces $2.2 Million in Community Policing Grants for Eight Towns"
PARAGRAPHS = [
    "HARTFORD, Conn. (May 14, 2019) - Governor Ned Lamont today announced that eight "
    "Connecticut towns will share $2.2 million from the state's Community Policing Partnership "
    "Grant Program, which pays for neighborhood foot patrols, youth outreach officers and "
    "training in de-escalation.",
    "The grants are awarded by the Connecticut Department of Emergency Services and Public "
    "Protection, which reviewed applications from 31 towns this spring. Each town must add "
    "local money equal to a tenth of its award.",
]
CAPTION = "Community Policing Partnership grants, 2019"
ROWS = [("Town", "Award"), ("Bridgeport", "$412,000"), ("New Haven", "$385,500"),
        ("Hartford", "$398,000"), ("Waterbury", "$276,250"), ("Norwalk", "$189,000"),
        ("Danbury", "$174,500"), ("New Britain", "$221,750"), ("Meriden", "$143,000"),
        ("Total", "$2,200,000")]
CLOSING = ("Grant agreements will be signed in June, and the first patrols paid for by the "
           "program are expected on the street by September.")
CONTACT = ["###", "Media Contact:", "Jordan Avery", "860-555-0142", "jordan.avery@example.gov"]


def main() -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_title(TITLE)
    pdf.set_creation_date(__import__("datetime").datetime(2019, 5, 14))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, TITLE)
    pdf.ln(3)
    pdf.set_font("Helvetica", size=11)
    for paragraph in PARAGRAPHS:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(3)
    pdf.cell(0, 7, CAPTION, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(60, 40), width=100, align="LEFT", first_row_as_headings=True,
                   borders_layout="ALL") as table:
        for row in ROWS:
            table.row(row)
    pdf.ln(4)
    pdf.multi_cell(0, 6, CLOSING)
    pdf.ln(6)
    for line in CONTACT:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    out = HERE / "policing_grants_release.pdf"
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    print(main())
