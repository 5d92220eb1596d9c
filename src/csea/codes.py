"""Every code csea emits, declared once, and the one shape of the rules that emit them.

A code is a stable contract: it is what JSON output, JUnit output and CI scripts match
on, so a code is never renamed or reused. There are two kinds:

- a [ProblemCode][csea.codes.ProblemCode] names what is wrong with an input
  ([Problem.code][csea.errors.Problem]): a file csea cannot read, a model it breaks, a
  catalogue check it fails, an option it cannot use;
- a [FindingCode][csea.codes.FindingCode] names what an evaluation found in an
  assessment ([Finding.code][csea.models.Finding]).

Each code carries its level and what it means in plain words; the documentation's code
reference is generated from them, and a test checks that every code the program can emit
is declared here and every code declared here is emitted somewhere.

Checks of the same kind are a [RuleSet][csea.codes.RuleSet]: small functions that take
one subject (the catalogue files, an answer) and yield issues, each registered with the
codes it may emit. The catalogue checks and the finding rules are both rule sets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from csea.errors import Severity

__all__ = ["Code", "FindingCode", "Level", "ProblemCode", "Rule", "RuleSet"]


class ProblemCode(StrEnum):
    """What is wrong with an input: the ``code`` of a [Problem][csea.errors.Problem]."""

    severity: Severity
    """Whether the input is unusable (error) or only worth fixing (warning)."""
    meaning: str
    """When it is reported, in plain words."""

    def __new__(
        cls, value: str, severity: Severity = Severity.ERROR, meaning: str = ""
    ) -> ProblemCode:
        """A code with its severity and meaning (``NAME = "code", severity, "meaning"``)."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.severity = severity
        member.meaning = meaning
        return member

    # Reading a file
    FILE_NOT_FOUND = "file-not-found", Severity.ERROR, "the file does not exist"
    NOT_A_FILE = "not-a-file", Severity.ERROR, "a directory, pipe or device was named, not a file"
    FILE_UNREADABLE = (
        "file-unreadable",
        Severity.ERROR,
        "the file cannot be read (permission denied, I/O)",
    )
    FILE_TOO_LARGE = "file-too-large", Severity.ERROR, "the file is larger than the size limit"
    NOT_UTF8 = "not-utf8", Severity.ERROR, "the file is not UTF-8 text (a bad byte, or UTF-16)"
    BINARY_FILE = "binary-file", Severity.ERROR, "the file contains NUL bytes"
    OUTSIDE_DIRECTORY = (
        "outside-directory",
        Severity.ERROR,
        "a catalogue file is a link to a file outside the catalogue directory",
    )
    # YAML
    YAML_SYNTAX = (
        "yaml-syntax",
        Severity.ERROR,
        "not valid YAML (or more than one document, or an undefined alias)",
    )
    YAML_TOO_DEEP = "yaml-too-deep", Severity.ERROR, "nested deeper than the depth limit"
    YAML_ALIAS_BOMB = (
        "yaml-alias-bomb",
        Severity.ERROR,
        "aliases expand to more values than the limit",
    )
    YAML_TOO_MANY_VALUES = "yaml-too-many-values", Severity.ERROR, "more values than the limit"
    YAML_RECURSIVE_ALIAS = (
        "yaml-recursive-alias",
        Severity.ERROR,
        "an alias refers to a value that contains it",
    )
    YAML_COMPLEX_KEY = "yaml-complex-key", Severity.ERROR, "a key that is a mapping or a list"
    YAML_MERGE_KEY = "yaml-merge-key", Severity.ERROR, "a merge key ('<<')"
    YAML_DUPLICATE_KEY = "yaml-duplicate-key", Severity.ERROR, "a key written twice in a mapping"
    YAML_TAG = "yaml-tag", Severity.ERROR, "an explicit tag outside YAML's core schema"
    YAML_NUMBER = "yaml-number", Severity.ERROR, "a number that cannot be used"
    # A value against its model
    UNKNOWN_FIELD = "unknown-field", Severity.ERROR, "a field the model does not have"
    MISSING_FIELD = (
        "missing-field",
        Severity.ERROR,
        "a required field is missing (or a split or merge change without 'into')",
    )
    UNKNOWN_VALUE = "unknown-value", Severity.ERROR, "a value outside a closed list of values"
    BAD_FORMAT = "bad-format", Severity.ERROR, "text without the expected form (an id, a URL)"
    BAD_DATE = "bad-date", Severity.ERROR, "not a date (YYYY-MM-DD): a date field, or CSEA_TODAY"
    BAD_CONDITION = "bad-condition", Severity.ERROR, "an applies_when condition that is malformed"
    WRONG_TYPE = "wrong-type", Severity.ERROR, "a value of the wrong type (a list for a mapping)"
    INVALID_VALUE = "invalid-value", Severity.ERROR, "a value the model refuses for another reason"
    # The catalogue
    CATALOG_NOT_FOUND = "catalog-not-found", Severity.ERROR, "the catalogue directory is missing"
    UNEXPECTED_FILE = (
        "unexpected-file",
        Severity.WARNING,
        "a YAML file at the catalogue's top level that is not one of its root files (ignored)",
    )
    DUPLICATE_ID = (
        "duplicate-id",
        Severity.ERROR,
        "an id used twice: obligation, pillar, source, provision, measure, question...",
    )
    FILE_NAME = "file-name", Severity.ERROR, "an obligation file not named <id>.yaml"
    UNKNOWN_PILLAR = "unknown-pillar", Severity.ERROR, "a pillar the catalogue does not have"
    WRONG_FOLDER = "wrong-folder", Severity.ERROR, "an obligation outside its pillar's folder"
    WRONG_PREFIX = "wrong-prefix", Severity.ERROR, "an obligation id without its pillar's prefix"
    DUPLICATE_PREFIX = "duplicate-prefix", Severity.ERROR, "two pillars with the same prefix"
    EMPTY_PILLAR = "empty-pillar", Severity.ERROR, "a pillar without obligations"
    UNKNOWN_SOURCE = "unknown-source", Severity.ERROR, "a source the catalogue does not list"
    SOURCE_WITHOUT_REGULATOR = (
        "source-without-regulator",
        Severity.ERROR,
        "a source no regulator in regulators.yaml lists (each belongs to exactly one)",
    )
    SOURCE_IN_TWO_REGULATORS = (
        "source-in-two-regulators",
        Severity.ERROR,
        "a source listed by more than one regulator in regulators.yaml",
    )
    UNKNOWN_PROVISION = (
        "unknown-provision",
        Severity.ERROR,
        "a provision its source does not list (a citation, a target, part_of, uncited.yaml)",
    )
    THRESHOLD_CONTRADICTS_NOTE = (
        "threshold-contradicts-note",
        Severity.WARNING,
        "a user threshold whose number or comparison differs from the one its citation's note "
        "quotes (the note says 'more than 7 million users', the condition at_least: 7000000)",
    )
    DUPLICATE_CITATION = (
        "duplicate-citation",
        Severity.WARNING,
        "an obligation cites the same provision twice",
    )
    SELF_REFERENCE = "self-reference", Severity.ERROR, "an obligation related to itself"
    UNKNOWN_OBLIGATION = (
        "unknown-obligation",
        Severity.ERROR,
        "an obligation id the catalogue does not have (related, change log, --explain, show)",
    )
    REUSED_ID = "reused-id", Severity.ERROR, "a retired, split or merged id back in use"
    CITED_BUT_LISTED_UNCITED = (
        "cited-but-listed-uncited",
        Severity.WARNING,
        "a provision in uncited.yaml that an obligation cites",
    )
    VERIFIED_WITHOUT_LOCATOR = (
        "verified-without-locator",
        Severity.WARNING,
        "a citation marked verified whose note does not say where the provision's text was read",
    )
    VERIFICATION_INCONSISTENT = (
        "verification-inconsistent",
        Severity.WARNING,
        "one provision cited at different verification levels, or above its own level",
    )
    STATUS_CONTRADICTS_TIMELINE = (
        "status-contradicts-timeline",
        Severity.ERROR,
        "a recorded status that its own dates contradict on the catalogue's release date",
    )
    # Options of a command
    UNKNOWN_ROLLUP = "unknown-rollup", Severity.ERROR, "explain_score: no roll-up has that id"
    UNKNOWN_SCHEMA = "unknown-schema", Severity.ERROR, "csea schema: no schema has that name"
    UNKNOWN_VIEW = (
        "unknown-view",
        Severity.ERROR,
        "report --view: neither pillar, regulator:<id> nor source:<id> of the catalogue",
    )
    BAD_PREVIOUS = "bad-previous", Severity.ERROR, "report --previous: not one earlier assessment"
    BAD_TIMESTAMP = "bad-timestamp", Severity.ERROR, "report --generated-at: not a timestamp"
    BAD_SELECTION = (
        "bad-selection",
        Severity.ERROR,
        "check --only or --code: not a finding level or a finding code",
    )
    BAD_CLASSIFICATION = (
        "bad-classification",
        Severity.ERROR,
        "report --classification: blank, several lines, or longer than 60 characters",
    )
    # Assessments
    PROFILE_UNUSABLE = (
        "profile-unusable",
        Severity.ERROR,
        "the profile an assessment names cannot be used (the problems follow)",
    )
    CATALOG_VERSION = (
        "catalog-version",
        Severity.ERROR,
        "an assessment made against another catalogue or version (run csea migrate)",
    )
    PROFILE_MISMATCH = (
        "profile-mismatch",
        Severity.ERROR,
        "csea init: the assessment is for another profile",
    )
    FLOW_STYLE_ANSWERS = (
        "flow-style-answers",
        Severity.ERROR,
        "answers written in flow style ({...}), which csea cannot extend",
    )
    DIFFERENT_SERVICE = (
        "different-service",
        Severity.ERROR,
        "csea diff: the two assessments are of different services",
    )
    DUPLICATE_SERVICE = (
        "duplicate-service",
        Severity.ERROR,
        "two assessment files assess the same service",
    )
    # Exports and workbooks (csea export, csea import)
    UNKNOWN_EXPORT_FORMAT = (
        "unknown-export-format",
        Severity.ERROR,
        "csea export: an unknown --format, or an output name that does not tell the format",
    )
    SPREADSHEET_TEXT = (
        "spreadsheet-text",
        Severity.ERROR,
        "csea export: text a spreadsheet cannot hold (a control character, or too long)",
    )
    NOT_A_WORKBOOK = (
        "not-a-workbook",
        Severity.ERROR,
        "not an .xlsx workbook csea exported (another format, damaged, or not from csea)",
    )
    WORKBOOK_UNSAFE = (
        "workbook-unsafe",
        Severity.ERROR,
        "a workbook with macros, links to other files, embedded objects or a DTD (never opened)",
    )
    WORKBOOK_TOO_LARGE = (
        "workbook-too-large",
        Severity.ERROR,
        "a workbook over a size limit (file, unpacked size, compression ratio, parts, rows, cells)",
    )
    WORKBOOK_LAYOUT = (
        "workbook-layout",
        Severity.ERROR,
        "a sheet or a header csea needs is missing from the workbook",
    )
    WORKBOOK_MISMATCH = (
        "workbook-mismatch",
        Severity.ERROR,
        "a workbook exported from another catalogue version or another service's assessment",
    )
    WORKBOOK_STALE = (
        "workbook-stale",
        Severity.ERROR,
        "the assessment or its profile changed since the export (import --force merges)",
    )
    WORKBOOK_REDACTED = (
        "workbook-redacted",
        Severity.ERROR,
        "a workbook exported with --redact, which cannot be imported",
    )
    FORMULA_IN_CELL = "formula-in-cell", Severity.ERROR, "a formula where a value is expected"
    DUPLICATE_ROW = (
        "duplicate-row",
        Severity.ERROR,
        "two workbook rows for the same answer or the same piece of evidence",
    )
    ROW_DOES_NOT_APPLY = (
        "row-does-not-apply",
        Severity.ERROR,
        "a workbook row for an obligation that does not apply to the service",
    )
    ROW_MISSING = (
        "row-missing",
        Severity.WARNING,
        "a row csea exported is gone from the workbook; what it held is kept as it is",
    )
    MERGE_CONFLICT = (
        "merge-conflict",
        Severity.WARNING,
        "import --force: a field changed both in the workbook and in the assessment since",
    )
    # Reading an earlier version from git
    GIT_UNAVAILABLE = (
        "git-unavailable",
        Severity.ERROR,
        "git is needed (a revision was named) but is not installed or could not be run",
    )
    NOT_A_REPOSITORY = (
        "not-a-repository",
        Severity.ERROR,
        "a revision was named, but the file is not in a git work tree git can use",
    )
    UNKNOWN_REVISION = (
        "unknown-revision",
        Severity.ERROR,
        "no commit has that name (a branch, tag, hash or HEAD~N; a shallow clone lacks history)",
    )
    NOT_IN_REVISION = (
        "not-in-revision",
        Severity.ERROR,
        "the assessment, or the profile it names, is not in that commit",
    )
    GIT_FAILED = "git-failed", Severity.ERROR, "git failed for another reason (its message follows)"


