"""A fictional organisation and its leavers, with interviews that tell a coherent story.

Pure Python (no Django): the seed_demo command turns these rows into database rows. One seeded
random.Random drives everything, so the same seed, number of departures and `today` always give
exactly the same data, uuids and link hashes included.
"""

import base64
import bisect
import calendar
import itertools
import random
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.core import segments, tokens
from exitlens.demo import organisation, phrases

# One answer: (question key, text, number, chosen option values).
DemoAnswer = tuple[str, str, int | None, tuple[str, ...]]

QUESTION_KEYS = (
    "attraction",
    "expectations",
    "expectations_met",
    "reason",
    "main_reason",
    "contributing_reasons",
    "retention",
    "liked_most",
    "liked_least",
    "recommend",
    "come_back",
)
INTERVIEW_LANGUAGES = ("nl", "en")
WORK_DOMAIN = "example.org"
PERSONAL_DOMAIN = "example.com"

DEPARTURE_TYPES = {
    "resignation": 65,
    "dismissal": 10,
    "end_of_contract": 12,
    "retirement": 8,
    "other": 5,
}
VOLUNTARY_TYPES = ("resignation", "retirement")
LANGUAGE_WEIGHTS = {"nl": 75, "en": 20, "es": 3, "de": 2}
REHIRE_CHANCE = {
    "resignation": 0.93,
    "dismissal": 0.15,
    "end_of_contract": 0.85,
    "retirement": 0.75,
    "other": 0.8,
}
# Busier in January (new year, new job), after the summer and at the end of the year.
SEASON = (1.4, 0.9, 1.0, 0.9, 1.0, 1.1, 1.2, 1.5, 1.3, 1.0, 0.9, 1.2)
DEPARTMENT_WEIGHTS = {
    "Klantenservice": 16,
    "Magazijn": 14,
    "Logistiek": 10,
    "Binnendienst": 6,
    "Servicedesk": 6,
    "Planning": 5,
    "Buitendienst": 5,
    "Applicatiebeheer": 5,
    "Facilitaire Dienst": 5,
    "Directie": 1,
    "Salarisadministratie": 2,
    "Recruitment": 2,
}
DESTINATION_WEIGHTS = {
    "Concurrent": 30,
    "Andere sector": 18,
    "Overheid": 10,
    "Eigen bedrijf / zzp": 8,
    "Uitzend- of detacheringsbureau": 6,
    "Studie": 4,
    "Pensioen": 1,
    "Nog onbekend": 14,
}
MAIN_THEME_WEIGHTS = {
    "career": 16,
    "manager": 13,
    "pay": 13,
    "workload": 12,
    "work_life": 11,
    "leadership": 10,
    "personal": 6,
    "learning": 5,
    "culture": 5,
    "recognition": 5,
    "communication": 4,
    "job_content": 4,
    "location": 3,
    "conditions": 2,
}
# A few departments get a hotspot, so the insights have something to find.
HOTSPOT_BOOSTS = (("manager", 5.0), ("workload", 3.0), ("pay", 3.0))
ATTRACTION_WEIGHTS = {
    "pay": 3,
    "career": 3,
    "job_content": 3,
    "culture": 2,
    "location": 2,
    "work_life": 2,
    "learning": 2,
}
LIKED_MOST_WEIGHTS = {"culture": 6, "job_content": 3, "work_life": 2, "learning": 2, "manager": 2}
# Story means: how well expectations were met (1-5) and the recommend score (0-10).
EXPECTATIONS_MEAN = {
    "job_content": 2.0,
    "manager": 2.5,
    "leadership": 2.6,
    "workload": 2.6,
    "culture": 2.6,
    "recognition": 2.8,
    "personal": 4.1,
    "location": 3.9,
}
RECOMMEND_MEAN = {
    "manager": 3.0,
    "leadership": 3.4,
    "culture": 4.3,
    "communication": 4.8,
    "workload": 5.0,
    "recognition": 5.0,
    "conditions": 5.5,
    "job_content": 5.5,
    "work_life": 6.0,
    "pay": 6.5,
    "career": 7.0,
    "learning": 7.0,
    "location": 8.0,
    "personal": 8.3,
}

INTERVIEWED_SHARE = 0.70
NAMED, CONFIDENTIAL, ANONYMOUS = "named", "confidential", "anonymous"
NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"


