"""Cleaning: repair encoding damage, normalize, strip markup and page furniture, form blocks.

The output is a sequence of `Block`s (runs of lines between blank lines) with the structural hints
markup gave (heading level, whole-block emphasis, rules). Deciding what a block *is* (header,
speaker line, heading, paragraph) is the segmenter's job; cleaning only removes what is not text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from typing import Any

import ftfy

from .config import CleanConfig
from .errors import NoTextError
from .records import Block, Cleaned, Decoded

# Every switch set on purpose; comments say why a value differs from ftfy's default.
FTFY_CONFIG = ftfy.TextFixerConfig(
    # Off: "auto" stops unescaping for the rest of a text once a line holds "<", so results would
    # depend on line order. HTML input is unescaped by our own parser; plain text keeps "&amp;".
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=True,  # PDF text: "ﬁ" -> "fi" is what a reader means.
    # Off: it would turn Korean/Chinese full-width punctuation and U+3000 into ASCII.
    fix_character_width=False,
    # Off: curly quotes are what the author wrote, and quote attribution reads them.
    uncurl_quotes=False,
    fix_line_breaks=True,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    max_decode_length=1_000_000,
    explain=False,  # On by default in a hand-built config, and slower.
)

def _ftfy_trigger() -> re.Pattern[str]:
    """Characters that one of ftfy's non-encoding fixers acts on, from ftfy's own tables: C1
    controls, ligatures, the control characters it removes, terminal escapes, surrogates, line
    separators. Text with none of them and no mojibake (`ftfy.badness.is_bad`) is left exactly as
    it is by ftfy, so it need not pay for it (a property test holds this)."""
    from ftfy.chardata import CONTROL_CHARS, LIGATURES

    chars = {chr(c) for c in CONTROL_CHARS} | {chr(c) for c in LIGATURES} | {"\x1b", "\r", "\u2028", "\u2029"}
    chars -= {"\n", "\t"}
    ranges = "\x80-\x9f\ud800-\udfff"
    return re.compile("[" + ranges + "".join(re.escape(c) for c in sorted(chars)) + "]")


_FTFY_TRIGGER = _ftfy_trigger()


def _pattern_chars(pattern: re.Pattern[str]) -> set[str] | None:
    """Every non-ASCII character a regex names (literals and class members), or None when the
    pattern uses a construct this walker does not know."""
    import re._constants as C  # noqa: N812 - the stdlib's own regex parser, stable since 3.11
    import re._parser as P  # noqa: N812

    chars: set[int] = set()
    ok = True

    def walk(items: Any) -> None:
        nonlocal ok
        for op, av in items:
            if op is C.LITERAL:
                chars.add(av)
            elif op is C.IN:
                for o, a in av:
                    if o is C.LITERAL:
                        chars.add(a)
                    elif o is C.RANGE:
                        chars.update(range(a[0], a[1] + 1))
                    elif o not in (C.NEGATE, C.CATEGORY):
                        ok = False
            elif op is C.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op is C.SUBPATTERN:
                walk(av[-1])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                walk(av[2])
            elif op not in (C.AT, C.ANY, C.NOT_LITERAL):
                ok = False

    try:
        walk(P.parse(pattern.pattern, pattern.flags))
    except Exception:  # pragma: no cover - a future Python's parser
        return None
    return {chr(c) for c in chars if c > 0x7F} if ok else None


def _mojibake_context() -> re.Pattern[str] | None:
    r"""ftfy's badness regex matches only around the non-ASCII characters it names, looking at
    most two characters to either side of them (`[a-z]\s?[ÃÂ][ ]`, `[Œœ][^A-Za-z]`, `\s[É][€]`…).
    So a run of other characters longer than four can shrink to its first and last two without
    changing whether it matches, and mostly-ASCII prose shrinks to a few percent of its length
    (tests/test_clean.py holds is_bad(shrunk) == is_bad(text) as a property)."""
    from ftfy.badness import BADNESS_RE

    if BADNESS_RE.flags & (re.MULTILINE | re.DOTALL):  # pragma: no cover - ftfy 6.x has neither
        return None
    chars = _pattern_chars(BADNESS_RE)
    if not chars:  # pragma: no cover
        return None
    chars -= _plain_letters()
    other = "[^" + "".join(re.escape(c) for c in sorted(chars)) + "]"
    return re.compile(f"({other}{{2}}){other}+({other}{{2}})")


def _plain_letters() -> set[str]:
    """Greek and Cyrillic letters that ftfy's badness regex names only in its 'lower_common' and
    'upper_common' classes, which it uses only beside a rarer character ('[a-zA-Z][common][bad]',
    '[common][upper_accented]'): within two characters of one the shrink keeps anyway. So they
    need not be kept in Greek or Russian prose, which then shrinks like English. Letters the regex
    also writes out itself ('[ВГРС]…[ВГРС]', 'ГўВЂВ', 'вЂ') stay. Empty (nothing dropped) when
    ftfy's source is not laid out as expected."""
    import inspect

    from ftfy import badness

    try:
        source = inspect.getsource(badness)
        start = source.index("BADNESS_RE = re.compile(")
        template = source[source.index('r"""', start) + 4: source.index('""".format(', start)]
        categories = badness.MOJIBAKE_CATEGORIES
        common = categories["lower_common"] + categories["upper_common"]
    except (OSError, TypeError, ValueError, KeyError, AttributeError):  # pragma: no cover - another ftfy
        return set()
    uses = re.findall(r"\{(\w+)\}", template)
    if uses.count("lower_common") != 2 or uses.count("upper_common") != 1:  # pragma: no cover
        return set()  # ftfy uses these classes in new places: keep every character
    written = "\n".join(line for line in template.splitlines() if not line.strip().startswith("#"))
    written = re.sub(r"\{\w+\}", "", written)
    members = re.compile("[" + common + "]")
    elsewhere = [re.compile("[" + v + "]") for k, v in categories.items() if k not in ("lower_common", "upper_common")]
    return {chr(c) for c in range(0x370, 0x530)
            if members.match(chr(c)) and not any(p.match(chr(c)) for p in elsewhere)} - set(written)


_MOJIBAKE_CONTEXT = _mojibake_context()


def looks_like_mojibake(text: str) -> bool:
    """ftfy.badness.is_bad(text), computed on the text shrunk to what that regex can see."""
    from ftfy.badness import is_bad

    if _MOJIBAKE_CONTEXT is not None:
        text = _MOJIBAKE_CONTEXT.sub(r"\1\2", text)
    return bool(is_bad(text))


def needs_ftfy(text: str) -> bool:
    """Whether ftfy (with FTFY_CONFIG) could change `text` beyond NFC."""
    if _FTFY_TRIGGER.search(text):
        return True
    if text.isascii():
        return False
    return looks_like_mojibake(text)


_BLANK = re.compile(r"^[\s\u3000\u00a0\u200b\ufeff]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f]+")
_OTHER_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f]")
_SPACE_PAIRS = re.compile("  +")


def collapse_spaces(text: str) -> str:
    """_SPACES.sub(" ", text) in two cheaper passes, each skipped when it has nothing to do: the
    other spaces become plain ones, then runs of plain spaces one (a regex that stops at every
    space of a text to look for a second one runs at a fraction of the speed)."""
    if _OTHER_SPACE.search(text):
        text = _OTHER_SPACE.sub(" ", text)
    return _SPACE_PAIRS.sub(" ", text) if "  " in text else text


# ---- page furniture and boilerplate ---------------------------------------------------------

