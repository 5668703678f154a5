#ifndef HELPSITE_CMARK_CONCURRENCY_H
#define HELPSITE_CMARK_CONCURRENCY_H

#include <stdbool.h>

typedef struct cmark_parser cmark_parser;

/// Marks the special inline characters of `parser`'s extensions once and for all
/// in cmark-gfm's process-wide table, and from then on turns the library's
/// per-parse add and remove of those characters into nothing. Returns false,
/// changing nothing, when the library's own function cannot be found.
bool helpsite_cmark_pin_special_characters(cmark_parser *parser);

/// How often cmark-gfm has called its add-or-remove function through the
/// replacement below: zero after a parse means the replacement is not in use
/// (the library calls its own copy) and parses must not overlap.
long helpsite_cmark_special_character_calls(void);

#endif
