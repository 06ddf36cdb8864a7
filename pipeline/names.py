"""People's names: recognizing a name line, removing honorifics, natural case for ALL-CAPS names."""

from __future__ import annotations

import re

# Words that join a sentence together; a line ending in one continues on the next line, and a
# line built of capitalized words plus these is a title, not a name. Several languages, short.
FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "as", "that", "which", "who", "whose", "but", "nor", "than", "into", "upon", "about", "between", "through", "under", "over", "against", "among", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "le", "la", "les", "des", "du", "de", "d'", "et", "ou", "à", "au", "aux", "en", "pour", "par", "sur", "dans", "avec", "que", "qui", "une", "un", "se", "ce", "cette", "ces", "son", "sa", "ses", "el", "los", "las", "del", "y", "o", "al", "con", "para", "por", "un", "una", "su", "sus", "lo", "como", "más", "der", "die", "das", "des", "dem", "den", "und", "oder", "zu", "im", "am", "an", "auf", "mit", "von", "für", "dass", "ein", "eine", "einer", "einem", "einen", "sich", "nicht", "il", "lo", "gli", "di", "della", "delle", "dei", "degli", "e", "per", "che", "nel", "nella", "os", "as", "do", "da", "dos", "das", "e", "ou", "em", "no", "na", "nos", "nas", "um", "uma", "и", "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "от", "для", "что", "как", "а", "но", "из", "за", "у", "же", "не"])

# Words that never stand in a person's name, whatever their case. Short words that are also name
# parts in some languages (Il, In, Un, Do, Da, La, Le, El) are deliberately absent.
NAME_STOP = frozenset(["the", "of", "and", "or", "to", "for", "on", "at", "by", "a", "an", "with", "from", "as", "is", "are", "was", "were", "that", "this", "which", "these", "those", "our", "your", "their", "its", "my", "we", "you", "they", "he", "she", "it", "his", "her", "not", "but", "der", "die", "das", "und", "oder", "et", "les", "des", "los", "las", "y", "и", "в", "на", "что"])

# Titles and forms of address that precede a name and are not part of it.
HONORIFICS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "lord", "lady", "hon", "hon.", "rt.", "rt", "honourable", "honorable", "h.e.", "he", "his", "her", "excellency", "excellence", "exc.", "excmo", "excmo.", "excma", "excma.", "sr", "sr.", "sra", "sra.", "sres", "señor", "señora", "don", "doña", "m.", "mme", "mme.", "mlle", "monsieur", "madame", "herr", "frau", "fräulein", "signor", "signora", "sig.", "sig.ra", "on.", "onorevole", "comrade", "comrades", "tovarishch", "товарищ", "господин", "госпожа", "г-н", "г-жа", "rev", "rev.", "reverend", "fr.", "father", "president", "präsident", "präsidentin", "vizepräsident", "vizepräsidentin", "presidente", "président", "chairman", "chairwoman", "chair", "premier", "prime", "minister", "secretary", "general", "secretary-general", "ambassador", "dear", "leader", "great", "marshal", "general", "generalissimo", "king", "queen", "prince", "princess", "emperor", "senator", "rep.", "representative", "abg.", "abgeordneter", "abgeordnete", "bundeskanzler", "bundeskanzlerin", "bundesminister", "bundesministerin"])

# Offices that stand before a name in several languages ("Discurso do Ministro da Educação, …").
HONORIFICS = HONORIFICS | frozenset(["przewodniczący", "przewodnicząca", "wiceprzewodniczący", "wiceprzewodnicząca",
                                     "radny", "radna", "członek", "marszałek", "wicemarszałek", "wojewoda", "poseł",
                                     "posłanka", "starosta", "burmistrz", "wójt", "hejtman", "poslanec", "poslankyně",
                                     "canciller", "cancillera", "chancellor", "ministro", "ministra", "ministre", "ministerin", "secretário", "secretária", "secretario", "secretaria", "oberbürgermeister", "oberbürgermeisterin", "bürgermeister", "bürgermeisterin", "alcalde", "alcaldesa", "sindaco", "sindaca", "prefeito", "prefeita", "maire", "governor", "gobernador", "governatore", "governador", "senador", "senatore", "sénateur", "député", "deputado", "diputado", "deputato"])

ORG_NAME_WORDS = frozenset(["news", "service", "press", "agency", "forum", "herald", "times", "post", "gazette",
                            "tribune", "journal", "courier", "daily", "weekly", "zeitung", "rundschau", "review",
                            "radio", "television", "tv", "network", "media", "wire", "bulletin", "magazine",
                            "home", "about", "events", "contact", "blog", "archive", "search", "menu", "login",
                            "subscribe", "donate", "shop", "repubblica", "presidenza"])
