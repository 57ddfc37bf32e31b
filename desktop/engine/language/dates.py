"""Dates as the policy and the window write them, in English whatever the process locale.

`strftime`'s `%B`, `%b` and `%A` follow the C locale, which creating a QApplication sets from the
environment: on a German desktop "%B" gives "Dezember". Every date shown or written goes through here.
"""

import datetime as dt

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(date: dt.date, us: bool) -> str:
    """"December 1, 2026" in the US style, "1 December 2026" elsewhere."""
    month = MONTHS[date.month - 1]
    return f"{month} {date.day}, {date.year}" if us else f"{date.day} {month} {date.year}"


def day_and_date(when: dt.date) -> str:
    """"Tuesday 1 December 2026"."""
    return f"{WEEKDAYS[when.weekday()]} {long_date(when, us=False)}"


def short_stamp(when: dt.datetime) -> str:
    """"01 Dec 2026 14:05", in the computer's time zone."""
    local = when.astimezone()
    return f"{local.day:02d} {MONTHS[local.month - 1][:3]} {local.year} {local:%H:%M}"