# A page's number as printed: "12", "Page 2 of 3", "Strona 2 z 3", "Pág. 2237", "3/4".
_PAGE_MARK = (r"(?:(?:page|p\.|pág\.|pag\.|página|pagina|seite|strona|str\.|страница|стр\.|sayfa|blad|페이지)\s*)?"
              r"\d{1,4}(?:\s*(?:/|of|de|von|из|sur|di|z|van)\s*\d{1,4})?")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]+\s*)?\[?" + _PAGE_MARK + r"\]?(?:\s*[-–—]+)?\s*$"
    r"|^\s*\d{1,4}\s*\|\s*(?:page|página|pagina|seite|страница)\s*$",
    re.IGNORECASE,
)
# Boilerplate lines. Most alternatives start with a literal word, so a line fails them at once;
# the few that may start anywhere in a line (a copyright, a photo credit) are tried only on lines
# holding one of their key words: `is_boilerplate` equals a match of `_BOILERPLATE`, which is the
# definition (tests/test_clean.py checks the two agree).
_BOILERPLATE_LEAD = (
    r"comments are closed.*|(?:leave|post) a (?:comment|reply).*|share this(?: ?:.*)?|"
    r"like this:?|like loading\.*|click to (?:share|print|email).*|"
    r"\(?(?:please )?check against (?:the )?delivery\)?\.?|\(?cotejar con la intervención pronunciada\)?\.?|"
    r"\(?seul (?:le texte )?(?:le )?prononcé fait foi\)?\.?|\(?(?:à )?vérifier (?:au|à la) (?:prononcé|prononciation)\)?\.?|\(?es gilt das gesprochene wort!?\)?\.?|"
    r"\(?cotejar con (?:el discurso|la intervención|el texto) pronunciad[oa]\)?\.?|"
    r"\(?(?:solo )?fa fede (?:solo )?il (?:testo )?pronunciato\)?\.?|\(?vale o texto (?:lido|proferido)\)?\.?|"
    r"\(?(?:сверить|проверить) (?:с|по) (?:текстом )?(?:выступлени\w+|факт\w* выступления)\)?\.?|"
    r"\(?verificar contra lectura\)?\.?|\(?cotejar contra lectura\)?\.?|"
    r"skip to (?:main )?content|print this (?:page|article|post)|(?:previous|next) (?:post|article|story).*|"
    r"filed under:?.*|bookmark the permalink.*|this entry was posted.*|related (?:posts|articles|stories):?|"
    r"all rights reserved\.?|copyright ?©.*|"
    # the cover price of a printed report: "Price: KShs. 25", "Prix : 2 €"
    r"(?:price|prix|preis|precio|preço|prezzo|цена)\s*:?\s*(?:[^\W\d_]{1,4}\.?\s*|[$€£¥₹]\s*)?\d[\d.,]*\s*(?:[^\W\d_]{1,4}\.?|[$€£¥₹])?|(?:useful |external )?links:?|© ?\d{4}.*|subscribe to (?:our|the) newsletter.*|"
    r"read more(?: ?»| ?›| \.\.\.)?|trackbacks? .*are (?:open|closed)\.?|tweet|share on (?:facebook|twitter|x)|"
    r"(?:back to )?top of (?:the )?page|back to top|last (?:updated|modified)(?: on)?:? .{0,40}|"
    r"end \d{1,2}[:.]\d{2} ?[ap]\.?m\.? ?(?:[a-z]{2,4})?|tags?: .{1,80}|categor(?:y|ies): .{1,80}|"
    r"share (?:this|on) .{1,30}|related (?:stories|articles|posts|links)|(?:proudly )?powered by .{1,40}|"
    r"blog at wordpress\.com.*|subscribe|sign up|log ?in|newsletter|(?:artikel|beitrag|seite) teilen|"
    r"partager(?: cet article)?|compartir|condividi|compartilhar|поделиться|"
    # cookie notices, post navigation, reader counters, print/close links, copyright lines
    r"we use (?:some )?(?:essential |necessary )?cookies.*|(?:accept|reject|view|manage) (?:all |additional )?cookies|"
    r"privacy (?:&|and) cookies.*|cookie (?:policy|settings|notice).*|(?:previous|next|older|newer) (?:post|entry|article)s?\b.*|"
    r"most (?:read|popular|viewed)|more (?:news|stories|from).{0,40}|share:? .{0,60}(?:facebook|twitter|e-?mail).*|"
    r"<<\s*back|back\b.{0,3}|todos los derechos reservados.*|tutti i diritti riservati.*|"
    r"tous droits réservés.*|alle rechte vorbehalten.*|todos os direitos reservados.*|все права защищены.*|"
    r"síguenos en .{1,60}|follow us on .{1,60}|comentarios? \(\d+\)|comments? \(\d+\)|compartir en .{1,30}|"
    r"просмотров:?\s*\d+.*|(?:фото|foto|photo|fonte|quelle|source photo)\s?: .{1,80}|"
    r"打印本页|关闭窗口|關閉窗口|【?打印】?|【?关闭】?|责任编辑[:：].{0,30}|責任編輯[:：].{0,30}|字体[:：].{0,12}|"
    r"이전글.*|다음글.*|목록(?:\s*\|\s*인쇄)?|인쇄|공공누리.*|"
    r"embargoed (?:until|for) .{0,80}|for immediate release|transcribed by .{1,80}|sperrfrist:? .{0,80}|"
    r"\(.{0,80}(?:ufficio stampa|press office|fa fede|check against delivery|prononcé fait foi|gesprochene wort).{0,80}\)|"
    r"related (?:posts|articles|stories|links)\W.*|"
    r"end\s+\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?\s*(?:[a-z]{2,4})?|\[[^\]]{1,12}\](?:\s*\[[^\]]{1,12}\])+.*|font size:?.{0,20}|"
    r"contact us(?:\s*\|.*)?|sitemap|recent (?:posts|articles|entries|comments)|like this:?\s*like loading\.*|"
    r"(?:updated|aktualisiert|mis à jour|actualizado|aggiornato|обновлено)\s+\d{1,3}\s+\w+\s+(?:ago|her|назад)|"
    r"our standards:?.{0,80}|imprimer|partager(?:\s*:.{0,80})?|partilhar(?:\s*:.{0,120})?|"
    r"read next|related speeches|veja também|leia também|lire aussi|à lire aussi|lesen sie auch|leggi anche|lea también|"
    r"читайте также|相关新闻|相關新聞|wersja do druku.{0,60}|napisz do nas|"
    r"sign in|log in|order back issues|listen to this (?:speech|article|story|interview).{0,40}|cve:\s*\S+|"
    r"(?:←\s*)?(?:previous|anterior|précédent|vorherige)(?:\s*[·|]\s*(?:contents|index|índice|sommaire|inhalt))?(?:\s*[·|]\s*(?:next|siguiente|suivant|nächste)\s*→?)?|"
    r"(?:contents|index)\s*[·|]\s*(?:next|siguiente|suivant)\s*→?|next\s*→|subscribe .{0,40}|"
    r"浏览次数[:：]?\s*\d*|瀏覽次數[:：]?\s*\d*|[（(]?责任编辑[:：].{0,20}[)）]?|"
    # "Torna all'archivio", "Back to index", "Zurück zum Archiv": a link back to the site's lists
    r"(?:back to|return to|go to|torna (?:a|al|all['’]|alla)|zurück zu[mr]?|retour (?:à l['’]|à la|au|aux)|volver al?|"
    r"voltar (?:ao?|à)|вернуться (?:к|в))\s?(?:the )?(?:archives?|archivio|archiv|archivo|arquivo|архиву?|index|indice|"
    r"índice|home ?page|homepage|contents|inhalt|sommaire|list|liste|elenco|lista|список)|"
    r"대표전화.{0,60}|copy link|open parliament licen[cs]e.*|"
    r"\(?проверить при (?:произнесении|выступлении)\)?\.?|опубликован[оа]? в раздел\w*:?.*|ссылка на материал:?.*|дата публикации:?.*|текстовая версия|версия для печати|"
    r"\d+\s*min(?:ute)?s? read|"
    # the length of the text: "2724 palabras - 15 minutos", "1,200 words · 6 min"
    r"\d[\d.,]*\s*(?:words|palabras|mots|wörter|parole|palavras|слов[а]?)(?:\s*[-–—|·,]\s*\d+\s*(?:min(?:ute)?s?|minutos|minuten|minuti|минут[ы]?)\.?)?|分享到[:：]?.{0,30}|来源[:：].{1,20}|來源[:：].{1,20}|"
    r"(?:create a free website or blog|website powered by|blog) at wordpress\.com.*|"
    r"(?:previous|next) (?:post|entry|article|story):? .{0,100}|"
    r"[a-z]{1,4}(?:/[a-z]{1,4}){1,5}|"  # agency desk initials: "rq/ms/tl"
    r"(?:transcript|text|statement|release) (?:issued|released|provided|distributed) by .{1,120}|"
    r"released at \d{1,2}[:.]\d{2}.{0,20}|sign up for .{0,60}newsletter.*|"
    r"\[[^\]]{0,20}\b(?:music|jingle|theme|musique|música|musik|музыка)\b[^\]]{0,20}\]|"
    r"(?:【[^】]{1,12}】\s*){1,4}|"
    r"(?:you may also like|recommended|popular (?:posts|stories)|most (?:read|popular|viewed|shared))\b.{0,30}|"
    # the end of a press release or a transcript: "-- ENDS --", "- END OF TRANSCRIPT -"
    r"[-–—=*# ]*(?:ends|end of (?:transcript|statement|release|text|document))[-–—=*#. ]*|"
    # a page's jump to its head: "Back to top" in other languages
    r"(?:voltar ao topo|torna su|torna all['’]inizio|nach oben|zum seitenanfang|haut de (?:la )?page|retour en haut|"
    r"volver arriba|ir arriba|naar boven|terug naar boven|do góry|powrót do góry|наверх|맨 위로|"
    r"(?:この)?ページの(?:先頭|トップ)へ(?:戻る)?|返回顶部|回到顶部)|"
    r"(?:lees ook|meer over dit onderwerp|mehr zum thema|weitere artikel|related coverage|more on this story)"
    r"(?:\s*:.{0,60})?|deel dit artikel(?:\s*:.{0,60})?|"
    # a newspaper's continuation note and a caption company's credit
    r"\(?(?:continued|cont['’]?d\.?) (?:on|from) (?:page|p\.) ?\d{1,3}\s*\)?\.?|"
    r"(?:closed )?caption(?:s|ing|ed)? (?:by|provided by|produced by) .{1,80}|"
    r"\((?:additional )?reporting by .{1,200}\)|(?:additional )?reporting by [^.]{1,80}; editing by .{1,80}|"
    r"ページ番号[:：]\s*\d+|お問い合わせ(?:先)?(?:[:：].{0,80})?|"
    # a Korean press release's slip: when it is handed out and may be used, the embargo, the caveat
    r"(?:배포\s?일시|보도\s?시점|보도\s?일시|엠바고)\s*[:：].{0,80}|※? ?이 자료는 .{0,80}|"
    # a United Nations record's cover: "United Nations      S/PV.9731", "Security Council    Provisional",
    # "Eightieth year", the job number "25-15873 (E)" and its barcode "*2515873*"
    r"united nations\s{2,}[as]/[\w./-]+|(?:security council|general assembly|economic and social council)"
    r"(?:\s{2,}(?:provisional|official records))|"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|"
    r"(?:twenti|thirti|forti|fifti|sixti|seventi|eighti|nineti)eth) (?:year|session)|"
    r"\d{2}-\d{5}\s*\([a-z]\)|\*\d{7,8}\*"
)
_RIGHTS = (r"all rights reserved|todos los derechos reservados|tous droits réservés|alle rechte vorbehalten|"
           r"tutti i diritti riservati|todos os direitos reservados|все права защищены")
