"""Personal details recognised by their shape: e-mail, IBAN, ID numbers, bank accounts,
street addresses, postcodes and phone numbers.

Each finder returns ``(start, end)`` spans and leans towards finding too much rather than
too little. The redactor runs them most specific first and masks what one found before the
next looks, so an IBAN comes out as ``[iban]``, never as ``SE45 [phone] ...``. All but the
e-mail finder need a digit, and the redactor skips them for a text without one.

Checksums are the published algorithms (ISO 13616 / ISO 7064 mod 97-10 for IBAN), written
out here because the domain layer takes no third-party imports; they only decide between
two readings of a string that is redacted either way.
"""

from __future__ import annotations

import re

Found = list[tuple[int, int]]

NUMBER_START = re.compile(r"\d(?<![a-z\d]\d)\d*")
r"""A number not straight after a lower-case a-z letter: one after it (``n00001``, ``mp3``) never
counts (the two characters before it are not all capitals), so the regex skips it in C. The
pattern starts with the digit, so the engine jumps from digit to digit and looks behind only
there (``(?<![a-z\d])\d+``, the same matches, looked behind at every character: ~30% slower)."""


def has_number(text: str) -> bool:
    """A digit that starts a number of its own, or follows two capitals (``SE45``): the only
    texts the digit detectors can find anything in (``n00001`` or ``mp3`` cannot)."""
    for match in NUMBER_START.finditer(text):
        start = match.start()
        if not start or not text[start - 1].isalpha() or text[max(start - 2, 0) : start].isupper():
            return True
    return False


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# ------------------------------------------------------------------ IBAN
IBAN_LENGTHS = {"SE": 24, "DK": 18, "NO": 15, "FI": 18, "IS": 26, "GB": 22, "IE": 22, "DE": 22, "NL": 18}
"""Lengths of the IBANs a Nordic study meets most; any other country needs a valid checksum."""
_IBAN = re.compile(r"(?<![\w])([A-Z]{2})[ \u00a0]?(\d{2})((?:[ \u00a0]?[A-Z0-9]){10,30})(?![\w])")


def _iban_checksum_ok(compact: str) -> bool:
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(char, 36)) for char in moved)
    return int(digits) % 97 == 1


def find_ibans(text: str) -> Found:
    """IBANs, with or without spaces: the right length for a known country, or a valid checksum."""
    found = []
    for match in _IBAN.finditer(text):
        compact = re.sub(r"[ \u00a0]", "", match.group())
        country = match.group(1)
        if IBAN_LENGTHS.get(country) == len(compact) or (15 <= len(compact) <= 34 and _iban_checksum_ok(compact)):
            found.append((match.start(), match.end()))
    return found


# ------------------------------------------------------------------ ID numbers
# Swedish personnummer and samordningsnummer (YYMMDD-NNNN, YYYYMMDD-NNNN, + for 100+) and Danish CPR (DDMMYY-NNNN).
_ID_NUMBER = re.compile(r"(\d{6}|\d{8})[-+ ]?(\d{4})(?![\w\-])")


def _plausible_date(digits: str) -> bool:
    """YYMMDD / YYYYMMDD (Swedish, day may be +60 for a co-ordination number) or DDMMYY (Danish)."""
    if len(digits) == 8:
        digits = digits[2:]
    yy_mm_dd = 1 <= int(digits[2:4]) <= 12 and 1 <= int(digits[4:6]) % 60 <= 31
    dd_mm_yy = 1 <= int(digits[0:2]) <= 31 and 1 <= int(digits[2:4]) <= 12
    return yy_mm_dd or dd_mm_yy


def find_id_numbers(text: str) -> Found:
    """Swedish personal identity and co-ordination numbers, Danish CPR numbers."""
    found = []
    for match in _ID_NUMBER.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "_-+"):
            continue
        digits, whole = match.group(1), match.group(0)
        if len(digits) == 6 and whole.isdigit() and whole.startswith("0"):
            continue  # 0701234567 is a phone number far more often than someone born in 2007
        if _plausible_date(digits):
            found.append((match.start(), match.end()))
    return found


# ------------------------------------------------------------------ bank accounts
_ACCOUNT_WORD = re.compile(
    r"(?i:\b(?:bank)?konto(?:nummer|nr)?\.?|\bkontonr\.?|\b(?:bank )?account(?: number| no\.?)?|\breg\.? ?nr\.?"
    r"|\bregistreringsnummer|\bclearing(?:nummer|nr)?\.?|\bbankgiro(?:nummer)?|\bplusgiro(?:nummer)?|\bsort code)"
    r"[\s:.#]*"
)
_DIGIT_RUN = re.compile(r"\d[\d \-\u00a0.,]*\d")
# Clearing or registration number, a dash, then the account: 8327-9 1234567, 1234-1234567890, 5050-1055.
_ACCOUNT_SHAPE = re.compile(
    r"(?<![\w\-+/.])[1-9]\d{3}(?:-\d)?[-\u2013][ ]?\d{4,10}(?:[ ]?\d{1,4}){0,3}(?![\w\-])"
    # Swedbank: a five-digit clearing number with its check digit, a comma, the account
    r"|(?<![\w\-+/.])[1-9]\d{3}-\d,[ ]?\d{1,3}(?:[ ]\d{3}){1,3}(?:-\d)?(?![\w\-])"
)


def find_bank_accounts(text: str) -> Found:
    """Account numbers after a word that names one (konto, kontonummer, reg.nr, bankgiro,
    account...), and the clearing-dash-account shape (``1234-1234567890``)."""
    found = []
    for word in _ACCOUNT_WORD.finditer(text):
        run = _DIGIT_RUN.match(text, word.end())
        if run and sum(char.isdigit() for char in run.group()) >= 4:
            end = run.end()
            # "reg.nr 1234 kontonr 1234567": the account after the registration number
            follow = _ACCOUNT_WORD.match(text, end + 1) if end < len(text) else None
            if follow:
                after = _DIGIT_RUN.match(text, follow.end())
                end = after.end() if after else end
            found.append((run.start(), end))
    found.extend((m.start(), m.end()) for m in _ACCOUNT_SHAPE.finditer(text))
    return found


