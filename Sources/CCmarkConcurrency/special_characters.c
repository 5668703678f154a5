// cmark-gfm 0.29 keeps one table of "special" inline characters for the whole
// process (SPECIAL_CHARS in inlines.c). Every cmark_parser_finish adds its
// extensions' characters (`~` for strikethrough, `:` and `w` for autolinks) to
// that table before parsing inlines and removes them after, through the exported
// cmark_manage_extensions_special_characters. Two parses at once therefore race:
// one parse's removal makes the other skip `~~struck~~` (upstream: github/cmark-gfm
// pull request 176, unmerged).
//
// HelpSite attaches the same four extensions to every parser, so the table it
// needs is the same for every parse. This file defines
// cmark_manage_extensions_special_characters itself. The library calls it
// through its procedure linkage table, so the dynamic linker binds those calls to
// this definition in the executable. After helpsite_cmark_pin_special_characters
// has set the characters once with the library's own function (found with
// RTLD_NEXT), the per-parse add and remove do nothing, and the table is only read
// while pages are parsed. Whether the library really calls this definition is
// counted, and CommonMark keeps parses one at a time when it does not.
#define _GNU_SOURCE
#include "CCmarkConcurrency.h"

#include <dlfcn.h>
#include <stdatomic.h>

typedef void (*manage_function)(cmark_parser *parser, int add);

static atomic_bool pinned = false;
static atomic_long calls = 0;

static manage_function library_function(void) {
    static _Atomic(manage_function) found = NULL;
    manage_function function = atomic_load(&found);
    if (function == NULL) {
        function = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        atomic_store(&found, function);
    }
    return function;
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    atomic_fetch_add(&calls, 1);
    if (atomic_load(&pinned)) return;
    manage_function function = library_function();
    if (function != NULL) function(parser, add);
}

bool helpsite_cmark_pin_special_characters(cmark_parser *parser) {
    manage_function function = library_function();
    if (function == NULL) return false;
    function(parser, 1);
    atomic_store(&pinned, true);
    return true;
}

long helpsite_cmark_special_character_calls(void) {
    return atomic_load(&calls);
}