_BOILERPLATE_ANYWHERE = (
    r".{0,40}보도자료|.{0,80}(?:" + _RIGHTS + r")\.?|.{0,30}版权所有.{0,80}|.{0,30}版權所有.{0,80}|.{0,12}바로가기|.{0,40}무단\s?전재.{0,40}|.{0,40}재배포\s?금지.{0,10}|.{0,60}перепечатк.{0,80}|.{0,40}licensed under .{0,80}|.{0,40}공공누리.*|"
    r".{0,300}\b(?:photo|foto)\s+(?:by|:)\s+[A-ZÀ-Þ][\w.'’\- ]{2,40}|"
    # a photo caption with its credit: "President X greets … (Official Presidency Photo by Tom Lind)"
    r".{0,300}\([^()]{0,60}\b(?:photo|foto|photograph|image|picture|bild|фото)s?\s*(?::|by|credit|courtesy|©|von|por|de|par)\s[^()]{1,60}\)\.?"
)
# Every alternative of _BOILERPLATE_ANYWHERE needs one of these (lower-cased) to match.
_ANYWHERE_KEYS = ("보도자료", "all rights reserved", "版权所有", "版權所有", "무단", "재배포", "перепечатк", "todos los derechos reservados", "tous droits réservés",
                  "alle rechte vorbehalten", "tutti i diritti riservati", "todos os direitos reservados",
                  "все права защищены", "바로가기", "licensed under", "공공누리", "photo", "foto", "image",
                  "picture", "bild", "фото")
# An ASCII line can hold only the ASCII keys, and each of them holds one of these.
_ANYWHERE_ASCII_KEYS: tuple[str, ...] = ("reserv", "vorbehalten", "riservati", "licensed under", "oto", "image", "picture", "bild")
_BOILERPLATE = re.compile(r"^\s*(?:" + _BOILERPLATE_LEAD + "|" + _BOILERPLATE_ANYWHERE + r")\s*$", re.IGNORECASE)
_BOILERPLATE_LEAD_RE = re.compile(r"^\s*(?:" + _BOILERPLATE_LEAD + r")\s*$", re.IGNORECASE)
_BOILERPLATE_ANYWHERE_RE = re.compile(r"^\s*(?:" + _BOILERPLATE_ANYWHERE + r")\s*$", re.IGNORECASE)


def _top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of `pattern` separated by '|' outside groups and character classes."""
    parts: list[str] = []
    current: list[str] = []
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def _first_letters(alternative: str) -> set[str] | None:
    """The lower-cased characters a regex alternative must start with, read from the stdlib's parse
    of it (as _pattern_chars reads the badness regex): a literal, a small character set, a group or
    a branch, each optional one adding what may follow it ('\\(?check' starts with '(' or 'c').
    None when the alternative may start otherwise (any character, a digit class)."""
    import re._constants as C  # noqa: N812 - the stdlib's own regex parser, stable since 3.11
    import re._parser as P  # noqa: N812

    def char(code: int) -> set[str] | None:
        low = chr(code).lower()
        return {low} if len(low) == 1 else None

    def item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
        """(the characters the item may start with, whether it may match nothing)"""
        if op is C.LITERAL:
            return char(av), False
        if op is C.AT:
            return set(), True  # \b and the like match no character
        if op is C.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is C.LITERAL:
                    codes = [value]
                elif kind is C.RANGE and value[1] - value[0] <= 100:
                    codes = list(range(value[0], value[1] + 1))
                else:
                    return None, False  # a negated set, a category: too many characters
                for code in codes:
                    one = char(code)
                    if one is None:
                        return None, False
                    chars |= one
            return chars, False
        if op is C.SUBPATTERN:
            return sequence(av[-1])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            found, empty = sequence(av[2])
            return found, empty or av[0] == 0
        if op is C.BRANCH:
            chars, empty = set(), False
            for branch in av[1]:
                found, branch_empty = sequence(branch)
                if found is None:
                    return None, False
                chars |= found
                empty = empty or branch_empty
            return chars, empty
        return None, False

    def sequence(items: Any) -> tuple[set[str] | None, bool]:
        chars: set[str] = set()
        for op, av in items:
            found, empty = item(op, av)
            if found is None:
                return None, False
            chars |= found
            if not empty:
                return chars, False
        return chars, True

    try:
        found, empty = sequence(list(P.parse(alternative, re.IGNORECASE)))
    except Exception:  # pragma: no cover - a future Python's parser: try the alternative on every line
        return None
    return None if empty or not found else found


def _lead_patterns() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str]]:
    """_BOILERPLATE_LEAD split by the letter its alternatives must start with (lower-cased), and
    the alternatives that may start otherwise: a line needs to try only its own letter's share."""
    by_letter: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in _top_level_alternatives(_BOILERPLATE_LEAD):
        letters = _first_letters(alternative)
        if letters is None:
            others.append(alternative)
        for letter in letters or ():
            by_letter.setdefault(letter, []).append(alternative)
    def wrap(alternatives: list[str]) -> re.Pattern[str]:
        return re.compile(r"^\s*(?:" + "|".join(alternatives) + r")\s*$", re.IGNORECASE)
    return {letter: wrap(alts) for letter, alts in by_letter.items()}, wrap(others)


_LEAD_BY_LETTER, _LEAD_OTHERS = _lead_patterns()


def _lead_match(line: str) -> bool:
    """_BOILERPLATE_LEAD_RE.match(line), trying only the alternatives that can start the line. A
    letter matches its case variants and what re's IGNORECASE folds to it ('ſ' to 's', 'ı' to 'i',
    'ᲂ' to 'в'): the lower case of its upper case covers those."""
    first = line.lstrip()[:1]
    if first:
        letter = first.lower()[:1]
        pattern = _LEAD_BY_LETTER.get(letter)
        if pattern is not None and pattern.match(line):
            return True
        folded = letter if first.isascii() else first.upper().lower()[:1]
        if folded != letter:
            pattern = _LEAD_BY_LETTER.get(folded)
            if pattern is not None and pattern.match(line):
                return True
    return _LEAD_OTHERS.match(line) is not None


def is_boilerplate(line: str) -> bool:
    """Whether `line` is a boilerplate line (a full match of _BOILERPLATE), testing first what is cheap."""
    if _lead_match(line):
        return True
    # re's IGNORECASE also equates "ſ" with "s", "K" with "k", "ı"/"İ" with "i": casefold covers the
    # first two; the dotless i and the combining dot are mapped so that no key word is missed.
    if line.isascii():
        low, keys = line.lower(), _ANYWHERE_ASCII_KEYS
    else:
        low, keys = line.casefold().replace("ı", "i").replace("\u0307", ""), _ANYWHERE_KEYS
    for key in keys:  # (a loop, not any() over a generator: this runs on every line)
        if key in low:
            return _BOILERPLATE_ANYWHERE_RE.match(line) is not None
    return False
