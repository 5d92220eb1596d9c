"""What a profile says about each fact: yes, no, or not declared (unknown).

A profile lists what a service has; anything it does not list is **unknown** unless the
profile rules it out (``absent``, ``not_offered_in``) or closes the list (``all others``).
[ProfileFacts][csea.catalog.facts.ProfileFacts] answers each question applicability asks with
``True``, ``False`` or ``None`` (unknown), using the catalogue's kind implications (an online
platform is a hosting service), and names the [Fact][csea.catalog.facts.Fact] to declare when
the answer is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from csea.models import Fact, Harm, KindImplication, RiskLevel, ServiceProfile
from csea.models.jurisdictions import EU_MEMBER_STATES

__all__ = ["Known", "ProfileFacts", "UserCount"]

Known = bool | None
"""A three-valued answer: ``True``, ``False``, or ``None`` when the profile does not say."""

ListName = Literal["kinds", "features", "designations"]


@dataclass(frozen=True, slots=True)
class UserCount:
    """Monthly users somewhere: at least ``count``, exactly ``count`` when ``exact``."""

    count: int
    exact: bool
    fact: Fact


@dataclass
class ProfileFacts:
    """A profile's facts, three-valued, with the catalogue's kind implications applied."""

    profile: ServiceProfile
    implications: list[KindImplication] = field(default_factory=list)

    def listed(self, name: ListName, value: str) -> Known:
        """Whether the service has a kind, feature or designation (``None``: not declared)."""
        present = set(self.profile.present(name))
        absent = self.profile.absent(name)
        if name == "kinds":
            present = self._implied(present)
        if value in present:
            return True
        if absent is None:
            return False
        ruled_out = set(absent)
        if name == "kinds":
            ruled_out = self._ruled_out(ruled_out)
        return False if value in ruled_out else None

    def implied_by(self, kind: str) -> KindImplication | None:
        """The implication that makes the service of ``kind`` when it does not list it itself."""
        present = set(self.profile.present("kinds"))
        if kind in present:
            return None
        for implication in self.implications:
            if implication.is_also == kind and implication.kind in self._implied(present):
                return implication
        return None

    def _implied(self, kinds: set[str]) -> set[str]:
        """``kinds`` and every kind they imply, transitively."""
        return _closure(kinds, [(i.kind, i.is_also) for i in self.implications])

    def _ruled_out(self, kinds: set[str]) -> set[str]:
        """``kinds`` and every kind that implies one of them (it cannot be one either)."""
        return _closure(kinds, [(i.is_also, i.kind) for i in self.implications])

    def offered_in(self, where: str) -> Known:
        """Whether the service is offered in a jurisdiction (``INT``: everywhere)."""
        users, closed = self.profile.users, self.profile.not_offered_in == "all others"
        if where == "INT" or where in users:
            return True
        if where in self.profile.not_offered_list:
            return False
        if where == "EU":
            if any(state in EU_MEMBER_STATES for state in users):
                return True
            return False if closed else None
        if where in EU_MEMBER_STATES and "EU" in users:
            return None
        if where in EU_MEMBER_STATES and "EU" in self.profile.not_offered_list:
            return False
        return False if closed else None

    def users_in(self, where: str) -> UserCount:
        """Monthly users in a jurisdiction (``EU`` adds its member states) or ``global``."""
        users, closed = self.profile.users, self.profile.not_offered_in == "all others"
        if where == "global":
            declared = self.profile.users_worldwide
            if declared is not None:
                return UserCount(declared, True, Fact("users_worldwide"))
            return UserCount(sum(users.values()), closed, Fact("users_worldwide"))
        if where == "EU":
            count = users.get("EU", 0) + sum(n for s, n in users.items() if s in EU_MEMBER_STATES)
            exact = "EU" in users or closed or "EU" in self.profile.not_offered_list
            return UserCount(count, exact, Fact("users", "EU"))
        offered = self.offered_in(where)
        return UserCount(users.get(where, 0), offered is not None, Fact("users", where))

    def risk(self, harm: Harm) -> RiskLevel | None:
        """The declared risk level for a harm, or ``None`` when not declared."""
        return self.profile.risk.get(harm)

    def multi_risk(self) -> Known:
        """Whether the service is multi-risk in Ofcom's sense.

        The profile's ``multi_risk`` answer when given. Otherwise worked out from its declared
        risk levels: medium or high risk for two or more kinds of harm makes it multi-risk
        (image-based CSAM and CSAM URLs count as one kind, as Ofcom counts the CSAM rows
        together). Fewer than two is not enough to say "no": Ofcom counts every kind of
        illegal harm and csea lists only some, so the answer stays unknown until declared.
        """
        if self.profile.multi_risk is not None:
            return self.profile.multi_risk
        kinds = {
            "csam" if harm in (Harm.CSAM_IMAGE, Harm.CSAM_URL) else harm.value
            for harm, level in self.profile.risk.items()
            if level.rank >= RiskLevel.MEDIUM.rank
        }
        return True if len(kinds) >= 2 else None


def _closure(start: set[str], edges: list[tuple[str, str]]) -> set[str]:
    """``start`` and everything reachable from it along ``edges`` (from, to)."""
    closure = set(start)
    while True:
        more = {to for source, to in edges if source in closure} - closure
        if not more:
            return closure
        closure |= more
