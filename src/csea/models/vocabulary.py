"""Closed vocabularies shared by the catalogue, service profiles and assessments.

Every value here is one a T&S team can answer about its own service without legal
advice. Where a value mirrors a regulator's term (an Ofcom risk level, a DSA
designation) its docstring says whose term it is.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from enum import StrEnum
from functools import cache

__all__ = [
    "Designation",
    "Direction",
    "EnterpriseSize",
    "Feature",
    "Force",
    "Harm",
    "OrderedEnum",
    "Relationship",
    "RiskLevel",
    "ServiceKind",
    "SourceKind",
    "SourceStatus",
    "Verification",
]


class OrderedEnum(StrEnum):
    """A string enum whose members are ordered as declared (``rank`` 0 first)."""

    @property
    def rank(self) -> int:
        """Position in declaration order, starting at 0."""
        return _ranks(type(self))[self]


@cache
def _ranks(kind: type[OrderedEnum]) -> dict[OrderedEnum, int]:
    return {member: index for index, member in enumerate(kind)}


class ServiceKind(StrEnum):
    """What kind of service the assessed service is (a service may be several)."""

    USER_TO_USER = "user_to_user"
    """UK OSA user-to-user service: users can encounter content other users generate or share."""
    SEARCH = "search"
    """A search engine over the web or over other services (UK OSA search service; DSA search engine)."""
    HOSTING = "hosting"
    """EU DSA hosting service: stores information provided by its users."""
    ONLINE_PLATFORM = "online_platform"
    """EU DSA online platform: a hosting service that also disseminates users' content to the public."""
    SOCIAL_MEDIA = "social_media"
    """A social network or social media service."""
    VIDEO_SHARING = "video_sharing"
    """A service for sharing and watching user videos."""
    MESSAGING = "messaging"
    """Private one-to-one or group messaging (interpersonal communications)."""
    LIVE_STREAMING = "live_streaming"
    """A service whose main purpose is live broadcast by users."""
    GAMING = "gaming"
    """An online game or gaming platform with user interaction."""
    DATING = "dating"
    """A dating or friend-finding service."""
    FORUM = "forum"
    """A discussion forum or message board."""
    FILE_STORAGE = "file_storage"
    """A file-storage or file-sharing service (Ofcom's hash-matching measure names these)."""
    GENERATIVE_AI = "generative_ai"
    """A service that generates images, video, audio or text with AI models."""
    APP_STORE = "app_store"
    """An app store or app distribution service."""
    OPERATING_SYSTEM = "operating_system"
    """A device maker or operating system provider whose software sets up user accounts and can
    pass an age signal to apps (California's Digital Age Assurance Act calls these operating
    system providers; Australia's industry codes cover them as equipment providers)."""
    WEB_HOSTING = "web_hosting"
    """Web or infrastructure hosting for third-party sites."""
    INTERNET_ACCESS = "internet_access"
    """Internet access, carriage or VPN services."""
    MARKETPLACE = "marketplace"
    """An online marketplace."""


class Feature(StrEnum):
    """A feature of the service that changes which obligations apply."""

    PUBLIC_POSTS = "public_posts"
    """Users can share content that is communicated publicly."""
    IMAGE_UPLOAD = "image_upload"
    """Users can upload or share images."""
    VIDEO_UPLOAD = "video_upload"
    """Users can upload or share recorded video."""
    LIVE_STREAMING = "live_streaming"
    """Users can broadcast live video to an audience (for audio only, see ``audio_livestreams``)."""
    AUDIO_LIVESTREAMS = "audio_livestreams"
    """Users can broadcast live audio to an audience, without video (a live audio show)."""
    AUDIO_ROOMS = "audio_rooms"
    """Users can host or drop into live audio rooms where many people talk and listen."""
    VOICE_CHAT = "voice_chat"
    """Users can talk to each other live by voice (voice calls, voice channels, in-game voice)."""
    VIDEO_CALLS = "video_calls"
    """Users can make live one-to-one or group video calls."""
    DIRECT_MESSAGES = "direct_messages"
    """Users can send private messages to other users."""
    GROUP_CHATS = "group_chats"
    """Users can create or join group conversations."""
    END_TO_END_ENCRYPTION = "end_to_end_encryption"
    """Some user communications are end-to-end encrypted."""
    STRANGER_DISCOVERY = "stranger_discovery"
    """Users can find or are suggested users they are not connected to (friend suggestions)."""
    CONNECTION_LISTS = "connection_lists"
    """Users have visible lists of friends, followers or connections."""
    RECOMMENDER_FEEDS = "recommender_feeds"
    """Content is ranked or recommended to users by a recommender system."""
    SEARCH = "search"
    """Users can search the service's content or its users."""
    LINK_SHARING = "link_sharing"
    """Users can post hyperlinks (URLs) to other sites."""
    ANONYMOUS_ACCOUNTS = "anonymous_accounts"
    """Users can hold accounts without giving a verified identity."""
    CREATOR_PAYMENTS = "creator_payments"
    """Users can send gifts, tips or payments to other users or creators."""
    COMMENTS = "comments"
    """Users can comment on other users' content."""
    LOCATION_SHARING = "location_sharing"
    """Users' location can be shown to other users."""
    AI_GENERATION = "ai_generation"
    """Users can generate images or video with AI tools on the service."""
    AI_CHATBOT = "ai_chatbot"
    """Users can hold open-ended text conversations with an AI chatbot or AI companion on the
    service (a general assistant, a character or companion bot)."""
    AGE_ASSURANCE = "age_assurance"
    """The service already has a means of determining or estimating users' ages."""