# Headers of link lists whose entries (short lines under them) are other pages' headlines.
_LIST_HEADER = re.compile(
    r"^(?:most (?:read|popular|viewed|shared)|related(?: (?:posts|articles|stories|links))?:?|read more|(?:useful |external )?links:?|"
    r"more (?:news|stories|from).{0,30}|you may also like|recommended|popular (?:posts|stories)|"
    r"recent (?:posts|articles|entries)|read next|related speeches|related (?:links|content)|veja também|leia também|"
    r"lire aussi|à lire aussi|lesen sie auch|leggi anche|lea también|читайте также|相关新闻|相關新聞)\s*$",
    re.IGNORECASE,
)
# Items of a share/comment bar: "Compartir en Facebook", "Comentarios (14)", "<< Back", "Top", "인쇄".
_SHARE_ITEM = re.compile(
    r"^(?:<<\s*back|back|top|back to top|x|print|e-?mail|facebook|twitter|whatsapp|telegram|linkedin|인쇄|목록|공유하기|打印|分享)$"
    r"|^(?:share|compartir|partager|teilen|condividi|compartilhar)\b.{0,25}$"
    r"|^(?:views|comments?|comentarios?|commentaires?|kommentare?|просмотров|комментари\w*|댓글)\s*[:(]?\s*\d+\)?$",
    re.IGNORECASE,
)
# A table-of-contents entry: dot or tab leaders, then a page reference ("… . . . . 17881 B").
# (or a list of them, as a parliament's index gives a speaker's columns: "… . 5643D, 5644A, 5661D")
_PAGE_REFS = r"\d{1,5}\s*[A-D]?(?:\s*,\s*(?:\d{1,5}\s*)?[A-D]?)*,?"
_TOC_LINE = re.compile(r"(?:(?:\s?\.){4,}|\t+|\s\.)\s*" + _PAGE_REFS + r"\s*$")
# Site navigation: "Home > Archive > Plekhanov", "MIA » Works » 1889".
_BREADCRUMB = re.compile(
    r"^(?:[^>»›→▸►|]{1,40}\s(?:>|»|›|→|▸|►|/)\s){2,}[^>»›→▸►|]{1,60}$"
    r"|^[A-ZÀ-Þ][^>»›→▸►|.!?]{0,30}\s(?:>|»|›|→|▸|►)\s[^>»›→▸►|.!?]{1,40}$"
)
# A page's running head set with its page number apart: "12      KANG MYONG CHOL  SELECTED WORKS"
# or "ON THE TASKS OF THE FARMS        13" (a page number separated by a wide gap).
# A running head or foot with its page number set apart by a run of spaces: "12     ANNUAL REPORT",
# "Sejmik Województwa – VI kadencja          Strona 2 z 3".
_PAGE_HEAD = re.compile(
    r"^\s*(?:page\s+)?\d{1,4}\s{4,}\S.{2,100}$"
    r"|^\s*\S.{2,100}?\s{4,}" + _PAGE_MARK + r"\s*$",
    re.IGNORECASE,
)
_FOUR_SPACES = re.compile(r"\s{4}")
_YEAR = re.compile(r"^\(?(?:1[5-9]|20)\d\d\)?$")
_SOCIAL = re.compile(
    r"^\s*(?:[*\-•]\s*)?(?:\[)?(?:facebook|twitter|x|email|e-mail|print|whatsapp|telegram|linkedin|reddit|"
    r"pinterest|tumblr|pocket|skype|mastodon|threads|bluesky|more)(?:\])?(?:\([^)]*\))?\s*$",
    re.IGNORECASE,
)
# A menu: short items separated by bars or bullets ("Home | Local | Sports | Opinion"), or a home
# link and the menu's items set apart by runs of spaces.
_HOME = r"(?:home|startseite|accueil|inicio|início|home page|главная|首页|首頁|홈|ホーム)"
_NAV = re.compile(
    r"^(?:[^|•·]{1,25}\s*[|•·]\s*){3,}[^|•·]{1,25}$"
    r"|^" + _HOME + r"(?:\s{2,}\S[^\s]*(?:\s\S+)?){3,}\s*$",
    re.IGNORECASE,
)
_HOME_START = re.compile(_HOME, re.IGNORECASE)
# "Posted on …", "Published: …": when a web page says it appeared (an article's date).
# The words before a writer's name in a byline ("By", "von", "par", "por", "door", "di"), here and in
# the header parser.
BYLINE_WORDS = r"by|von|par|por|door|di"
POSTED_WORDS = (r"posted(?: on| in)?|published(?: on)?|publicado(?: em| el)?|publié(?: le)?|veröffentlicht(?: am)?|"
                r"pubblicato(?: il)?|опубликовано|gepubliceerd(?: op)?")
_POSTED = re.compile(r"^\s*(?:" + POSTED_WORDS + r")\s*:?\s+(?P<rest>.+?)\s*$", re.IGNORECASE)


_POSTED_BY = re.compile(r"(?:^|\s)(?:" + BYLINE_WORDS + r")\s+([^\W\d_][\w.'’\-]+(?:\s+[^\W\d_][\w.'’\-]+){1,3}?)"
                        r"(?=\s+(?:on|am|le|el|em|op|il|in|at|um|à|,|·|\|)|\s*$|,)")


_PHONE_ITEM = re.compile(r"^(?:tel|tél|phone|fax|telefon|teléfono|telefone|telefono|тел)\.?\s*:?\s*[+(]?\d[\d ()./-]{5,}$",
                         re.IGNORECASE)
_WEB_ITEM = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.IGNORECASE)


def _may_be_nav(line: str) -> bool:
    """Whether _NAV could match: it needs a separator, or a home link at the start."""
    return "|" in line or "•" in line or "·" in line or _HOME_START.match(line) is not None


_WEB_INFO = re.compile(
    r"^\s*(?:source|transcription|transcribed|mark-?up|html mark-?up|proofread|translated|"
    r"copyleft|public domain|first published|published|online version|transcription & html mark-up)\s*:",
    re.IGNORECASE,
)


_DIGITS = re.compile(r"\d+")


def _norm_furniture(line: str) -> str:
    if not line.isprintable() or "  " in line:  # (printable text has no whitespace but the space)
        line = _SPACES.sub(" ", line)
    return _DIGITS.sub("#", line.strip().casefold())


# ---- text-level repair ----------------------------------------------------------------------


def repair_text(text: str) -> tuple[str, list[str]]:
    """Line breaks unified, mojibake fixed (ftfy), NFC; the fixes that changed something."""
    fixes: list[str] = []
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    if unified != text:
        fixes.append("line_endings")
    text = unified
    if needs_ftfy(text):
        fixed = ftfy.fix_text(text, FTFY_CONFIG)
        if fixed != text:
            fixes.append("mojibake")
        text = fixed
    normalized = unicodedata.normalize("NFC", text)
    if normalized != text:
        fixes.append("unicode_normalization")
    text = normalized
    # Control characters other than newline and tab carry no text (ftfy removes them only on
    # texts it looks at).
    stripped = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]", "", text)
    if stripped != text:
        fixes.append("control_characters")
    return stripped, fixes


# ---- markup ---------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(?:.*\n)*?---\n")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_MD_ATTRS = re.compile(r"\s*\{[#.][^}]*\}")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)(?:\{[^}]*\})?")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|$&<\"'~^=:;,@%/?])")
_MD_HARD_BREAK = re.compile(r"(?:  +|\\)$")
_RULE_SIGNS = ("-", "*", "_", "=")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")


_MD_SIGNS = re.compile(r"[*_\[\]\\{!`]")


