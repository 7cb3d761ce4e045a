/* libxml2 for the tests' HTML parsing. Its ICU hooks are switched off so the
   system ICU headers do not clash with Foundation's bundled ICU; the tests
   use none of libxml2's encoding internals. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/tree.h>