HONORIFICS = HONORIFICS | frozenset(["spokesperson", "spokesman", "spokeswoman", "sprecher", "sprecherin", "portavoz",
                                      "porte-parole", "mag.", "mag", "dipl.-ing.", "ing.", "dkfm.", "kollege", "kollegin", "deputy", "teachta", "staatsminister", "staatsministerin", "staatssekretär",
                                      "staatssekretärin", "ministerpräsident", "ministerpräsidentin", "landtagspräsident",
                                      "landtagspräsidentin", "senatorin", "abg", "gobernadora", "presidenta", "diputada", "senadora", "governadora",
                                      "presidenta", "senatrice", "deputata", "députée", "sénatrice", "councillor", "councilor", "cllr", "cllr.", "alderman", "madam", "archbishop", "bishop", "cardinal", "sheikh", "imam", "rabbi", "pastor",
                                      "burgemeester", "minister-president", "voorzitter", "hidróloga", "hidrólogo"])

# Words that name organisations, places and offices, not people ("REPUBLICA DE CUBA").
ORG_WORDS = frozenset(["republic", "republica", "república", "république", "republik", "republiek", "kingdom", "reino", "royaume", "königreich", "empire", "state", "states", "united", "unidos", "unies", "vereinigte", "nations", "naciones", "ministry", "ministerio", "ministère", "ministerium", "mission", "misión", "party", "partido", "parti", "partei", "committee", "comité", "comite", "komitee", "union", "unión", "embassy", "embajada", "ambassade", "botschaft", "council", "consejo", "conseil", "rat", "assembly", "asamblea", "assemblée", "versammlung", "government", "gobierno", "gouvernement", "regierung", "federation", "federación", "fédération", "föderation", "society", "sociedad", "société", "gesellschaft", "association", "asociación", "department", "office", "bureau", "agency", "institute", "university", "college", "school", "church", "army", "navy", "league", "front", "movement", "bundestag", "parliament", "parlamento", "parlement", "congress", "congreso", "congrès", "kongress", "senate", "senado", "sénat", "россия", "республика", "федерация", "министерство", "партия", "комитет", "союз", "правительство"])

ORG_WORDS = ORG_WORDS | frozenset(["senato", "camera", "repubblica", "regione", "provincia", "comune", "bundesrat", "landtag",
                                   "assemblea", "consiglio", "governo", "ministero", "duma", "дума", "совет", "сенат",
                                   "agencia", "agence", "agentur", "agenzia", "prensa", "presse", "noticias", "nachrichten",
                                   "notizie", "notícias", "новости", "вести"])
# Words of titles and publications, never of a person's name ("Rural Bus Services", "Northern Life").
NOT_NAME_WORDS = frozenset(["port", "fort", "lake", "mount", "bay", "республики", "республике", "федерации", "россии", "области", "края", "города", "района",
                            "союза", "партии", "министерства", "правительства", "думы", "совета",
                            "dank", "vielen", "danke", "damen", "herren", "kollegen", "kolleginnen", "cooperatives",
                            "cooperative", "farms", "workers", "people", "nation", "nations", "priority", "capitol", "services", "affairs", "bill", "act", "debate", "questions", "session", "sitting",
                            "minutes", "programme", "program", "policy", "budget", "strategy", "reform", "report", "plan",
                            "fund", "bank", "company", "corporation", "group", "commission", "board", "authority", "court",
                            "tribunal", "police", "life", "world", "today", "weekly", "monthly", "magazine", "journal"])
# Offices before a name in Russian and a few more languages.
HONORIFICS = HONORIFICS | frozenset(["президент", "председатель", "министр", "губернатор", "мэр", "депутат", "премьер-министр",
                                      "глава", "посол", "генеральный", "секретарь", "вице-президент", "сенатор"])

PARTICLES = frozenset(["de", "da", "das", "do", "dos", "du", "del", "della", "di", "van", "von", "der", "den", "ter", "ten", "bin", "ibn", "al", "el", "la", "le", "y", "e", "arap", "ole", "zu", "st.", "st"])

_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž\u0400-\u042F][\w'’\-]*\.?|(?:[A-ZÀ-ÖØ-ÞА-Я]\.){1,3}[\w'’\-]*)$", re.UNICODE)


# Letters after a name: "Hon. Priya Natarajan-Holt, MP", "Jane Roe, PhD".
_POST_NOMINALS = re.compile(r",?\s+(?:MP|M\.P\.|MLA|MPP|MSP|MEP|MdB|MdL|TD|QC|KC|PhD|Ph\.D\.|Jr|Sr|OBE|CBE|MBE|KBE|DBE)\.?\s*$")


