"""The table vocabulary: ids, printed headings, report kinds, and known row labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TableSpec:
    id: str
    heading: str
    reports: tuple[str, ...]
    cumulative: bool
    description: str
    labels: tuple[str, ...] = ()  # known row labels, used to rejoin labels that wrap


HOTLINE = ("hotline_report",)
PROFILE = ("state_profile",)

TRAFFICKING_TYPES = ("Sex", "Labor", "Sex and Labor", "Trafficking Type Not Specified")

TABLES: tuple[TableSpec, ...] = (
    TableSpec("signals", "N Phone Calls / N Emails / N Online Tip Reports", HOTLINE, False,
              "Incoming signals by channel (overview); no percents, no total"),
    TableSpec("summary",
              "Number of Substantive Calls Received from X: N; a total of N unique cases",
              HOTLINE, False, "Substantive calls and cases from the headline sentences"),
    TableSpec("caller_type", "CALLER TYPE", HOTLINE, True, "Substantive calls by caller type", (
        "Victim of Trafficking", "Community Member", "NGO Representative",
        "Family of Trafficking Victim", "Victim of Other Crime", "Legal Professional", "Student",
        "Victim of Labor Exploitation", "Government Official", "Medical Professional",
        "Mental Health Professional", "Friend of Trafficking Victim", "Buyer of Commercial Sex",
        "Other", "Law Enforcement", "Educator/School Personnel", "Anonymous",
        "Business Sector Employee", "Faith-Based Representative", "Hotline Representative",
        "Caller Types Referenced Fewer than Three Times", "Unknown")),
    TableSpec("how_caller_found_hotline", "HOW CALLER FOUND THE NATIONAL HOTLINE", HOTLINE, True,
              "Substantive calls by how the caller found the hotline", (
        "211/311", "Internet-Web Search", "Referral", "Contact Involved in Case", "Television",
        "Conference/Training/Presentation", "Unknown", "Print Material", "Radio",
        "Social Media", "Word of Mouth", "Polaris Website", "Public Service Announcement",
        "Other")),
    TableSpec("primary_reason", "PRIMARY REASON FOR CONTACTING THE NATIONAL HOTLINE", HOTLINE, True,
              "Cases by the primary reason for contacting the hotline", (
        "Report a Trafficking Tip", "Access Service Referrals", "Request Crisis Assistance",
        "Request General Information", "Request Training and Technical Assistance",
        "Request T&TA")),
    TableSpec("venue_industry", "VENUE/INDUSTRY OF POTENTIAL TRAFFICKING", HOTLINE, True,
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
        "Health Care", "Forestry/Logging", "Illicit Activities", "Sales")),
    TableSpec("victim_demographics_labor", "VICTIM DEMOGRAPHICS (LABOR TRAFFICKING CASES)", HOTLINE,
              False, "Labor trafficking cases referencing each demographic (non-cumulative)", (
        "Adults", "Minors", "Females", "Males", "Transgender Females", "Transgender Males",
        "Gender Non-Conforming Individuals", "US Citizens/Legal Permanent Residents",
        "Foreign Nationals")),
    TableSpec("victim_demographics_sex", "VICTIM DEMOGRAPHICS (SEX TRAFFICKING CASES)", HOTLINE,
              False, "Sex trafficking cases referencing each demographic (non-cumulative)", (
        "Adults", "Minors", "Females", "Males", "Transgender Females", "Transgender Males",
        "Gender Non-Conforming Individuals", "US Citizens/Legal Permanent Residents",
        "Foreign Nationals")),
    TableSpec("victim_demographics", "DEMOGRAPHICS OF POTENTIAL PERSONS TRAFFICKED", PROFILE, False,
              "Cases by victim citizenship, gender and age (non-cumulative); parents are groups"),
    TableSpec("sex_trafficking_venues", "SEX TRAFFICKING VENUES", PROFILE, False,
              "Sex trafficking venues; 'All Venues' when all were reported fewer than three times"),
    TableSpec("labor_trafficking_venues", "LABOR TRAFFICKING VENUES", PROFILE, False,
              "Labor trafficking venues; 'All Venues' when all were reported fewer than three "
              "times"),
)  # fmt: skip

BY_ID: dict[str, TableSpec] = {t.id: t for t in TABLES}


def is_cumulative(table_id: str) -> bool:
    """Unknown tables (read from an unknown heading) are assumed cumulative when they total."""
    spec = BY_ID.get(table_id)
    return spec.cumulative if spec else True