class Level(StrEnum):
    """The level of a finding code: a fixed [FindingLevel][csea.models.FindingLevel], or escalating."""

    ERROR = "error"
    """Always an error."""
    WARNING = "warning"
    """Always a warning."""
    INFO = "info"
    """Always only worth knowing."""
    ESCALATES = "escalates"
    """An error when the obligation is a legal duty for the service, a warning otherwise."""


class FindingCode(StrEnum):
    """What an evaluation found in an assessment: the ``code`` of a [Finding][csea.models.Finding]."""

    level: Level
    """Its level, or how its level is decided."""
    meaning: str
    """When it is found, in plain words."""

    def __new__(cls, value: str, level: Level = Level.ERROR, meaning: str = "") -> FindingCode:
        """A code with its level and meaning (``NAME = "code", level, "meaning"``)."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.level = level
        member.meaning = meaning
        return member

    def level_for(self, *, legal_duty: bool) -> str:
        """The finding level (``error``, ``warning``, ``info``) for an obligation of this force."""
        if self.level is not Level.ESCALATES:
            return self.level.value
        return Level.ERROR.value if legal_duty else Level.WARNING.value

    CATALOG_VERSION = (
        "catalog-version",
        Level.ERROR,
        "the assessment names another catalogue or version (run csea migrate)",
    )
    UNANSWERED = (
        "unanswered",
        Level.ESCALATES,
        "an applicable obligation has no answer (run csea init to add it)",
    )
    NOT_ASSESSED = (
        "not-assessed",
        Level.ESCALATES,
        "an applicable obligation is answered not_assessed",
    )
    MISSING_EVIDENCE = (
        "missing-evidence",
        Level.ESCALATES,
        "implemented or partial with no evidence",
    )
    EXPIRED_EVIDENCE = (
        "expired-evidence",
        Level.ESCALATES,
        "a piece of evidence is past its expires date",
    )
    STALE_EVIDENCE = (
        "stale-evidence",
        Level.WARNING,
        "evidence collected more than the maximum age (default 365 days) ago",
    )
    FUTURE_EVIDENCE = "future-evidence", Level.WARNING, "evidence collected after the as-of date"
    NA_WITHOUT_JUSTIFICATION = (
        "na-without-justification",
        Level.ERROR,
        "not_applicable with no justification",
    )
    NA_ON_LEGAL_DUTY = (
        "na-on-legal-duty",
        Level.ERROR,
        "not_applicable on an obligation that is a legal duty for the service",
    )
    OVERDUE = "overdue", Level.ESCALATES, "planned or partial whose due date has passed"
    NO_DUE_DATE = "no-due-date", Level.WARNING, "planned or partial with no due date"
    RISK_NOT_ACCEPTED = (
        "risk-not-accepted",
        Level.ESCALATES,
        "not_implemented with no accepted_by",
    )
    NEEDS_REVIEW = (
        "needs-review",
        Level.WARNING,
        "the answer carries a review flag (set by csea init or csea migrate)",
    )
    SELF_REVIEW = (
        "self-review",
        Level.WARNING,
        "an answer's reviewer is its owner (reviewed_by equals owner)",
    )
    CHANGED_AFTER_REVIEW = (
        "changed-after-review",
        Level.WARNING,
        "an answer changed after the day it was reviewed (read from git, or not committed yet)",
    )
    CHANGED_AFTER_APPROVAL = (
        "changed-after-approval",
        Level.WARNING,
        "the assessment or its profile no longer matches what its approval recorded",
    )
    APPROVAL_OVERDUE = (
        "approval-overdue",
        Level.WARNING,
        "the approval is older than the review cycle a source sets (review-cycles.yaml)",
    )
    UNKNOWN_INDICATOR = (
        "unknown-indicator",
        Level.WARNING,
        "an indicator value for an id the obligation does not define",
    )
    INDICATOR_OFF_TARGET = (
        "indicator-off-target",
        Level.WARNING,
        "an indicator value misses the target a cited source sets",
    )
    UNKNOWN_OBLIGATION = (
        "unknown-obligation",
        Level.ERROR,
        "an answer for an id the catalogue does not know",
    )
    UNDECLARED_FACT = (
        "undeclared-fact",
        Level.ESCALATES,
        "the profile does not declare a fact that decides whether obligations apply (they are "
        "assumed to apply until it does); an error when one of them would be a legal duty",
    )
    RETIRED_OBLIGATION = (
        "retired-obligation",
        Level.WARNING,
        "an answer for an id the change log retired, split or merged (run csea migrate)",
    )
    DOES_NOT_APPLY = (
        "does-not-apply",
        Level.INFO,
        "an answer for an obligation that does not apply to this service",
    )


Code = ProblemCode | FindingCode
"""Any code csea emits."""


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


SubjectT = TypeVar("SubjectT")
IssueT = TypeVar("IssueT", bound=_Coded)
Check = Callable[[SubjectT], Iterable[IssueT]]
"""A check: a function of a subject that yields issues."""


@dataclass(frozen=True)
class Rule(Generic[SubjectT, IssueT]):
    """One check: a function of a subject that yields issues, and the codes it may emit."""

    check: Check[SubjectT, IssueT]
    """The check itself."""
    codes: tuple[Code, ...]
    """Every code it may emit."""

    def run(self, subject: SubjectT) -> list[IssueT]:
        """The issues the check finds in ``subject``.

        Raises:
            AssertionError: The check emitted a code it is not registered with (a csea bug).
        """
        issues = list(self.check(subject))
        stray = [i.code for i in issues if i.code not in self.codes]
        assert not stray, f"{self.check.__name__} emitted unregistered codes {stray}"
        return issues


class RuleSet(Generic[SubjectT, IssueT]):
    """Rules of one kind (catalogue checks, finding rules), run in the order registered."""

    def __init__(self) -> None:
        self.rules: list[Rule[SubjectT, IssueT]] = []
        """The rules, in order."""

    def rule(self, *codes: Code) -> Callable[[Check[SubjectT, IssueT]], Check[SubjectT, IssueT]]:
        """Register the decorated function as a rule that may emit ``codes``."""

        def register(check: Check[SubjectT, IssueT]) -> Check[SubjectT, IssueT]:
            self.rules.append(Rule(check, codes))
            return check

        return register

    def run(self, subject: SubjectT) -> list[IssueT]:
        """Every issue every rule finds in ``subject``, rule by rule."""
        return [issue for rule in self.rules for issue in rule.run(subject)]

    @property
    def codes(self) -> set[Code]:
        """Every code the rules may emit."""
        return {code for rule in self.rules for code in rule.codes}