# Letters after a name that are not part of it (degrees, honours, seats), stripped from speakers and
# authors; a generation ('Jr.') is part of the name and stays.
_POST_NOMINAL_LETTERS = re.compile(
    r"(?:,?\s+(?:MP|M\.P\.|MLA|MPP|MSP|MEP|MdB|MdL|TD|QC|KC|PhD|Ph\.D\.|OBE|CBE|MBE|KBE|DBE)\.?)+\s*$")


# A generation after a name, written the same in a name in capitals: "EDGARD LEBLANC FILS Jr.", "JOHN DOE III".
_GENERATION = re.compile(r"(?:Jr|Sr|Jnr|Snr)\.?|I{2,3}|IV")


# (not the Arabic and East African ones, nor Portuguese 'e' and 'St.': records write them as they come)
_NAME_PARTICLES = (PARTICLES - {"bin", "ibn", "al", "el", "e", "arap", "ole", "st.", "st"}) | {"las", "los"}
_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def _lower(word: str) -> str:
    """Lower case; Turkish dotted and dotless I in a word that shows Turkish letters ('IŞIKLI' ->
    'ışıklı'), and 'İ' as 'i' always (str.lower gives 'i' and a combining dot)."""
    if "İ" in word or "Ş" in word or "Ğ" in word:
        word = word.translate(_TURKISH_LOWER)
    return word.lower()


def natural_case(text: str) -> str:
    """'KIM IL SUNG' -> 'Kim Il Sung'; text with lower-case letters (but for a closing 'Jr.') is
    returned as written."""
    words = text.split()
    suffix = words.pop() if len(words) > 1 and _GENERATION.fullmatch(words[-1]) else None
    if any(c.islower() for word in words for c in word):
        return text

    def fix(word: str) -> str:
        if len(word) <= 1:
            return word
        if re.fullmatch(r"(?:[A-ZА-Я]\.)+", word):  # initials stay initials
            return word
        parts = re.split(r"([\-'’])", word)
        return "".join(p[:1].upper() + _lower(p[1:]) if p and p[0].isalpha() else p for p in parts)

    fixed = [fix(w) for w in words]
    # particles inside a name stay lower case: "ANSELMO RUIZ DE LA PEÑA" -> "Anselmo Ruiz de la Peña"
    fixed = [w.lower() if 0 < i < len(fixed) - 1 and w.lower() in _NAME_PARTICLES else w for i, w in enumerate(fixed)]
    return " ".join([*fixed, *([suffix] if suffix else [])])


# Titles written short with a full stop, and a title that takes none ('Sir').
ABBREVIATED_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Hon", "Prof", "Sr", "Sra")
_GLUED_TITLE = re.compile(r"\b(" + "|".join(ABBREVIATED_TITLES) + r")\.(?=[A-Za-zÀ-ÿ])", re.IGNORECASE)
_DOTTED_SIR = re.compile(r"\b(Sir)\.\s*(?=[A-Za-zÀ-ÿ])", re.IGNORECASE)


def respace_titles(text: str) -> str:
    """Titles as typists and OCR leave them, set apart from the name: 'Mr.Karume' -> 'Mr. Karume',
    'Sir. Mudavadi' -> 'Sir Mudavadi'."""
    if "." not in text:
        return text
    return _DOTTED_SIR.sub(r"\1 ", _GLUED_TITLE.sub(r"\1. ", text))


_DON = frozenset(["d.", "dn.", "dña.", "dª", "dª.", "d.ª"])
_SPANISH_TITLES = frozenset(["sr", "sr.", "sra", "sra.", "srta.", "señor", "señora", "excmo", "excmo.", "excma", "excma.",
                             "ilmo.", "ilma.", "sres", "sres."])
# Titles that are also common surnames: after a given name, part of the name ("Ana Pastor Julián").
# (Not "general", "lord", "prince" or "marshal": second words of offices, "Attorney General Janet Reno".)
_SURNAME_TITLES = frozenset(["pastor", "king"])


def _drop_don(name: str) -> str:
    """'Excmo. Sr. D. Pedro Sánchez' -> 'Excmo. Sr. Pedro Sánchez': after a Spanish title and
    before a given name, 'D.' and 'Dña.' are Don and Doña, not initials (as in 'Mr. D. H. Smith')."""
    tokens = name.split()
    for i in range(1, len(tokens) - 2):
        if tokens[i].casefold() in _DON and tokens[i - 1].casefold().rstrip(",") in _SPANISH_TITLES \
                and not tokens[i + 1].endswith("."):
            return " ".join(tokens[:i] + tokens[i + 1:])
    return name


