"""How often sources ask for an assessment to be reviewed (``obligations/review-cycles.yaml``).

A review cycle is catalogue data like an obligation: a period, the provisions it answers
to (ordinary [citations][csea.models.Citation], so it binds a service exactly as an
obligation's citation does), and, when the period itself is stated somewhere other than
the cited provision (a regulator's guidance page, say), where: the document, a locator
and a short quotation. csea uses it to say when an approval is too old
(``approval-overdue``) and when the next review falls due (``csea due``).
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from typing import Annotated

from pydantic import Field

from csea.models.base import CseaModel, NonEmptyStr, Slug, Url
from csea.models.conditions import Condition
from csea.models.obligation import Citation
from csea.models.vocabulary import Verification

__all__ = ["PeriodBasis", "ReviewCycle", "ReviewCyclesFile"]


class PeriodBasis(CseaModel):
    """Where the period is stated, when that is not the cited provision itself."""

    title: NonEmptyStr
    """The document (a guidance page, a statement)."""
    issuer: NonEmptyStr
    """Who published it."""
    url: Url
    """Where it is."""
    locator: NonEmptyStr
    """Where in it (a section heading, a paragraph number)."""
    quote: Annotated[str, Field(min_length=1, max_length=160)]
    """A short quotation giving the period, in its own words."""
    verification: Verification
    """How sure the catalogue is of the period: read in that document, or only reported."""


class ReviewCycle(CseaModel):
    """A period within which an assessment must be reviewed again, and what asks for it."""

    id: Slug
    """Stable id (``uk-illegal-content-risk-assessment``)."""
    title: NonEmptyStr
    """What is reviewed, in plain words."""
    period_months: Annotated[int, Field(ge=1, le=60)]
    """At most this many months between reviews."""
    before_significant_change: bool = False
    """Whether the sources also ask for a review before a significant change to the service."""
    applies_when: Condition | None = None
    """When the cycle applies, beyond its citations binding the service (service kinds...)."""
    citations: Annotated[list[Citation], Field(min_length=1)]
    """The provisions that ask for the review; the cycle applies when one binds the service."""
    basis: PeriodBasis | None = None
    """Where the period is stated, when the cited provisions do not state it."""
    note: str | None = None
    """What was read and what was not."""


class ReviewCyclesFile(CseaModel):
    """The layout of ``obligations/review-cycles.yaml``."""

    cycles: list[ReviewCycle] = Field(default_factory=list)
    """The review cycles."""
