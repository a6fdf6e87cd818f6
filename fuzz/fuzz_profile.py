"""Fuzz target: user profile files (``load_profile``, TOML or JSON), then resolving and validating with them.

The first byte picks the suffix (odd: ``.json``, even: ``.toml``). A profile that loads is resolved, and when it
changes rules it is used to validate the bundled sample: a parameter of the wrong type or range must be refused
as a :class:`~edusupervision.ProfileError` when the profile is read or used, never crash a rule.
"""

from __future__ import annotations

from _common import expected, fuzz, instrumented, scratch

with instrumented("edusupervision", active=__name__ == "__main__"):
    from edusupervision import sample_dataset, validate
    from edusupervision._profiles._model import resolve
    from edusupervision._profiles._registry import load_profile

_SCRATCH = scratch("fuzz-profile-")
_SAMPLE = sample_dataset()


def check(data: bytes) -> None:
    """Load, resolve and use the profile the bytes describe."""
    suffix = ".json" if data[:1] and data[0] % 2 else ".toml"
    path = _SCRATCH / f"profile{suffix}"
    path.write_bytes(data[1:])
    try:
        profile = load_profile(path)
        resolve(profile)
        if profile.changes:
            validate(_SAMPLE, profile=profile).to_json()
    except expected():
        return


if __name__ == "__main__":
    fuzz(check, tolerate=("profile-parameter-type",))
