#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU: <libxml/encoding.h> includes <unicode/ucnv.h>, whose
 * types clash with the ICU copy Foundation bundles. Block the system header through its include
 * guard; encoding.h needs only these two types (a pointer and uint16_t). */
#include <stdint.h>
#ifndef UCNV_H
#define UCNV_H
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlsave.h>
#include <libxml/uri.h>

/* xmlFree is a C global function pointer, which Swift 6 rejects as not concurrency-safe. */
static inline void cxml_free(void *p) { xmlFree(p); }
static inline const char *cxml_version(void) { return LIBXML_DOTTED_VERSION; }
/* Silence libxml2's generic (global) error printer; readers install their own handlers. */
static inline void cxml_silent_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_install_silent_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, cxml_silent_generic_error);
}
#endif
