"""Segmentation: the header (title, author, occasion, date), sections and reflowed paragraphs.

Everything here is decided from the shape of the text (position, length, case, punctuation,
repetition, what follows), never from the words of particular documents.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .clean import BYLINE_WORDS, POSTED_WORDS
from .names import (
    ABBREVIATED_TITLES,
    FUNCTION_WORDS,
    HONORIFICS,
    KOREAN_GENRES,
    NAME_STOP,
    ORG_NAME_WORDS,
    ORG_WORDS,
    PARTICLES,
    is_hangul_name,
    is_person_name,
    name_from_text,
    name_in_occasion,
    natural_case,
    respace_titles,
    strip_honorifics,
)
from .records import Block, Cleaned, Header, Section, Segmented
from .tag import VOWELS, WEEKDAYS, ParsedDate, find_date, is_date_line

OPENERS = "‘“«„‚‹([¿¡「『《〈【"
CLOSERS = "’”»›)]」』》〉】"
QUOTE_CLOSERS = "’”»›\"'"
_TERMINAL = re.compile(r"[.!?…。！？:;：；]['’”»›\"')\]」』]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
_LAST_WORD_REVERSED = re.compile(r"\W*([^\W\d_]+)")


def last_word(text: str) -> str | None:
    """The letters of _LAST_WORD's match in `text` (the word before the closing punctuation), read
    from the end: searching from the start tries the pattern at every word of the text."""
    window = text[-80:][::-1]
    match = _LAST_WORD_REVERSED.match(window)
    if match is None:
        return None
    if match.end() == len(window) and len(text) > 80:
        match = _LAST_WORD_REVERSED.match(text[::-1])  # the word may begin before the window
        assert match is not None
    return match.group(1)[::-1]

_SALUTATION = re.compile(
    r"^(?:(?:my |our |very )?dear\b|fellow[- ]|comrades?\b|ladies\b|gentlemen\b|mr\.? (?:president|speaker|chairman|secretary)|"
    r"madam\b|madame\b|mesdames\b|messieurs\b|monsieur\b|excellenc|your (?:excellenc|majesty|highness|holiness)|distinguished\b|"
    r"honou?rable\b|citizens\b|friends\b|brothers\b|sisters\b|señor|señora|excelentísim|estimad[oa]s?\b|chers?\b|chères?\b|"
    r"liebe\b|sehr geehrte|beste\b|geachte\b|autorità\b|"
    r"signor|cari\b|caro\b|care\b|cara\b|gentil|senhor|senhoras|excelent[íi]ssim|prezad|caros?\b|querid[oa]s?\b|"
    r"vážen|drazí|milí|dámy a pánové|szanown|drodzy|kochani|panie i panowie|sayın|kære|kära|hyvät|stimat|dragi|poštovan|tisztelt|"
    r"уважаем|дорог|товарищ|друзья|господин\b|госпожа\b|господа\b|дамы и господа|"
    r"친애하는|존경하는|동포|동지|尊敬|各位|同志们|同志們|朋友们|朋友們|女士们|先生们|亲爱的|親愛的|"
    r"みなさん|皆さん|皆様|여러분)",
    re.IGNORECASE,
)

_OCCASION_WORD = re.compile(
    r"^(?:talk|speech|address|statement|remarks|lecture|report|letter|message|interview|conversation|"
    r"eulogy|homily|oration|tribute|keynote|trauerrede|grabrede|éloge|oraison|elogio|hommage|"
    r"greetings?|toast|intervention|testimony|sermon|declaration|concluding|opening|closing|telegram|cable|"
    r"toespraak|ansprache|telegramm|télégramme|telegrama|телеграмма|hearing|entrevista|entretien|intervista|"
    r"discurso|palabras|intervención|intervencion|mensaje|carta|declaración|discours|allocution|"
    r"déclaration|lettre|rede|ansprache|erklärung|regierungserklärung|grußwort|intervento|discorso|"
    r"lettera|messaggio|dichiarazione|pronunciamento|mensagem|declaração|выступление|речь|доклад|"
    r"обращение|послание|заявление|письмо|интервью|беседа|"
    r"projev|proslov|příspěvek|dopis|poselství|prejav|príhovor|list|przemówienie|wystąpienie|orędzie|"
    r"beszéd|felszólalás|levél|discursul|mesajul|scrisoarea|tal|tale|brev|puhe|kirje|toespraak|brief|govor|pismo|"
    r"intervenção|intervencao|alocução|saudação|mensagem)$",
    re.IGNORECASE,
)
# The record of a sitting: an occasion when it says of what ("Stenogram z XXIV sesji …", "Sesión del
# Pleno celebrada el …"); alone ("Sitzung 181.") it only numbers the sitting.
_SITTING_WORD = re.compile(r"^(?:stenogram|stenogramm|стенограмма|sprawozdanie|protokół|sesión|sitzung|séance|seduta|"
                           r"sessão|posiedzenie)$", re.IGNORECASE)
_OCCASION_LINK = re.compile(
    r"\b(?:to|at|in|on|before|by|delivered|given|made|held|during|for|with|del|de|en|ante|à|au|devant|"
    r"vor|von|vom|zur|zum|anlässlich|auf|bei|an|alla|al|all|della|na|no|van|bij|from|com|avec|con|mit|с|в|на|перед|к|по|"
    r"při|pri|ve|v|u|k|ke|do|z|ze|w|we|podczas|dla|przed|la|pe|för|på|vid|til|ved|för|om)\b",
    re.IGNORECASE,
)
_MESSAGE_HEADING = re.compile(
    r"\b(?:message|letter|telegram|greetings|congratulat\w*|mensaje|carta|lettre|brief|lettera|"
    r"messaggio|mensagem|послание|письмо|телеграмма|서한|축전|祝電|賀電)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?P<label>[^:：\n]{1,140}?)\s*(?P<colon>[:：]|\.\s*[—–]\s)\s*(?P<rest>.*)$", re.DOTALL)
_CAPS_DASH_LABEL = re.compile(
    r"^(?P<label>[^\W\d_](?:[^\W\d_]|[ .'’\-]){0,60}?(?:\s*\([^()\n]{1,60}\))?)\s+[—–]\s+(?P<rest>[^\W\d_a-zà-ÿ].*)$",
    re.DOTALL)
# "(Devamla)", "(Fortsetzung)", "(continuing)": the speaker goes on after an interruption; not an affiliation.
_CONTINUING = re.compile(r"\s*\((?:devamla|fortsetzung|fortfahrend|continuing|cont['’]?d|suite|continúa|continua|"
                         r"продолжение|ciąg dalszy)\)", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(?:minister|secretary|speaker|chairman|chairwoman|chair|president|deputy|assistant|attorney|"
    r"governor|mayor|leader|member for|ministre|ministro|minister|presidente|président|präsident|sprecher|"
    r"ministra|consejer[oa]|conseller[a]?|conselheir[oa]|assessore|sindac[oa]|secretari[oa]|senador[a]?|"
    r"staatsminister(?:in)?|senator(?:in)?|ministerin|bürgermeister(?:in)?|landrat|landrätin)\b",
    re.IGNORECASE,
)
# Labels that are a role and nothing else: "Interviewer:", "Q:", "Moderator:".
_SINGLE_ROLE = re.compile(
    r"(?i:interviewer|interviewee|moderator|host|presenter|journalist|reporter|question|answer|q|a|p|r|f|"
    r"pergunta|resposta|pregunta|respuesta|frage|antwort|в|о|вопрос|ответ|"
    r"entrevistador|entrevistadora|intervieweur|journaliste|interviewerin|ведущий|корреспондент|기자|사회자)"
)
# The chair of a sitting named by office: "Mr Speaker", "Madam Deputy Speaker", "M. le président".
_CHAIR = re.compile(
    r"^(?:(?:mr|mister|madam|madame|mrs|ms|m|mme|herr|frau|sr|sra|señor|señora|the|le|la|el|der|die)(?:\.\s*|\s+))+"
    r"(?P<office>(?:deputy |vice[- ]|acting )?(?:speaker|president|chairman|chairwoman|chair|ceann comhairle|"
    r"président|présidente|presidente|präsident|präsidentin|vizepräsident|vizepräsidentin))$",
    re.IGNORECASE,
)
_CHAIR_NAMED = re.compile(
    r"^(?:présidence de|presidencia de(?:l| la)?|presidenza del(?:la)?|presidência de|vorsitz:?|präsidium:?|"
    r"in the chair:?|chair:?|presiding:?|moderator:|председательствует|председательствующий:?)\s+(?P<name>.{3,60})$"
    r"|^(?:主持人|主持|主席)[:：]\s*(?P<cjk>[\u4e00-\u9fff]{2,4})$",
    re.IGNORECASE,
)
# A United Nations record's cover names its President before the members: "President: Mr. Vantongeren
# . . . . (Marenta)".
_UN_PRESIDENT = re.compile(r"^President:\s+(?P<name>(?:Mr|Ms|Mrs|Mme|Sr|Sra|Dr)\.?\s+[^.()\n]{2,40}?)[\s.]*\([^()\n]{2,40}\)",
                           re.MULTILINE)


def _names_a_chair(match: re.Match[str]) -> bool:
    """Whether a 'Présidence de …' line names a person ('M. Laurent Vasseur', 'EXCMO. SR. D. ANSELMO
    RUIZ DE LA PEÑA'), not an office."""
    name = match.group("name")
    return bool(match.group("cjk") or _titled_person(name) or is_person_name(name)
                or is_person_name(strip_honorifics(name), max_tokens=6))


_CHAIR_OFFICE = re.compile(r"(?i:(?:deputy |vice[- ])?(?:speaker|president|chairman|chairwoman|chair|président|présidente|"
                           r"presidente|präsident|präsidentin|председательствующий|председатель|moderator|"
                           r"başkan|marszałek|předseda|voorzitter|puhemies|talman)|主持人|主席)")
# The same label run into the speech, the surname in capitals: "ГАЛИЕВ Р. Т., депутат. Уважаемые …".
_STENO_INLINE = re.compile(
    r"^(?:(?P<name>[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?\s+[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?)|(?P<chair>ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ|ПРЕДСЕДАТЕЛЬ)(?=[.,]))"
    r"(?:,\s*(?P<role>[^!?\n]{2,100}?)\.|\.)?\s+(?P<rest>[А-ЯЁ«\"(].*)$",
    re.DOTALL,
)
# Italian, French and Spanish records run the label into the speech, the name in capitals:
# "FERRAGUTI (PSR). Signor Presidente, …", "LO BIANCO, assessore ai trasporti. …", "PRESIDENTE. Dichiaro …".
_CAPS_RUNIN = re.compile(
    r"^(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+){0,3})"
    r"(?:\s+\((?P<party>[^()]{1,40})\)|,\s*(?P<role>[a-zà-þ][^.!?\n]{2,120}?))?"
    r"\.\s+(?P<rest>[A-ZÀ-Þ«\"“(].*)$",
    re.DOTALL,
)


def _caps_runin(paragraph: str) -> re.Match[str] | None:
    """A 'NAME (PARTY). Speech …' turn; not 'MR. SPEAKER: …' (an honorific's period) nor a line in capitals."""
    match = _CAPS_RUNIN.match(paragraph)
    if match is None:
        return None
    last = match.group("name").split()[-1].casefold()
    if (last in HONORIFICS and len(last) <= 4) or last + "." in HONORIFICS or re.match(r"[A-ZÀ-Þ.'’\s-]{2,40}:", match.group("rest")) \
            or not re.search(r"[a-zà-ÿ]", match.group("rest")[:200]):
        return None
    return match


_ARTICLE_HONORIFIC = re.compile(
    r"^(?:el|la|le|il|lo|der|die)\s+(?:señor|señora|señorita|sr\.|sra\.|signor|signora|senhor|senhora|"
    r"monsieur|madame|m\.|mme|herr|frau)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_DIET_LABEL = re.compile(
    r"^○(?P<label>(?P<office>[^\s\u3000（(]{1,20}?)(?:[（(](?P<name>[^）)]{1,12})[）)])?)[\s\u3000]+(?P<rest>\S.*)$",
    re.DOTALL,
)
_SINGLE_ROLE_SET = {"기자", "사회자", "진행자", "앵커"}
# Chinese forms of address after a name ("李大文議員"), and roles that speak without a name.
_CJK_SUFFIX = re.compile(r"(?:議員|议员|先生|女士|博士|教授|同志|委員|委员|代表|君)$")
# Offices written with a Chinese or Japanese name, before it ("江澄市市长 周文澜") or after a surname ("王部长").
_CJK_OFFICES = ("部长", "部長", "主任", "市长", "市長", "省长", "省長", "局长", "局長", "司长", "司長", "厅长", "廳長", "院长",
                "院長", "总理", "總理", "总统", "總統", "主席", "书记", "書記", "大臣", "知事", "町長", "村長", "区長", "議長", "议长",
                "会長", "会长", "社長", "校长", "校長", "学長", "理事長", "大使", "首相", "委员长", "委員長", "委员", "委員",
                "发言人", "發言人", "代表")
_CJK_OFFICE = "(?:" + "|".join(sorted(_CJK_OFFICES, key=len, reverse=True)) + ")"
_CJK_OFFICE_SUFFIX = re.compile(r"^(?P<surname>[\u4e00-\u9fff]{1,2}?)(?P<office>" + _CJK_OFFICE + r")$")
_CJK_ROLES = {"主席", "副主席", "行政長官", "行政长官", "秘書長", "秘书长", "代理主席", "全委會主席", "主持人", "记者", "記者",
              "司会", "司会者", "議長", "议长", "委員長", "委员长"}
# Korean labels: a name, a name and an office ("김태린 장관"), a surname and an office ("김 장관").
_KOREAN_OFFICES = ("장관", "대통령", "국무총리", "총리", "의원", "위원장", "대변인", "차관", "시장", "도지사", "지사", "의장", "대표",
                   "대사", "청장", "교육감", "군수", "구청장", "위원", "교수", "박사", "씨")
_KOREAN_OFFICE = "(?:" + "|".join(sorted(_KOREAN_OFFICES, key=len, reverse=True)) + ")"
_KOREAN_LABEL = re.compile(r"^(?P<name>[가-힣]{1,4})(?:\s?(?P<office>" + _KOREAN_OFFICE + r"))?$")
_DOT_DASH = re.compile(r"\.\s*[—–]\s")
_TIME_BEFORE_COLON = re.compile(r"^([^:：\n]{1,90}?)\s*\(\d{1,2}[:.]\d{2}\)\s*(?=[:：])")
# A stenogram's speaker line standing alone above the speech: "Жданов И. П.", "ГАЛИЕВ Р. Т., депутат.",
# "И. П. Жданов", "Председательствующий."
_STENO_LABEL = re.compile(
    r"^(?P<name>[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)?\s+[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?|"
    r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|"
    r"(?i:председательствующий|председатель|ведущий|президент|вопрос|ответ|корреспондент))"
    r"(?:,\s*(?P<role>[^.\n]{2,80}))?\.?$"
)
# A Japanese or Chinese full name (three characters or more, not a place: 東京都, 北浜市) and the office
# or trade written after it.
_CJK_NAME_TITLE = re.compile(r"^(?P<name>[\u4e00-\u9fff\u3005]{2,4}[\u4e00-\u9fff\u3005](?<![都道府県市町村区省州报報社台网網刊闻聞]))"
                             r"(?P<title>市長|市长|知事|町長|村長|区長|記者|记者)$")
_LIST_HEADS = frozenset(["members present", "members", "present", "also present", "absent", "members absent", "witnesses",
                         "witness list", "in attendance", "attendance", "attendees", "participants", "panelists",
                         "panellists", "speakers", "staff present", "anwesend", "abwesend", "présents", "absents",
                         "presentes", "ausentes", "presenti", "assenti", "obecni", "nieobecni", "присутствовали",
                         "отсутствовали", "kâtip üyeler"])
# …which may also be many voices at once ("Members: No! No! No!" in a Hansard): a list only when a list follows
_LIST_HEADS_OR_VOICES = frozenset(["members", "present", "speakers"])
# "缺席議員：", "出席者：": the head of a list of those present or absent, not a speaker
_CJK_LIST_HEADS = frozenset(["出席", "缺席", "列席", "在席", "出席者", "列席者", "欠席", "欠席者", "参加者"])
_ROLE_CJK = re.compile(r"^[\u4e00-\u9fff\u3400-\u4dbf]{1,12}$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|h|uhr)?\b", re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"^(?:(?:\d{1,2}|[IVXLC]{1,6}|[A-Z])[.)]\s+\S|[一二三四五六七八九十]{1,3}[、．.]\s*\S)")
_SPEECH_BY = re.compile(r"^(?:speech|address|remarks|statement|contribution|greetings|message|"
                        r"discurso|palabras|intervención|discours|déclaration|rede|ansprache|intervento|discorso|"
                        r"выступление|речь)\s+(?:by|from|de|del|de la|du|de m\.|von|des|der|della|del)\s+", re.IGNORECASE)


_TERMINAL_CHARS = ".!?…。！？:;：；"
_TERMINAL_CLOSERS = "'’”»›\")]」』"


def ends_terminal(text: str) -> bool:
    """Whether `text` ends a sentence (a match of _TERMINAL, without scanning the whole text): its
    last character before any closing quotes and brackets is a full stop, a colon or the like."""
    core = text.rstrip().rstrip(_TERMINAL_CLOSERS)
    return bool(core) and core[-1] in _TERMINAL_CHARS


def _is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def join_kind(a: str, b: str) -> str | None:
    """How text `b` continues text `a` broken by a line or page break: the joiner, or None."""
    a, b = a.rstrip(), b.lstrip()
    if not a or not b:
        return None
    last, first = a[-1], b[0]
    if last in OPENERS:
        return ""
    if first in CLOSERS or first in ",;.:!?…" and not b.startswith("..."):
        return ""
    if a.count("(") > a.count(")") and b.count(")") > b.count("("):
        return " "  # a parenthesis opened in `a` closes in `b`
    if ends_terminal(a):
        return None
    if last == "-" and len(a) > 1 and a[-2].isalpha() and first.isalpha():
        return ""
    if (_is_cjk(last) or "\u3001" <= last <= "\u303f") and (_is_cjk(first) or first.isalnum() or "\u3001" <= first <= "\u303f"):
        return ""  # (CJK punctuation too: "「逃げ遅れゼロ」" / "を", "加えて" / "、")
    if last.isdigit() and (_is_cjk(first) or (first.isdigit() and (
            _is_cjk(a.rstrip("0123456789")[-1:] or " ") or _is_cjk(b.lstrip("0123456789")[:1] or " ")))):
        return ""  # a number in CJK text broken by the line: "7月1" / "9日", "2016" / "年"
    if first.islower() or (_HANGUL.match(last) and _HANGUL.match(first) and not a.endswith(("!", "?"))):
        return " "
    word = last_word(a)
    if word and word == word.lower() and word.casefold() in FUNCTION_WORDS:
        return " "
    return None


def join_lines(a: str, b: str, joiner: str | None = None) -> str:
    """`a` and `b` as one line; a line-end hyphen before a lower-case word is removed."""
    a, b = a.rstrip(), b.lstrip()
    if joiner is None:
        joiner = join_kind(a, b)
        if joiner is None:
            joiner = "" if a and b and _is_cjk(a[-1]) and _is_cjk(b[0]) else " "
    if a.endswith("-") and len(a) > 2 and a[-2].isalpha() and b[:1].islower():
        next_word = b.split()[0].strip(",.;") if b.split() else ""
        if next_word.casefold() in ("und", "oder", "and", "or", "bis", "sowie", "et", "y", "e", "ou", "o", "и"):
            return a + " " + b
        return a[:-1] + b
    return a + joiner + b


def is_salutation(text: str) -> bool:
    text = text.strip()
    if len(text) > 120 or len(text.split()) > 14:
        return False
    if text[:1] in "HFhf" and _OFFICE_ADDRESS.match(text):
        return text[-1:] in ",:!"  # "Herr Präsident!" alone; not "Herr Präsident! Meine … Her" broken by the line
    return bool(_SALUTATION.match(text) and (text[-1:] in ",:!，：！" or not ends_terminal(text)
                                             or (bool(_CJK.match(text)) and len(text) <= 40)))  # "皆様、おはようございます。"


# Addressing the chair by office, a salutation only when the line ends as one ("Frau Präsidentin, meine Damen und Herren,").
_OFFICE_ADDRESS = re.compile(r"^(?:herr|frau)\s+(?:bundes)?(?:präsident|präsidentin|vorsitzender|vorsitzende|"
                             r"alterspräsident|alterspräsidentin|kollege|kollegin)\b", re.IGNORECASE)


# Korean and Chinese occasions end with what the text is: "…에서 한 연설", "…上的讲话".
# ("경축사", "신년사" alone name the speech: they are titles; the occasion says where or to whom.)
_CJK_OCCASION = re.compile(
    r"(?:에서|에게|앞에서)\s*(?:한|하신|보낸|진술한)\s*(?:연설|담화|강연|축사|보고|서한|연설문|강의)\s*$"
    r"|(?:上|中|会上|會上)的(?:講話|讲话|演說|演说|演講|演讲|致辞|致詞|報告|报告)\s*$"
    r"|(?:기념식|행사|대회|개막식|개회식|졸업식|입학식|취임식|\S+식)\s*(?:축사|기념사|연설|치사|인사말|격려사|대회사|개회사|환영사)\s*$"
    r"|(?:における|での|に於ける|にあたって|に際して)\S{0,20}(?:式辞|挨拶|あいさつ|祝辞|訓示|講演|演説|告辞)\s*$"
    r"|式[\s\u3000]*(?:市長|知事|社長|学長|校長|会長|理事長|町長|村長)?(?:訓示|式辞|挨拶|告辞|祝辞)\s*$"
    r"|(?:장관|대통령|국무총리|총리|대변인|의장|위원장|시장|도지사|대사)\s*(?:성명|성명서|담화|담화문|발표문)\s*$"
    r"|(?:定例)?記者会見\s*$|记者会\s*$|記者會\s*$|新闻发布会\s*$|新聞發佈會\s*$|기자회견\s*$"
)


_PRESS_EVENT_WORDS = (
    r"(?:(?:joint|regular|daily|weekly|special)\s+)?(?:press|news|media)\s+(?:conference|briefing|statement|availability)"
    r"|pressekonferenz|pressestatement|conférence de presse|point de presse|rueda de prensa|conferencia de prensa|"
    r"conferenza stampa|conferência de imprensa|coletiva de imprensa|пресс-конференц\w*|брифинг\w*|记者会|記者会見|기자회견"
)
_PRESS_EVENT = re.compile(r"^(?:" + _PRESS_EVENT_WORDS + ")", re.IGNORECASE)
# anywhere in a line (CJK words have no word boundary before them: "…主持例行记者会")
PRESS_EVENT = re.compile(r"(?:^|\b|(?=[\u3040-\u9fff\uac00-\ud7a3]))(?:" + _PRESS_EVENT_WORDS + ")", re.IGNORECASE)


_NUMBERED_MEETING = re.compile(r"\d{1,5}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting", re.IGNORECASE)


def is_occasion(text: str) -> bool:
    if len(text) < 120 and _CJK_OCCASION.search(text):
        return True
    if text[:1].isdigit() and _NUMBERED_MEETING.fullmatch(text.strip()):
        return True  # "9731st meeting": the record of that meeting
    if re.match(r"^\w+\s*:", text):
        return False  # "Report: public meeting on …": a kicker before a headline
    if _PRESS_EVENT.match(text) and _OCCASION_LINK.search(text) and len(text) < 250:
        return True
    words = [w.strip("«»“”\"'‘’,.:;()").casefold() for w in text.split(maxsplit=8)[:8]]
    for i, word in enumerate(words):
        word = re.sub(r"['’]s$", "", word)
        if _OCCASION_WORD.match(word):
            rest = " ".join(text.split()[i + 1:])
            return bool(_OCCASION_LINK.search(rest)) or i == 0 and len(words) <= 2
        if i == 0 and _SITTING_WORD.match(word):
            return len(words) >= 3 and bool(_OCCASION_LINK.search(" ".join(text.split()[1:])))
    return False


def _letters_ratio(text: str) -> float:
    core = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in core) / max(1, len(core))