@dataclass(slots=True)
class DemoManager:
    name: str
    email: str


@dataclass(slots=True)
class DemoDepartment:
    name: str
    parent: int | None  # index in DemoGenerator.departments
    manager: int  # index in DemoGenerator.managers


@dataclass(slots=True)
class DemoLink:
    token_hash: str
    created_at: datetime


@dataclass(slots=True)
class DemoInvitation:
    sent_to: str
    sent_by: int | None  # index among the staff users, if there are any
    sent_at: datetime
    expires_at: datetime
    status: str
    reminders_sent: int
    last_reminded_at: datetime | None
    links: list[DemoLink]
    linked: bool  # False once an anonymous interview was detached


@dataclass(slots=True)
class DemoInterview:
    id: uuid.UUID
    mode: str
    confidentiality: str
    status: str
    language: str
    interviewer: int | None  # index among the staff users
    scheduled_at: datetime | None
    meeting_place: str
    started_at: datetime | None
    completed_at: datetime | None
    department: int | None
    tenure_band: str
    leave_quarter: str
    completed_quarter: str
    detached: bool  # a completed anonymous interview: no link to its departure
    answers: list[DemoAnswer] = field(default_factory=list)


@dataclass(slots=True)
class DemoDeparture:
    number: int  # 1, 2, ... in order of generation
    code: uuid.UUID
    full_name: str
    work_email: str
    personal_email: str
    language: str
    department: int
    manager: int
    job_title: str
    location: str
    hire_date: date
    leave_date: date
    departure_type: str
    registered_at: datetime  # when HR entered it: created_at, and updated_at until it changed
    updated_at: datetime
    regrettable: bool
    external_id: str
    destination: str
    eligible_for_rehire: bool
    outcome: str
    responded_anonymously: bool
    interview: DemoInterview | None
    invitation: DemoInvitation | None


Choice = tuple[list, list[float]]


def _chooser(weights: dict) -> Choice:
    """Keys and cumulative weights, for a fast weighted pick with bisect."""
    keys = list(weights)
    return keys, list(itertools.accumulate(weights[key] for key in keys))


TYPE_CHOICE = _chooser(DEPARTURE_TYPES)
CONTRIBUTING_COUNT = _chooser({0: 25, 1: 35, 2: 25, 3: 15})
# Would they come back, for a recommend score of 8-10, 5-7 and 0-4.
COME_BACK = (
    _chooser({"yes": 55, "maybe": 35, "no": 10}),
    _chooser({"yes": 20, "maybe": 50, "no": 30}),
    _chooser({"yes": 3, "maybe": 22, "no": 75}),
)
LANGUAGE_CHOICE = _chooser(LANGUAGE_WEIGHTS)


def _email_part(text: str) -> str:
    text = text.replace("ı", "i").replace("ł", "l")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in ascii_text.lower() if char.isalnum())


