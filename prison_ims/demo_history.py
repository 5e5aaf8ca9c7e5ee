"""Ten years of prison history, simulated bed by bed so every count and rule holds.

Pure Python: persons and beds in, plain rows out. Events run in time order; a person is
admitted only when a bed of the right unit and block (sex, age group, regime: Mandela
Rule 11) is free, moves to a convicted block on conviction, and the bed is freed on release.
Where no convicted bed is free, the court releases the person (time served); the history
therefore never holds more persons than places, and every movement follows the one before.
"""

import heapq
import math
import random
from datetime import UTC, datetime, time, timedelta

from common.timefmt import BELIZE
from prison_ims.times import age_on

YEARS = 10
ADMISSIONS_PER_PLACE_YEAR = 1.8  # candidates a year per place; admissions stop at the cap
OCCUPANCY_CAP = 0.9  # new admissions leave a tenth of each category's places free
SENTENCE_DAYS = {  # (shortest, longest) sentence in days by ICCS section
    "01": (3650, 9125),
    "02": (180, 1460),
    "03": (730, 3650),
    "04": (365, 2555),
    "05": (90, 1095),
    "06": (180, 1825),
    "07": (90, 730),
    "09": (365, 1825),
}
COURTS = ("Belize Magistrate's Court", "Supreme Court, Belize City", "Belmopan Magistrate's Court")


def at_local(day, hour, minute=0):
    """A Belize wall-clock time on `day`, as UTC."""
    return datetime.combine(day, time(hour, minute), BELIZE).astimezone(UTC)


class Bed:
    """One place in a cell; `free_from` is None while occupied."""

    def __init__(self, cell_id):
        self.cell_id, self.free_from = cell_id, datetime.min.replace(tzinfo=UTC)


class Stay:
    """One simulated admission: its movements, status changes and cell stays."""

    def __init__(self, person, start, route, offences):
        self.person, self.start, self.route, self.offences = person, start, route, offences
        self.moves, self.statuses, self.cells = [], [], []
        self.bed, self.regime, self.end = None, None, None
        self.sentence = None  # the release-date working once sentenced: term, remission, ERD

    def place(self, bed, at, reason=""):
        """Close the current cell stay at `at` and open one in `bed`."""
        if self.bed is not None:
            self.bed.free_from = at
            self.cells[-1][2] = at
        bed.free_from = None
        self.bed = bed
        self.cells.append([bed.cell_id, at, None, reason])

    def leave(self, at):
        """Discharge: the bed is free from `at`."""
        self.bed.free_from = at
        self.cells[-1][2] = at
        self.end = at