def _is_upper(text: str) -> bool:
    if text.isascii() and not text.isupper():
        return False  # (ASCII: a lower-case letter, or no upper-case one) the common case, in C
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(not c.islower() for c in letters) and any(c.isupper() for c in letters)


def _upper_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if c.isupper()) / max(1, len(letters))


def _title_case_ratio(text: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text) if w.casefold() not in FUNCTION_WORDS]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


# Offices that follow a name in apposition ("Wang Yi, Member of the Political Bureau"), before one of
# _OFFICE_PREPOSITIONS.
_APPOSITION_OFFICES = frozenset(["member", "head", "chief", "director", "envoy", "delegate", "commissioner", "adviser",
                                 "advisor", "counsellor", "spokesperson", "spokesman", "spokeswoman", "deputy", "vice",
                                 "chairperson", "coordinator", "rapporteur", "membre", "chef", "miembro", "jefe",
                                 "mitglied", "leiter", "leiterin"])


# Where an occasion took place, on a line of its own: "EN EL DEBATE GENERAL DEL …", "AU DÉBAT GÉNÉRAL DE LA
# 79e SESSION", "At the General Debate of the 79th session …", "AUPRÈS DE L'ORGANISATION DES NATIONS UNIES".
_OCCASION_PLACE = re.compile(
    r"^(?:en (?:el|la|los|las)|au|aux|à la|à l['’]|lors (?:du|de la|des)|auprès (?:de|du|des)|at the|in the|before the|"
    r"during the|na|no|nella|nel|alla|al|all['’]|an der|auf der|bei der|vor der|im|am|на|в|перед)\s"
    r".*\b(?:debate|débat|dibattito|debatte|session|sesión|sessione|sessão|sitzung|assembly|asamblea|assemblée|"
    r"assemblea|assembleia|versammlung|conference|conferencia|conférence|conferenza|konferenz|summit|cumbre|sommet|"
    r"meeting|reunión|réunion|ceremony|ceremonia|cérémonie|congress|congreso|congrès|plenary|plenario|pleno|forum|"
    r"foro|organisation|organización|organization|organizzazione|nations|naciones|nazioni|ООН|сессии|ассамблеи|"
    r"заседании|дискуссии|форуме|саммите)",
    re.IGNORECASE,
)
# A Russian occasion names the speaker in the genitive: "Выступление Министра … С.В.Лаврова".
_RU_SPEECH_OF = re.compile(r"^(?:выступление|речь|заявление|доклад|слово|обращение|приветствие|послание|"
                           r"интервью|статья|лекция|ответы)\b", re.IGNORECASE)