class DemoGenerator:
    """Managers and departments on creation; departures streamed by departures(count)."""

    def __init__(
        self,
        seed: int,
        today: date,
        *,
        staff_count: int = 0,
        tz: tzinfo = UTC,
        invitation_valid_days: int = 30,
    ) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.staff_count = staff_count
        self.tz = tz
        self.valid_days = timedelta(days=invitation_valid_days)
        self.midnight = datetime(today.year, today.month, today.day, tzinfo=tz)
        self._seen_emails: dict[str, int] = {}
        self._email_parts: dict[str, str] = {}
        self._build_phrase_banks()
        self._build_organisation()
        self._build_calendar()

    # -- setup ---------------------------------------------------------------------------

    def _build_phrase_banks(self) -> None:
        self.banks: dict[tuple[str, str, str], list[str]] = {}
        self.bank_themes: dict[tuple[str, str], list[str]] = {}
        for lang in INTERVIEW_LANGUAGES:
            for key, by_theme in phrases.PHRASES[lang].items():
                self.bank_themes[lang, key] = [t for t in THEME_IDS if by_theme.get(t)]
                for theme in THEME_IDS:
                    # A theme without phrases for this question gets a content-free answer.
                    self.banks[lang, key, theme] = (
                        by_theme.get(theme) or phrases.EMPTY_ANSWERS[lang]
                    )
        known = set(self.bank_themes["en", "attraction"])
        self.attraction = _chooser({t: w for t, w in ATTRACTION_WEIGHTS.items() if t in known})
        liked = self.bank_themes["en", "liked_most"]
        self.liked_most = _chooser({t: LIKED_MOST_WEIGHTS.get(t, 1) for t in liked})

    def _build_organisation(self) -> None:
        rng = self.rng
        index = {name: i for i, (name, _parent) in enumerate(organisation.DEPARTMENTS)}
        self.managers: list[DemoManager] = []
        self.departments: list[DemoDepartment] = []
        used_names: set[str] = set()
        for i, (name, parent) in enumerate(organisation.DEPARTMENTS):
            full_name = self._name()
            while full_name in used_names:
                full_name = self._name()
            used_names.add(full_name)
            self.managers.append(DemoManager(full_name, self._email(full_name, WORK_DOMAIN)))
            self.departments.append(DemoDepartment(name, index.get(parent), i))
        self.department_choice = _chooser(
            {
                i: DEPARTMENT_WEIGHTS.get(name, 4)
                for i, (name, _p) in enumerate(organisation.DEPARTMENTS)
            }
        )
        locations = organisation.LOCATIONS
        location_weights = [max(1, 8 - i) for i in range(len(locations))]
        location_weights[0] = 20  # head office
        self.location_choice = (locations, list(itertools.accumulate(location_weights)))
        self.home_location = [self._pick(self.location_choice) for _ in self.departments]
        self.title_choice = []
        for name, _parent in organisation.DEPARTMENTS:
            titles = organisation.JOB_TITLES.get(name) or [""]
            weights = itertools.accumulate(1 / (i + 1) ** 0.8 for i in range(len(titles)))
            self.title_choice.append((titles, list(weights)))
        themes = {t: MAIN_THEME_WEIGHTS.get(t, 2) for t in THEME_IDS}
        self.theme_choice = [_chooser(themes) for _ in self.departments]
        hotspots = rng.sample(range(len(self.departments)), len(HOTSPOT_BOOSTS))
        for department, (theme, boost) in zip(hotspots, HOTSPOT_BOOSTS, strict=True):
            if theme in themes:
                self.theme_choice[department] = _chooser({**themes, theme: themes[theme] * boost})
        self.contributing_choice = _chooser({t: w for t, w in themes.items() if t != "personal"})
        self.destination_choice = _chooser(
            {d: DESTINATION_WEIGHTS.get(d, 5) for d in organisation.DESTINATIONS}
        )

    def _build_calendar(self) -> None:
        """Months of the last two years, weighted: some months are busier than others."""
        rng = self.rng
        first = self.today - timedelta(days=730)
        self.months: list[tuple[date, date, date | None]] = []
        weights = []
        year, month = first.year, first.month
        while (year, month) <= (self.today.year, self.today.month):
            last_day = calendar.monthrange(year, month)[1]
            start = max(date(year, month, 1), first)
            month_end = date(year, month, last_day)
            end = min(month_end, self.today)
            share = ((end - start).days + 1) / last_day
            trend = 0.85 + 0.3 * len(self.months) / 25
            weights.append(SEASON[month - 1] * rng.uniform(0.75, 1.35) * share * trend)
            self.months.append((start, end, month_end if month_end <= self.today else None))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        self.month_weights = list(itertools.accumulate(weights))

    # -- small helpers -------------------------------------------------------------------

    def _pick(self, choice: Choice):
        keys, cumulative = choice
        return keys[bisect.bisect(cumulative, self.rng.random() * cumulative[-1])]

    def _one(self, items: Sequence):
        return items[int(self.rng.random() * len(items))]

    def _int(self, low: int, high: int) -> int:
        return low + int(self.rng.random() * (high - low + 1))

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _name(self) -> str:
        return f"{self._one(organisation.FIRST_NAMES)} {self._one(organisation.LAST_NAMES)}"

    def _email(self, full_name: str, domain: str) -> str:
        parts = self._email_parts.get(full_name)
        if parts is None:
            first, _space, last = full_name.partition(" ")
            parts = self._email_parts[full_name] = f"{_email_part(first)}.{_email_part(last)}"
        address = f"{parts}@{domain}"
        seen = self._seen_emails.get(address, 0)
        self._seen_emails[address] = seen + 1
        return address if not seen else f"{parts}{seen + 1}@{domain}"

    def _at(self, day: date, hour: int, minute: int) -> datetime:
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.tz)

    def _staff(self) -> int | None:
        draw = self.rng.random()  # drawn even without staff, so the rest of the data is the same
        return int(draw * self.staff_count) if self.staff_count else None

    # -- departures ----------------------------------------------------------------------

    def departures(self, count: int) -> Iterator[DemoDeparture]:
        for number in range(1, count + 1):
            yield self._departure(number)

    def _leave_date(self) -> date:
        rng = self.rng
        if rng.random() < 0.025:  # a few leave in the coming weeks
            day = self.today + timedelta(days=self._int(1, 45))
            month_end = date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
            return month_end if rng.random() < 0.5 else day
        start, end, month_end = self.months[
            bisect.bisect(self.month_weights, rng.random() * self.month_weights[-1])
        ]
        if month_end is not None and rng.random() < 0.35:  # contracts often end with the month
            return month_end
        return start + timedelta(days=self._int(0, (end - start).days))

    def _tenure_days(self, departure_type: str) -> int:
        rng = self.rng
        if departure_type == "retirement":
            years = rng.triangular(8, 25, 20)
        elif departure_type == "end_of_contract":
            years = min(rng.lognormvariate(-0.3, 0.6), 3.0)
        elif departure_type == "dismissal":
            years = rng.lognormvariate(0.2, 0.9)
        else:
            years = rng.lognormvariate(0.85 if departure_type == "resignation" else 1.1, 0.95)
        return min(max(int(years * 365.25), 31), 25 * 365 - 31)

    def _departure(self, number: int) -> DemoDeparture:
        rng = self.rng
        departure_type = self._pick(TYPE_CHOICE)
        department = self._pick(self.department_choice)
        leave_date = self._leave_date()
        hire_date = leave_date - timedelta(days=self._tenure_days(departure_type))
        if rng.random() < 0.5:
            hire_date = hire_date.replace(day=1)
        full_name = self._name()
        language = self._pick(LANGUAGE_CHOICE)
        personal_email = ""
        if rng.random() < 0.55:
            personal_email = self._email(full_name, PERSONAL_DOMAIN)
        if rng.random() < 0.75:
            location = self.home_location[department]
        else:
            location = self._pick(self.location_choice)
        resignation = departure_type == "resignation"
        registered = max(leave_date - timedelta(days=self._int(14, 75)), hire_date)
        registered_at = self._at(
            min(registered, self.today - timedelta(days=1)), self._int(8, 17), self._int(0, 59)
        )
        departure = DemoDeparture(
            number=number,
            code=self._uuid(),
            full_name=full_name,
            work_email=self._email(full_name, WORK_DOMAIN),
            personal_email=personal_email,
            language=language,
            department=department,
            manager=self.departments[department].manager,
            job_title=self._pick(self.title_choice[department]),
            location=location,
            hire_date=hire_date,
            leave_date=leave_date,
            departure_type=departure_type,
            registered_at=registered_at,
            updated_at=registered_at,
            regrettable=resignation and rng.random() < 0.4,
            external_id=f"HR-{number:06d}",
            destination=self._pick(self.destination_choice)
            if resignation and rng.random() < 0.92
            else "",
            eligible_for_rehire=rng.random() < REHIRE_CHANCE.get(departure_type, 0.8),
            outcome="pending",
            responded_anonymously=False,
            interview=None,
            invitation=None,
        )
        if (
            departure_type in VOLUNTARY_TYPES
            and leave_date <= self.today
            and rng.random() < INTERVIEWED_SHARE
        ):
            self._interview(departure)
        return departure

    # -- interviews ----------------------------------------------------------------------

    def _interview(self, departure: DemoDeparture) -> None:
        rng = self.rng
        # Recent leavers are often still busy with it; older invitations have expired.
        days_ago = (self.today - departure.leave_date).days
        completed = rng.random() < (0.4 if days_ago < 30 else 0.8 if days_ago < 90 else 0.9)
        draw = rng.random()
        confidentiality = NAMED if draw < 0.2 else CONFIDENTIAL if draw < 0.8 else ANONYMOUS
        language = "nl" if departure.language == "nl" else "en"
        interviewer = self._staff()
        interview = DemoInterview(
            id=self._uuid(),
            mode="self_service",
            confidentiality=confidentiality,
            status=COMPLETED if completed else NOT_STARTED,
            language=language,
            interviewer=None,
            scheduled_at=None,
            meeting_place="",
            started_at=None,
            completed_at=None,
            department=None,
            tenure_band="",
            leave_quarter="",
            completed_quarter="",
            detached=False,
        )
        departure.interview = interview
        if completed and rng.random() < 0.15:
            self._schedule(interview, departure, interviewer)
        else:
            self._invite(interview, departure)
        answers = self._answers(departure, language)
        if completed:
            interview.answers = answers
            interview.department = departure.department
            interview.tenure_band = segments.tenure_band(departure.hire_date, departure.leave_date)
            interview.leave_quarter = segments.quarter(departure.leave_date)
            interview.completed_quarter = segments.quarter(
                interview.completed_at.astimezone(self.tz).date()
            )
            departure.outcome = "retained" if rng.random() < 0.05 else "exit_confirmed"
            departure.updated_at = max(interview.completed_at, departure.registered_at)
            if confidentiality == ANONYMOUS:
                self._detach(interview, departure)
        elif interview.started_at is not None:
            interview.status = IN_PROGRESS
            interview.answers = answers[: self._int(1, 8)]

    def _schedule(
        self, interview: DemoInterview, departure: DemoDeparture, staff: int | None
    ) -> None:
        rng = self.rng
        day = min(departure.leave_date, self.today) - timedelta(days=self._int(1, 10))
        if day.weekday() >= 5:
            day -= timedelta(days=day.weekday() - 4)
        interview.mode = "interviewer"
        interview.interviewer = staff
        interview.scheduled_at = self._at(day, self._int(9, 16), self._one((0, 30)))
        interview.started_at = interview.scheduled_at
        interview.completed_at = interview.scheduled_at + timedelta(minutes=self._int(40, 90))
        if rng.random() < 0.4:
            interview.meeting_place = f"https://meet.{WORK_DOMAIN}/exit-{rng.getrandbits(32):08x}"
        else:
            room = "Spreekkamer" if interview.language == "nl" else "Meeting room"
            interview.meeting_place = f"{room} {self._int(1, 6)}, {departure.location}"

    def _invite(self, interview: DemoInterview, departure: DemoDeparture) -> None:
        rng = self.rng
        day = min(
            departure.leave_date - timedelta(days=self._int(0, 14)), self.today - timedelta(1)
        )
        sent_at = self._at(day, self._int(8, 16), self._int(0, 59))
        room = self.midnight - sent_at  # time between sending and the start of today
        links = [DemoLink(self._token_hash(), sent_at)]
        reminders: list[datetime] = []
        if interview.status == COMPLETED or rng.random() < 0.45:
            days = int(rng.expovariate(1 / 1.5))
            started_at = sent_at + timedelta(days=days, minutes=self._int(10, 360))
            if started_at + timedelta(hours=1) > self.midnight:
                started_at = sent_at + timedelta(minutes=room // timedelta(minutes=2))
            interview.started_at = started_at
            interview.completed_at = started_at + timedelta(minutes=self._int(6, 45))
            reminded_until = started_at
        else:
            reminded_until = min(sent_at + self.valid_days, self.midnight)
        reminder = sent_at + timedelta(days=5)
        while reminder < reminded_until and len(reminders) < 2:
            reminders.append(reminder)
            links.append(DemoLink(self._token_hash(), reminder))
            reminder += timedelta(days=5)
        expires_at = sent_at + self.valid_days
        if interview.status == COMPLETED:
            status = "completed"
        else:
            interview.completed_at = None
            status = "open" if expires_at > self.midnight else "expired"
        departure.invitation = DemoInvitation(
            sent_to=departure.personal_email or departure.work_email,
            sent_by=self._staff(),
            sent_at=sent_at,
            expires_at=expires_at,
            status=status,
            reminders_sent=len(reminders),
            last_reminded_at=reminders[-1] if reminders else None,
            links=links,
            linked=True,
        )

    def _token_hash(self) -> str:
        token = self.rng.getrandbits(256).to_bytes(32, "big")
        return tokens.hash_token(base64.urlsafe_b64encode(token).rstrip(b"=").decode("ascii"))

    def _detach(self, interview: DemoInterview, departure: DemoDeparture) -> None:
        """As services.interviews.anonymise_interview leaves it: only the three segments."""
        interview.detached = True
        interview.language = ""
        interview.mode = ""
        interview.completed_quarter = ""
        interview.interviewer = None
        interview.scheduled_at = None
        interview.meeting_place = ""
        interview.started_at = None
        interview.completed_at = None
        departure.responded_anonymously = True
        departure.updated_at = departure.registered_at
        if departure.invitation is not None:
            departure.invitation.linked = False

    # -- answers -------------------------------------------------------------------------

    def _text(
        self, lang: str, key: str, theme: str, second: str | None, join: float, empty: float
    ) -> str:
        rng = self.rng
        draw = rng.random()
        if draw < empty * 0.4:
            return ""
        if draw < empty:
            return self._one(phrases.EMPTY_ANSWERS[lang])
        text = self._one(self.banks[lang, key, theme])
        if second is not None and rng.random() < join:
            other = self._one(self.banks[lang, key, second])
            if other != text and other[-1] in ".!?" and text[-1] in ".!?":
                connector, lower_next = self._one(phrases.CONNECTORS[lang])
                text = f"{text}{connector}{other[0].lower() + other[1:] if lower_next else other}"
        return text

    def _answers(self, departure: DemoDeparture, lang: str) -> list[DemoAnswer]:
        rng = self.rng
        if departure.departure_type == "retirement" and rng.random() < 0.85:
            main = "personal"
        else:
            main = self._pick(self.theme_choice[departure.department])
        contributing: list[str] = []
        for _ in range(self._pick(CONTRIBUTING_COUNT)):
            theme = self._pick(self.contributing_choice)
            if theme != main and theme not in contributing:
                contributing.append(theme)
        second = contributing[0] if contributing else None

        met = round(rng.gauss(EXPECTATIONS_MEAN.get(main, 3.1), 0.9))
        met = min(max(met, 1), 5)
        mean = RECOMMEND_MEAN.get(main, 6.0)
        mean -= 0.8 * sum(theme in ("manager", "leadership") for theme in contributing)
        recommend = min(max(round(rng.gauss(mean, 1.6)), 0), 10)
        come_back = self._pick(COME_BACK[0 if recommend >= 8 else 1 if recommend >= 5 else 2])

        if main in self.attraction[0] and rng.random() < 0.2:
            attraction_theme = main  # what drew them in is what let them down
        else:
            attraction_theme = self._pick(self.attraction)
        liked_theme = self._pick(self.liked_most)
        for _ in range(5):  # what they liked best is not why they left
            if liked_theme != main and liked_theme not in contributing:
                break
            liked_theme = self._pick(self.liked_most)
        least = main if not contributing or rng.random() < 0.75 else self._one(contributing)
        retention = main if not contributing or rng.random() < 0.8 else self._one(contributing)
        bucket = "met" if met >= 4 else "partly" if met == 3 else "not_met"
        expectations = self._one(phrases.EXPECTATIONS[lang][bucket])
        if rng.random() < 0.06:
            expectations = "" if rng.random() < 0.5 else self._one(phrases.EMPTY_ANSWERS[lang])
        return [
            (
                "attraction",
                self._text(lang, "attraction", attraction_theme, None, 0, 0.08),
                None,
                (),
            ),
            ("expectations", expectations, None, ()),
            ("expectations_met", "", met if rng.random() > 0.02 else None, ()),
            ("reason", self._text(lang, "reason", main, second, 0.35, 0.02), None, ()),
            ("main_reason", "", None, (main,)),
            ("contributing_reasons", "", None, tuple(contributing)),
            ("retention", self._text(lang, "retention", retention, None, 0, 0.1), None, ()),
            ("liked_most", self._text(lang, "liked_most", liked_theme, None, 0, 0.06), None, ()),
            ("liked_least", self._text(lang, "liked_least", least, second, 0.2, 0.06), None, ()),
            ("recommend", "", recommend if rng.random() > 0.03 else None, ()),
            ("come_back", "", None, (come_back,) if rng.random() > 0.04 else ()),
        ]


def generate(
    departures: int,
    seed: int,
    today: date,
    *,
    staff_count: int = 0,
    tz: tzinfo = UTC,
    invitation_valid_days: int = 30,
) -> tuple[DemoGenerator, Sequence[DemoDeparture]]:
    """Everything at once, for tests and small runs; the command streams instead."""
    generator = DemoGenerator(
        seed, today, staff_count=staff_count, tz=tz, invitation_valid_days=invitation_valid_days
    )
    return generator, list(generator.departures(departures))
