#ifndef WUYOU_CLIBXML2_SHIM_H
#define WUYOU_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the copy of ICU inside
   Foundation ("UErrorCode has different definitions"). We never touch the ICU fields of
   xmlCharEncodingHandler (only pointers to it), so the ICU part of the headers is left out. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlIO.h>

/* In Swift 6 mode the global `xmlFree` function pointer is a mutable global and a
   concurrency error; calling it through an inline function keeps strict checking on. */
static inline void wuyou_xmlFree(void *pointer) { xmlFree(pointer); }

/* Silence libxml2's default generic error printer for this thread; structured handlers
   are attached to each parser and validation context instead. */
static void wuyou_ignoreGenericError(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void wuyou_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, wuyou_ignoreGenericError);
}

#endif