# Genitive endings of Russian surnames and their nominatives, longest first.
_RU_GENITIVE = (("ского", "ский"), ("цкого", "цкий"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                ("ской", "ская"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"))


# An office in the genitive opening the rest of such an occasion ("Министра иностранных дел", "Постоянного
# представителя"), and a name with initials closing it ("М.В.Рыженкова").
_RU_OFFICE_GENITIVE = re.compile(
    r"^(?:министра|председателя|президента|главы|постоянного|заместителя|руководителя|генерального|посла|"
    r"премьер-министра|первого|спикера|мэра|губернатора|секретаря|члена|депутата|представителя|"
    r"делегации|специального|чрезвычайного)\b", re.IGNORECASE)
# Two initials and a surname, as officials are named in Russian: "Г.В.Стасенко", "М.В. Рыженкова".
_INITIALS_NAME = re.compile(r"\b[А-ЯЁA-Z]\.\s?[А-ЯЁA-Z]\.\s?[А-ЯЁA-Z][а-яёa-z\-]+")


def _continues_russian_occasion(text: str, state: int) -> bool:
    if state == 1:
        return bool(_RU_OFFICE_GENITIVE.match(text))
    return is_date_line(text) is None and len(text) < 120 and not ends_terminal(text.rstrip(" ."))


def russian_nominative(name: str) -> str:
    """'С.В.Лаврова' -> 'С.В.Лавров', 'М.А.Захаровой' -> 'М.А.Захарова': a surname with initials
    named in the genitive, as a Russian occasion names its speaker; other names unchanged."""
    match = re.fullmatch(r"((?:[А-ЯЁ]\.\s?){1,2})([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)", name)
    if match is None:
        return name
    surname = match.group(2)
    for genitive, nominative in _RU_GENITIVE:
        if surname.endswith(genitive) and len(surname) > len(genitive) + 1:
            return match.group(1) + surname[: -len(genitive)] + nominative
    return name


def name_after_honorific(text: str) -> str | None:
    """The person an occasion line names: 'Statement by H.E. Mr. Kim Song, Ambassador…' -> 'Kim Song'."""
    tokens = text.replace("\u00a0", " ").split()
    for i, token in enumerate(tokens):
        if token.casefold().strip(",") not in HONORIFICS or token.casefold() in ("dear", "great", "general", "his", "her", "he"):
            continue
        j = i
        while j < len(tokens) and tokens[j].casefold().strip(",") in HONORIFICS:
            j += 1
        name: list[str] = []
        while j < len(tokens) and len(name) < 4:
            tok = tokens[j]
            bare = re.sub(r"['’]s$", "", tok, flags=re.IGNORECASE).strip(",;:")
            if not bare or not (bare[0].isupper() or (name and bare.casefold() in PARTICLES)):
                break
            if bare.casefold() in NAME_STOP or bare.casefold() in HONORIFICS:
                break
            if bare.isupper() and bare.casefold() in _CAPS_FUNCTION_WORDS:
                break  # "REMARKS BY THE PRESIDENT IN THE …": in capitals, "IN" is not a name ("Jong In Song" is)
            following = tokens[j + 1].casefold() if j + 1 < len(tokens) else ""
            if name and bare.casefold() in _APPOSITION_OFFICES and (following in _OFFICE_PREPOSITIONS or len(name) >= 2):
                break  # "H.E. Wang Yi Member of the Political Bureau …": the office after the name
            name.append(bare)
            if bare != tok:  # a comma or possessive ends the name
                break
            j += 1
        if name:
            return natural_case(" ".join(name))
    return None


# ---- labels ("NAME: text") ------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    speaker: str
    affiliation: str | None
    raw: str
    strong: bool


def _titled_person(text: str) -> bool:
    """'Mr. Kyalo', 'Mr. arap Cheboiwo', 'Prof. Sumbi': an honorific, then a name (not 'Minister for Health')."""
    tokens = text.split()
    if not tokens or tokens[0].casefold() not in HONORIFICS:
        return False
    rest = tokens[1:]
    while rest and rest[0].casefold() in HONORIFICS:
        rest = rest[1:]
    return 1 <= len(rest) <= 4 and rest[-1][:1].isupper() and all(
        t[:1].isupper() or t.casefold() in PARTICLES for t in rest)


# A title, then a surname after its particle, the particle in lower case: "MR. arap KOSKE", "Mr.ole Tipis".
_TITLED_PARTICLE_NAME = re.compile(
    r"(?i:" + "|".join(ABBREVIATED_TITLES) + r")(?:\.\s*|\s+)(?P<particle>[a-z]{2,4})\s+"
    r"(?P<surname>[^\W\d_][^\W\d_'’\-]+(?:-[^\W\d_]+)?)")

_ASKER_WORDS = frozenset(["question", "q", "reporter", "journalist", "pregunta", "periodista", "frage", "journaliste",
                          "domanda", "giornalista", "pergunta", "jornalista", "вопрос", "журналист"])


def parse_label(paragraph: str) -> tuple[Label, str] | None:
    """A speaker label opening a paragraph ('THE PRESIDENT: …', 'Renner (KPD): …', '方剛議員：…')."""
    diet = _DIET_LABEL.match(paragraph) if paragraph.startswith("○") else None
    if diet is not None:
        # "○議長（山田太郎君）　ただいまから…", "○佐藤一郎君　…": Japanese Diet minutes.
        office, name = diet.group("office"), diet.group("name")
        speaker = _CJK_SUFFIX.sub("", name) if name else _CJK_SUFFIX.sub("", office)
        return Label(speaker or office, office if name else None, diet.group("label"), strong=True), diet.group("rest")
    head = paragraph[:160]
    if ":" not in head and "：" not in head and "—" not in head and "–" not in head:
        return None  # no colon or '. —' where a label could end: the common case
    if ("—" in head or "–" in head) and (dashed := _CAPS_DASH_LABEL.match(paragraph)) \
            and _is_upper(bare := re.sub(r"\([^()]*\)", "", dashed.group("label")).strip()) \
            and ("(" in dashed.group("label") or _CHAIR_OFFICE.fullmatch(bare)) \
            and (len(dashed.group("rest").split()) >= 4 or ends_terminal(dashed.group("rest"))):
        # (what follows the dash is a sentence: "DIE GRÜNEN – Michael Grosse-Brömer" is an interjection's line)
        # "BAŞKAN — Sayın milletvekilleri …", "KEMAL ERTÜRK (Yeşilırmak) — …": a name in capitals
        # and a dash open a turn in some parliaments' minutes, as a colon does elsewhere. Only the
        # chair by office, or a member with the constituency or party in brackets: other capitals
        # before a dash are more often a news dateline ("HARBOR CITY — After …") or an acronym.
        label_text = _CONTINUING.sub("", dashed.group("label")).strip()
        paragraph = f"{label_text}: {dashed.group('rest')}"
    if paragraph.rstrip().endswith(")") and paragraph.count(")") > paragraph.count("("):
        # "SPD. — Abg. Renner: Bis zum Umfallen!)": the end of an interjection opened on a line
        # before, not a turn of its own
        return None
    if ":" not in paragraph and "：" not in paragraph and not _DOT_DASH.search(paragraph):
        return None  # a dash in running text, but no colon and no '. —' for a label to end with
    paragraph = _TIME_BEFORE_COLON.sub(r"\1", paragraph, count=1)
    match = _LABEL.match(paragraph)
    if not match:
        return None
    label = match.group("label").strip().strip("*_").strip()
    rest = match.group("rest").strip()
    if "（" in label:
        label = label.replace("（", "(").replace("）", ")")
    polite = _ARTICLE_HONORIFIC.match(label)
    if polite and match.group("colon") in ":：":
        # "El señor PRESIDENTE", "La señora GARCÍA LÓPEZ", "El señor MINISTRO DE … (Martínez Ruiz)"
        label = polite.group("rest")
    korean = _KOREAN_LABEL.match(label) if match.group("colon") in ":：" and _HANGUL.match(label) else None
    if korean and rest:
        if korean.group("office") or label in _SINGLE_ROLE_SET:
            speaker = label if label in _SINGLE_ROLE_SET else korean.group("name")
            return Label(speaker, None, label, strong=True), rest
        if is_hangul_name(label):
            return Label(label, None, label, strong=False), rest
    if match.group("colon").startswith(".") and not (label[:1].isupper() and len(label.split(",")[0].split()) <= 8):
        return None
    # A long label is a name and an office after a comma ("Mme Agnès Vautrin, ministre d'État, …").
    # (words counted without a closing parenthesis: "The Minister for … Development (Mr. Obuya Kadenge)")
    bare_label = re.sub(r"\s*\([^()]{1,60}\)\s*$", "", label)
    if not label or label[0].isdigit() or "http" in label.casefold() or len(bare_label.split(",")[0].split()) > 9 \
            or (len(bare_label.split()) > 9 and "," not in bare_label):
        return None
    cjk_paren = re.fullmatch(r"([\u4e00-\u9fff\u3400-\u4dbf]{1,12})\s*\(([^()]{1,40})\)", label)
    if match.group("colon") == "：" and (_ROLE_CJK.match(label) or cjk_paren) and label not in _FIELD_KEYS:
        head = cjk_paren.group(1) if cjk_paren else label
        name = _CJK_SUFFIX.sub("", head) if len(head) > 2 else head
        affiliation = cjk_paren.group(2).strip() if cjk_paren else None
        titled = _CJK_NAME_TITLE.match(head)
        if not titled and head.endswith(("记者", "記者")) and len(head) > 3 and not cjk_paren:
            # "北原日报记者：": a reporter of that paper, unnamed
            return Label(head[-2:], head[:-2], label, strong=True), rest
        if titled:
            # "中村浩一市長", "石川真理子記者（北浜日報）": a full name, then the office or the trade
            name, affiliation = titled.group("name"), affiliation or titled.group("title")
        strong = bool(_CJK_SUFFIX.search(head)) or head in _CJK_ROLES or bool(cjk_paren) \
            or bool(_CJK_OFFICE_SUFFIX.match(head)) or bool(titled)
        if rest or (strong and name not in _CJK_LIST_HEADS):  # (a strong label may stand on a line of its own)
            return Label(name or head, affiliation, label, strong=strong), rest
    # "Ms Priya Latham (Northtown) (Lab)": the person, then constituency and party as written.
    groups = re.search(r"(?:\s*\([^()]{1,60}\))+\s*$", label)
    paren = groups if groups and groups.start() > 0 else None
    outer = label[: paren.start()].strip() if paren else label
    inner = ", ".join(g.strip() for g in re.findall(r"\(([^()]{1,60})\)", paren.group())) if paren else None
    if inner:
        inner = respace_titles(inner)  # "(mr.Karume)", "(Sir. Mudavadi)"
    comma_aff = None
    if not paren and "," in outer:
        outer, comma_aff = (part.strip() for part in outer.split(",", 1))
        titled_name = bool(outer.split()) and outer.split()[0].casefold() in HONORIFICS and is_person_name(outer) \
            and (match.group("colon").startswith(".") or len(comma_aff.split()) <= 8)
        if not comma_aff[:1].isupper() and not titled_name:
            return None  # "Kollege Bartsch, eine kleine Korrektur:" is a sentence, not a label
    if not outer:
        return None
    head_word = outer.casefold().strip()
    if (head_word in _LIST_HEADS and (head_word not in _LIST_HEADS_OR_VOICES or not rest or ". ." in rest
                                      or rest.count(",") >= 2)) or _UN_PRESIDENT.match(paragraph):
        # "MEMBERS PRESENT: Senator …", "WITNESSES:": the head of a list, not a speaker; "President:
        # Mr. Vantongeren . . . (Marenta)": who chairs a United Nations meeting
        return None
    if comma_aff and not rest and not is_person_name(outer) \
            and sum(1 for item in comma_aff.split(",") if item.strip()[:1].islower()) >= 2:
        # "Chancellor, Principal, members of the faculty, families, friends, and above all …:": those
        # addressed, a salutation on its own line, not a speaker and an affiliation
        return None
    chair = _CHAIR.match(outer) if comma_aff is None and rest else None
    if is_salutation(outer + ":") and not _is_upper(outer) and not chair:
        return None
    if _is_upper(label) and rest and len(rest) < 200 and _is_upper(rest):
        return None  # "WATER FOR EVERY FIELD: THE NEXT TEN YEARS …": a title in capitals, not a turn
    if chair:
        # "Mr Speaker:", "Madam Deputy Speaker:", "M. le président. —": the chair by its office.
        return Label(natural_case(chair.group("office")), inner or comma_aff, label, strong=True), rest
    asker = inner.split(",", 1) if inner and outer.casefold() in _ASKER_WORDS else None
    if asker and len(asker) == 2 and is_person_name(asker[0].strip()):
        # "QUESTION (Ruth Amsel, Estravian Broadcasting): …": the journalist and the outlet
        return Label(name_from_text(asker[0]), asker[1].strip(), label, strong=True), rest
    if len(outer.split()) <= 2 and not outer[:1].islower() and _SINGLE_ROLE.fullmatch(outer.strip()):
        return Label(outer.strip(), inner or comma_aff, label, strong=True), rest
    particled = _TITLED_PARTICLE_NAME.fullmatch(outer) if rest and not _is_upper(outer) else None
    if particled and particled.group("particle").casefold() in PARTICLES:
        # "MR. arap KOSKE", "Mr.ole Tipis", "Mr. van Rompuy": a title, a particle, the surname
        surname = particled.group("surname")
        speaker = f"{particled.group('particle')} {natural_case(surname) if _is_upper(surname) else surname}"
        return Label(speaker, inner or comma_aff, label, strong=True), rest
    strong = _is_upper(outer) and bool(re.fullmatch(r"[^\W\d_][^\W\d_ .'’\-]*(?:[ .'’\-]+[^\W\d_]+)*\.?", outer))
    first = outer.split()[0].casefold()
    honorific = first in HONORIFICS or first in ("the", "der", "die", "la", "el", "le")
    surname_only = len(outer.split()) == 1 and outer[:1].isupper() and bool(re.fullmatch(r"[^\W\d_][^\W\d_'’\-]+", outer)) \
        and outer.casefold() not in _NOT_SURNAMES and not _is_upper(outer) and bool(rest) and not re.search(r"\d", label) \
        and comma_aff is None and inner is None
    name_like = is_person_name(outer, max_tokens=6) or (len(outer.split()) == 1 and outer[:1].isupper() and outer.isalpha() and inner is not None) \
        or surname_only  # "Ferreira-Lund: …" (weak: kept when it resolves to a full name given earlier)
    role_like = honorific and _title_case_ratio(outer) >= 0.99
    if not (strong or name_like or role_like):
        return None
    if not rest and not (strong or role_like or (name_like and (inner or comma_aff))):
        return None
    # "The Minister for Energy (Mr. Kyalo)": the parenthesis holds the person, the outside the role;
    # "Mr. Daniel Ochieng (Rabuor East)", "Renner (KPD)": the outside is the person.
    outer_is_role = bool(_ROLE_WORDS.search(outer)) or outer.split()[0].casefold() in ("the", "der", "die", "la", "el", "le")
    inner_first = inner.split()[0].casefold() if inner and inner.split() else ""
    inner_titled = bool(inner_first) and (inner_first in HONORIFICS or inner_first.rstrip(".") + "." in HONORIFICS) \
        and _titled_person(inner or "")
    if inner and (inner_titled or (outer_is_role and is_person_name(inner) and not _is_upper(inner))):
        speaker, affiliation = name_from_text(inner), outer
    else:
        speaker, affiliation = name_from_text(outer), inner or comma_aff
        if _CHAIR_OFFICE.fullmatch(outer.strip()):
            speaker = natural_case(outer.strip())  # "DEPUTY SPEAKER": the office whole ('deputy' also titles a name)
    if not speaker:
        return None
    initials = bool(re.fullmatch(r"(?:[A-ZА-ЯЁ]\.){1,3}\s?[A-ZА-ЯЁ][\w\-']+", outer))
    return Label(speaker, affiliation, label, strong=strong or role_like or initials or bool(inner or comma_aff)), rest


def parse_speaker_line(text: str) -> tuple[str, str | None] | None:
    """'Zane Carpenter, Communist Party of Great Britain' -> (name, affiliation)."""
    line = text.strip()
    if len(line) > 140 or ends_terminal(line) and not line.endswith(")"):
        return None
    line = _SPEECH_BY.sub("", line)
    parts = re.split(r"\s*(?:,|\s[–—-]\s)\s*", line, maxsplit=1)
    if len(parts) != 2:
        return None
    name, affiliation = parts
    if not is_person_name(name) or not affiliation or len(affiliation.split()) > 14:
        return None
    if not (affiliation[0].isupper() or affiliation[0] in "(“\"'" or _SPEECH_BY.match(text.strip())):
        return None
    if (affiliation[:1].isdigit() or affiliation[-1:].isdigit()) and is_date_line(affiliation) is not None:
        return None  # "New York, September 28, 2024": a dateline, a place and a date
    return name_from_text(name), affiliation.strip()


# ---- blocks -> paragraphs --------------------------------------------------------------------


def merge_broken_blocks(blocks: list[Block], dropped: list[str] | None = None) -> tuple[list[Block], bool]:
    """Blocks a page break split in mid-sentence joined again (the first repair of PDF text); the
    running heads found between two halves of a sentence are left out (and added to `dropped`)."""
    out: list[Block] = []
    merged = False
    skip: set[int] = set()
    for index, block in enumerate(blocks):
        if index in skip:
            continue
        prev = out[-1] if out else None
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            prev is not None and following is not None and _furniture_between(prev, block, following)
        ):
            # "…the islands of their | General Debate, 74th Session | grandparents if …": a running
            # head printed once, between the halves of a sentence a page break split.
            joined = join_lines(prev.lines[-1], following.lines[0], join_kind(prev.lines[-1], following.lines[0]))
            out[-1] = Block(prev.lines[:-1] + (joined,) + following.lines[1:], emphasis=prev.emphasis and following.emphasis)
            merged = True
            skip.add(index + 1)
            if dropped is not None:
                dropped.append(block.text)
            continue
        if (
            prev is not None and not prev.rule and not block.rule and not prev.level and not block.level
            and prev.lines and block.lines
        ):
            joiner = join_kind(prev.lines[-1], block.lines[0])
            # the costlier vetoes only where the two would join
            if joiner is not None and (_stands_alone(prev.lines[-1]) or _stands_alone(block.lines[0])
                                       or (len(block.lines[0]) < 250 and is_occasion(block.lines[0]))):
                joiner = None
            if joiner is not None and (_HANGUL.match(block.lines[0][:1]) or _is_cjk(block.lines[0][:1])
                                       or _is_cjk(prev.lines[-1][-1:]) or _HANGUL.match(prev.lines[-1][-1:])) \
                    and len(prev.lines[-1]) < 40:
                joiner = None  # a short Hangul/Han line is a heading, a name or a date, not half a sentence
            if joiner is not None:
                joined = join_lines(prev.lines[-1], block.lines[0], joiner)
                out[-1] = Block(prev.lines[:-1] + (joined,) + block.lines[1:], emphasis=prev.emphasis and block.emphasis)
                merged = True
                continue
        out.append(block)
    return out, merged


def _furniture_between(prev: Block, block: Block, following: Block) -> bool:
    """`block` is one to three short lines standing between a sentence cut off at the end of `prev`
    and its lower-case continuation at the start of `following`."""
    if prev.rule or block.rule or following.rule or prev.level or following.level or block.level:
        return False
    if not (prev.lines and block.lines and following.lines) or len(block.lines) > 2:
        return False
    if not following.lines[0][:1].islower() or ends_terminal(prev.lines[-1]):
        return False  # the common case, decided cheaply: no sentence runs on past the block
    if block.lines[0][:1].islower():
        return False  # "… la nécessité de" / "combattre le terrorisme …" / "du soutien …": the sentence, in three pieces
    # Furniture is shorter than the text's lines; a line of prose fills the measure.
    width = max(len(line) for line in prev.lines + following.lines)
    if any(len(line) > min(100, 0.85 * width) for line in block.lines) or ends_terminal(block.lines[-1]) \
            or block.lines[-1].rstrip()[-1:] in ",，" or is_salutation(block.text) or is_occasion(prev.text) \
            or re.search(r"[‘’“”\"«»„‹›「」『』]", block.text) or prev.lines[-1].rstrip()[-1:] in "‘“\"«„(‹[「『":
        return False  # a title quoted in the sentence, not a running head
    last, first = prev.lines[-1], following.lines[0]
    if not first[:1].islower() or ends_terminal(last) or _stands_alone(last) or len(last) < 20 or _is_upper(last):
        return False
    return join_kind(last, first) is not None and parse_label(block.text) is None


def _stands_alone(line: str) -> bool:
    """Lines that are never half of a broken sentence: a date line, a salutation."""
    if len(line) >= 80:
        return False
    if is_salutation(line) and (line.rstrip()[-1:] in ",:!" or re.match(r"(?i)(?:my |our )?dear\b", line)):
        return True
    return is_date_line(line) is not None


def estimate_wrap_width(blocks: list[Block]) -> int | None:
    """The width text was hard-wrapped at, or None when lines are whole paragraphs."""
    lengths = sorted(len(line) for b in blocks if len(b.lines) > 1 for line in b.lines[:-1])
    if len(lengths) < 3:
        return None
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    return p90 if p90 <= 130 else None


def split_paragraphs(block: Block, width: int | None) -> list[str]:
    """A block's lines reflowed into paragraphs."""
    lines = [line.strip() for line in block.lines if line.strip()]
    if not lines:
        return []
    paragraphs: list[str] = []
    current = lines[0]
    for prev, line in zip(lines, lines[1:]):
        joiner = join_kind(prev, line)
        if width is None:
            brk = joiner is None
        else:
            short = len(prev) < 0.75 * width
            brk = (ends_terminal(prev) and short) or (is_salutation(prev) and short) or (
                joiner is None and short and len(prev) < 0.5 * width
            )
        if not brk and len(prev) < 40 and len(lines) <= 6 and is_person_name(prev) and not is_person_name(line):
            brk = True  # a signature: the name, then the office under it
        if not brk and (_STENO_LABEL.match(prev) or _STENO_LABEL.match(line)):
            brk = True  # "Жданов И. П." on its own line heads the speech under it
        if not brk and (label := parse_label(line)) is not None and label[0].strong:
            brk = True
        if brk and line.startswith("(") and current == prev and _PAREN_LABEL_END.match(line) and _ROLE_WORDS.search(prev) \
                and (label := parse_label(prev + " " + line)) is not None and label[0].strong:
            # "THE ASSISTANT MINISTER FOR ENERGY" / "(Mr. Mwicigi): Mr. Speaker, …": a label the line broke
            brk, joiner = False, " "
        if brk:
            paragraphs.append(current)
            current = line
        else:
            current = join_lines(current, line, joiner)
    paragraphs.append(current)
    # (printable text has no whitespace but the space, so without two spaces in a row there is
    # nothing for the regex to do)
    return [(p if p.isprintable() and "  " not in p else _WHITESPACE_RUN.sub(" ", p)).strip()
            for p in paragraphs if p.strip()]


_WHITESPACE_RUN = re.compile(r"\s{2,}")
_PAREN_LABEL_END = re.compile(r"\([^()]{1,60}\)\s*[:：]")


# ---- header ---------------------------------------------------------------------------------

MAX_HEADER_BLOCKS = 14


def _is_body_start(block: Block) -> bool:
    text = block.text
    if block.level or (block.emphasis and len(text) < 300):
        return False
    if is_salutation(text) or (_SALUTATION.match(text) and text.rstrip()[-1:] in ",:" and len(text) < 400):
        return True
    if all((f := _HEADER_FIELD.match(line.strip())) and f.group("key").strip().casefold() in _FIELD_KEYS
           for line in block.lines if line.strip()):
        return False  # "Sesja: XXIV" / "Data: 17 grudnia 2004 r.": the header's fields, not a turn
    if len(block.lines) == 1 and len(text) < 60 and text.endswith(".") and is_person_name(text.rstrip(" .")):
        return False  # "М.В.Рыженкова ." under an occasion: a name, whatever full stop follows it
    labelled = parse_label(text)
    if labelled is not None:
        rest = labelled[1].strip()
        quoted = re.fullmatch(r"[\"“«„‘'].{5,200}[\"”»“’']", rest)
        # 'Glеб Сомов: «Ни одна школа …»' on a line of its own is a news headline, not a turn;
        # so is "Aktuelle Stunde: Zukunft der Fährverbindungen" (a phrase, not a sentence, after a weak label).
        headline = not labelled[0].strong and len(text) < 160 and rest[:1].isupper() \
            and len(rest.split()) >= 3 and not re.search(r"[.!?…。！？:;,]['’”»)\]]*$", rest)
        return not (len(block.lines) == 1 and (quoted or headline))
    if len(block.lines) <= 2 and is_date_line(text):
        return False
    words = len(text.split())
    if len(text) < 600 and _upper_share(text) >= 0.7:
        return False
    sentence = bool(re.search(r"[.!?…。！？]['’”»)\]]*$", text)) and not re.search(r"\b[A-Z]\.$|\b\w\.\w\.$", text)
    if is_occasion(text):
        # ("Mensaje de …, en el Debate General … Nueva York, 28 de septiembre de 2024.": an occasion
        # and its dateline, run together where the page break was mended; not the first sentence)
        return sentence and len(text) > 120 and not (len(text) < 400 and _trailing_date(text) is not None)
    if len(text) > 250:
        return True
    if sentence and _CJK.search(text[:1]) and len(text) >= 20:
        return True  # Chinese and Japanese sentences have no spaces to count words by
    return sentence and words >= 2


def _deck_before_byline(blocks: list[Block], index: int) -> bool:
    """A one-sentence standfirst under a headline, followed by the byline or the date: header."""
    block = blocks[index]
    if len(block.text) > 300 or parse_label(block.text) is not None or is_salutation(block.text):
        return False
    following = [b for b in blocks[index + 1: index + 3] if not b.rule]
    return any(b.lines and all(_BYLINE.match(line) or is_date_line(line) is not None for line in b.lines)
               for b in following)


def _is_page_title(text: str, page_title: str) -> bool:
    """Whether a header block is the page title a browser printed ("Water for the Valleys_Ministry
    of Rivers ..."): the title with the site's name after it, or cut short."""
    block = " ".join(text.split()).casefold()
    page = " ".join(page_title.split()).casefold()
    if len(block) < 12:
        return False
    if page.startswith(block):
        return len(page) == len(block) or not page[len(block)].isalnum()
    cut = page.rstrip(". …")
    return cut != page and len(cut) >= 30 and block.startswith(cut)


def _norm_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


@dataclass
class _HeaderParts:
    title_candidates: list[tuple[str, int]] = field(default_factory=list)  # text, heading level
    author: str | None = None
    occasion: str | None = None
    dates: list[tuple[ParsedDate, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    folded: bool = False
    byline: str | None = None
    headline: str | None = None  # the title-like line right above a byline
    field_title: str | None = None  # "Topic: …"
    addressee_next: bool = False  # after "His Excellency" the name is the addressee's
    dropped: bool = False  # a letterhead or masthead line left out of the text
    addressee_block: int | None = None  # the block an addressee line opened
    loose_dates: list[tuple[ParsedDate, str]] = field(default_factory=list)  # a full date inside a header line
    book_end: int = 0  # title candidates before a publisher's imprint are the book's, not the text's
    # "ВЫСТУПЛЕНИЕ" alone, then "Министра …" / "Республики Беларусь" / "М.В.Рыженкова": one occasion
    # set over several lines (1: after the genre word, 2: after the office in the genitive)
    occasion_open: int = 0
    occasion_again: bool = False  # a second line saying what the text is (a translation's): the first is done


def parse_header(blocks: list[Block], meta: dict[str, str]) -> tuple[Header, int, bool]:
    """The header at the top of the blocks and the index where the body starts."""
    index = 0
    header_blocks: list[Block] = []
    decks: set[int] = set()  # standfirst sentences between a headline and its byline
    while index < len(blocks) and len(header_blocks) < MAX_HEADER_BLOCKS:
        block = blocks[index]
        if block.rule:
            index += 1
            continue
        if _is_body_start(block):
            if not (header_blocks and _deck_before_byline(blocks, index)):
                break
            decks.add(id(block))
        following = next((b for b in blocks[index + 1:] if not b.rule), None)
        if (
            header_blocks and not block.level and len(block.lines) == 1 and _NUMBERED_HEADING.match(block.text)
            and len(block.text.split()) <= 12 and not _GENERIC_HEADER.match(block.text)
            and following is not None and _is_body_start(following)
        ):
            break  # "1. The Years of Drought" over the first paragraph: the first section's heading
        if (
            block.level and any(0 < h.level < block.level for h in header_blocks)
            and following is not None and not following.level and _is_body_start(following)
            and is_date_line(block.text) is None
        ):
            break  # a lesser heading right before the text heads the first section, not the document
        header_blocks.append(block)
        index += 1
    if index >= len(blocks) and header_blocks:
        # Nothing but short lines: keep the first as a possible title, the rest is the body.
        first = next(i for i, b in enumerate(blocks) if not b.rule)
        header_blocks = [blocks[first]] if (blocks[first].level or len(blocks) > 1) else []
        index = first + len(header_blocks)

    parts = _HeaderParts()
    seen: dict[str, str] = {}
    for block in header_blocks:
        if id(block) in decks:
            parts.lines.append(block.text)
            continue
        if meta.get("page_title") and parts.field_title is None and _is_page_title(block.text, meta["page_title"]):
            # The title the browser printed atop every page names this block: the title, whole.
            parts.field_title = block.text
            parts.lines.append(block.text)
            seen[_norm_key(block.text)] = "title"
            continue
        for group in _header_line_groups(block):
            _assign_header_text(group, block, parts, seen)
    title = None
    if 0 < parts.book_end < len(parts.title_candidates):
        # A book's title page, then the text's own title: the text's.
        parts.title_candidates = parts.title_candidates[parts.book_end:]
    if parts.title_candidates:
        counts: dict[str, int] = {}
        for text, _ in parts.title_candidates:
            counts[_norm_key(text)] = counts.get(_norm_key(text), 0) + 1
        repeated = [t for t, _ in parts.title_candidates if counts[_norm_key(t)] > 1]
        level_one = [t for t, lvl in parts.title_candidates if lvl == 1]
        plain = [t for t, _ in parts.title_candidates if not t.rstrip().endswith("!")]
        headline = [parts.headline] if parts.headline else []
        if not headline and meta.get("headline"):
            wanted = _norm_key(meta["headline"])
            headline = [t for t, _ in parts.title_candidates if _norm_key(t) == wanted][:1]
        title = ([parts.field_title] if parts.field_title else None
                 or repeated or level_one or headline or plain or [parts.title_candidates[0][0]])[0]
    elif parts.field_title:
        title = parts.field_title
    if title:
        quoted = re.fullmatch(r"[\"“«„‘']([^\"“”«»„‘’]{3,})[\"”»“’']", title.strip())
        if quoted:
            title = quoted.group(1).strip()  # a headline that is a quotation: the words, not the quote marks
    date_text = None
    if not parts.dates and parts.loose_dates:
        parts.dates = parts.loose_dates[:1]
    if parts.dates:
        rank = {"day": 0, "month": 1, "year": 2}
        # Of two full dates, the one that names its weekday is the sitting's or the speech's
        # ("1re séance du mardi 12 avril 1994" rather than "CONSTITUTION DU 4 OCTOBRE 1958").
        best = min(parts.dates, key=lambda d: (rank[d[0].precision], not _WEEKDAY.search(d[1])))
        date_text = best[0].text
    # A name the occasion gives with a title ("Statement by H.E. Mr. Kim Song") is the speaker's;
    # it beats a bare name line, which may be a letterhead.
    author = (name_after_honorific(parts.occasion) if parts.occasion else None) or parts.author
    if author is None and parts.occasion:
        author = name_in_occasion(parts.occasion)
    if author is None and parts.occasion:
        initials = set(_INITIALS_NAME.findall(parts.occasion))
        if len(initials) == 1:
            author = initials.pop()  # "Выступление … Г.В.Стасенко на заседании …"
            if _RU_SPEECH_OF.match(parts.occasion):
                author = russian_nominative(author)  # "… Министра … С.В.Лаврова": the genitive
    if parts.occasion and _JOINT.search(parts.occasion):
        author = None  # "Joint Statement by President X and Prime Minister Y": no one author
    if author is None and meta.get("author"):
        author = natural_case(strip_honorifics(meta["author"]))  # front matter: "Dr. Selma Ravik"
    if parts.occasion is None and meta.get("occasion") in parts.lines:
        # a JSON record's "event" field: the occasion, whatever its words ("Inauguración del …")
        parts.occasion = meta["occasion"]
        if title == parts.occasion:
            title = None
    byline = parts.byline
    if author is None and meta.get("posted_by") and is_person_name(meta["posted_by"]):
        # a blog's "Posted by Lena Osk on …" line (taken out of the text as page chrome): its writer
        author = name_from_text(meta["posted_by"])
        byline = byline or f"Posted by {meta['posted_by']}"
    if author is None and meta.get("running_head_author"):
        author = meta["running_head_author"]
    header = Header(
        title=title, author=author, occasion=parts.occasion, date_text=date_text,
        lines=tuple(parts.lines), byline=byline,
    )
    return header, index, parts.folded


def _trailing_date(text: str) -> tuple[str, str] | None:
    """A header text that ends with a date line run into it: (text before, the date line)."""
    if len(text) < 40 or is_date_line(text) is not None:
        return None
    found = find_date(text[-60:])
    if found is None or found.end < len(text[-60:].rstrip(" .")) - 1:
        return None
    start = len(text) - len(text[-60:]) + found.start
    cut = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    if cut < 20:
        return None
    head, tail = text[: cut + 1].strip(), text[cut + 1:].strip()
    return (head, tail) if is_date_line(tail) is not None else None


# "By Jane Roe", "Delivered by Thomas Reilly, Clerk of …": who wrote or gave the text.
# "By Jane Roe", "Delivered by …", "di Marta Ferraguti": the words that say who wrote or gave a text.
_BYLINE_LEAD = r"^(?:(?:delivered|given|presented|read|written|posted)\s+)?(?:" + BYLINE_WORDS + r")\s+"
_BYLINE = re.compile(_BYLINE_LEAD + r"\S", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(_BYLINE_LEAD, re.IGNORECASE)

# The sender's letterhead is not the document's title.
_LETTERHEAD = re.compile(
    r"\b(?:permanent mission|mission permanente|misión permanente|missione permanente|missão permanente|"
    r"ständige vertretung|постоянное представительство|embassy of|ambassade|embajada|botschaft|"
    r"consulate|consulado|consulat|ministry of|ministère|ministerio|ministero|ministério|министерство|посольство|"
    r"tel\.?:|fax:|e-mail:|p\.o\. box|\b\d{4,6}\s+[A-ZÀ-Þ][a-zà-ÿ]+$|press (?:secretary|office)|"
    r"ufficio stampa|service de presse|pressestelle|пресс-служба|oficina de prensa|gabinete de imprensa|"
    r"\b\d{1,4}[a-z]?\s+[A-Z][\w'’-]*\s+(?:row|street|st\.?|road|rd\.?|avenue|ave\.?|lane|square|place|drive|quay|"
    r"straße|strasse|rue|via|calle|avenida|rua)\b)",
    re.IGNORECASE,
)


# An institution's name heading a page (a letterhead, a masthead) is not the document's title:
# "OFFICE OF THE PRIME MINISTER", "Bundesministerium für …", "Gabinete de Comunicação …".
_INSTITUTION_LINE = re.compile(
    r"^(?:the\s+)?(?:office|ministry|department|presidency|government|secretariat|cabinet office|bureau|"
    r"embassy|permanent mission|parliament|house of|legislative|municipality|city council|city of|county|landtag|"
    r"bundestag|bundesrat|national assembly|assemblée nationale|state duma|государственная дума|congreso|senado|"
    r"bundesministerium|ministerium|bundesregierung|bundeskanzleramt|staatskanzlei|senatskanzlei|landesregierung|"
    r"ministère|ministerio|ministero|ministério|présidence|presidencia|presidência|presidenza|"
    r"gobierno|governo|gouvernement|regierung|secretaría|secretaria|secrétariat|segreteria|gabinete|gabinetto|"
    r"coordinación|coordenação|câmara municipal|camara municipal|municipalidad|mairie|ayuntamiento|comune di|"
    r"prefeitura|junta de|generalitat|администрация|министерство|правительство|пресс-служба|аппарат)\b"
    r"|\b(?:press office|office of communications|communications office|pressereferat|presseamt|pressestelle|"
    r"secretaria de imprensa|comunicación social|ufficio stampa|service de presse|press service)\b",
    re.IGNORECASE,
)
_INSTITUTION_NAME = re.compile(
    r"^\S+(?:\s+(?:general|federal|national|regional|municipal|permanent|[A-ZÀ-Þ][\w\-]+))?\s+"
    r"(?:of|for|on|de|del|da|do|das|dos|des|du|di|della|für|der|van|von|d'|de la)\b",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(
    r"\b(?:publishing house|publishers?|verlag|éditions|ediciones|editorial|edizioni|editora|издательство|"
    r"(?-i:[A-Z][A-Z'’.&-]+(?:\s[A-Z][A-Z'’.&-]+)*\sPRESS\b)|"
    r"printing house|imprimerie|druckerei)\b|出版社|출판사",
    re.IGNORECASE,
)
_ADDRESSEE = re.compile(
    r"^(?:to\s+(?:comrade|h\.?e\.?|his|her|the|mr\.?|mrs\.?|ms\.?|dr\.?|president|all)\b|(?:his|her) (?:excellency|majesty|highness)\b|your (?:excellency|majesty|highness)\s*,?$|"
    r"à\s+(?:monsieur|madame|son excellence)\b|a\s+(?:su excelencia|la señora|el señor)\b|an\s+(?:herrn|frau|seine exzellenz)\b|"
    # "A las maestras y los maestros de …", "Aux enseignants", "Aos professores": to whom a letter goes
    r"(?:a\s+(?:las|los)|aos|às|aux|an\s+die|alle|agli|ai)\s+[^\W\d_]+|"
    r"(?:son|su|sua|seine) (?:excellence|excelencia|excelência|eccellenza|exzellenz)\s*,?$)",
    re.IGNORECASE,
)
_JOINT = re.compile(r"^joint\b|\b(?:by|of|from)\s+.{3,80}\s(?:and|y|et|und|e|и)\s+(?:president|prime minister|"
                    r"chancellor|king|queen|h\.e\.|mr|ms|mrs|dr|premier|presidente|président|ministre|ministro)\b",
                    re.IGNORECASE)
_IMPRINT = re.compile(r"(?:[A-ZÀ-Þ][^\s\d]*[\s,]+){1,3}(?:1[5-9]|20)\d\d")  # "LIRAVA 1979": a publisher's place and year
# A state's name set atop a page ("Democratic People's Republic of Korea", "RÉPUBLIQUE DU SÉNÉGAL",
# "Russian Federation"): the sender's letterhead, not the title.
_STATE_WORD = (r"(?:republic|kingdom|república|republica|république|repubblica|republik|republiek|rzeczpospolita|"
               r"республика|королевство|commonwealth|principality|sultanate|emirates|federation|federación|"
               r"fédération|federazione|föderation|федерация|confederation|state of|états)")
_STATE_ADJECTIVE = r"(?!(?:on|the|of|in|for|to|and|a|an|our|my|this|day)\b)[^\W\d_][\w'’.-]*"
_COUNTRY_NAME = re.compile(
    r"(?:the\s+)?(?:" + _STATE_ADJECTIVE + r"\s+){0,3}" + _STATE_WORD
    + r"\s+(?:(?:of|de|di|del|des|der|du|do|da|of the|de la)\s+|d['’]\s*)(?!(?:god|heaven|christ|gott|dieu|dios)\b)"
    r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}"
    r"|(?:the\s+)?(?:" + _STATE_ADJECTIVE + r"\s+){1,3}" + _STATE_WORD, re.IGNORECASE)
# An index entry gives the page and column it points to: "Eintritt des Abg. Franke … 5644A".
_COLUMN_REF = re.compile(r"(?<!\S)\d{3,5}[A-D](?![\w])")
# Where a record sits in its series, and nothing else: "5TH SESSION 6TH PARLIAMENT VOLUME 87 NUMBER 10",
# "Vol. 12, No. 3", "18. Wahlperiode 181. Sitzung": not a title.
_ISSUE_WORD = (r"(?:session|parliament|volume|vol|number|no|nos|issue|part|series|sitting|legislature|assembly|"
               r"wahlperiode|sitzung|band|heft|nr|tome|numéro|législature|séance|legislatura|sesión|número|núm|tomo|"
               r"сессия|созыв|заседание|том|выпуск)")
_ISSUE_LINE = re.compile(
    r"(?:(?:\d{1,4}(?:st|nd|rd|th|er|e|ª|º|-?я|-?й)?\.?|[ivxlc]{1,6}\.?|" + _ISSUE_WORD + r"\.?)[\s,;/-]*){2,}",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_PUBLICATION = re.compile(
    r"\b(?:diario de sesiones|official report|journal officiel|gazzetta ufficiale|boletín oficial|diário oficial|"
    r"stenografischer bericht|bundesgesetzblatt|congressional record)\b",
    re.IGNORECASE,
)
# Lines that say what kind of document this is, or how to handle it, rather than what it is called.
_GENERIC_HEADER = re.compile(
    r"^(?:for (?:immediate )?release|(?:press|news|media) (?:release|statement|advisory|note|notice)|transcript|"
    r"verbatim (?:record|transcript)|official report|stenogram|stenographic record|стенограмма|стенографический отчет|"
    r"communiqué|comunicado(?: de prensa)?|pressemitteilung|presseerklärung|nota de prensa|nota à imprensa|"
    r"comunicato stampa|embargoed?\b.*|(?:(?:selected|collected|complete) )?(?:works|speeches|writings|articles|papers|letters|essays)"
    r"(?: and (?:works|speeches|writings|articles|papers|letters|essays))?"
    r"(?:,? vol(?:ume|\.)? \S+)?|[\w’'-]+(?:\s[–—-]\s[\w’'-]+){2,}|"
    r"vol(?:ume|\.)\s+\S+|tome \S+|band \d+|том \d+|for release.*|check against delivery|speech|discurso|rede|"
    r"discours|address|statement|remarks|interview|entrevista|интервью|text|full text|english translation|"
    r"unofficial translation|traduction non officielle|traducción no oficial|provisional|draft|"
    r"(?:unofficial|informal) transcript|as delivered|as prepared(?: for delivery)?|"
    r"preguntas|questions|oral answers to questions|written answers|orden del día|order of business|ordre du jour|"
    r"\(?hansard\)?|.*\b\d+\.\s+(?:wahlperiode|sitzung)\b.*|"
    r"the (?:house|senate|assembly|council|chamber) (?:met|assembled) .*|the speaker took the chair.*|prayers|\[.*\]|"
    r"la séance est ouverte.*|\d+\.\s+punkt.*|(?:tagesordnungs)?punkt \d+.*|agenda item \d+.*|item \d+ of the agenda.*|"
    r"tagesordnung|interpelaciones|\S{1,6}\s+(?:wahlperiode|législature|legislatura|legislature|legislatur)|"
    r"session ordinaire.{0,20}|sesión (?:plenaria|ordinaria).{0,20}|\d+\.\s+sitzung.{0,40})\.?$",
    re.IGNORECASE,
)
# "Topic: …", "Air date: …": a header set out as fields.
_HEADER_FIELD = re.compile(r"^(?P<key>[^\W\d_][\w .\-]{0,20}?)\s*[:：]\s*(?P<value>\S.{0,200})$")
_TITLE_KEYS = {"title", "topic", "subject", "re", "titel", "thema", "betreff", "titre", "sujet", "objet", "título",
               "titulo", "asunto", "tema", "titolo", "oggetto", "assunto", "заголовок", "тема", "제목", "标题", "標題", "题目",
               "題目", "件名", "表題"}
_DATE_KEYS = {"date", "dated", "air date", "delivered on", "date delivered", "delivered at", "fecha de emisión", "broadcast", "aired", "delivered", "date of delivery", "datum", "fecha",
              "data", "дата", "날짜", "일시", "日期", "时间", "時間", "日時", "日付"}
# Header fields that say when a page was posted or changed, not when the text was said or written.
_PUBLISHED_FIELD = re.compile(
    r"^(?:(?:last )?(?:updated|modified)(?: on)?|released(?: on)?|aktualisiert(?: am)?|mis à jour(?: le)?|"
    r"actualizado(?: el)?|aggiornato(?: il)?|обновлено|更新时间|發布時間|发布时间|" + POSTED_WORDS + r")\s*[:：]",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:" + "|".join(sorted({n for names in WEEKDAYS.values() for n in names}, key=len, reverse=True)) + r")\b"
    r"|[월화수목금토일]요일|[月火水木金土日]曜日|星期[一二三四五六日天]",
    re.IGNORECASE,
)
_FIELD_KEYS = _TITLE_KEYS | {"program", "programme", "programa", "source", "speaker", "location", "place", "venue",
                             "time", "station", "reference", "ref", "our ref", "your ref", "from", "to", "author", "by",
                             "date", "dated", "air date", "delivered on", "datum", "fecha", "data", "дата", "날짜", "日期",
                             "时间", "時間", "日時", "地点", "地點", "场所", "來源", "发布时间", "發布時間", "ort", "lugar", "lieu", "luogo", "место", "来源", "출처",
                             "session", "sesja", "sitzung", "séance", "sesión", "sessione", "seduta", "posiedzenie",
                             "zasedání", "заседание", "sessão"}
# An office and a name on one line: "해양수산부 장관 박정훈", "江澄市市长　周文澜", "青葉台市長　小野寺和彦".
_CJK_OFFICE_NAME = re.compile(
    r"^[^\s]{0,20}?(?:[\s\u3000][^\s]{1,12}?)?" + _CJK_OFFICE
    + r"[\s\u3000]+(?P<name>[\u4e00-\u9fff\u3005]{1,5}(?:[\s\u3000][\u4e00-\u9fff\u3005]{1,3})?)$"
)
_KOREAN_NAME_OFFICE = re.compile(r"^(?P<name>[가-힣]{2,4})\s+" + _KOREAN_OFFICE + "$")
_KOREAN_OFFICE_NAME = re.compile(r"^(?:[가-힣·]+\s)*?[가-힣·]*?" + _KOREAN_OFFICE + r"\s+(?P<name>[가-힣]{2,4})$")


# A Korean news byline: "김민서 기자", "박정우 특파원" (the reporter, without the word for reporter).
_KOREAN_BYLINE = re.compile(r"^(?P<name>[가-힣]{2,4})\s*(?:기자|특파원|통신원)(?:\s*[\w.-]+@[\w.-]+)?$")


def office_name(text: str) -> str | None:
    """The person of a CJK or Korean 'office name' line, or None."""
    match = _CJK_OFFICE_NAME.match(text.strip()) or _KOREAN_OFFICE_NAME.match(text.strip()) \
        or _KOREAN_NAME_OFFICE.match(text.strip()) or _KOREAN_BYLINE.match(text.strip())
    name = re.sub(r"[\s\u3000]", "", match.group("name")) if match else None
    return None if name in KOREAN_GENRES else name  # "… 외교부 장관 성명": the minister's statement, not a name


_VENUE = re.compile(
    r"^(?:the\s+)?(?:[A-ZÀ-Þ][\w'’.\-]*\s+){0,3}"
    r"(?i:theatre|theater|stadium|arena|centre|center|salle|sala|saal|palais|palacio|palazzo|aula|plenarsaal|hall|"
    r"palace|chamber|auditorium|capitol|"
    # words that are also verbs or common nouns: a venue only where they end a part of the line
    r"(?:room|building|hotel|headquarters|library|museum|cathedral)(?=\s*(?:,|$)))\b"
    r"(?:\s+of\s+[^,.!?]{1,60})?(?:[\s,]+(?:[A-ZÀ-Þ][\w.’'\-]*|of|the|de|del|la|du|des|der|di))*\s*$"
)
# A newspaper's masthead names whose organ it is: "Organ of the Ardenmoor Federation of Labour".
_ORGAN_OF = re.compile(
    r"^(?:(?:the\s+)?(?:official|central|weekly|daily|monthly|theoretical)\s+)?(?:organ|órgano|organe|organo|órgão)\s+"
    r"(?:of|del?|du|de la|des|der|della|dell['’]|do|da)\b|^(?:zentralorgan|орган)\s",
    re.IGNORECASE,
)


# "Fenwick Landing, Eastern Province", "Ostrel, Vellmark Region": a place and its region.
_PLACE_LINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’.\-]*(?:\s[A-ZÀ-Þ][\w'’.\-]*){0,3},\s(?:[A-ZÀ-Þ][\w'’.\-]*\s){0,2}"
    r"(?i:province|region|county|state|district|territory|oblast|prefecture|department|canton|governorate|"
    r"provincia|región|regione|région|département|bundesland|kreis|область|край)$"
)


def _is_office_line(text: str) -> bool:
    """'Ministra das Pescas e dos Assuntos do Mar', 'Minister for Foreign Affairs of …', 'Governor of
    Lower Vessendal': an office (its word, then of/for/das/…), which names who speaks, not the text."""
    words = text.replace(",", " ").split()
    if len(words) < 3 or len(text) > 120 or words[0].casefold() not in HONORIFICS or ends_terminal(text):
        return False
    # the office's words up to its preposition: "Ambassador and Permanent Representative of …"
    prep = next((i for i, w in enumerate(words[1:6], start=1) if w.casefold() in _OFFICE_PREPOSITIONS), None)
    return prep is not None and all(w[:1].isupper() or w.casefold() in ("and", "et", "y", "e", "und", "и")
                                    for w in words[1:prep]) and not is_occasion(text)


_OFFICE_PREPOSITIONS = frozenset(["of", "for", "to", "de", "del", "de la", "des", "du", "da", "das", "do", "dos", "di",
                                  "della", "dello", "degli", "für", "der", "des", "van", "voor", "för", "ds.", "для"])


def _name_before_office(text: str) -> str | None:
    """'Marta Solberg-Ines, Governor of Lower Vessendal': a name, then the office it holds."""
    head, sep, tail = text.partition(",")
    tail = tail.strip()
    if not sep or not tail[:1].isupper() or len(tail.split()) > 12 or ends_terminal(tail) \
            or len(head.split()) < 2 or not is_person_name(head.strip()) or find_date(tail) is not None:
        return None
    words = [w.strip(".,'’()").casefold() for w in tail.split()]
    # an office ("Governor of …", "Minister for …", "Mayor") or an organisation ("… Transport Union"),
    # not a place ("Lower Ostrand, Northern Province")
    office = words[0] in HONORIFICS or bool(re.search(r"\s(?:of|for|to|de|du|des|del|della|di|für|der|des)\s", f" {tail} ")) \
        or words[-1] in ORG_NAME_WORDS or words[-1] in ORG_WORDS
    return name_from_text(head.strip()) if office else None


# A news site's name and tagline: "Областные вести — новости Заозёрской области", "Northwire News".
_SITE_NAME = re.compile(
    r"(?i:\b(?:news|noticias|nachrichten|notizie|notícias|nouvelles|actualités|новости|вести|известия)\b|新闻|新聞|뉴스)"
)


# Honorifics that are also possessives or address: "His Strength and Weakness" is a subtitle, not an office.
_POSSESSIVE_TITLES = frozenset(["his", "her", "he", "dear", "great", "my", "our"])


# A ministry, an office, an embassy in Chinese: "东岚共和国外交部", "国务院新闻办公室" (a letterhead, not a title)
_CJK_INSTITUTION = re.compile(r"^[\u4e00-\u9fff]{1,15}(?:部|局|厅|廳|委员会|委員會|人民政府|政府|办公厅|辦公廳|办公室|辦公室|"
                              r"大使馆|大使館|总领事馆|總領事館|通讯社|通訊社)$")
_NAV_WORDS = frozenset(["home", "about", "contact", "donate", "events", "login", "menu", "search", "shop", "subscribe"])


def _is_institution(text: str) -> bool:
    chair = _CHAIR_NAMED.match(text.strip())
    if chair and _names_a_chair(chair):
        return False  # "Présidence de M. Laurent Vasseur" names the chair of the sitting
    if _VENUE.match(text.strip()) and len(text.split()) <= 10:
        return True  # "Hall of the National Congress, Saint-Aurèle": where, not what
    if _SITE_NAME.search(text) and (re.search(r"\s[—–|]\s", text) or len(text.split()) <= 4):
        return True
    words = re.findall(r"[^\W\d_][\w'’\-]*", text)
    if 0 < len(words) <= 6 and all(w[0].isupper() for w in words) and words[-1].casefold() in ORG_NAME_WORDS \
            and not (words[-1].casefold() in _NAV_WORDS and any(w.casefold() in FUNCTION_WORDS for w in words)):
        # "KCNA Korean Central News Agency", "Prensa Latina News Service"; a menu's "News Home",
        # but not a title ending in a word menus use too ("THE LONG WAY HOME")
        return True
    if 0 < len(words) <= 5 and words[0][0].isupper() and words[0].casefold() in HONORIFICS \
            and words[0].casefold() not in _POSSESSIVE_TITLES \
            and not is_person_name(text) \
            and not any(w.casefold() in NAME_STOP for w in words[1:2]) and not _POSSESSIVE.search(text) \
            and not text.rstrip().endswith((",", "!", "，", "！")):  # "Господин Председатель,": an address
        return True  # "Президент России", "Prime Minister Canada": an office's site or letterhead
    if _PUBLICATION.search(text) or _CJK_INSTITUTION.match(text.strip()):
        return True
    if _GENERIC_HEADER.match(text.strip()) or re.search(r"\s(?:>|»|›|→)\s", text) or _PUBLISHER.search(text):
        return True
    found = _INSTITUTION_LINE.search(text)
    if found and (found.start() > 0 or _is_upper(text) or len(text.split()) <= 3
                  or _INSTITUTION_NAME.match(text[found.start():])):
        return True  # "Ministry of …", "Gabinete de …", an office set in capitals; not "Government Unveils …"
    tokens = re.findall(r"[^\W\d_][\w'’\-]*", text)
    # "UK Parliament", "Hansard UK Parliament": a few capitalised words, one of them an institution's.
    return 0 < len(tokens) <= 3 and all(t[0].isupper() for t in tokens) and any(t.casefold() in ORG_WORDS for t in tokens)


_RELATION = re.compile(r"\b(?:his|her|their|the)\s+(?:daughter|son|wife|husband|widow|widower|brother|sister|mother|"
                       r"father|grandson|granddaughter|friend|colleague|partner|nephew|niece)\b", re.IGNORECASE)


def _byline_name(text: str) -> str | None:
    """The person of a byline: 'By Jane Roe', 'Delivered by Thomas Reilly, Clerk of the Court'."""
    name = name_in_occasion(text)
    if name:
        return name
    head = _BYLINE_PREFIX.sub("", re.split(r",|\s[·|•]\s", text)[0])
    if is_person_name(head):
        return name_from_text(head)
    # "Given by his daughter, Ruth Amsel": a relation, then the name in apposition
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 2 and _RELATION.search(parts[0]) and is_person_name(parts[1]):
        return name_from_text(parts[1])
    return None


_CJK_NAME = re.compile(r"^[\u4e00-\u9fff\u3005]{2,4}$|^[\u4e00-\u9fff\u3005]{1,3}[\u3040-\u30ff]{0,3}[\u4e00-\u9fff]{1,3}$")


def _is_cjk_name(text: str, parts: _HeaderParts) -> bool:
    """A Chinese or Japanese name line (2-5 Han characters, e.g. '王建明', '佐々木健一') once the
    header already has its title: a line that short before the title would be the title."""
    return bool(parts.title_candidates) and bool(_CJK_NAME.match(text.strip())) and len(text.strip()) <= 6


_MASTHEAD = "\x00masthead\x00"
_DASHED = re.compile(r"^\s*[-–—―]+\s*\S.*\S\s*[-–—―]+\s*$")


def _header_line_groups(block: Block) -> list[str]:
    """The header texts in a block: a title page set without blank lines holds a title, a name,
    an occasion and a date one per line; a title or occasion may itself wrap over lines."""
    barred = [i for i, line in enumerate(block.lines) if re.search(r"\s\|\s", line)]
    if barred and barred[-1] + 1 < len(block.lines) and barred == list(range(len(barred))):
        # masthead rows on top of a block that goes on with the header ("СЕВЕРНЫЙ КУРЬЕР | Экономика |
        # Интервью" / the headline / the byline / the date, in a text with no blank lines)
        rest = replace(block, lines=block.lines[len(barred):])
        return _header_line_groups(replace(block, lines=block.lines[:len(barred)])) + _header_line_groups(rest)
    lines = [part.strip() for line in block.lines for part in re.split(r"\s+\|\s+", line) if part.strip()]
    if barred:
        return [_MASTHEAD + line for line in lines]  # "CARIBE NOTICIAS | English Service": a masthead row
    if len(lines) <= 1 or block.level or block.emphasis:
        return [" ".join(lines)] if lines else []
    groups: list[tuple[str, list[str]]] = []  # (role hint, lines)
    for line in lines:
        if _ORGAN_OF.match(line):
            if groups and groups[-1][0] == "text":
                groups[-1] = ("masthead", groups[-1][1])  # the paper's name above "Organ of …"
            groups.append(("masthead", [line]))
            continue
        header_field = _HEADER_FIELD.match(line)
        if is_date_line(line) is not None:
            role = "date"
        elif header_field and header_field.group("key").strip().casefold() in _FIELD_KEYS:
            role = "date"  # "Topic: …", "Air date: …": each field stands alone
        elif len(line) <= 120 and (found := find_date(line)) is not None and found.precision == "day":
            role = "date"  # "Volume 731: debated on Tuesday 16 May 2023"
        elif is_person_name(line) or _BYLINE.match(line) or ("," in line and _name_before_office(line)):
            role = "name"  # "The Rt. Hon. Margaret Ellison-Kane MP, Minister for Transport" too
        elif is_occasion(line):
            role = "occasion"
        elif _OCCASION_PLACE.match(line):
            role = "place"  # "At the General Debate of …" under an office: where, a text of its own
        else:
            role = "text"
        prev_role, prev_lines = groups[-1] if groups else ("", [])
        if prev_lines and re.match(r"(?i)(?:and|of|or|und|et|y|e|и|de|del|des|der)\s", line) and role == "text":
            prev_lines.append(line)  # "SELECTED SPEECHES" / "AND WRITINGS"
            continue
        if _GENERIC_HEADER.match(line) or prev_role == "generic":
            role = "generic" if _GENERIC_HEADER.match(line) else role  # "6. Wahlperiode" stands alone
            if role == "text":
                role = "after-generic"
        if role == "text" and prev_role == "occasion" and ((_is_institution(line) and "," in line) or _VENUE.match(line)):
            role = "date"  # "Media Centre, Ministry of Energy" under an occasion: where, not more of it
        # Titles and occasions wrap over lines; a name, a date or a new occasion starts afresh.
        if _DASHED.match(line):
            role = "occasion" if is_occasion(line.strip("-–—― ")) else "set-off"
        cjk_lines = bool(prev_lines) and bool(_CJK.search(line) or _HANGUL.search(line)) \
            and bool(_CJK.search(prev_lines[-1]) or _HANGUL.search(prev_lines[-1]))
        if prev_lines and prev_role in ("text", "occasion", "place") and _is_upper(prev_lines[-1]) and _is_upper(line) \
                and re.search(r"\b(?:the|of|to|and|for|in|on|at|a|an|with)$", prev_lines[-1], re.IGNORECASE):
            prev_lines.append(line)  # "ON GIVING PRIORITY TO THE" / "FISHING COOPERATIVES"
            continue
        if prev_role == "occasion" and prev_lines and re.search(r"\b(?:by|of|to|at|de|del|du|par|von|des|der|di|da|do)$",
                                                                prev_lines[-1], re.IGNORECASE):
            prev_lines.append(line)  # "Statement by" / "H.E. Mr. Aurelio Banda-Rask," / "Minister for …"
            continue
        continues = prev_lines and role not in ("set-off", "generic", "after-generic", "occasion", "place") \
            and prev_role not in ("set-off", "generic") and not _DASHED.match(line) \
            and not cjk_lines and (
            line[:1].islower() or join_kind(prev_lines[-1], line) == " "
            or (role == "text" and prev_role in ("text", "occasion", "place"))
        )
        if continues and prev_role not in ("date", "name") and (role not in ("date", "name") or line[:1].islower()):
            prev_lines.append(line)
        else:
            groups.append((role, [line]))
    return [(_MASTHEAD if role == "masthead" else "") + " ".join(group) for role, group in groups]


def _extend_occasion(parts: _HeaderParts, seen: dict[str, str], text: str) -> None:
    """The occasion goes on with `text`, in the header's lines too."""
    assert parts.occasion is not None
    if parts.occasion in parts.lines:
        parts.lines[parts.lines.index(parts.occasion)] = parts.occasion + " " + text
    parts.occasion = parts.occasion + " " + text
    seen[_norm_key(text)] = "occasion"


def _assign_header_text(text: str, block: Block, parts: _HeaderParts, seen: dict[str, str]) -> None:
    masthead = text.startswith(_MASTHEAD)
    if _ORGAN_OF.match(text.removeprefix(_MASTHEAD)):
        masthead = True
        if parts.title_candidates and parts.lines and parts.lines[-1] == parts.title_candidates[-1][0]:
            # The paper's name, set as a block of its own above "Organ of …": masthead, not title.
            seen[_norm_key(parts.lines.pop())] = "masthead"
            parts.title_candidates.pop()
    text = text.removeprefix(_MASTHEAD)
    # Dashes that set a line off ("——在…上的讲话", "――…式辞――", "- 제12회 … -") are decoration, not text.
    text = text.strip().strip("—―").strip()
    if _DASHED.match(text):
        text = text.strip("-–—― ")
    if not text:
        return
    if parts.occasion is not None and not parts.occasion_open and not parts.occasion_again \
            and _OCCASION_PLACE.match(text) and len(parts.occasion) + len(text) < 400 and is_date_line(text) is None:
        # "INTERVENCIÓN DEL PRESIDENTE …" / (the name) / "EN EL DEBATE GENERAL DEL …": where, the occasion's end
        _extend_occasion(parts, seen, text)
        return
    if parts.occasion_open and parts.occasion is not None:
        if _continues_russian_occasion(text, parts.occasion_open) and len(parts.occasion) + len(text) < 300:
            text = text.removesuffix(" .")  # (the OCR's stray full stop after a name)
            _extend_occasion(parts, seen, text)
            parts.occasion_open = 0 if _INITIALS_NAME.search(text) else 2
            return
        parts.occasion_open = 0
    key = _norm_key(text)
    if key in seen:
        parts.folded = True
        if seen[key] == "title":
            parts.title_candidates.append((text, block.level))
        return
    trailing = _trailing_date(text)
    if trailing is not None:
        # "… DE LAS NACIONES UNIDAS. Nueva York, 28 de septiembre de 2024.": an occasion, then its date.
        head, dateline = trailing
        _assign_header_text(head, block, parts, seen)
        _assign_header_text(dateline, block, parts, seen)
        return
    date = is_date_line(text)
    role = "other"
    header_field = _HEADER_FIELD.match(text) if date is None else None
    key_name = header_field.group("key").strip().casefold() if header_field else ""
    if header_field and key_name in _TITLE_KEYS:
        parts.field_title = parts.field_title or header_field.group("value").strip()
        role = "title-field"
    elif header_field and key_name in _DATE_KEYS and (field_date := find_date(header_field.group("value"), allow_year_only=True)):
        role = "date"
        parts.dates.insert(0, (field_date, header_field.group("value").strip()))  # said outright: first
    elif date is not None and _PUBLISHED_FIELD.match(text):
        # "Updated: SEPTEMBER 29, 2024 08:37" above "New York, September 28, 2024": when the page
        # was posted, the text's own date only when the header gives no other
        role = "date"
        parts.loose_dates.append((date, text))
    elif (_ADDRESSEE.match(text) and not _is_upper(text)) or parts.addressee_block == id(block) \
            or (len(block.lines) >= 4 and text.startswith(block.lines[0].strip()) and _titled_person(block.lines[0].strip())):
        role = "addressee"  # "To Comrade …", "His Excellency" and the lines under it: to whom, not by whom
        parts.addressee_next = True
        parts.addressee_block = id(block)
    elif block.level == 1 and not parts.title_candidates and not is_person_name(text) and not _is_institution(text) \
            and not (parts.occasion is None and is_occasion(text) and _SPEECH_BY.match(text)):
        role = "title"
    elif parts.byline is None and _BYLINE.match(text) and (byline := _byline_name(text)):
        # An explicit byline names the writer, even after a masthead that looked like a name
        # (and with the date beside it: "di Marta Ferraguti · 21 luglio 2024").
        role = "author"
        parts.author = byline
        parts.byline = text
        if date is not None:
            parts.dates.append((date, text))
        if parts.title_candidates:
            parts.headline = parts.title_candidates[-1][0]
    elif date is not None and parts.occasion is None and len(text) < 120 and _CJK_OCCASION.search(text):
        # "2025年4月9日外交部发言人沈若溪主持例行记者会": the occasion, its date written into it
        role = "occasion"
        parts.occasion = text
        parts.dates.append((date, text))
    elif date is not None:
        role = "date"
        parts.dates.append((date, text))
    elif parts.author is None and (person := office_name(text)):
        role = "author"
        parts.author = person
    elif masthead:
        role = "masthead"  # "NORTHERN LIFE | FIVE QUESTIONS": the publication, not a person
    elif parts.addressee_next and is_person_name(text):
        role = "addressee"
        parts.addressee_next = False
    elif parts.author is None and (is_person_name(text) or is_hangul_name(text) or _is_cjk_name(text, parts)) \
            and not _TIME.search(text) and not _is_institution(text):
        role = "author"
        parts.author = name_from_text(text)
    elif parts.author is None and not is_occasion(text) and not _is_institution(text) \
            and (person := _name_before_office(text)):
        role = "author"
        parts.author = person
    elif _INTERVIEW_BY.match(text) and len(text) < 120:
        role = "credit"  # "Interview by Lena Hartwig · Photos: Sem Baardman": who asked, not what the text is
    elif parts.occasion is None and is_occasion(text) and not _GENERIC_HEADER.match(text):
        role = "occasion"
        parts.occasion = text
    elif parts.occasion is not None and is_occasion(text) and _is_upper(parts.occasion) and not _is_upper(text):
        # Two lines that say what the text is: the capitalised one is its title ("GREETINGS TO THE
        # WOMEN OF …"), the sentence-case one the occasion ("Message to the National Conference …").
        parts.title_candidates.insert(0, (parts.occasion, 0))
        seen[_norm_key(parts.occasion)] = "title"
        parts.occasion = text
        role = "occasion"
    elif _is_office_line(text):
        role = "office"  # "Ministra das Pescas e dos Assuntos do Mar" under a name: who the author is
    elif parts.occasion is not None and _PLACE_LINE.match(text):
        role = "place"  # "Fenwick Landing, Eastern Province" under the occasion: where
    elif (
        (_letters_ratio(text) > 0.6 or (bool(_CJK.search(text) or _HANGUL.search(text))
                                        and _letters_ratio(re.sub(r"\d", "", text)) > 0.75 and _letters_ratio(text) > 0.4))
        and not _IMPRINT.fullmatch(text) and not (_ISSUE_LINE.fullmatch(text) and re.search(r"\d", text))
        and not _COLUMN_REF.search(text) and not _COUNTRY_NAME.fullmatch(text)
        # what the text is, said again in the same style (a translation's header): not its title
        and not (parts.occasion is not None and is_occasion(text) and _is_upper(text) == _is_upper(parts.occasion))
        and not (parts.author is not None and is_person_name(text) and name_from_text(text).casefold() == parts.author.casefold())
        and not _OCCASION_PLACE.match(text)  # "AT THE GENERAL DEBATE OF …": where it was said
        and not _CHAIR_NAMED.match(text)  # "PRESIDENCIA DEL EXCMO. SR. D. …": who chairs the sitting
        and not text.endswith((",", "，"))  # "President,": someone addressed, never a title
        and not _TIME.search(text) and "@" not in text and "http" not in text
        and len(text) <= 250 and not _LETTERHEAD.search(text) and not _is_institution(text) and not masthead
        and not (_HEADER_FIELD.match(text) and (loose_day := find_date(text)) is not None and loose_day.precision == "day")
    ):
        role = "title"
    if role in ("other", "title", "masthead", "occasion") and len(text) <= 250 and (loose := find_date(text)) is not None \
            and loose.precision == "day":
        parts.loose_dates.append((loose, loose.text))
    if role == "occasion" and _RU_SPEECH_OF.fullmatch(text):
        parts.occasion_open = 1
    elif role != "occasion" and parts.occasion is not None and is_occasion(text):
        parts.occasion_again = True
    if role == "title":
        parts.title_candidates.append((text, block.level))
    elif role == "other" and (_PUBLISHER.search(text) or _IMPRINT.fullmatch(text)):
        parts.book_end = len(parts.title_candidates)  # "VELLMARK COOPERATIVE PRESS / OSTREL 1971"
    seen[key] = role
    if role == "masthead" or (role == "other" and (_is_institution(text) or _LETTERHEAD.search(text))):
        parts.dropped = True  # a letterhead, masthead or publisher's line: page chrome, not the text
        return
    parts.lines.append(text)


# ---- body -----------------------------------------------------------------------------------


def _is_heading(block: Block, next_block: Block | None) -> bool:
    text = block.text
    if not text or len(block.lines) > 3:
        return False
    if block.level:
        return True
    if not block.emphasis and (len(text) > 100 or text.startswith("(") or text.endswith(",") or ends_terminal(text)):
        return False  # what the tests below come to for such a block, decided first since it is cheap
    if next_block is None or is_salutation(text) or is_date_line(text) is not None or is_person_name(block.lines[0]):
        return False
    if block.emphasis and len(text.split()) <= 15:
        labelled = parse_label(text)
        return labelled is None or not labelled[0].strong  # "**Q: Why oak?**" is a turn, not a heading
    if text.startswith("(") or len(text) > 100 or ends_terminal(text) or text.endswith(","):
        return False
    if re.fullmatch(r"\[[^\]]{2,60}\]", text):
        return True
    if _MESSAGE_HEADING.match(text) and len(text.split()) <= 8:
        return True  # "Message of greetings", "Letter to the Congress"
    if _NUMBERED_HEADING.match(text) and len(text.split()) <= 12:
        return True
    if _is_upper(text) and _letters_ratio(text) > 0.6 and len(text.split()) <= 12:
        return True
    return len(text.split()) <= 8 and _title_case_ratio(text) >= 0.75 and text[0].isupper() and not is_person_name(text)


@dataclass
class _SectionBuilder:
    kind: str | None
    heading: str | None = None
    speaker: str | None = None
    affiliation: str | None = None
    label: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    from_label: bool = False
    weak: bool = False  # a label only a name-like shape vouches for
    source: str = ""  # the paragraph the label opened, as written


def _listed_names(text: str) -> list[str]:
    """Full names listed in a header or an opening list, each with a title or at an item's start:
    'Senator Margit Arden (Chair), Senator Joren Vos' -> ['Margit Arden', 'Joren Vos']."""
    names: list[str] = []
    for item in re.split(r"[,;\n()]|\s(?:and|und|et|y|e|и)\s|:\s", text):
        item = item.strip(" .")
        if 2 <= len(item.split()) <= 6 and item[:1].isupper() and is_person_name(item):
            name = name_from_text(item)
            if len(name.split()) >= 2:
                names.append(name)
    return names


def _signature(sections: list[_SectionBuilder]) -> tuple[str | None, str | None]:
    """The signer of a letter or message (a name line among the last paragraphs, followed only by
    a place and date or a title) and the date written under the signature."""
    last = next((s for s in reversed(sections) if s.paragraphs), None)
    if last is None or last.from_label:
        return None, None
    # A note in brackets after the signature ("(Published in …)") is the editor's, not the letter's.
    paragraphs = [p for p in last.paragraphs if not re.fullmatch(r"\(.*\)|\[.*\]", p.strip())]
    tail = paragraphs[-5:]
    for i, paragraph in enumerate(tail):
        text = paragraph.strip().rstrip(",")
        # ("한빛연방 외교부 장관 윤서진", "江澄市市长 周文澜": an office and the name under it)
        officer = office_name(text) if len(text) <= 60 and (_HANGUL.search(text) or _CJK.search(text)) else None
        if len(text) > 60 or not (is_person_name(text) or is_hangul_name(text) or officer):
            continue
        after = tail[i + 1:]
        if all(is_date_line(p) is not None or (len(p.split()) <= 16 and not ends_terminal(p)) for p in after):
            date = next((found.text for p in after if (found := is_date_line(p)) is not None), None)
            return officer or name_from_text(text), date
    return None, None


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_VOWEL = re.compile(f"[{VOWELS}]", re.IGNORECASE)


def _is_given_name_word(word: str) -> bool:
    """A word that can stand before a surname in a full name: a particle ('arap', 'von'), an
    initial, or a word of letters; in Latin, Cyrillic or Greek script one with a vowel. OCR's mangled honorifics
    ('Hc', 'Kr.', "I'.IR." for 'MR.') are none, so 'Hc Speaker' or 'Kr. Mwaruwa' is no one's full name."""
    if word.casefold() in PARTICLES or re.fullmatch(r"(?:[^\W\d_]\.){1,3}", word):
        return True
    if not _NAME_WORD.fullmatch(word):
        return False
    # (a word in a script without these vowels, Arabic or Han, has none to look for)
    return bool(_VOWEL.search(word)) or not re.search(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]", word)


_NOT_GIVEN_NAMES = HONORIFICS | FUNCTION_WORDS | NAME_STOP | ORG_WORDS


def _resolve_surnames(sections: list[_SectionBuilder], known: list[str] | None = None, header_text: str = "") -> None:
    """Later turns that name a speaker by surname only ('Merkel:', 'MR. NYAKIAMO:', 'Ms TALBOT:')
    take the full name given earlier in the document (by a label, or `known`: the header's and the
    opening narrative's names), when exactly one such name has that surname; an initial and a
    surname ('Г. Сомов') or a Korean surname and office ('김 장관') likewise."""
    full: dict[str, set[str]] = {}
    names = [s.speaker for s in sections if s.speaker] + [n for n in known or [] if n]
    for name in names:
        if len(name.split()) >= 2 and not re.fullmatch(r"[^\W\d_]\.\s?\S+", name) \
                and all(map(_is_given_name_word, name.split()[:-1])):
            full.setdefault(name.split()[-1].casefold(), set()).add(name)
    text = "\n".join([header_text] + [p for s in sections if not s.from_label for p in s.paragraphs[:3]])
    in_prose: dict[str, set[str]] = {}  # surname -> the full names the introduction's prose gives it
    for s in sections:
        if not s.speaker:
            continue
        candidates: set[str] = set()
        initial = re.fullmatch(r"([^\W\d_])\.\s?([^\W\d_][\w\-]+)", s.speaker)
        cjk = _CJK_OFFICE_SUFFIX.match(s.speaker)
        if len(s.speaker.split()) == 1 and not initial and not cjk:
            # (an office is not a surname: "Speaker" is not the "Deputy Speaker")
            candidates = set() if _CHAIR_OFFICE.fullmatch(s.speaker) or _ROLE_WORDS.fullmatch(s.speaker) \
                else full.get(s.speaker.casefold(), set())
            if not candidates and s.weak and s.speaker[:1].isupper() and len(s.speaker) >= 3 and not _HANGUL.match(s.speaker):
                # "Dolman:" after an introduction that names her ("… ist Henrike Dolman Umweltministerin …")
                if s.speaker not in in_prose:
                    found = set(re.findall(rf"\b([A-ZÀ-ÞА-ЯЁ][^\W\d_]+(?:-[A-ZÀ-ÞА-ЯЁ][^\W\d_]+)?)\s+{re.escape(s.speaker)}\b", text))
                    in_prose[s.speaker] = {f"{given} {s.speaker}" for given in found
                                           if given.casefold() not in _NOT_GIVEN_NAMES and _is_given_name_word(given)
                                           and is_person_name(f"{given} {s.speaker}")}
                candidates = in_prose[s.speaker]
            if not candidates and len(s.speaker) == 1 and _HANGUL.match(s.speaker) and s.label:
                office = _KOREAN_LABEL.match(s.label.rstrip(":：").strip())
                if office and office.group("office"):
                    candidates = set(re.findall(
                        rf"(?<![가-힣])({re.escape(s.speaker)}[가-힣]{{1,2}})(?:\s[가-힣]+)?\s?{office.group('office')}", text))
        elif cjk is not None:
            # "王部长": the minister named in full in the introduction ("部长王建国", "王建国部长")
            sur, title = re.escape(cjk.group("surname")), re.escape(cjk.group("office"))
            # Chinese writes no spaces: after the office, take the commonest length, surname + two.
            candidates = set(re.findall(rf"{title}\s?({sur}[\u4e00-\u9fff]{{2}})", text)) \
                | set(re.findall(rf"(?<![\u4e00-\u9fff])({sur}[\u4e00-\u9fff]{{1,2}}){title}", text))
            candidates = {c for c in candidates if not c.endswith(tuple(cjk.group("office")))}
        elif initial:
            first, surname = initial.groups()
            candidates = {n for n in full.get(surname.casefold(), set()) if n.split()[0].startswith(first)}
            if not candidates:
                candidates = set(re.findall(rf"\b({re.escape(first)}\w+\s+{re.escape(surname)})\b", text))
        if len(candidates) == 1:
            s.speaker = next(iter(candidates))


# Characters OCR confuses in names (0/O, 1/l/I, |) and what a label may carry besides letters.
_OCR_FOLD = str.maketrans({"0": "o", "1": "i", "l": "i", "|": "i", "!": "i"})
_NOT_NAME_LETTER = re.compile(r"[\W\d_]+")


def _spelling_key(name: str) -> str:
    """A name as it reads whatever its case, spacing and OCR confusions: 'KlLIKU' and 'Kiliku',
    '0MIDO' and 'Omido', 'Abuyaabuya' and 'Abuya Abuya', 'Arap METTO' and 'arap Metto'."""
    return _NOT_NAME_LETTER.sub("", name.casefold().translate(_OCR_FOLD))


def _spelling_rank(name: str) -> tuple[bool, float, bool, int]:
    """Lower is better: no digits; words cased as names are ('Metto', 'arap', not 'METTO' or
    'KlLIKU'); no stray letter split off a word ('Matheng E'); then more words (OCR loses the
    space in 'Abuya Abuya' more often than it splits a word)."""
    words = name.split() or [name]
    cased = sum(1 for w in words if w.islower() or (w[:1].isupper() and w[1:] == w[1:].lower()))
    stray = any(len(w) == 1 for w in words)
    return any(c.isdigit() for c in name), -cased / len(words), stray, -len(words)


def _merge_spelling_variants(sections: list[_SectionBuilder]) -> None:
    """One speaker written several ways in one document (case, spacing, OCR's 0 for O and l for I)
    becomes one: the best-formed spelling (`_spelling_rank`), then the one naming the most turns,
    then the first seen."""
    turns: dict[str, Counter[str]] = {}
    for s in sections:
        if s.speaker:
            key = _spelling_key(s.speaker)
            if len(key) >= 3:
                turns.setdefault(key, Counter())[s.speaker] += 1
    best: dict[str, str] = {}
    for spellings in turns.values():
        if len(spellings) > 1:
            order = list(spellings)  # first seen first
            chosen = min(order, key=lambda n: (*_spelling_rank(n), -spellings[n], order.index(n)))
            best.update(dict.fromkeys(order, chosen))
    if best:
        for s in sections:
            if s.speaker in best:
                s.speaker = best[s.speaker]


_CAPITALISED_RUN = re.compile(r"\b[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё'’\-]+(?:\s+(?:de |da |van |von |del )?[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё'’\-]+){1,4}\b")
# Words that open "Word: text" lines in prose, not surnames.
_NOT_SURNAMES = {"report", "review", "analysis", "interview", "opinion", "editorial", "comment", "breaking", "exclusive",
                 "watch", "live", "explainer", "factbox", "profile", "obituary", "letter", "speech", "statement",
                 "note", "notes", "example", "source", "sources", "update", "warning", "caution", "summary", "background",
                 "context", "disclaimer", "correction", "transcript", "photo", "video", "audio", "see", "also", "tags",
                 "posted", "filed", "category", "keywords", "location", "date", "time", "place", "subject", "re",
                 "attention", "important", "nb", "ps", "result", "results", "conclusion", "answer", "question", "reason",
                 "problem", "solution", "goal", "aim", "purpose", "first", "second", "third", "finally", "today",
                 "yesterday", "tomorrow", "now", "then", "here", "there", "yes", "no", "why", "how", "what", "who",
                 "remember", "imagine", "look", "listen", "think", "consider", "hinweis", "beispiel", "quelle", "fazit",
                 "ergebnis", "achtung", "remarque", "exemple", "nota", "ejemplo", "fuente", "примечание", "итог"}
_CAPS_FUNCTION_WORDS = {"in", "im", "en", "dans", "bei", "on", "at", "to", "of", "the", "for", "and", "a", "an", "with",
                        "before", "during", "de", "del", "du", "des", "la", "le", "el", "al", "auf", "vor", "zum", "zur"}
_SPEAKING_ROLES = {"president", "the president", "prime minister", "the prime minister", "chancellor", "the chancellor",
                   "governor", "the governor", "mayor", "the mayor", "king", "queen", "premier"}
# How letters end: "Yours sincerely,", "Atentamente,", "Mit freundlichen Grüßen", "С уважением", and the
# diplomatic formulas that run on ("Please accept, Excellency, the assurances of my highest consideration.").
CLOSING = re.compile(
    r"^(?:(?:please accept|veuillez agréer|reciba|mit vorzüglicher hochachtung|con (?:la|mi) más alta consideración)\b.{0,120}"
    r"|yours(?: sincerely| faithfully| truly| fraternally)?|sincerely(?: yours)?|"
    r"with (?:best|kind|warm|warmest|comradely|fraternal) (?:regards|greetings|wishes)|(?:best|kind|warm) regards|"
    r"fraternally|comradely yours|atentamente|cordialmente|saludos(?: cordiales| fraternales)?|cordialement|bien à vous|"
    r"mit freundlichen grüßen|herzliche grüße|distinti saluti|cordiali saluti|atenciosamente|с уважением|"
    r"с товарищеским приветом|"
    r"con (?:mi|todo mi|nuestro|todo nuestro) (?:gratitud|afecto|cariño|respeto|reconocimiento)(?: y (?:mi|todo mi) \w+)?|"
    r"un (?:cordial|afectuoso|fuerte) saludo|un abrazo|(?:un )?abraço|com os melhores cumprimentos|cumprimentos|"
    r"avec mes (?:sentiments|salutations|amitiés) .{0,60}|amicalement|affectueusement|"
    r"mit (?:herzlichen|besten|freundlichem) grü(?:ß|ss)en|liebe grü(?:ß|ss)e|hochachtungsvoll|"
    r"un (?:caro|cordiale) saluto|con (?:affetto|stima)|met vriendelijke groet(?:en)?|hoogachtend|"
    r"z poważaniem|z wyrazami szacunku|pozdrawiam|saygılarımla)[,.!]?$",
    re.IGNORECASE,
)


def _letter_closing(sections: list[_SectionBuilder]) -> bool:
    return any(CLOSING.match(p.strip()) for s in sections[-2:] for p in s.paragraphs[-6:])


# "Q. …"/"A. …" and their kin: "D."/"R." (domanda, risposta), "P."/"R." (pregunta/pergunta, respuesta/
# resposta), "F."/"A." (Frage, Antwort), "В."/"О." (вопрос, ответ).
_DOTTED_QA = re.compile(r"^(Q|A|D|R|P|F|В|О)\.\s+(\S.*)$", re.DOTALL)
_DOTTED_QUESTION, _DOTTED_ANSWER = frozenset("QDPFВ"), frozenset("ARО")
_QUESTION_LABELS = {"q", "p", "f", "d", "в", "question", "pregunta", "pergunta", "frage", "domanda", "вопрос"}
_ANSWER_LABELS = {"a", "r", "o", "о", "answer", "respuesta", "resposta", "antwort", "risposta", "réponse", "ответ"}


_INTERVIEW_BY = re.compile(r"^(?:interview|entrevista|entretien|intervista|interview geführt|интервью)\s+"
                           r"(?:by|von|par|por|di|de|conducted by)\s+", re.IGNORECASE)


def _name_question_answer_turns(sections: list[_SectionBuilder], header: Header) -> None:
    """'P:'/'R:', 'Q:'/'A:' turns: the answers are the interviewee's (named by a 'Name: «…»'
    headline, an 'Interview with Name' line or the author line), the questions the byline's
    journalist's; a question with no one to name has no speaker (a letter is not a person)."""
    kinds = {s.speaker.casefold().rstrip(".") for s in sections if s.from_label and s.speaker}
    if not (kinds & _QUESTION_LABELS and kinds & _ANSWER_LABELS):
        return
    interviewer = _byline_name(header.byline) if header.byline else None
    # "Interview by Lena Hartwig": a credit line names who asks, not who answers.
    credit = next((line for line in (header.occasion, *header.lines) if line and _INTERVIEW_BY.match(line)), None)
    asked_by = credit is not None
    if credit is not None and interviewer is None:
        interviewer = name_in_occasion(credit)
    interviewee = header.author if header.author != interviewer else None
    if header.title and (titled := _LABEL.match(header.title)) and is_person_name(titled.group("label")):
        interviewee = name_from_text(titled.group("label"))
    if interviewee is None and header.occasion and not asked_by:
        interviewee = name_after_honorific(header.occasion) or name_in_occasion(header.occasion)
    if interviewee is None:
        # Named only in the standfirst or the introduction: "Aino Lahti has kept the ferry at Inari
        # for thirty years." A name said again without the job before it ("Forester Anneke Vos",
        # then "Anneke Vos") is the shorter one.
        intro = " | ".join([*header.lines, *(p for s in sections[:2] if not s.from_label for p in s.paragraphs[:2])])
        names = [name for m in _CAPITALISED_RUN.finditer(intro)
                 if (name := name_after_honorific(m.group()) or (name_from_text(m.group())
                     if is_person_name(m.group()) and not _is_institution(m.group()) else None))
                 and name != interviewer]
        interviewee = names[0] if names else None
        if interviewee and len(interviewee.split()) >= 3:
            tail = " ".join(interviewee.split()[-2:])
            if intro.count(tail) > intro.count(interviewee):
                interviewee = tail
    for s in sections:
        role = (s.speaker or "").casefold().rstrip(".") if s.from_label else ""
        if role in _QUESTION_LABELS:
            s.speaker = interviewer
        elif role in _ANSWER_LABELS and interviewee:
            s.speaker = interviewee


def _drop_weak_labels(sections: list[_SectionBuilder]) -> list[_SectionBuilder]:
    """A name-like 'Word Word: text' that occurs once in a document without other label turns of
    its kind is prose ('Apropos Griechenland: …'), not a speaker turn: it goes back to the text."""
    counts: dict[str | None, int] = {}
    for s in sections:
        if s.from_label:
            counts[s.speaker] = counts.get(s.speaker, 0) + 1
    for s in sections:
        # a lone surname that no full name in the text explains is kept only if it recurs
        if s.from_label and s.weak and s.speaker and len(s.speaker.split()) == 1 and counts.get(s.speaker, 0) < 3:
            counts[s.speaker] = 0
    # Where plain-name labels ("Alva Reich: …") recur, they are how this text marks its turns: a full
    # name said once in that shape is one more speaker, not prose. (Transcripts that label turns
    # otherwise, "Name (Party):", keep a lone "Apropos Griechenland: …" as prose.)
    established = any(s.from_label and s.weak and counts.get(s.speaker, 0) >= 2 for s in sections)
    out: list[_SectionBuilder] = []
    for s in sections:
        once = counts.get(s.speaker, 0) == 1 and established and s.speaker is not None \
            and len(s.speaker.split()) >= 2 and is_person_name(s.speaker) \
            and not re.search(r"\b[A-ZÀ-ÞА-Я]{2,}\b", s.speaker)  # "Gegenrufe von der KPD": a party's benches
        if s.from_label and s.weak and counts.get(s.speaker, 0) < 2 and out and not once:
            out[-1].paragraphs.append(s.source)
            out[-1].paragraphs.extend(s.paragraphs[1:] if s.paragraphs and s.source.endswith(s.paragraphs[0]) else s.paragraphs)
            continue
        out.append(s)
    return out


def _split_salutations(blocks: list[Block]) -> list[Block]:
    """'New York, 22 March 2023' / 'Mr. President,' / 'Excellencies,' set without a blank line: the
    salutation opens the body, so it leaves the header's block."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        cut = None
        if index < MAX_HEADER_BLOCKS and len(block.lines) >= 2 and not block.level:
            cut = next((i for i, line in enumerate(block.lines[1:], start=1)
                        if is_salutation(line) and line.rstrip()[-1:] in ",:!，：！"
                        and not is_salutation(block.lines[i - 1])
                        and not block.lines[i - 1].rstrip().endswith((",", ":"))
                        and block.lines[i - 1].split()[-1].casefold() not in FUNCTION_WORDS | PARTICLES), None)
        if cut is None:
            out.append(block)
        else:
            out.append(replace(block, lines=block.lines[:cut]))
            out.append(replace(block, lines=block.lines[cut:]))
    return out


def segment_document(cleaned: Cleaned) -> Segmented:
    """Header, sections and paragraphs of a cleaned document."""
    fixes: list[str] = []
    blocks = list(cleaned.blocks)
    heads: list[str] = []
    blocks, merged = merge_broken_blocks(blocks, heads)
    if merged:
        fixes.append("broken_paragraphs")
    meta = dict(cleaned.meta)
    # A running head that is a person's name (printed once, between halves of a sentence) is the
    # author's, as books set it: "TEODOR BRASK" on the even pages.
    head_name = next((name_from_text(h) for h in heads if is_person_name(h)), None)
    if head_name:
        meta.setdefault("running_head_author", head_name)
    blocks = _split_salutations(blocks)
    header, body_start, folded = parse_header(blocks, meta)
    if folded:
        fixes.append("title_page")
    body = [b for b in blocks[body_start:] if not b.rule]
    width = estimate_wrap_width(body)
    if width is not None:
        fixes.append("hard_wraps")

    # "Q. …" / "A. …" turns (a period, not a colon): only where the text has several of each,
    # since "A. Smith said" opens ordinary sentences.
    dotted = [m.group(1) for b in body if (m := _DOTTED_QA.match(b.text))]
    dotted_qa = sum(d in _DOTTED_QUESTION for d in dotted) >= 2 and sum(d in _DOTTED_ANSWER for d in dotted) >= 2
    # Capitals run into the speech mark turns only where several blocks open that way.
    caps_runin = sum(1 for b in body if b.text[:1].isupper() and _caps_runin(b.text)) >= 3
    # Questions set in bold under the asker's name ("**Albers: Welche?**"): turns, not headings,
    # where one speaker opens several bold blocks that way.
    bold = Counter(parsed[0].speaker for b in body if b.emphasis and not b.level and (parsed := parse_label(b.text)) and parsed[1])
    bold_turns = {speaker for speaker, n in bold.items() if n >= 2}
    sections: list[_SectionBuilder] = [_SectionBuilder(kind=None)]
    for i, block in enumerate(body):
        next_block = body[i + 1] if i + 1 < len(body) else None
        if len(block.lines) == 1 and next_block is not None:
            speaker_line = parse_speaker_line(block.text)
            if speaker_line is not None and not _is_heading(next_block, None):
                name, affiliation = speaker_line
                sections.append(_SectionBuilder(kind="speech", speaker=name, affiliation=affiliation, label=block.text))
                continue
        bold_turn = bool(bold_turns) and block.emphasis and (parsed_bold := parse_label(block.text)) is not None \
            and bool(parsed_bold[1]) and parsed_bold[0].speaker in bold_turns
        if not bold_turn and _is_heading(block, next_block):
            heading = block.text
            kind = "message" if _MESSAGE_HEADING.search(heading) else None
            sections.append(_SectionBuilder(kind=kind, heading=heading, label=heading))
            continue
        block_paragraphs = split_paragraphs(block, width)
        for p_index, paragraph in enumerate(block_paragraphs):
            more = p_index + 1 < len(block_paragraphs) or next_block is not None
            steno = _STENO_LABEL.match(paragraph) if len(paragraph) <= 100 and more else None
            if steno is not None:
                sections.append(_SectionBuilder(
                    kind="speech", speaker=steno.group("name").strip(), affiliation=steno.group("role"),
                    label=paragraph.rstrip(".") + ":", from_label=True, source=paragraph,
                ))
                continue
            qa = _DOTTED_QA.match(paragraph) if dotted_qa else None
            if qa is not None:
                sections.append(_SectionBuilder(kind="speech", speaker=qa.group(1), label=qa.group(1) + ":",
                                                from_label=True, source=paragraph))
                sections[-1].paragraphs.append(qa.group(2).strip())
                continue
            runin = _caps_runin(paragraph) if caps_runin else None
            if runin is not None:
                sections.append(_SectionBuilder(
                    kind="speech", speaker=natural_case(runin.group("name")),
                    affiliation=runin.group("party") or runin.group("role"),
                    label=paragraph[: runin.start("rest")].strip().rstrip(".") + ":", from_label=True, source=paragraph,
                ))
                sections[-1].paragraphs.append(runin.group("rest").strip())
                continue
            inline = _STENO_INLINE.match(paragraph)
            if steno is None and inline is not None:
                # "ГАЛИЕВ Р. Т., председатель комиссии по бюджету. Уважаемые коллеги! …"
                sections.append(_SectionBuilder(
                    kind="speech", speaker=natural_case((inline.group("name") or inline.group("chair")).strip()),
                    affiliation=inline.group("role"),
                    label=paragraph[: inline.start("rest")].strip().rstrip(".") + ":", from_label=True, source=paragraph,
                ))
                sections[-1].paragraphs.append(inline.group("rest").strip())
                continue
            parsed = parse_label(paragraph)
            if parsed is not None:
                label, rest = parsed
                sections.append(_SectionBuilder(
                    kind="speech", speaker=label.speaker, affiliation=label.affiliation,
                    label=label.raw + (":" if not label.raw.endswith((":", "：")) else ""), from_label=True,
                    weak=not label.strong, source=paragraph,
                ))
                if rest:
                    sections[-1].paragraphs.append(rest)
                continue
            sections[-1].paragraphs.append(paragraph)

    # "Présidence de M. Laurent Vasseur": the chair's turns ("M. le président. —") are that person's.
    chair = next((m for line in header.lines if (m := _CHAIR_NAMED.match(line)) and _names_a_chair(m)), None)
    opening_texts = [b.text for b in blocks[:body_start + 6]]  # (the cover's lines, kept in the text or not)
    un_chair = None if chair else next((m for text in opening_texts if (m := _UN_PRESIDENT.search(text))), None)
    if chair or un_chair:
        chair_name = (chair.group("cjk") or name_from_text(chair.group("name"))) if chair \
            else name_from_text(un_chair.group("name")) if un_chair else ""
        for s in sections:
            if s.from_label and s.speaker and _CHAIR_OFFICE.fullmatch(s.speaker):
                s.speaker = chair_name
    known = [header.author] if header.author else []
    if header.occasion:
        known.append(name_after_honorific(header.occasion) or name_in_occasion(header.occasion) or "")
    # "MEMBERS PRESENT: Senator Margit Arden (Chair), Senator Joren Vos", "WITNESSES: Dr. Ingrid
    # Solberg, Chief Hydrologist, …": the full names that later surname labels ("SENATOR ARDEN:") mean
    if any(s.speaker for s in sections):  # (with no speaker there is no surname to resolve)
        opening = [p for s in sections[:next((i for i, s in enumerate(sections) if s.from_label), len(sections))]
                   for p in s.paragraphs[:6]]
        known.extend(_listed_names(" ; ".join([*header.lines, *opening])))
    # before weak labels are judged: a lone surname that resolves to a full name is a real turn
    _resolve_surnames(sections, known, "\n".join(header.lines))
    sections = _drop_weak_labels(sections)
    _merge_spelling_variants(sections)
    _name_question_answer_turns(sections, header)
    signer, signed_date = _signature(sections)
    label_speakers = {s.speaker for s in sections if s.from_label}
    label_turns = sum(1 for s in sections if s.from_label)
    # One speaker label in a single-author text ('THE PRESIDENT:'): that is the author.
    author = header.author
    if len(label_speakers) == 1 and label_turns <= 2:
        only = next(iter(label_speakers))
        if only and is_person_name(only) and (author is None or not is_person_name(author)):
            author = only  # "А.Ларионов: Уважаемые ветераны! …" under a site's name
        for s in sections:
            if s.from_label and author:
                s.speaker = author
    addressed = _MESSAGE_HEADING.search(" ".join(t for t in (header.occasion, header.title) if t))
    if signer and not label_speakers and not (header.occasion and _JOINT.search(header.occasion)) \
            and (author is None or (author != signer and (_letter_closing(sections) or addressed))):
        author = signer  # a letter is its signer's, whoever the header names (often the addressee)
    only = next(iter(label_speakers)) if len(label_speakers) == 1 else None
    if author is None and only and only.casefold() in _SPEAKING_ROLES:
        author = only  # "THE PRESIDENT:" who is never named: the role speaks the whole address
    # The author is the person who speaks or writes the whole text: nobody, when several share it.
    voices = {s.speaker for s in sections if s.kind == "speech" and (s.speaker or s.from_label)}
    if len(voices) >= 2:  # (None counts: an interviewer the text does not name)
        author = None
    header = replace(header, author=author, date_text=header.date_text or signed_date)

    built = tuple(
        Section(
            kind=s.kind or "",
            paragraphs=tuple(s.paragraphs),
            heading=s.heading,
            speaker=s.speaker,
            affiliation=s.affiliation,
            label=s.label,
        )
        for s in sections
    )
    return Segmented(header=header, sections=built, fixes=tuple(fixes))


def resolve_kinds(segmented: Segmented, doc_type: str) -> tuple[Section, ...]:
    """Kinds for sections the text did not name: the author's speech, a message, or narrative."""
    default_kind = {"speech": "speech", "letter": "message"}.get(doc_type, "narrative")
    has_turns = any(s.kind == "speech" for s in segmented.sections)
    out = []
    for index, s in enumerate(segmented.sections):
        if s.kind:
            out.append(s)
            continue
        kind = default_kind
        if doc_type in ("article", "transcript") or (has_turns and index == 0 and doc_type != "speech"):
            kind = "narrative"
        speaker = segmented.header.author if kind in ("speech", "message") and doc_type in ("speech", "letter") else None
        if kind == "message":
            speaker = speaker if doc_type == "letter" else None
        out.append(replace(s, kind=kind, speaker=speaker))
    return tuple(out)
