#ifndef EVENTMAPPER_CPROJ_SHIM_H
#define EVENTMAPPER_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