def strip_honorifics(name: str) -> str:
    """Leading titles and forms of address removed: 'H.E. Mr. Kim Song' -> 'Kim Song'; letters
    after the name too ('Margaret Ellison-Kane MP', 'Jane Roe, PhD').
    A name that is nothing but a title ('The President') keeps its last title word; an office
    ('The Minister for Energy') stays whole, without its article."""
    name = _drop_don(respace_titles(name))
    name = _POST_NOMINAL_LETTERS.sub("", name) or name
    tokens = name.replace("\u00a0", " ").split()
    kept = list(tokens)
    while kept and (kept[0].casefold().rstrip(",") in HONORIFICS or kept[0].casefold() in ("the", "der", "die", "el", "la", "le")):
        kept.pop(0)
    if kept and kept[0].casefold() in ("for", "of", "für", "de", "du", "del", "des", "della", "da", "do"):
        kept = [t for t in tokens if t.casefold() not in ("the", "der", "die", "el", "la", "le")][:1] + kept
    if not kept:
        words = [t for t in tokens if t.casefold() not in ("the", "der", "die", "el", "la", "le")]
        kept = words[-2:] if len(words) >= 2 and words[-2].casefold() in ("vice", "deputy", "attorney") else words[-1:]
    return " ".join(kept).strip(" ,;:")


def is_person_name(text: str, max_tokens: int = 5) -> bool:
    """A short run of capitalized words (initials, particles allowed) with no sentence words."""
    text = _POST_NOMINALS.sub("", text.strip().strip(","))
    if not text or len(text) > 60 or re.search(r"\d", text):
        return False
    if re.match(r"^(?:by|von|par|por|di)\s+", text, re.IGNORECASE):
        text = text.split(None, 1)[1] if len(text.split()) > 1 else ""
    tokens = text.replace("\u00a0", " ").split()
    if len(tokens) > 1 and tokens[0].casefold() == "the" and tokens[1].casefold() in HONORIFICS:
        tokens.pop(0)  # "The Rt. Hon. Margaret Ellison-Kane", "The Hon. Jane Roe"
    while tokens and tokens[0].casefold() in HONORIFICS:
        tokens.pop(0)
    # "В.Путин", "G.V.Plekhanov": initials glued to the surname.
    if len(tokens) == 1 and re.fullmatch(r"(?:[A-ZА-ЯЁ]\.){1,3}\s?[A-ZА-ЯЁ][\w\-']+", tokens[0]):
        return True
    if not 2 <= len(tokens) <= max_tokens:
        return False
    if any(re.search(r"['’][sS]$", t) for t in tokens[:-1]):
        return False  # "ANNIKA TEREVAINEN-LOWE'S ADDRESS": a possessive and what it owns
    for i, token in enumerate(tokens):
        low = token.casefold()
        if 0 < i < len(tokens) - 1 and low in PARTICLES:
            continue
        if low in NAME_STOP or low in HONORIFICS or low in ORG_WORDS or low in ORG_NAME_WORDS or low in NOT_NAME_WORDS \
                or (low in FUNCTION_WORDS and token[0].islower()):
            return False
        if not _TOKEN.match(token):
            return False
    return True


# Korean names: a common family name and one or two syllables ("박영철", "리광수", "김일성").
_HANGUL_NAME = re.compile(
    r"^[김리이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉]"
    r"[가-힣]{1,2}$"
)


# Words that name what a Korean text is ("신년사", New Year address), shaped like a surname and a given
# name; and the archive's labels for its own note and the original ("해제", "원문").
KOREAN_GENRES = frozenset(["신년사", "기념사", "개회사", "폐회사", "축사", "환영사", "격려사", "치사", "대회사", "취임사",
                           "추도사", "연설", "연설문", "담화", "담화문", "서한", "사설", "논설", "강연", "보고", "성명",
                           "성명서", "인사말", "연두사", "송년사", "해제", "원문"])


def is_hangul_name(text: str) -> bool:
    text = text.strip()
    return bool(_HANGUL_NAME.match(text)) and text not in KOREAN_GENRES


# Words after a name in an occasion that say where or when, not who: "… FEDERICO ARRIETA LOMAS EN LA CONFERENCIA".
_OCCASION_STOP = frozenset(["en", "em", "à", "au", "aux", "in", "im", "bei", "lors", "durante", "during", "sur", "pour",
                            "para", "nella", "nel", "alla", "on", "to", "at", "до", "на", "в"])


