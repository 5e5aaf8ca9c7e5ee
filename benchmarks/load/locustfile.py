"""Realistic load on the suite: prison officers, court clerks and lab staff at work.

Each simulated user signs in with a demo account and repeats the flows of their job with
think time between pages. Request names are the flows (`prison: search`, ...) so locust's
statistics come out per flow. A write that the system refuses (a stale form, a conflict)
counts as an error: the target is none. The users are FastHttpUsers (geventhttpclient): the
load generator shares the machine with the server, so its own cost per request is kept low.

    locust -f benchmarks/load/locustfile.py --host http://127.0.0.1:8000
"""

import itertools
import os
import random
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from locust import FastHttpUser, between, task

DEMO_PASSWORD = "Belize-Demo-2026"  # noqa: S105 - the documented demo credential
BELIZE = ZoneInfo("America/Belize")
SURNAMES = ["Castillo", "Garcia", "Young", "Flowers", "Usher", "Chi", "Coc", "Arzu", "Pop", "Cal"]
# Think time between pages, in seconds ("low,high"); the smoke test in the suite shortens it.
THINK = [float(x) for x in os.environ.get("LOAD_THINK_SECONDS", "1,3").split(",")]
_lab_seats = itertools.count()
LAB_SEATS = 16  # lab users pick disjoint items, so no two hand over the same one


def csrf_of(html):
    """The CSRF token of the first form on a page."""
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    return found.group(1) if found else ""


def links(html, pattern):
    """Ids captured by `pattern` in a page's links."""
    return [int(x) for x in re.findall(pattern, html)]


def options_of(html, name):
    """The option values of the select named `name`."""
    block = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    return re.findall(r'<option[^>]*value="([^"]+)"', block.group(1)) if block else []


