"""The 2016 hotline state report's tables and totals: what the parser and the checks need to
know of the layout, in a module that imports no parser (layouts/hotline_report.py declares the
layout with them; parse/hotline_report.py reads the tables they name)."""

from __future__ import annotations

from .base import Quantity, TableSpec

KIND = "hotline_report"
_R = (KIND,)
TOTAL = "Total"

TRAFFICKING_TYPES = ("Sex", "Labor", "Sex and Labor", "Trafficking Type Not Specified")

TABLES: tuple[TableSpec, ...] = (
    # An overview that prints signals prints all three channels (SPEC.md; a report without
    # signals, as the U.S. Virgin Islands' 2016, prints none): one of them lost leaves no sum
    # to fail, so complete_table asks for each.
    TableSpec("signals", "N Phone Calls / N Emails / N Online Tip Reports", _R, False,
              "Incoming signals by channel (overview); no percents, no total",
              ("Phone Calls", "Emails", "Online Tip Reports"), fixed_rows=True),
    TableSpec("summary",
              "Number of Substantive Calls Received from X: N; a total of N unique cases",
              _R, False, "Substantive calls and cases from the headline sentences",
              printed_with=(("Substantive Calls", "caller_type"), ("Cases", "primary_reason"),
                            ("Cases", "venue_industry"))),
    TableSpec("caller_type", "CALLER TYPE", _R, True, "Substantive calls by caller type", (
        "Victim of Trafficking", "Community Member", "NGO Representative",
        "Family of Trafficking Victim", "Victim of Other Crime", "Legal Professional", "Student",
        "Victim of Labor Exploitation", "Government Official", "Medical Professional",
        "Mental Health Professional", "Friend of Trafficking Victim", "Buyer of Commercial Sex",
        "Other", "Law Enforcement", "Educator/School Personnel", "Anonymous",
        "Business Sector Employee", "Faith-Based Representative", "Hotline Representative",
        "Caller Types Referenced Fewer than Three Times", "Unknown"),
        base="substantive calls", printed_total=True),
    TableSpec("how_caller_found_hotline", "HOW CALLER FOUND THE NATIONAL HOTLINE", _R, True,
              "Substantive calls by how the caller found the hotline", (
        "211/311", "Internet-Web Search", "Referral", "Contact Involved in Case", "Television",
        "Conference/Training/Presentation", "Unknown", "Print Material", "Radio",
        "Social Media", "Word of Mouth", "Polaris Website", "Public Service Announcement",
        "Other"), base="substantive calls", printed_total=True),
    TableSpec("primary_reason", "PRIMARY REASON FOR CONTACTING THE NATIONAL HOTLINE", _R, True,
              "Cases by the primary reason for contacting the hotline", (
        "Report a Trafficking Tip", "Access Service Referrals", "Request Crisis Assistance",
        "Request General Information", "Request Training and Technical Assistance",
        "Request T&TA"), base="cases", printed_total=True),
    TableSpec("venue_industry", "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING", _R, True,
              "Cases by trafficking type; venues and industries nested under Sex and Labor", (
        *TRAFFICKING_TYPES, "Venue Not Specified", "Commercial Front Brothel", "Hotel/Motel-Based",
        "Online Ad, Venue Unknown", "Venues Referenced in Fewer than Three Cases",
        "Residence-Based Commercial Sex", "Street-Based", "Truck Stop-Based", "Pornography",
        "Escort Services", "Bar/Strip Club/Cantina", "Personal Sexual Servitude",
        "Remote Interactive Sexual Acts", "Other Venue", "Traveling Sales Crew",
        "Industries Referenced in Fewer than Three Cases", "Industry Not Specified",
        "Domestic Work", "Agriculture", "Restaurant/Food Service", "Peddling/Begging",
        "Health & Beauty Services", "Construction", "Hospitality", "Landscaping",
        "Factories/Manufacturing", "Carnivals", "Other Industry", "Commercial Cleaning Services",
        "Health Care", "Forestry/Logging", "Illicit Activities", "Sales"), base="cases",
        printed_total=True, parents=TRAFFICKING_TYPES,
        broken_down=("Sex", "Labor")),
    TableSpec("victim_demographics_labor", "VICTIM DEMOGRAPHICS (LABOR TRAFFICKING CASES)", _R,
              False, "Labor trafficking cases referencing each demographic (non-cumulative)", (
        "Adults", "Minors", "Females", "Males", "Transgender Females", "Transgender Males",
        "Gender Non-Conforming Individuals", "US Citizens/Legal Permanent Residents",
        "Foreign Nationals"), base="cases", fixed_rows=True),
    TableSpec("victim_demographics_sex", "VICTIM DEMOGRAPHICS (SEX TRAFFICKING CASES)", _R,
              False, "Sex trafficking cases referencing each demographic (non-cumulative)", (
        "Adults", "Minors", "Females", "Males", "Transgender Females", "Transgender Males",
        "Gender Non-Conforming Individuals", "US Citizens/Legal Permanent Residents",
        "Foreign Nationals"), base="cases", fixed_rows=True),
)  # fmt: skip

# Where the report prints each of its totals, most trusted first (a table total is itself
# summed): cross_table_total compares them, and tables without a Total take theirs as base.
QUANTITIES = (
    Quantity("cases", (("venue_industry", TOTAL), ("primary_reason", TOTAL), ("summary", "Cases"))),
    Quantity("substantive calls", (
        ("caller_type", TOTAL), ("how_caller_found_hotline", TOTAL),
        ("summary", "Substantive Calls"),
    )),
)  # fmt: skip