def _strip_inline(line: str) -> tuple[str, bool]:
    """Inline markdown removed; and whether the whole line was emphasized."""
    if not _MD_SIGNS.search(line):
        return line, False
    original = line
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_ATTRS.sub("", line)
    core = line.strip()
    whole = bool(re.fullmatch(r"(\*\*|__|\*|_)(?=\S).+(?<=\S)\1", core)) if core else False
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EM.sub(lambda m: m.group(1) or m.group(2) or "", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    return (line if line != original else original), whole


_MD_LINK_WRAPPED = re.compile(r"\[([^\[\]\n]{1,200})\n[ \t]*([^\[\]\n]{1,200})\]\(")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# (opened inside a line: emphasis of whole lines is a block's, which markdown_to_blocks reads as such)
_MD_EM_WRAPPED = re.compile(r"(?<=[ \t(\"“‘'«])(\*\*|\*)(?=[^\s*])([^*\n]+\n[^*\n]+?)(?<=[^\s*])\1(?![*\w])")


def markdown_to_blocks(text: str, fixes: list[str], markdown: bool) -> tuple[list[Block], dict[str, str]]:
    """Blocks from plain text or markdown. Markdown signs are honoured in plain text too, since
    text converted from PDF or the web often carries them (emphasis, '#' headings, hard breaks)."""
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text) if text.startswith("---\n") else None
    if front:
        for line in front.group(0).splitlines()[1:-1]:
            key, _, value = line.partition(":")
            if key.strip() in ("title", "author", "date") and value.strip():
                meta[key.strip()] = value.strip().strip("\"'")
        text = text[front.end():]
        fixes.append("markup")
    if "](" in text and _MD_LINK_WRAPPED.search(text):
        # "[Orsund Community" / "Clinic](https://…)": a link whose text the hard wrap broke
        text = _MD_LINK_WRAPPED.sub(lambda m: f"[{m.group(1)} {m.group(2)}](", text)
    if markdown and "*" in text:
        # "*Doctor, I" / "have the symptoms of heart failure.*": emphasis the hard wrap broke
        text = _MD_EM_WRAPPED.sub(r"\2", text)
    if markdown and "<!--" in text:
        text = _HTML_COMMENT.sub("", text)  # "<!-- exported by … -->": for the converter, not the reader
        fixes.append("markup")
    blocks: list[Block] = []
    lines: list[str] = []
    all_emph = True
    changed = False

    def flush() -> None:
        nonlocal lines, all_emph, changed
        if len(lines) > 1:
            # Emphasis opened on the first line and closed on the last ("**TITLE  \nGOES ON**").
            for mark in ("**", "__", "*", "_"):
                first, last = lines[0].lstrip(), lines[-1].rstrip()
                if first.startswith(mark) and last.endswith(mark) and len(first) > len(mark):
                    lines[0] = first[len(mark):]
                    lines[-1] = lines[-1].rstrip()[: -len(mark)]
                    all_emph = True
                    changed = True
                    break
        if lines:
            blocks.append(Block(tuple(lines), emphasis=all_emph))
        lines, all_emph = [], True

    for raw_line in text.split("\n"):
        if _BLANK.match(raw_line):
            flush()
            continue
        sign = raw_line.lstrip()[:1]  # a rule or a heading starts with one of its marks
        if sign in _RULE_SIGNS and _MD_RULE.match(raw_line) and not raw_line.strip().startswith(("* ", "- ")):
            if lines and _SETEXT.match(raw_line) and markdown:
                # Setext heading: the previous lines are a heading.
                level = 1 if raw_line.strip().startswith("=") else 2
                heading = " ".join(ln.strip() for ln in lines)
                blocks.append(Block((heading,), level=level))
                lines, all_emph = [], True
                changed = True
                continue
            flush()
            blocks.append(Block((), rule=True))
            changed = True
            continue
        heading_match = _MD_HEADING.match(raw_line) if sign == "#" else None
        if heading_match:
            flush()
            content, emph = _strip_inline(heading_match.group(2))
            blocks.append(Block((content.strip(),), level=len(heading_match.group(1)), emphasis=emph))
            changed = True
            continue
        line = raw_line
        if line.endswith(("  ", "\\")) and _MD_HARD_BREAK.search(line):
            line = _MD_HARD_BREAK.sub("", line)
            changed = True
        stripped, emph = _strip_inline(line)
        if stripped != line:
            changed = True
        if markdown and stripped.lstrip().startswith("> "):
            stripped = stripped.lstrip()[2:]
            changed = True
        all_emph = all_emph and emph
        if stripped.strip():
            lines.append(stripped.rstrip())
        elif lines:
            flush()
    flush()
    if changed:
        fixes.append("markup")
    return blocks, meta


_HTML_BLOCK = {"p", "div", "section", "article", "blockquote", "li", "ul", "ol", "table", "tr", "td",
               "th", "pre", "center", "dd", "dt", "dl", "form", "figure", "figcaption", "main", "body"}
_HTML_SKIP = {"script", "style", "head", "nav", "noscript", "template", "svg", "iframe", "button",
              "select", "footer", "aside"}  # <header> can be an article's own (its h1 and date): judged by class


_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
# Page chrome named by its class or id: cookie banners, breadcrumbs, share bars, related links, menus.
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|banner|breadcrumbs?|share|sharing|social|related|newsletter|subscribe|"
    r"skip-link|sidebar|navbar|menu|site-header|site-footer|site-title|site-description|site-branding|masthead|"
    r"promo|advert|ads?|comments?|pagination|"
    r"print-links?|tags|categories|sharedaddy|likes?|widgets?|relatedposts|gnb|lnb|util|logo|ranking|copyright)(?:$|[\s_-])",
    re.IGNORECASE,
)


# Spans that hold a byline stand on a line of their own (not dates: "<span class=date>" also sits
# inside running text).
_LINE_ATTR = re.compile(r"(?:^|[\s_-])(?:writer|byline|reporter)(?:$|[\s_-])", re.IGNORECASE)


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self._in_title = False
        self._title: list[str] = []
        self._skip_stack: list[list[Any]] = []  # [tag, nesting depth] of an element skipped whole
        self._spans: list[bool] = []  # open <span>s: whether each stands on a line of its own

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "time" and "published" not in self.meta:
            # The page's first machine-readable date (even in a skipped footer: "Posted on <time …>").
            stamp = dict(attrs).get("datetime") or ""
            if re.match(r"\d{4}-\d{2}-\d{2}", stamp):
                self.meta["published"] = stamp[:10]
        if self._skip_stack:
            if tag == self._skip_stack[-1][0] and tag not in _VOID:
                self._skip_stack[-1][1] += 1
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role", "aria-label"))
        if tag not in _VOID and tag != "body" and _CHROME_ATTR.search(marks):
            self._skip_stack.append([tag, 1])  # a cookie banner, breadcrumbs, share bar, related links
            return
        if tag in _HTML_SKIP:
            if tag == "head" or not self.skip or tag != "head":
                self.skip += 1
            if tag == "head":
                self._in_head = True
            return
        if tag == "title":
            self._in_title = True
        if tag == "meta":
            values = dict(attrs)
            if (values.get("name") or "").lower() == "author" and values.get("content"):
                self.meta["author"] = values["content"] or ""
            prop = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if prop in ("article:published_time", "og:published_time", "datepublished", "date", "dc.date") \
                    and re.match(r"\d{4}-\d{2}-\d{2}", values.get("content") or ""):
                self.meta["published"] = (values.get("content") or "")[:10]
        if self.skip:
            return
        if tag == "br":
            self.out.append("\n")
        elif tag == "hr":
            self.out.append("\n\n---\n\n")
        elif re.fullmatch(r"h[1-6]", tag):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag in _HTML_BLOCK:
            self.out.append("\n\n")
        if tag == "span":
            # A byline's or a date's span stands on a line of its own ("김민서 기자", "입력 2022.06.15").
            line = bool(_LINE_ATTR.search(marks))
            self._spans.append(line)
            if line:
                self.out.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" or not self.skip and tag in ("br", "hr"):
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._skip_stack:
            if tag == self._skip_stack[-1][0]:
                self._skip_stack[-1][1] -= 1
                if self._skip_stack[-1][1] == 0:
                    self._skip_stack.pop()
            return
        if tag == "title":
            self._in_title = False
            self.meta["html_title"] = " ".join("".join(self._title).split())
        if tag in _HTML_SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if re.fullmatch(r"h[1-6]", tag) or tag in _HTML_BLOCK or (tag == "span" and self._spans and self._spans.pop()):
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if self.skip or self._skip_stack:
            return
        # Inside a block, source line breaks are just spaces.
        self.out.append(re.sub(r"\s*\n\s*", " ", data))


def html_to_text(text: str) -> tuple[str, dict[str, str]]:
    parser = _HTMLText()
    try:
        parser.feed(text)
        parser.close()
        body = "".join(parser.out)
    except (AssertionError, ValueError):  # markup the stdlib parser cannot read: keep the text, drop the tags
        body = re.sub(r"<[^>]{0,2000}>", "\n\n", text)
    # Headings were opened with '#'; keep each on one line.
    body = re.sub(r"(#+ )\s+", r"\1", body)
    body = re.sub(r"[ \t]*\n[ \t]*", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body)
    # The markdown pass must not read literal '*' or '_' from the page as emphasis.
    body = body.replace("*", "\\*").replace("_", "\\_")
    return body.strip(), parser.meta


_JSON_TITLE_KEYS = ("headline", "title", "name", "subject", "heading")
_JSON_OCCASION_KEYS = ("occasion", "event", "subtitle", "acto", "evento", "événement", "anlass", "occasione", "мероприятие")
_JSON_AUTHOR_KEYS = ("speaker", "author", "byline", "by", "orador", "autor", "auteur", "orateur", "autore", "oratore",
                     "redner", "rednerin", "автор", "докладчик")
_JSON_DATE_KEYS = ("date", "delivered", "date_delivered", "delivered_on", "published", "date_published", "datePublished",
                   "fecha", "data", "datum", "дата")
_JSON_HTML = re.compile(r"<(?:p|br|div|span|em|strong|i|b|ul|li|h[1-6])\b[^>]*>", re.IGNORECASE)


def _json_field(record: dict[str, Any], keys: tuple[str, ...], text_key: str) -> str | None:
    """The first of `keys` the record has as a short string (a name, a date, an occasion), spaces collapsed."""
    value = next((record[k] for k in keys if isinstance(record.get(k), str) and record[k].strip()
                  and len(record[k]) <= 200 and k != text_key), None)
    return " ".join(value.split()) if value else None
_JSON_TEXT_KEYS = ("story_text", "text", "body", "content", "article", "story", "transcript", "speech",
                   "texto", "texte", "testo", "tekst", "текст", "inhalt", "cuerpo", "corpo")


