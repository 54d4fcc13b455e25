#ifndef EVENTMAPPER_CLIBXML2_SHIM_H
#define EVENTMAPPER_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding header then includes the system ICU headers, which
// clash with Foundation's own copy of ICU in one Swift module. The HTML parser API needs none of ICU.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