# ------------------------------------------------------------------ addresses and postcodes
_UPPER = "A-ZÀ-ÖØ-Þ"
_STREET_ENDS = (
    "gatan|gata|vägen|väg|gränd|gränden|stigen|torget|torg|backen|backe|allén|allé|leden|platsen|"
    "gade|vej|vejen|vænget|stræde|strædet|plads|pladsen|boulevard|alle|"
    "veien|vei|veg|gaten|gate|katu|tie"
)
_STREET_WORDS = "Street|Road|Lane|Avenue|Close|Way|Drive|Gardens|Place|Square|Terrace|Crescent|Grove|Court|Row"
_HOUSE = r"\d{1,4}(?:[ ]?[A-Z]|[a-z])?(?!\w)(?:,?[ ]\d{1,2}\.?[ ]?(?:tv|th|mf|sal)\b(?:\.(?=,))?)?"
"""A house number with its letter (``12``, ``3 B``, ``8A``) and a Danish floor and side (``, 3. tv``)."""
_STREET = re.compile(
    # Storgatan 12, Södra vägen 3 B, Karl Johans gate 22, Nørrebrogade 12, 3. tv
    rf"(?<!\w)(?:(?:[{_UPPER}][^\W\d_]+[ ]){{1,2}}[^\W\d_]*(?:{_STREET_ENDS})|[{_UPPER}][^\W\d_]+(?:{_STREET_ENDS}))"
    rf"[ \u00a0]+{_HOUSE}"
    # 12 Baker Street, 4a Mill Lane
    rf"|(?<!\w)\d{{1,4}}[A-Za-z]?,?[ ](?:[{_UPPER}][^\W\d_]+[ ]){{1,2}}(?:{_STREET_WORDS})\b"
)
_TOWN = rf"[ \u00a0]+[{_UPPER}][^\W\d_]+(?:[ ][{_UPPER}](?!\w))?"
# SE/FI: 411 38 / 41138 / SE-411 38 and 00100; DK/NO: 2100, DK-2100; each followed by a town with a capital.
_POSTCODE = re.compile(rf"(?:(?:SE|DK|NO|FI|S)-)?\d(?:\d\d[ \u00a0]\d{{2}}|\d{{3,4}}){_TOWN}")


def find_addresses(text: str) -> Found:
    """Street names with a house number: ``Storgatan 12``, ``Nørrebrogade 12, 3. tv``, ``12 Baker Street``."""
    return [(m.start(), m.end()) for m in _STREET.finditer(text)]


def find_postcodes(text: str) -> Found:
    """Postcodes followed by a town (``411 38 Göteborg``, ``2100 København Ø``), town included."""
    return [
        (m.start(), m.end())
        for m in _POSTCODE.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-+/.")
    ]


# ------------------------------------------------------------------ phones
# A run that could be a phone number: optional + or 00, then digits and separators.
_PHONE_RUN = re.compile(r"[+\d][\d \-./()\u00a0]*\d(?![\w])")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
_DANISH = re.compile(r"^(?:\d{2}(?: ?\d{2}){3}|\d{4} \d{4})$")
_SPLIT_POINT = re.compile(r"[ \u00a0]+")
_NOT_DIGIT = re.compile(r"\D")


def _is_phone(candidate: str) -> bool:
    if _ISO_DATE.match(candidate) or "\n" in candidate:
        return False
    digits = _NOT_DIGIT.sub("", candidate)
    stripped = candidate.replace("\u00a0", " ")
    if stripped.startswith("+"):
        return 7 <= len(digits) <= 15
    if digits.startswith("00"):
        return 9 <= len(digits) <= 15
    if digits.startswith("0"):
        # Swedish national numbers: area code 08 / 031 / 070... then 5-8 digits.
        return 8 <= len(digits) <= 11 and "." not in stripped
    return bool(_DANISH.match(stripped))


_LONGEST_PHONE = 28
"""Characters of the longest phone number looked for (15 digits and their separators)."""


def _phone_at(run: str) -> int:
    """Length of the phone number at the start of ``run`` (0 if none): the longest candidate
    ending at a group's end, within ``_LONGEST_PHONE`` characters."""
    window = run[:_LONGEST_PHONE]
    cuts = [len(window)] + [m.start() for m in reversed(list(_SPLIT_POINT.finditer(window)))]
    for cut in cuts:
        candidate = window[:cut].rstrip(" -./(\u00a0")
        if candidate and not run[len(candidate) : len(candidate) + 1].isdigit() and _is_phone(candidate):
            return len(candidate)
    return 0


def find_phones(text: str) -> Found:
    """Swedish, Danish and international phone numbers. A run of digits and separators is read
    group by group, so ``år 2023 070-123 45 67`` and two numbers in a row are found, and a
    10,000-character run costs linear time."""
    found = []
    for match in _PHONE_RUN.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_+-/."):
            continue
        run = match.group()
        if run[0] == "+" and not run[1:2].isdigit() and run[1:2] != " ":
            continue
        offset = 0
        while offset < len(run):
            length = _phone_at(run[offset:])
            if length:
                found.append((start + offset, start + offset + length))
                offset += length
            else:
                space = _SPLIT_POINT.search(run, offset)
                if space is None:
                    break
                offset = space.end()
            while offset < len(run) and not (run[offset].isdigit() or run[offset] == "+"):
                offset += 1
    return found