def json_to_text(text: str, path_hint: str = "", meta: dict[str, str] | None = None) -> str:
    """A JSON document or array of documents as markdown: a heading and the text of each record."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NoTextError(f"the JSON is invalid ({exc.msg} at line {exc.lineno}); fix or re-export it.") from exc
    records = data if isinstance(data, list) else [data]
    records = [r for r in records if isinstance(r, dict)]
    if not records:
        raise NoTextError("the JSON holds no objects with text; expected records with a field such as 'text' or 'body'.")
    keys = Counter(k for r in records for k, v in r.items() if isinstance(v, str))
    text_key = next((k for k in _JSON_TEXT_KEYS if k in keys), None)
    if text_key is None:
        # No conventional name: the string field with the longest values, if they are prose.
        lengths: Counter[str] = Counter()
        for r in records:
            for k, v in r.items():
                if isinstance(v, str):
                    lengths[k] += len(v)
        key, total = lengths.most_common(1)[0] if lengths else ("", 0)
        if total / max(1, len(records)) < 200:
            raise NoTextError(
                "the JSON has no text field (such as 'text', 'body' or 'story_text') and no long "
                "string values; it does not look like documents to process."
            )
        text_key = key
    title_key = next((k for k in _JSON_TITLE_KEYS if k in keys and k != text_key), None)
    authors = {_json_field(r, _JSON_AUTHOR_KEYS, text_key) for r in records}
    one_author = len(authors) == 1 and None not in authors
    parts: list[str] = []
    for record in records:
        body = record.get(text_key)
        if not isinstance(body, str) or not body.strip():
            continue
        title = record.get(title_key) if title_key else None
        if isinstance(title, str) and title.strip():
            parts.append("### " + " ".join(title.split()))
        if record is records[0] and (len(records) == 1 or one_author):
            # One document (or records all by one person): what the fields say of it opens it as
            # a title page would.
            for field_keys, form in ((_JSON_OCCASION_KEYS, "{}"), (_JSON_AUTHOR_KEYS, "{}"), (_JSON_DATE_KEYS, "Date: {}")):
                value = _json_field(record, field_keys, text_key)
                if value:
                    parts.append(form.format(value))
                    if field_keys is _JSON_OCCASION_KEYS and meta is not None:
                        meta["occasion"] = value  # said outright by the field, whatever its words
        body = body.strip()
        if _JSON_HTML.search(body):
            body = html_to_text(body)[0].strip()  # "<p>Gracias, presidenta …</p>": markup in a field
        parts.append(body)
    if not parts:
        raise NoTextError(f"every record's '{text_key}' field is empty.")
    return "\n\n".join(parts)


# ---- captions: SubRip (.srt) and WebVTT (.vtt) ------------------------------------------------

# "00:00:01,000 --> 00:00:03,340" (SubRip), "00:01.000 --> 00:04.000 align:start" (WebVTT: hours optional)
_CUE_TIME = re.compile(
    r"^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[,.](\d{1,3})\s*-->\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[,.](\d{1,3})"
)
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_CUE_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d{1,3}:\d{2}(?::\d{2})?[.,]\d{1,3}>")
# A cue that is only a description of sound: "[Applause]", "(music)", "♪ ♪".
_SOUND_CUE = re.compile(r"^(?:\[[^\]]{1,60}\]|\([^)]{1,60}\)|[♪♫\s]+)$")
# ">> SPEAKER: …" (broadcast captions mark a change of speaker with '>>'), "- …" (a second speaker in one cue)
_CUE_TURN = re.compile(r"^(?:>>+|-\s)\s*")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uff00-\uffef]")
CAPTION_PAUSE_S = 1.5  # at least this silence between cues (and 4x the usual gap) ends a paragraph
CAPTION_LONG = 1200  # past this many characters, a paragraph also ends where a cue ends a sentence


def _cue_seconds(match: re.Match[str], offset: int) -> float:
    hours, minutes, seconds, millis = match.group(offset + 1, offset + 2, offset + 3, offset + 4)
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis.ljust(3, "0")) / 1000


def _caption_cues(text: str) -> list[tuple[float, float, list[str], str | None]]:
    """(start, end, payload lines, voice) of every cue; WebVTT's header, NOTE, STYLE and REGION
    blocks left out, cue identifiers and settings dropped, markup removed."""
    import html

    cues: list[tuple[float, float, list[str], str | None]] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\ufeff", "")):
        lines = [line.strip() for line in block.strip("\n").split("\n")]
        if not lines or not lines[0] or lines[0].startswith("WEBVTT") or re.match(r"(?:NOTE|STYLE|REGION)\b", lines[0]):
            continue
        timing = next((i for i, line in enumerate(lines) if "-->" in line and _CUE_TIME.match(line)), None)
        if timing is None:
            if cues:  # text after a stray blank line inside a cue
                cues[-1][2].extend(line for line in lines if line)
            continue
        match = _CUE_TIME.match(lines[timing])
        assert match is not None
        voice: str | None = None
        payload: list[str] = []
        for line in lines[timing + 1:]:
            found = _VOICE.search(line)
            if found:
                voice = " ".join(found.group(1).split())
            line = _CUE_TAG.sub("", line)
            if "&" in line:
                line = html.unescape(line)
            line = " ".join(line.split())
            if line:
                payload.append(line)
        cues.append((_cue_seconds(match, 0), _cue_seconds(match, 4), payload, voice))
    return cues


def captions_to_text(text: str) -> str:
    """Caption cues as paragraphs, one line each: the lines of a cue are display wraps, joined; a
    paragraph ends at a pause (at least CAPTION_PAUSE_S and four times the usual gap between cues),
    around a sound cue ("[Applause]"), at a change of speaker (WebVTT's <v Name>, a '>>' or '- '
    turn) and, in captions that never pause, where a long paragraph's cue ends a sentence. A
    speaker named only by a WebVTT voice is written as a 'Name:' label at the start of their turn.
    Lines repeated from the cue before (rolling captions show each line twice) are kept once."""
    cues = _caption_cues(text)
    gaps = sorted(max(0.0, b[0] - a[1]) for a, b in zip(cues, cues[1:]))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    pause = max(CAPTION_PAUSE_S, 4 * usual)
    paragraphs: list[str] = []
    current: list[str] = []
    last_line = ""
    last_end: float | None = None
    voice: str | None = None

    def close() -> None:
        if current:
            joined = current[0]
            for piece in current[1:]:
                cjk = _CJK_CHAR.match(piece[:1]) and _CJK_CHAR.match(joined[-1:])
                joined += piece if cjk else " " + piece
            paragraphs.append(joined)
            current.clear()

    for start, end, payload, cue_voice in cues:
        lines = [line for line in payload if line != last_line]
        if payload:
            last_line = payload[-1]
        if last_end is not None and start - last_end >= pause:
            close()
        last_end = end
        if not lines:
            continue
        if _SOUND_CUE.match(" ".join(lines)):
            close()
            paragraphs.append(" ".join(lines))
            continue
        if cue_voice and cue_voice != voice:
            close()
            voice = cue_voice
            lines[0] = f"{cue_voice}: {lines[0]}"
        for line in lines:
            turn = _CUE_TURN.match(line)
            if turn:
                close()
                line = line[turn.end():]
            if line:
                current.append(line)
        size = sum(map(len, current))
        if size >= 2 * CAPTION_LONG or (size >= CAPTION_LONG and re.search(r"[.!?。！？][\"'”’)]*$", current[-1])):
            close()  # unpunctuated captions (speech recognition's) end a paragraph at any cue past twice that
    close()
    return "\n\n".join(paragraphs)


_PSEUDO_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,200})?/?>")


def strip_pseudo_tags(text: str, fixes: list[str]) -> str:
    """XML-like tags in plain text (<Newspeech>, <Header>, <i>), as left by converters: a tag at
    the start or end of a line marks a block boundary, a tag inside a line is just removed."""
    if len(_PSEUDO_TAG.findall(text[:200_000])) < 3:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if "<" not in line:  # most lines of such a text: nothing to find or remove
            out.append(line)
            continue
        stripped = line.strip()
        starts = re.match(r"^(?:\s*</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,200})?/?>)+", line)
        ends = re.search(r"(?:</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,200})?/?>\s*)+$", line)
        if starts and stripped:
            out.append("")
        out.append(_PSEUDO_TAG.sub("", line))
        if ends and stripped:
            out.append("")
    fixes.append("markup")
    return "\n".join(out)


# ---- furniture ------------------------------------------------------------------------------


def _looks_dated(line: str) -> bool:
    """A line that is (mostly) a date: repeated on a title page, not a running head."""
    from .tag import is_date_line

    return is_date_line(line) is not None


# A line that is only a link to a site's index page or folder: "[Kessel Archive](../index.htm)".
_INDEX_LINK = re.compile(r"^\[[^\]]{1,60}\]\((?:\.{1,2}/)*(?:[\w.-]+/)*(?:index\.s?html?|index\.php|default\.aspx?)?\)$",
                         re.IGNORECASE)


def _is_breadcrumb(stripped: str) -> bool:
    """'Home > Archive > Plekhanov', also as markdown links with escaped separators
    ('[Archive](../../index.htm)  \\> [Kessel](../index.htm)')."""
    if "](" in stripped or "\\" in stripped:
        stripped = _MD_LINK.sub(r"\1", stripped).replace("\\>", ">").replace("\\", "")
        stripped = _SPACES.sub(" ", stripped).strip()
    return bool(_CRUMB_SIGN.search(stripped) and _CRUMB_SEPARATOR.search(stripped) and _BREADCRUMB.match(stripped))


# Lines that are furniture by their own shape: (fix recorded, test on the raw and stripped line).
_CRUMB_SEPARATOR = re.compile(r"\s[>»›→▸►/]\s")
_CRUMB_SIGN = re.compile(r"[>»›→▸►/]")  # a class first: re skips to it without trying every position


def _line_furniture(line: str, stripped: str) -> str | None:
    """The fix a line that is furniture by its own shape records (a breadcrumb, a running head
    beside its page number, a table-of-contents entry), or None. Each test first checks a
    character its pattern cannot match without (most lines fail it)."""
    if _is_breadcrumb(stripped):
        return "boilerplate"
    first, last = stripped[:1], stripped[-1:]
    if (first.isdigit() or last.isdigit() or stripped[:4].casefold() == "page") \
            and _FOUR_SPACES.search(line) and _PAGE_HEAD.match(line):  # (it needs a run of spaces)
        return "running_heads"
    if (last.isdigit() or last in "ABCD,") and _TOC_LINE.search(stripped):
        return "table_of_contents"
    return None


_INDENT = re.compile(r"^([ \t\u3000]+)\S")


def split_line_paragraphs(text: str) -> str:
    """A text with no blank lines whose lines are long, unwrapped prose (median of 120 characters or
    more): each line is a paragraph (exports that end every paragraph with one line break)."""
    if "\n\n" in text.strip("\n") or text.count("\n") < 4:
        return text
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    if len(lengths) < 5 or lengths[len(lengths) // 2] < 120:
        return text
    return "\n\n".join(line for line in text.split("\n") if line.strip())


def split_indented_paragraphs(text: str, fixes: list[str]) -> str:
    """Books and PDFs mark a paragraph by indenting its first line, with no blank line between
    paragraphs: where most lines start at the margin and some are indented a little (2-10
    columns) in mid-block, a blank line goes before each indented line."""
    lines = text.split("\n")
    flush = indented = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        match = _INDENT.match(line)
        width = len(match.group(1).expandtabs(4)) if match else 0
        if width == 0:
            flush += 1
        elif 2 <= width <= 10 and i > 0 and lines[i - 1].strip() and not _INDENT.match(lines[i - 1]):
            indented += 1
    if indented < 3 or flush < 0.6 * (flush + indented) or flush < 2 * indented:
        return text
    out: list[str] = []
    for line in lines:
        match = _INDENT.match(line) if line.strip() else None
        width = len(match.group(1).expandtabs(4)) if match else 0
        if 2 <= width <= 10 and out and out[-1].strip():
            out.append("")
        out.append(line)
    fixes.append("indented_paragraphs")
    return "\n".join(out)


def _note_head_name(line: str, names: Counter[str], meta: dict[str, str] | None = None) -> None:
    """Count a running head that is a person's name once its page number is set aside; keep the
    first full date a running head carries ("Núm. 45   28 de marzo de 2017   Pág. 24")."""
    from .names import is_person_name, name_from_text
    from .tag import find_date

    if meta is not None and "running_head_date" not in meta:
        found = find_date(line)
        if found is not None and found.precision == "day":
            meta["running_head_date"] = found.text

    head = re.sub(r"^(?:page\s+)?\d{1,4}\s+|\s+\d{1,4}$", "", line.strip(), flags=re.IGNORECASE).strip()
    # "ARIS MOLDEN — WORKS, VOLUME 9": the name is one part of the head
    for part in re.split(r"\s+[—–|·-]\s+|\s{3,}", head):
        if part and is_person_name(part):
            names[name_from_text(part)] += 1
            break


# A page number at either end of a line (a running head's), not a year.
_PAGE_REF = re.compile(r"(?:page|p[aá]g(?:ina)?|seite|стр)\.?\s*\d{1,4}\s*$|(?:^|\s)\d{1,3}\s*$|^\s*\d{1,3}\s", re.IGNORECASE)
_TWO_COLUMNS = re.compile(r"^(?P<indent>[ \t]*)(?P<left>\S.{0,60}?\S)[ \t]{3,}(?P<right>\S.{0,60}?)[ \t]*$")


def split_header_columns(text: str, head_lines: int = 25) -> str:
    """A PDF's header sets two fields on one line with a wide gap between them ("For Immediate
    Release                October 3, 2019"): near the top, where one of them is boilerplate, each
    becomes a line of its own, so that the boilerplate goes and the other field stays. A page
    number on either side is a running head's, and stays whole for the furniture pass."""
    lines = text.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > head_lines:
            break
        m = _TWO_COLUMNS.match(line)
        if m and not re.search(r"\S[ \t]{3,}\S", m.group("right")) and not _PAGE_REF.search(line) \
                and (is_boilerplate(m.group("left")) or is_boilerplate(m.group("right"))):
            lines[i] = m.group("indent") + m.group("left") + "\n" + m.group("indent") + m.group("right")
    return "\n".join(lines)