def name_in_occasion(text: str) -> str | None:
    """The person an occasion names after 'by/von/de/del/do/of/par' ('Rede von Jutta Rehfeld bei …'),
    or set off by commas after a role ('Discurso do Ministro da Educação, Rui Amaral Teixeira, na …')."""
    for match in re.finditer(r",\s+([^,]{3,60}?),", text):
        candidate = match.group(1).strip()
        if is_person_name(candidate) and not any(t.casefold() in ORG_WORDS for t in candidate.split()):
            return natural_case(strip_honorifics(candidate))
    for match in re.finditer(r"\b(by|von|vom|van|de|del|della|do|da|di|of|par|por)\s+", text, re.IGNORECASE):
        tokens = text[match.end():].replace("\u00a0", " ").split()
        titled = False
        while tokens and tokens[0].casefold().strip(",") in HONORIFICS:
            tokens.pop(0)
            titled = True
            # "Presidente della Repubblica Aldo Ferrante": the office's own complement is not the name.
            while len(tokens) > 1 and tokens[0].casefold() in PARTICLES and (
                    tokens[1].casefold().strip(",") in ORG_WORDS or tokens[1].casefold().strip(",") in ORG_NAME_WORDS):
                tokens = tokens[2:]
        # "by/von/par/por" name the author; "of/de/del/…" only when a title follows ("del Presidente X").
        by = match.group(1).casefold() in ("by", "von", "vom", "van", "par", "por")
        name: list[str] = []
        apposition = False  # "Allocution de Solange Verhaeren, maire de …": the name set off by a comma
        for token in tokens[:5]:
            bare = token.strip(",;:.")
            if bare and bare[0].isupper() and bare.casefold() not in NAME_STOP and bare.casefold() not in ORG_WORDS \
                    and bare.casefold() not in _OCCASION_STOP:
                name.append(bare)
                if bare != token.rstrip("."):
                    apposition = token.endswith(",")
                    break
            elif name and bare.casefold() in PARTICLES:
                name.append(bare)
            else:
                break
        while name and name[-1].casefold() in PARTICLES:
            name.pop()
        # "of/de/del/…" name the speaker only with a title ("del Presidente X") or as an apposition.
        if not (titled or by or apposition):
            continue
        if len(name) >= 2 and is_person_name(" ".join(name)):
            return natural_case(" ".join(name))
    return None


# Words that complete an office before the name ("Przewodnicząca Sejmiku …", "Członek Zarządu Województwa …").
OFFICE_COMPLEMENTS = frozenset(["sejmiku", "sejmu", "senatu", "zarządu", "województwa", "rady", "miasta", "gminy",
                                "powiatu", "kraje", "krajského", "úřadu", "vlády", "parlamentu"])


def name_from_text(text: str) -> str:
    """A name line as a person's name: 'by' and honorifics removed, natural case; an office's
    complement before the name dropped ('Bundesministerin für Verkehr Elisabeth Haid')."""
    text = _POST_NOMINALS.sub("", re.sub(r"^(?:by|von|par|por|di)\s+", "", text.strip(), flags=re.IGNORECASE))
    text = _drop_don(text)
    tokens = text.split()
    if len(tokens) >= 4 and tokens[0].casefold() in HONORIFICS and any(t.islower() for t in tokens[1:-2]):
        last_lower = max(i for i, t in enumerate(tokens[:-2]) if t.islower())
        # "für Verkehr Elisabeth Haid": the complement is the lower-case word and the noun after it
        tail = tokens[last_lower + 2:] if len(tokens) - last_lower - 2 >= 2 else tokens[last_lower + 1:]
        if len(tail) >= 2 and is_person_name(" ".join(tail)):
            text = " ".join(tail)
    tokens = text.split()
    # "FOREIGN MINISTER DARIO KELL", "Przewodnicząca Sejmiku Teresa Jabłońska", "Członek Zarządu
    # Województwa Konrad Śliwiński": an office of several words before the name.
    office = [i for i, t in enumerate(tokens[:4]) if t.casefold().rstrip(",") in HONORIFICS
              and not (i and t.casefold() in _SURNAME_TITLES and tokens[i - 1].casefold() not in HONORIFICS)]
    if office and len(tokens) > office[-1] + 1:
        tail = tokens[office[-1] + 1:]
        while len(tail) > 1 and tail[0].casefold() in OFFICE_COMPLEMENTS:
            tail = tail[1:]
        if (office[-1] >= 1 or len(tail) < len(tokens) - 1) and all(t[:1].isupper() for t in tokens[:office[-1] + 1]) \
                and (is_person_name(" ".join(tail)) or (len(tail) == 1 and tail[0][:1].isupper())):
            text = " ".join(tail)
    return natural_case(strip_honorifics(text)).strip(" ,.")