class SignedInUser(FastHttpUser):
    """A member of staff who signs in once and keeps the session."""

    abstract = True
    wait_time = between(*THINK)
    email = ""
    found = ()

    def on_start(self):
        page = self.client.get("/login", name="sign in")
        self.client.post(
            "/login",
            data={"email": self.email, "password": DEMO_PASSWORD, "csrf_token": csrf_of(page.text)},
            name="sign in",
        )

    def get(self, url, name):
        """GET a page, failing the request unless it is a 200."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} on {url}")
            return response.text

    def post(self, url, data, name, expect=302):
        """POST a form without following the redirect, failing it unless `expect` comes."""
        with self.client.post(
            url, data=data, name=name, catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != expect:
                problem = re.search(
                    r'class="[^"]*invalid-feedback[^"]*"[^>]*>([^<]+)', response.text
                )
                response.failure(
                    f"{response.status_code} on {url}: {problem.group(1) if problem else ''}"
                )
            return response


class PrisonOfficer(SignedInUser):
    """Searches the register, reads inmate files, checks the roll, admits arrivals."""

    weight = 2
    email = "officer@demo.justice.bz"

    @task(5)
    def search(self):
        html = self.get(f"/prison/admissions/?q={random.choice(SURNAMES)}", "prison: search")
        self.found = links(html, r'href="/prison/admissions/(\d+)"') or self.found
        if not self.found:
            html = self.get("/prison/admissions/", "prison: search")
            self.found = links(html, r'href="/prison/admissions/(\d+)"')

    @task(5)
    def view_inmate(self):
        if self.found:
            self.get(f"/prison/admissions/{random.choice(self.found)}", "prison: view inmate")

    @task(2)
    def home(self):
        self.get("/prison/", "prison: home")

    @task(1)
    def roll(self):
        self.get("/prison/movements/roll", "prison: roll")

    @task(1)
    def admit(self):
        html = self.get("/prison/admissions/new", "prison: admission form")
        offences = options_of(html, "offences-0-offence")
        when = datetime.now(BELIZE) - timedelta(minutes=30)
        n = random.randint(1000, 9999)
        self.post(
            "/prison/admissions/new",
            {
                "csrf_token": csrf_of(html),
                "authority_type": "REMAND_WARRANT",
                "authority_court": "Belize Magistrate's Court",
                "authority_date": (when.date() - timedelta(days=1)).isoformat(),
                "authority_reference": f"RW-{n}/{when.year}",
                "legal_status": "REMAND",
                "given_name": random.choice(["Marvin", "Keron", "Jorge", "Alicia", "Dwayne"]),
                "surname": f"{random.choice(SURNAMES)}-Load{n}",
                "date_of_birth": (
                    date(1975, 1, 1) + timedelta(days=random.randint(0, 9000))
                ).isoformat(),
                "sex": random.choice("MF"),
                "gender_identity": "",
                "admitted_at": when.strftime("%Y-%m-%dT%H:%M"),
                "arrested_at": (when - timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M"),
                "arrest_place": "Belize City",
                "visible_injuries": "none seen",
                "ill_treatment_claims": "",
                "next_of_kin_name": "Ana Castillo",
                "person_id": "",
                "offences-0-offence": random.choice(
                    [o for o in offences if o not in ("", "0")] or [""]
                ),
            },
            "prison: admit",
        )


class CourtClerk(SignedInUser):
    """Searches cases, reads case files and the cause list, lists hearings."""

    weight = 2
    email = "clerk@demo.justice.bz"
    pending = None

    @task(5)
    def search(self):
        html = self.get(f"/court/cases/?q={random.choice(SURNAMES)}", "court: search")
        self.found = links(html, r'href="/court/cases/(\d+)"') or self.found
        if not self.found:
            html = self.get("/court/cases/?status=PENDING", "court: search")
            self.found = links(html, r'href="/court/cases/(\d+)"')

    @task(5)
    def view_case(self):
        if self.found:
            self.get(f"/court/cases/{random.choice(self.found)}", "court: view case")

    @task(1)
    def cause_list(self):
        self.get("/court/cause-list/", "court: cause list")

    @task(1)
    def add_hearing(self):
        if not self.pending:
            html = self.get("/court/cases/?status=PENDING", "court: search")
            self.pending = links(html, r'href="/court/cases/(\d+)"')
        if not self.pending:
            return
        case_id = random.choice(self.pending)
        html = self.get(f"/court/cases/{case_id}", "court: view case")
        rooms = [r for r in options_of(html, "courtroom_id") if r not in ("", "0")]
        if 'name="hearing_type"' not in html or not rooms:
            self.pending.remove(case_id)  # disposed meanwhile: it takes no new hearing
            return
        today = datetime.now(BELIZE).date()
        self.post(
            f"/court/cases/{case_id}/hearings",
            {
                "csrf_token": csrf_of(html),
                "hearing_type": "MENTION",
                "scheduled_on": (today + timedelta(days=random.randint(7, 60))).isoformat(),
                "scheduled_time": "09:30",
                "courtroom_id": random.choice(rooms),
            },
            "court: add hearing",
        )


class LabStaff(SignedInUser):
    """Searches lab cases, reads items, takes an item out of storage and puts it back."""

    weight = 1
    email = "intake@demo.justice.bz"

    cases = ()

    def on_start(self):
        super().on_start()
        self.seat = next(_lab_seats) % LAB_SEATS

    @task(4)
    def search(self):
        html = self.get("/lims/cases/", "lims: cases")
        self.cases = links(html, r'href="/lims/cases/(\d+)"')

    @task(4)
    def view_case(self):
        if self.cases:
            self.get(f"/lims/cases/{random.choice(self.cases)}", "lims: view case")

    @task(2)
    def transfer(self):
        storage = self.get("/lims/storage/", "lims: storage")
        places = links(storage, r'href="/lims/storage/(\d+)"')
        if not places:
            return
        location_id = random.choice(places)
        shelf = self.get(f"/lims/storage/{location_id}", "lims: storage")
        items = [i for i in links(shelf, r'href="/lims/items/(\d+)"') if i % LAB_SEATS == self.seat]
        if not items:
            return
        item_id = random.choice(items)
        me = self._me(item_id)
        self._move(item_id, {"to_kind": "PERSON", "to_user_id": me, "purpose": "ANALYSIS"})
        self._move(
            item_id,
            {"to_kind": "LOCATION", "to_location_id": str(location_id), "purpose": "STORAGE"},
        )

    def _me(self, item_id):
        html = self.get(f"/lims/items/{item_id}", "lims: view item")
        self.item_page = html
        match = re.search(r'<option[^>]*value="(\d+)"[^>]*>[^<]*Rosa Chi', html)
        return match.group(1) if match else ""

    def _move(self, item_id, target):
        html = getattr(self, "item_page", "") or self.get(
            f"/lims/items/{item_id}", "lims: view item"
        )
        self.item_page = ""
        self.post(
            f"/lims/items/{item_id}/transfer",
            {
                "csrf_token": csrf_of(html),
                "seal_intact": "yes",
                "receiver_password": "",
                **target,
            },
            "lims: transfer",
        )
