"""Password guessing: failed logins counted per account and per client address.

Every door that checks a password (the token endpoint, /login/, /admin/login/) wraps the check in
`login_attempt`. Before the password is checked the attempt takes one slot in each counter; a
failure keeps its slots until the window has passed, a success gives them back, so only failures
count and a correct login is refused only while the window is full of failures.

Slots are cache keys taken with `add`, which is atomic in the database cache (a primary key),
Redis and Memcached: concurrent attempts in any number of worker processes can never take more
slots than the limit. The cache is settings.CACHES["throttle"], shared by all workers.

The client address is REMOTE_ADDR. X-Forwarded-For is believed only hop by hop from the right, and
only while the address that sent it is in settings.TRUSTED_PROXIES; so a client cannot choose its
own address by sending the header. IPv6 clients are counted per /64, the block one host gets.
"""
import hashlib
import ipaddress
import math
import re
import time
import unicodedata
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from django.core.cache import caches

_RATE_RE = re.compile(r"^\s*(?P<count>\d+)\s*/\s*(?P<number>\d*)\s*(?P<unit>s|sec|m|min|h|hour|d|day)\s*$")
MAX_FAILURES = 1000
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


class LoginThrottled(Exception):
    """Too many failed logins for this account or address; `wait` is seconds until a slot frees."""

    def __init__(self, wait: int):
        super().__init__(f"Too many failed login attempts; retry in {wait} s.")
        self.wait = wait


def parse_rate(rate: str) -> tuple[int, int]:
    """"10/15m" → (10, 900): at most 10 failures in any 15 minutes. Units: s, m (min), h, d."""
    match = _RATE_RE.match(rate or "")
    # Each failure allowed is one cache key read per attempt, so the count stays modest.
    if not match or not 1 <= int(match["count"]) <= MAX_FAILURES:
        raise ValueError(f"Rate '{rate}' must look like '10/15m' (1–{MAX_FAILURES} failures / window in s, m, h "
                         "or d).")
    return int(match["count"]), int(match["number"] or 1) * _UNIT_SECONDS[match["unit"]]


@cache
def _trusted_networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def _ip(text):
    try:
        address = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None
    return address.ipv4_mapped or address if address.version == 6 else address


def client_address(request) -> str:
    """The address to count failures against (see the module docstring)."""
    trusted = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    address = _ip(request.META.get("REMOTE_ADDR", ""))
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    while address is not None and hops and any(address in network for network in trusted):
        forwarded = _ip(hops.pop())
        if forwarded is None:
            break  # a hop we cannot read: count against the trusted proxy that passed it on
        address = forwarded
    if address is None:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _account(username: str) -> str:
    # Django normalises usernames with NFKC; case folding makes "Olga" and "olga" one counter.
    return unicodedata.normalize("NFKC", username).casefold()


class _Counter:
    """At most `limit` failures in any `window` seconds, as `limit` expiring slots."""

    def __init__(self, kind, subject, rate):
        self.limit, self.window = parse_rate(rate)
        digest = hashlib.sha256(subject.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        self.keys = [f"login-failures:{kind}:{digest}:{slot}" for slot in range(self.limit)]
        self.cache = caches["throttle"]

    def acquire(self, now):
        """Take a free slot (its key), or None when every slot holds a recent failure."""
        taken = self.cache.get_many(self.keys)
        for key in self.keys:
            # add() fails when another process took this slot meanwhile: try the next one.
            if key not in taken and self.cache.add(key, now + self.window, timeout=self.window):
                return key
        return None

    def release(self, key):
        self.cache.delete(key)

    def wait(self, now) -> int:
        """Whole seconds until the oldest failure leaves the window."""
        expiries = [expiry for expiry in self.cache.get_many(self.keys).values() if isinstance(expiry, (int, float))]
        return max(1, math.ceil(min(expiries) - now)) if expiries else 1


class _Attempt:
    failed = False

    def fail(self):
        """The password was wrong (or the account may not log in here): keep the slots."""
        self.failed = True


@contextmanager
def login_attempt(request, username: str):
    """Guard one password check: raises LoginThrottled before it when the account or the client
    address is at its limit of failures; call `.fail()` on the yielded attempt if it failed."""
    counters = [_Counter("account", _account(username), settings.LOGIN_FAILURES_PER_ACCOUNT),
                _Counter("address", client_address(request), settings.LOGIN_FAILURES_PER_ADDRESS)]
    now = time.time()
    held = []
    for counter in counters:
        slot = counter.acquire(now)
        if slot is None:
            for other, other_slot in held:
                other.release(other_slot)
            raise LoginThrottled(counter.wait(now))
        held.append((counter, slot))
    attempt = _Attempt()
    try:
        yield attempt
    finally:
        if not attempt.failed:
            for counter, slot in held:
                counter.release(slot)
