#ifndef EVENTMAPPER_CGEOS_SHIM_H
#define EVENTMAPPER_CGEOS_SHIM_H
#define USE_UNSTABLE_GEOS_CPP_API 0
#include <geos_c.h>
#endif