class History:
    """The simulation: `run()` returns the Stays, current ones with `end` None."""

    def __init__(self, persons, beds, offences, now, seed):
        self.persons, self.beds, self.offences = persons, beds, offences
        self.now, self.rng = now, random.Random(seed)
        self.events, self.seq, self.stays = [], 0, []

    def push(self, at, kind, stay=None):
        """Queue an event (ignored when it falls after now)."""
        if at <= self.now:
            self.seq += 1
            heapq.heappush(self.events, (at, self.seq, kind, stay))

    def group(self, person, at):
        """(sex, age group) of a person at `at`, or None when not admissible."""
        age = age_on(person["dob"], at)
        if age is None or age < 14 or person["sex"] not in ("M", "F"):
            return None
        return person["sex"], "JUVENILE" if age < 18 else "ADULT"

    def free_bed(self, key, at, capped):
        """A free bed of category `key` at `at`, or None (capped: keep a tenth free)."""
        beds = self.beds.get(key, [])
        free = [b for b in beds if b.free_from is not None and b.free_from <= at]
        if not free or (capped and len(beds) - len(free) >= OCCUPANCY_CAP * len(beds)):
            return None
        return self.rng.choice(free)

    def run(self):
        """Simulate from ten years ago to now."""
        t = self.now - timedelta(days=365 * YEARS)
        places = sum(len(beds) for beds in self.beds.values())
        per_day = places * ADMISSIONS_PER_PLACE_YEAR / 365
        while t < self.now:
            self.push(t, "arrive")
            t += timedelta(days=self.rng.expovariate(per_day))
        while self.events:
            at, _, kind, stay = heapq.heappop(self.events)
            getattr(self, f"on_{kind}")(at, stay)
        return self.stays

    def on_arrive(self, at, _):
        rng = self.rng
        for _ in range(6):
            person = rng.choice(self.persons)
            if person["free_from"] <= at and self.group(person, at):
                break
        else:
            return
        sex, age_group = self.group(person, at)
        roll = rng.random()
        route = "CIVIL" if roll < 0.02 else ("SENTENCED" if roll < 0.3 else "REMAND")
        if route == "CIVIL" and (sex, age_group) != ("M", "ADULT"):
            route = "REMAND"
        regime = {"CIVIL": "CIVIL", "SENTENCED": "CONVICTED", "REMAND": "REMAND"}[route]
        bed = self.free_bed((sex, age_group, regime), at, capped=True)
        if bed is None:
            return
        offences = [] if route == "CIVIL" else rng.sample(self.offences, rng.choice((1, 1, 2)))
        stay = Stay(person, at, route, offences)
        person["free_from"] = datetime.max.replace(tzinfo=UTC)
        self.stays.append(stay)
        stay.regime = regime
        stay.moves.append((at, "ADM", "Belize Central Prison", ""))
        status = "SENTENCED" if route == "SENTENCED" else route
        stay.statuses.append((at, None, status, "Admitted"))
        stay.place(bed, at, "Admission")
        self.plan_age_up(stay)
        if route == "CIVIL":
            self.push(at + timedelta(days=rng.randint(14, 90)), "release", stay)
        elif route == "SENTENCED":
            self.push(self.release_time(stay, at, 0), "release", stay)
        else:
            self.plan_remand(stay, at)

    def plan_remand(self, stay, at):
        """Court trips while on remand, then the hearing that ends the remand."""
        rng = self.rng
        serious = any(o["iccs"].startswith("01") for o in stay.offences)
        days = min(rng.lognormvariate(math.log(420 if serious else 120), 0.8), 1600)
        end_day = (at + timedelta(days=max(days, 3))).astimezone(BELIZE).date()
        day = at.astimezone(BELIZE).date() + timedelta(days=rng.randint(7, 28))
        while day < end_day:
            out, back = at_local(day, 8), at_local(day, 15, 30)
            if out <= self.now:
                stay.moves.append((out, "CRT", rng.choice(COURTS), "Remand hearing"))
            if back <= self.now:
                stay.moves.append((back, "RET", "", "Remanded in custody"))
            day += timedelta(days=rng.randint(21, 56))
        self.push(at_local(end_day, 8), "hearing", stay)

    def on_hearing(self, at, stay):
        if stay.end is not None:
            return
        rng, court = self.rng, rng_court(self.rng)
        stay.moves.append((at, "CRT", court, "Trial"))
        if rng.random() < 0.45:
            why = rng.choice(("Bail granted", "Acquitted", "Charges withdrawn", "Discharged"))
            self.release(stay, at + timedelta(hours=4), why)
            return
        back = at + timedelta(hours=7)
        key = (*self.group(stay.person, at), "CONVICTED")
        bed = self.free_bed(key, back, capped=True)
        if bed is None:
            self.release(stay, at + timedelta(hours=4), "Sentenced to time already served")
            return
        stay.moves.append((back, "RET", "", "Convicted"))
        if rng.random() < 0.25:
            stay.statuses.append((back, "REMAND", "CONVICTED_UNSENTENCED", "Convicted at trial"))
            stay.place(bed, back, "Convicted")
            stay.regime = "CONVICTED"
            self.push(back + timedelta(days=rng.randint(14, 60)), "sentence", stay)
        else:
            stay.statuses.append((back, "REMAND", "SENTENCED", "Convicted and sentenced"))
            stay.place(bed, back, "Convicted")
            stay.regime = "CONVICTED"
            self.push(self.release_time(stay, back, (back - stay.start).days), "release", stay)

    def on_sentence(self, at, stay):
        if stay.end is not None:
            return
        day = at.astimezone(BELIZE).date()
        out, back = at_local(day, 8), at_local(day, 15)
        stay.moves.append((out, "CRT", rng_court(self.rng), "Sentencing"))
        if back > self.now:
            return
        stay.moves.append((back, "RET", "", "Sentenced"))
        stay.statuses.append((back, "CONVICTED_UNSENTENCED", "SENTENCED", "Sentenced"))
        self.push(self.release_time(stay, back, (back - stay.start).days), "release", stay)

    def release_time(self, stay, start, remand_days):
        """Sentence start + term − remission (a third) − remand credit, at 09:00."""
        section = stay.offences[0]["iccs"][:2] if stay.offences else ""
        low, high = SENTENCE_DAYS.get(section, (30, 365))
        term = self.rng.randint(low, high)
        remission = term // 3 if term > 31 else 0
        served = term - remission - remand_days
        day = (start + timedelta(days=max(served, 1))).astimezone(BELIZE).date()
        stay.sentence = {"term": term, "remission": remission, "remand": remand_days, "erd": day}
        return at_local(day, 9)

    def on_release(self, at, stay):
        if stay.end is None:
            self.release(stay, at, "Sentence served" if stay.route != "CIVIL" else "Debt paid")

    def release(self, stay, at, reason):
        """Discharge now or, when `at` is after now, leave the person at court/in custody."""
        if at > self.now:
            return
        stay.moves.append((at, "REL", "", reason))
        stay.leave(at)
        stay.person["free_from"] = at + timedelta(days=self.rng.randint(30, 400))

    def plan_age_up(self, stay):
        """A juvenile reaching adult age moves to an adult unit on the birthday."""
        person = stay.person
        if self.group(person, stay.start)[1] != "JUVENILE":
            return
        dob = person["dob"]
        try:
            birthday = dob.replace(year=dob.year + 18)
        except ValueError:
            birthday = dob.replace(year=dob.year + 18, day=28)
        self.push(at_local(birthday, 10), "age_up", stay)

    def on_age_up(self, at, stay):
        if stay.end is not None:
            return
        bed = self.free_bed((stay.person["sex"], "ADULT", stay.regime), at, capped=False)
        if bed is not None:
            stay.place(bed, at, "Reached adult age (Rule 11(d))")


def rng_court(rng):
    """A court of the country."""
    return rng.choice(COURTS)
