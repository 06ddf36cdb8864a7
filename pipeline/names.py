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
HONORIFICS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "lord", "lady", "hon", "hon.", "honourable", "honorable", "h.e.", "he", "his", "her", "excellency", "excellence", "exc.", "excmo", "excmo.", "excma", "excma.", "sr", "sr.", "sra", "sra.", "sres", "señor", "señora", "don", "doña", "m.", "mme", "mme.", "mlle", "monsieur", "madame", "herr", "frau", "fräulein", "signor", "signora", "sig.", "sig.ra", "on.", "onorevole", "comrade", "comrades", "tovarishch", "товарищ", "господин", "госпожа", "г-н", "г-жа", "rev", "rev.", "reverend", "fr.", "father", "president", "präsident", "präsidentin", "vizepräsident", "vizepräsidentin", "presidente", "président", "chairman", "chairwoman", "chair", "premier", "prime", "minister", "secretary", "general", "secretary-general", "ambassador", "dear", "leader", "great", "marshal", "general", "generalissimo", "king", "queen", "prince", "princess", "emperor", "senator", "rep.", "representative", "abg.", "abgeordneter", "abgeordnete", "bundeskanzler", "bundeskanzlerin", "bundesminister", "bundesministerin"])

# Words that name organisations, places and offices, not people ("REPUBLICA DE CUBA").
ORG_WORDS = frozenset(["republic", "republica", "república", "république", "republik", "republiek", "kingdom", "reino", "royaume", "königreich", "empire", "state", "states", "united", "unidos", "unies", "vereinigte", "nations", "naciones", "ministry", "ministerio", "ministère", "ministerium", "mission", "misión", "party", "partido", "parti", "partei", "committee", "comité", "comite", "komitee", "union", "unión", "embassy", "embajada", "ambassade", "botschaft", "council", "consejo", "conseil", "rat", "assembly", "asamblea", "assemblée", "versammlung", "government", "gobierno", "gouvernement", "regierung", "federation", "federación", "fédération", "föderation", "society", "sociedad", "société", "gesellschaft", "association", "asociación", "department", "office", "bureau", "agency", "institute", "university", "college", "school", "church", "army", "navy", "league", "front", "movement", "bundestag", "parliament", "parlamento", "parlement", "congress", "congreso", "congrès", "kongress", "senate", "senado", "sénat", "россия", "республика", "федерация", "министерство", "партия", "комитет", "союз", "правительство"])

PARTICLES = frozenset(["de", "da", "das", "do", "dos", "du", "del", "della", "di", "van", "von", "der", "den", "ter", "ten", "bin", "ibn", "al", "el", "la", "le", "y", "e", "arap", "ole", "zu", "st.", "st"])

_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž\u0400-\u042F][\w'’\-]*\.?|(?:[A-ZÀ-ÖØ-ÞА-Я]\.){1,3}[\w'’\-]*)$", re.UNICODE)


def natural_case(text: str) -> str:
    """'KIM IL SUNG' -> 'Kim Il Sung'; text with lower-case letters is returned as written."""
    if any(c.islower() for c in text):
        return text

    def fix(word: str) -> str:
        if len(word) <= 1:
            return word
        if re.fullmatch(r"(?:[A-ZА-Я]\.)+", word):  # initials stay initials
            return word
        parts = re.split(r"([\-'’])", word)
        return "".join(p[:1].upper() + p[1:].lower() if p and p[0].isalpha() else p for p in parts)

    return " ".join(fix(w) for w in text.split())


def strip_honorifics(name: str) -> str:
    """Leading titles and forms of address removed: 'H.E. Mr. Kim Song' -> 'Kim Song'.
    A name that is nothing but a title ('The President') keeps its last title word."""
    tokens = name.replace("\u00a0", " ").split()
    kept = list(tokens)
    while kept and (kept[0].casefold().rstrip(",") in HONORIFICS or kept[0].casefold() in ("the", "der", "die", "el", "la", "le")):
        kept.pop(0)
    if not kept:
        words = [t for t in tokens if t.casefold() not in ("the", "der", "die", "el", "la", "le")]
        kept = words[-2:] if len(words) >= 2 and words[-2].casefold() in ("vice", "deputy", "attorney") else words[-1:]
    return " ".join(kept).strip(" ,;:")


def is_person_name(text: str, max_tokens: int = 5) -> bool:
    """A short run of capitalized words (initials, particles allowed) with no sentence words."""
    text = text.strip().strip(",")
    if not text or len(text) > 60 or re.search(r"\d", text):
        return False
    if re.match(r"^(?:by|von|par|por|di)\s+", text, re.IGNORECASE):
        text = text.split(None, 1)[1] if len(text.split()) > 1 else ""
    tokens = text.replace("\u00a0", " ").split()
    while tokens and tokens[0].casefold() in HONORIFICS:
        tokens.pop(0)
    # "В.Путин", "G.V.Plekhanov": initials glued to the surname.
    if len(tokens) == 1 and re.fullmatch(r"(?:[A-ZА-ЯЁ]\.){1,3}\s?[A-ZА-ЯЁ][\w\-']+", tokens[0]):
        return True
    if not 2 <= len(tokens) <= max_tokens:
        return False
    for i, token in enumerate(tokens):
        low = token.casefold()
        if 0 < i < len(tokens) - 1 and low in PARTICLES:
            continue
        if low in NAME_STOP or low in HONORIFICS or low in ORG_WORDS or (low in FUNCTION_WORDS and token[0].islower()):
            return False
        if not _TOKEN.match(token):
            return False
    return True


def name_from_text(text: str) -> str:
    """A name line as a person's name: 'by' and honorifics removed, natural case."""
    text = re.sub(r"^(?:by|von|par|por|di)\s+", "", text.strip(), flags=re.IGNORECASE)
    return natural_case(strip_honorifics(text)).strip(" ,.")