# A browser's print of a web page heads each page with the date, the time and the page's title
# ("9/30/24, 6:17 PM Building on … _Ministry ...") and foots it with the address and the page count
# ("https://www.example.gov/statement.html 2/6").
_BROWSER_HEAD = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\s+(?P<title>\S.{2,})")
_BROWSER_FOOT = re.compile(r"(?P<url>(?:https?://|www\.)\S+)(?:\s+(?P<page>\d{1,4}\s*/\s*\d{1,4}))?")


class _BrowserPrint:
    """The print furniture of a document's lines: a head is furniture when it is said on two
    pages or more (once, a line that opens with a date and a time may be the text's: a chat log's),
    a foot when it gives the page count or its address is repeated."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.heads: Counter[str] | None = None
        self.urls: Counter[str] | None = None

    def title(self, stripped: str) -> str | None:
        """The page title of a print head repeated on other pages, or None."""
        head = _BROWSER_HEAD.fullmatch(stripped)
        if head is None:
            return None
        if self.heads is None:
            self.heads = Counter(line.strip() for line in self.lines if line[:1].isdigit() or line[:1].isspace())
        return head.group("title") if self.heads[stripped] >= 2 else None

    def is_foot(self, stripped: str) -> bool:
        foot = _BROWSER_FOOT.fullmatch(stripped)
        if foot is None:
            return False
        if foot.group("page"):
            return True
        if self.urls is None:
            self.urls = Counter(m.group("url") for line in self.lines if (m := _BROWSER_FOOT.fullmatch(line.strip())))
        return self.urls[foot.group("url")] >= 2


# The standing note on a United Nations verbatim record's cover, a paragraph over several lines.
_UN_RECORD_NOTE = re.compile(r"^This record contains the text of speeches delivered in .*?(?=\n[ \t]*\n|\Z)",
                             re.MULTILINE | re.DOTALL)


def remove_furniture(text: str, config: CleanConfig, fixes: list[str], meta: dict[str, str]) -> str:
    """Page numbers, running heads/footers (short lines repeated across pages) and web
    boilerplate removed. The first occurrence of a repeated line near the top is kept: it is
    the title page, and the header parser folds it."""
    if "This record contains" in text:
        text, notes = _UN_RECORD_NOTE.subn("", text)
        if notes:
            fixes.append("boilerplate")
    lines = text.split("\n")
    limit = config.furniture_max_chars
    keys = [_norm_furniture(line) if 0 < len(line.strip()) <= limit else "" for line in lines]
    counts = Counter(key for key in keys if key)
    # Lines shaped like page numbers: a line repeated beside one is a running head or foot.
    page_lines = {i for i, line in enumerate(lines) if "#" in keys[i] and _PAGE_NUMBER.match(line)}

    def beside_page_number(i: int) -> bool:
        before = next((j for j in range(i - 1, max(-1, i - 4), -1) if lines[j].strip()), None)
        after = next((j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].strip()), None)
        return before in page_lines or after in page_lines

    out: list[str] = []
    occurred: set[str] = set()  # short lines' keys met so far
    seen_repeated: set[str] = set()
    removed: set[str] = set()
    head_zone = 0
    list_left = 0
    head_names: Counter[str] = Counter()
    browser = _BrowserPrint(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            out.append(line)
            continue
        head_zone += 1
        if _PAGE_NUMBER.match(stripped) and index > 0 and not (head_zone <= 15 and _YEAR.match(stripped)):
            removed.add("page_numbers")
            out.append("")
            continue
        if stripped[:1].isdigit() and (title := browser.title(stripped)) is not None:
            meta.setdefault("page_title", title)
            removed.add("running_heads")
            out.append("")
            continue
        if stripped[:4] in ("http", "www.") and browser.is_foot(stripped):
            removed.add("running_heads")
            out.append("")
            continue
        bare = (_MD_LINK.sub(r"\1", stripped) if "](" in stripped else stripped).strip("*_#>[] «‹←")
        if list_left and len(stripped) <= 100 and not re.search(r"[.!?:;。！？]$", stripped):
            list_left -= 1  # an entry of a "Most read" / "Related" list
            removed.add("boilerplate")
            out.append("")
            continue
        list_left = 0
        if is_boilerplate(bare) or _SOCIAL.match(stripped) or (_may_be_nav(bare) and _NAV.match(bare)) \
                or (stripped.startswith("[") and (is_boilerplate(stripped) or _INDEX_LINK.match(stripped))):
            removed.add("boilerplate")
            out.append("")
            if _LIST_HEADER.match(bare):
                list_left = 8
            continue
        if "|" in bare or "·" in bare or ("\u3000" in bare.strip() and len(bare) <= 60):
            # "Comentarios (14) | Compartir en Facebook", "5 октября 2010 года, 14:20 | Просмотров: 2417":
            # the parts that are page chrome go, the rest of the line stays.
            # ("【字体：大 中 小】　打印本页　关闭窗口": items set apart by full-width spaces, in brackets)
            items = [item.strip(" <>«»‹›←→【】") for item in re.split(r"\s*[|·]\s*|\u3000+", bare) if item.strip(" <>«»‹›←→【】")]
            chrome = [item for item in items if is_boilerplate(item) or _SOCIAL.match(item) or _SHARE_ITEM.match(item)]
            if any(_PHONE_ITEM.match(item) for item in items) and any(_WEB_ITEM.match(item) for item in items):
                chrome = items  # "Av. de la Independencia 1450 · Puerto Alegre · Tel. … · www.…": a contact footer
            if chrome and len(chrome) == len(items):
                removed.add("boilerplate")
                out.append("")
                continue
            if chrome:
                removed.add("boilerplate")
                line = stripped = " | ".join(item for item in items if item not in chrome)
        posted = _POSTED.match(stripped)
        if posted and len(stripped) < 160 and re.search(r"\d", posted.group("rest")):
            meta.setdefault("posted", posted.group("rest"))
            poster = _POSTED_BY.search(posted.group("rest"))
            if poster:
                meta.setdefault("posted_by", poster.group(1))  # "Posted by Lena Osk on …": the writer
            # A blog's "Posted on … by …" line sits right under the post's headline.
            above = next((o.strip() for o in reversed(out) if o.strip()), "")
            if above and "headline" not in meta:
                meta["headline"] = _MD_LINK.sub(r"\1", above).strip("*_#> ")
            removed.add("boilerplate")
            out.append("")
            continue
        fix = _line_furniture(line, stripped)
        if fix is not None:
            removed.add(fix)
            if fix == "running_heads":
                _note_head_name(stripped, head_names, meta)
            out.append("")
            continue
        if len(stripped) > config.furniture_max_chars:
            out.append(line)
            continue
        key = keys[index] or _norm_furniture(stripped)
        repeated_before = key in occurred
        occurred.add(key)
        beside = bool(page_lines) and beside_page_number(index)
        if (
            (
                counts[key] >= config.furniture_min_repeats
                # twice is enough for a head with a page number or set centred on the page
                or (counts[key] >= 2 and len(key) > 8 and not _looks_dated(stripped)
                    and ("#" in key or len(line) - len(line.lstrip()) >= 8 or beside))
            )
            and not re.search(r"[.!?:;,)\]…。：！？，；]$", stripped)  # (a repeated speaker label is no head)
            and not re.match(r"^[(\[]", stripped)
            and len(key) > 3
        ):
            page_numbered = bool(re.search(r"\s\d{1,4}$", stripped)) and not _YEAR.match(stripped.split()[-1])
            # (unless a page number beside it shows it is the head of a later page)
            if key not in seen_repeated and head_zone <= 12 and not page_numbered and not (beside and repeated_before):
                seen_repeated.add(key)
                out.append(line)
                continue
            if counts[key] < config.furniture_min_repeats and head_zone <= 12 and not beside:
                out.append(line)  # a title page says a title's words twice ("DAIRY COOPERATIVES" / "… Dairy Cooperatives")
                continue
            seen_repeated.add(key)
            removed.add("running_heads")
            _note_head_name(stripped, head_names, meta)
            out.append("")
            continue
        out.append(line)
    if head_names:
        # A book's running heads alternate the author's name and the title: the name is the author.
        name, count = head_names.most_common(1)[0]
        if count >= 2:
            meta.setdefault("running_head_author", name)
    fixes.extend(f for f in ("page_numbers", "running_heads", "boilerplate", "table_of_contents") if f in removed)
    return "\n".join(out)


# A press release or transcript says where it ends; what follows is contacts and credits.
_END_MARK = re.compile(
    r"^\s*(?:#{3}|-\s*ends?\s*-|[-–—]\s*30\s*[-–—]|end of (?:transcript|statement|release|text)|"
    r"\[?end\]?|-+\s*o+0o+\s*-+|fin|fine|ende|конец)\s*$",
    re.IGNORECASE,
)
# Blocks that open a press contact: "Media contact", "For media enquiries", "Contact presse".
_CONTACT_BLOCK = re.compile(
    r"^\s*(?:media (?:contact|enquiries|inquiries)|for (?:media|press|further) (?:enquiries|inquiries|information)|"
    r"press contacts?|contact presse|pressekontakt|kontakt für die presse|contacto de prensa|contato para imprensa|"
    r"contatti stampa|контакты для сми|notes? to editors)\b",
    re.IGNORECASE,
)


def drop_after_end_mark(blocks: list[Block], fixes: list[str]) -> list[Block]:
    """The end mark of a release ('###', '- ENDS -', '-30-', 'END OF TRANSCRIPT') and the contact
    or credit lines after it go; so does a trailing press-contact block. Only when what follows
    is short: an end mark in the middle of a long text is something else."""
    total = sum(len(b.text) for b in blocks) or 1
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        tail = sum(len(b.text) for b in blocks[i + 1:])
        if tail > min(1500, total * 0.3):
            break
        if (len(block.lines) == 1 and _END_MARK.match(block.text) and i > 0) or \
                (_CONTACT_BLOCK.match(block.text) and i > len(blocks) // 2):
            fixes.append("boilerplate")
            return drop_after_end_mark(blocks[:i], fixes)  # an end mark may stand above the contacts
    return blocks


def _drop_web_info(blocks: list[Block], fixes: list[str]) -> list[Block]:
    """Archive credit blocks ("Source: … Transcription: … Mark-up: …") are not the document."""
    kept: list[Block] = []
    for block in blocks:
        labelled = [line for line in block.lines if _WEB_INFO.match(line)]
        if block.lines and len(labelled) >= max(1, len(block.lines) // 2) and len(block.text) < 600:
            fixes.append("boilerplate")
            continue
        kept.append(block)
    return kept


def _trim_line(line: str) -> str:
    """The line without its spaces at either end; empty if it holds only whitespace."""
    trimmed = line.strip(" ")
    return "" if trimmed.isspace() else trimmed


def clean_document(decoded: Decoded, config: CleanConfig) -> Cleaned:
    """Blocks of clean text and the list of fixes applied."""
    text, fixes = repair_text(decoded.text)
    meta: dict[str, str] = {}
    if decoded.format == "html":
        text, meta = html_to_text(text)
        fixes.append("markup")
    elif decoded.format == "json":
        text = json_to_text(text, meta=meta)
        fixes.append("markup")
    elif decoded.format in ("srt", "vtt"):
        text = captions_to_text(text)
        fixes.append("markup")
    if decoded.format in ("text", "markdown"):
        text = strip_pseudo_tags(text, fixes)
    if decoded.format == "text":
        text = split_header_columns(text)
    text = remove_furniture(text, config, fixes, meta)
    text = split_indented_paragraphs(text, fixes)
    text = split_line_paragraphs(text)
    # Tabs and exotic spaces inside lines become single spaces; indentation is not kept.
    text = "\n".join([_trim_line(line) for line in collapse_spaces(text).split("\n")])
    text = text.replace("\u3000", " ")
    blocks, front = markdown_to_blocks(text, fixes, markdown=decoded.format in ("markdown", "html", "json"))
    meta.update({k: v for k, v in front.items() if k not in meta})
    blocks = _drop_web_info(blocks, fixes)
    blocks = drop_after_end_mark(blocks, fixes)
    blocks = [b for b in blocks if b.rule or b.text.strip()]
    if not any(b.text.strip() for b in blocks):
        raise NoTextError("after removing markup and page furniture no text is left; check that the file holds the document's text.")
    return Cleaned(blocks=tuple(blocks), fixes=tuple(dict.fromkeys(fixes)), meta=meta)