class Harm(StrEnum):
    """A kind of harm a profile declares a risk level for (from its own risk assessment)."""

    CSAM_IMAGE = "csam_image"
    """Image-based child sexual abuse material (Ofcom risk profiles name it separately)."""
    CSAM_URL = "csam_url"
    """URLs that lead to child sexual abuse material (Ofcom risk profiles name it separately)."""
    GROOMING = "grooming"
    """Grooming: adults seeking to sexually exploit children through contact on the service."""
    LIVESTREAMED_ABUSE = "livestreamed_abuse"
    """Abuse of children broadcast or coerced over live video."""
    INTIMATE_IMAGE_ABUSE = "intimate_image_abuse"
    """Sharing of intimate images without consent, including self-generated images of minors."""
    SEXTORTION = "sextortion"
    """Sexual extortion of children: coercing a child into sending sexual images, then threatening
    to share them unless the child pays (financially motivated sextortion) or sends more."""


class RiskLevel(OrderedEnum):
    """A risk level from the service's own risk assessment (Ofcom's low / medium / high)."""

    LOW = "low"
    """The harm is unlikely on the service, or would have little impact."""
    MEDIUM = "medium"
    """The harm is reasonably likely, or would have a moderate impact."""
    HIGH = "high"
    """The harm is likely, or would have a severe impact."""


class Designation(StrEnum):
    """A formal designation by a regulator that switches on extra duties."""

    EU_VLOP = "eu_vlop"
    """Designated by the European Commission as a very large online platform (DSA Art 33)."""
    EU_VLOSE = "eu_vlose"
    """Designated as a very large online search engine (DSA Art 33)."""
    UK_CATEGORY_1 = "uk_category_1"
    """Category 1 service under the UK Online Safety Act register."""
    UK_CATEGORY_2A = "uk_category_2a"
    """Category 2A service under the UK Online Safety Act register."""
    UK_CATEGORY_2B = "uk_category_2b"
    """Category 2B service under the UK Online Safety Act register."""
    AU_AGE_RESTRICTED = "au_age_restricted"
    """An age-restricted social media platform under Australia's minimum-age law."""


class EnterpriseSize(OrderedEnum):
    """The provider's size in the EU SME sense (the DSA exempts micro and small enterprises from some duties)."""

    MICRO = "micro"
    """Fewer than 10 staff and annual turnover or balance sheet of at most EUR 2 million."""
    SMALL = "small"
    """Fewer than 50 staff and annual turnover or balance sheet of at most EUR 10 million."""
    MEDIUM = "medium"
    """Fewer than 250 staff, and turnover at most EUR 50 million or balance sheet at most EUR 43
    million."""
    LARGE = "large"
    """Any larger enterprise."""


class Force(OrderedEnum):
    """How binding a source is. Members are listed strongest first (``rank`` 0)."""

    LEGAL_DUTY = "legal_duty"
    """A duty in legislation or regulations; breach can be enforced."""
    REGULATORY_CODE = "regulatory_code"
    """A regulator's code or standard (often a safe harbour: follow it or record an alternative)."""
    VOLUNTARY_PRINCIPLE = "voluntary_principle"
    """Principles governments ask industry to adopt voluntarily."""
    LAW_ENFORCEMENT_DEMAND = "law_enforcement_demand"
    """A public demand by law-enforcement agencies."""
    GUIDANCE = "guidance"
    """Guidance, industry frameworks and good practice."""


class SourceKind(StrEnum):
    """What kind of document a source is."""

    LEGISLATION = "legislation"
    REGULATION = "regulation"
    REGULATORY_CODE = "regulatory_code"
    INDUSTRY_CODE = "industry_code"
    GUIDANCE = "guidance"
    PRINCIPLES = "principles"
    LAW_ENFORCEMENT_DEMAND = "law_enforcement_demand"
    INDUSTRY_FRAMEWORK = "industry_framework"
    PROPOSAL = "proposal"


class SourceStatus(StrEnum):
    """Where a source (or one provision) stands in its life."""

    IN_FORCE = "in_force"
    """Binding now (or, for codes, in effect now)."""
    ADOPTED_NOT_IN_FORCE = "adopted_not_in_force"
    """Adopted or made, but not yet applying."""
    PROPOSED = "proposed"
    """A proposal or consultation: not a duty."""
    LAPSED = "lapsed"
    """No longer applies (expired, revoked or repealed)."""
    VOLUNTARY = "voluntary"
    """Published for voluntary adoption; never binding."""


class Relationship(StrEnum):
    """How an obligation relates to a provision it cites (after NIST IR 8477's set relations)."""

    EQUIVALENT = "equivalent"
    """The obligation and the provision ask the same thing."""
    PART_OF = "part_of"
    """The obligation is one part of what the provision asks."""
    BROADER_THAN = "broader_than"
    """The obligation asks more than the provision; the provision is one part of it."""
    OVERLAPS = "overlaps"
    """They share some ground, and each asks something the other does not."""


class Verification(StrEnum):
    """How sure the catalogue is of a fact: the research brief's [V], [S] and [R] marks."""

    VERIFIED = "verified"
    """[V] read in the primary or official source, or an official mirror of it."""
    SECONDARY = "secondary"
    """[S] read only in a secondary source; needs a primary check."""
    UNVERIFIED = "unverified"
    """[R] recalled and not verified."""

    @property
    def mark(self) -> str:
        """The brief's one-letter mark: V, S or R."""
        return {"verified": "V", "secondary": "S", "unverified": "R"}[self.value]


class Direction(StrEnum):
    """Which way an indicator should move."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
