"""Notes as typed and cleaned: the capture syntax, the kind and feeling symbols, cleaning, redaction, text import."""
